/**
 * Parsing and schema-checking of single content files, from their text: no file system, so the
 * browser builder can import a briefing with exactly the checks `npm run check` applies.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { brandSchema, type Brand } from '../schema/brand.ts';
import { briefingSchema } from '../schema/briefing.ts';
import { idSchema } from '../schema/common.ts';
import { insightSchema } from '../schema/insight.ts';
import { limits } from '../schema/limits.ts';
import { crossIndustry, taxonomySchema, type Taxonomy } from '../schema/taxonomy.ts';
import { decodeText } from './decode-text.ts';
import { issuesFromZod, type ContentIssue } from './issues.ts';
import { checkBody, parseBody } from './mdx-body.ts';
import { readPlainYaml } from './plain-yaml.ts';
import { talkTrack } from './talk-track.ts';
import type { BriefingEntry, InsightEntry } from './validate.ts';

export { decodeText };

/** The file name without folders and without `extension` (a pattern such as /\.mdx$/). */
function baseName(file: string, extension: RegExp): string {
	return (file.split('/').pop() ?? file).replace(extension, '');
}

/** Most problems reported per file: past a few, the rest are echoes of the same mistake. */
const maxIssuesPerFile = 20;

/** `issues`, at most {@link maxIssuesPerFile} of them, the last saying how many more there were. */
export function capIssues(file: string, issues: ContentIssue[]): ContentIssue[] {
	if (issues.length <= maxIssuesPerFile) return issues;
	const rest = issues.length - (maxIssuesPerFile - 1);
	return [
		...issues.slice(0, maxIssuesPerFile - 1),
		{
			file,
			field: '',
			message: `fewer problems (${rest.toLocaleString('en-US')} more in this file are not listed)`,
			severity: 'error',
			rule: 'too-many-issues',
		},
	];
}

/**
 * Offsets of keys that repeat an earlier key of the same mapping, in document order. The yaml
 * package's own check (`uniqueKeys`) compares every key with every other: minutes for a 1 MB file
 * of keys. A plain walk of the nodes, since `visit` costs more than the check itself.
 */
function duplicateKeyOffsets(doc: Document): number[] {
	const offsets: number[] = [];
	const walk = (node: unknown): void => {
		if (isMap(node)) {
			const seen = new Set<unknown>();
			for (const pair of node.items) {
				const key = isScalar(pair.key) ? pair.key.value : pair.key;
				if (seen.has(key)) offsets.push(isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0);
				seen.add(key);
			}
			for (const pair of node.items) walk(pair);
		} else if (isSeq(node)) {
			for (const item of node.items) walk(item);
		} else if (isPair(node)) {
			walk(node.key);
			walk(node.value);
		}
	};
	walk(doc.contents);
	return offsets;
}

/** Options every YAML file is parsed with (see {@link parseYaml}). */
const yamlOptions = { prettyErrors: false, uniqueKeys: false, resolveKnownTags: false } as const;

/** Parses YAML, reporting syntax errors as issues with their line (offset by `lineOffset`). */
export function parseYaml(
	file: string,
	source: string,
	lineOffset = 0,
): { data: unknown; issues: ContentIssue[] } {
	const issue = (message: string): ContentIssue => ({
		file,
		field: '',
		message,
		severity: 'error',
		rule: 'yaml',
	});
	// Most files are plain block YAML, read without building the yaml package's document.
	const plain = readPlainYaml(source);
	if (plain !== undefined) return { data: plain, issues: [] };
	// `resolveKnownTags: false`: YAML 1.1 tags such as !!binary and !!set would make values no
	// schema field takes; they are reported below with every other tag the core schema lacks.
	let doc: Document;
	try {
		doc = parseDocument(source, yamlOptions);
	} catch (error) {
		// Nesting deep enough to exhaust the parser's stack, for one.
		return {
			data: undefined,
			issues: [issue(`valid YAML (${error instanceof Error ? error.message : String(error)})`)],
		};
	}
	const duplicates = doc.errors.length ? [] : duplicateKeyOffsets(doc);
	const tags = doc.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED');
	if (doc.errors.length || duplicates.length || tags.length) {
		return { data: undefined, issues: yamlIssues(file, source, lineOffset, issue) };
	}
	try {
		return { data: doc.toJS({ maxAliasCount: limits.yamlAliases }), issues: [] };
	} catch (error) {
		// The yaml package throws when aliases expand past the limit (an "alias bomb").
		const bomb = error instanceof ReferenceError && /excessive alias/i.test(error.message);
		return {
			data: undefined,
			issues: [
				issue(
					bomb
						? `YAML whose aliases (*name) expand to a reasonable size (they expand past ${limits.yamlAliases} copies: write the values out)`
						: `valid YAML (${error instanceof Error ? error.message : String(error)})`,
				),
			],
		};
	}
}

/**
 * The problems of YAML that failed {@link parseYaml}'s first parse, each with its line. Only a
 * failing file pays for counting lines: it is parsed again, now with a line counter.
 */
function yamlIssues(
	file: string,
	source: string,
	lineOffset: number,
	issue: (message: string) => ContentIssue,
): ContentIssue[] {
	const lineCounter = new LineCounter();
	const doc = parseDocument(source, { ...yamlOptions, lineCounter });
	// An unclosed quote is reported past the end; the last line with text is nearer the mistake.
	const lastLine = Math.max(1, source.trimEnd().split('\n').length);
	const lineOf = (offset: number) =>
		Math.min(lineCounter.linePos(offset).line, lastLine) + lineOffset;
	const issues = doc.errors.map((yamlError) =>
		issue(`valid YAML (line ${lineOf(yamlError.pos[0])}: ${yamlError.message.split('\n')[0]})`),
	);
	if (!issues.length) {
		for (const offset of duplicateKeyOffsets(doc)) {
			issues.push(issue(`valid YAML (line ${lineOf(offset)}: Map keys must be unique)`));
		}
	}
	for (const warning of doc.warnings) {
		if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
		const tag = /tag: (.*)$/.exec(warning.message)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!');
		issues.push(
			issue(
				`plain YAML values (line ${lineOf(warning.pos[0])}: the tag ${tag ?? ''} is not supported; remove it)`,
			),
		);
	}
	return capIssues(file, issues);
}

/** Splits an MDX file into its frontmatter source and body. */
export function splitFrontmatter(
	source: string,
): { frontmatter: string; body: string; bodyLine: number } | undefined {
	const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
	if (!match) return undefined;
	const bodyLine = match[0].split('\n').length;
	return { frontmatter: match[1] ?? '', body: source.slice(match[0].length), bodyLine };
}

function fileIdIssue(file: string, id: string): ContentIssue[] {
	return idSchema.safeParse(id).success
		? []
		: [
				{
					file,
					field: '',
					message: `a file name made of lowercase words joined by hyphens, e.g. "cash-conversion-gap.mdx" (the name is the id)`,
					severity: 'error',
					rule: 'file-name',
				},
			];
}

export function validated<T extends z.ZodType>(
	schema: T,
	file: string,
	data: unknown,
): { value?: z.infer<T>; issues: ContentIssue[] } {
	if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
		return {
			issues: [
				{
					file,
					field: '',
					message: 'a YAML mapping of fields (the file is empty or not key: value pairs)',
					severity: 'error',
					rule: 'yaml',
				},
			],
		};
	}
	const result = schema.safeParse(data);
	return result.success
		? { value: result.data, issues: [] }
		: { issues: capIssues(file, issuesFromZod(file, result.error, data, [], schema)) };
}

/**
 * Reads one insight file into an entry, or the issues that kept it out. The body is parsed once,
 * for the talk track and for `bodyIssues`, its problems (what `validateInsightBody` gives; the
 * library reports them with the cross-file checks). With `talkTrack: false` the body is not
 * parsed (the talk track is empty, `bodyIssues` missing): enough to know whether the file is a
 * valid insight, which is all a check of another file's `related` ids needs.
 */
export function parseInsight(
	file: string,
	source: string,
	options: { talkTrack?: boolean } = {},
): { entry?: InsightEntry; issues: ContentIssue[]; bodyIssues?: ContentIssue[] } {
	const id = baseName(file, /\.mdx$/);
	const idIssues = fileIdIssue(file, id);
	const parts = splitFrontmatter(source);
	if (!parts) {
		return {
			issues: [
				...idIssues,
				{
					file,
					field: '',
					message: 'frontmatter between two "---" lines at the top of the file',
					severity: 'error',
					rule: 'frontmatter',
				},
			],
		};
	}
	const yaml = parseYaml(file, parts.frontmatter, 1);
	if (yaml.issues.length) return { issues: [...idIssues, ...yaml.issues] };
	const { value, issues } = validated(insightSchema, file, yaml.data);
	if (!value || idIssues.length) return { issues: [...idIssues, ...issues] };
	const entry: InsightEntry = {
		id,
		file,
		data: value,
		body: parts.body,
		bodyLine: parts.bodyLine,
		talkTrack: '',
	};
	if (options.talkTrack === false) return { entry, issues };
	const parsed = parseBody(parts.body);
	entry.talkTrack = talkTrack(parts.body, value.sources, parsed);
	const bodyIssues = checkBody(file, parts.body, {
		firstLine: parts.bodyLine,
		sourceCount: value.sources.length,
		parsed,
	});
	return { entry, issues, bodyIssues };
}

/** Reads one briefing file into an entry, or the issues that kept it out. */
export function parseBriefing(
	file: string,
	source: string,
): { entry?: BriefingEntry; issues: ContentIssue[] } {
	const id = baseName(file, /\.ya?ml$/);
	const idIssues = fileIdIssue(file, id);
	const yaml = parseYaml(file, source);
	if (yaml.issues.length) return { issues: [...idIssues, ...yaml.issues] };
	const { value, issues } = validated(briefingSchema, file, yaml.data);
	if (!value || idIssues.length) return { issues: [...idIssues, ...issues] };
	return { entry: { id, file, data: value }, issues };
}

/** Parses the taxonomy, also rejecting duplicate and reserved ids. */
export function parseTaxonomy(
	file: string,
	source: string,
): { value?: Taxonomy; issues: ContentIssue[] } {
	const yaml = parseYaml(file, source);
	if (yaml.issues.length) return { issues: yaml.issues };
	const { value, issues } = validated(taxonomySchema, file, yaml.data);
	if (!value) return { issues };
	for (const list of ['industries', 'personas'] as const) {
		const seen = new Set<string>();
		value[list].forEach((entry, index) => {
			if (seen.has(entry.id) || (list === 'industries' && entry.id === crossIndustry)) {
				issues.push({
					file,
					field: `${list}[${index}].id`,
					message:
						entry.id === crossIndustry
							? `an id other than "${crossIndustry}", which is built in`
							: `a unique id ("${entry.id}" is listed twice)`,
					severity: 'error',
					rule: 'duplicate-id',
				});
			}
			seen.add(entry.id);
		});
	}
	return { value, issues };
}

/** Parses the brand file and checks it against the brand schema (its assets are checked by the loader). */
export function parseBrand(
	file: string,
	source: string,
): { value?: Brand; issues: ContentIssue[] } {
	const yaml = parseYaml(file, source);
	return yaml.issues.length ? { issues: yaml.issues } : validated(brandSchema, file, yaml.data);
}
