/**
 * YAML text to plain data, with every syntax problem as an issue that names its line: briefings,
 * the taxonomy, the brand and insight frontmatter. Apart from the MDX parsing in `parse.ts`, so
 * the browser builder can read a briefing file without loading an MDX parser.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { limits } from '../schema/limits.ts';
import type { ContentIssue } from './issues.ts';
import { readPlainYaml } from './plain-yaml.ts';

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
