/**
 * Parsing and schema-checking of single content files, from their text: no file system, so the
 * browser builder can import a briefing with exactly the checks `npm run check` applies.
 */
import type { z } from 'astro/zod';
import { brandSchema, type Brand } from '../schema/brand.ts';
import { briefingSchema } from '../schema/briefing.ts';
import { idSchema } from '../schema/common.ts';
import { insightSchema } from '../schema/insight.ts';
import { crossIndustry, taxonomySchema, type Taxonomy } from '../schema/taxonomy.ts';
import { decodeText } from './decode-text.ts';
import { issuesFromZod, type ContentIssue } from './issues.ts';
import { checkBody } from './mdx-body.ts';
import { parseBody } from './mdx-parse.ts';
import { capIssues, parseYaml } from './parse-yaml.ts';
import { talkTrack } from './talk-track.ts';
import type { BriefingEntry, InsightEntry } from './validate.ts';

// Also here because the loader takes every parser from this one lazily loaded module (load.ts).
export { decodeText, parseYaml };

/** The file name without folders and without `extension` (a pattern such as /\.mdx$/). */
function baseName(file: string, extension: RegExp): string {
	return (file.split('/').pop() ?? file).replace(extension, '');
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
