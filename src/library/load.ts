/**
 * Reads and validates the whole library outside Astro: for `npm run check`, `npm run decks`, the
 * build's own checks and tests. Nothing is skipped silently: a file that fails is reported in
 * `issues` and left out of the returned entries.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'astro/zod';
import { brandSchema, type Brand } from '../schema/brand.ts';
import { briefingSchema } from '../schema/briefing.ts';
import { idSchema } from '../schema/common.ts';
import { insightSchema } from '../schema/insight.ts';
import { taxonomySchema, crossIndustry, type Taxonomy } from '../schema/taxonomy.ts';
import { issuesFromZod, type ContentIssue } from './issues.ts';
import { talkTrack } from './talk-track.ts';
import { validateLibrary, type BriefingEntry, type InsightEntry } from './validate.ts';

/** Where the library's files live, relative to the project root. */
export const contentPaths = {
	insights: 'content/insights',
	briefings: 'content/briefings',
	taxonomy: 'content/taxonomy.yaml',
	brand: 'content/brand.yaml',
} as const;

/** Everything the library holds, validated. */
export interface Library {
	/** Absolute project root the paths are relative to. */
	root: string;
	/** Industries and personas (undefined only when the taxonomy file itself is broken). */
	taxonomy: Taxonomy | undefined;
	/** The brand (undefined only when the brand file itself is broken). */
	brand: Brand | undefined;
	/** Every insight that passed its schema, drafts included, sorted by id. */
	insights: InsightEntry[];
	/** Every briefing that passed its schema, sorted by id. */
	briefings: BriefingEntry[];
	/** Every problem found, in file order. */
	issues: ContentIssue[];
}

/** Options for {@link loadLibrary}. */
export interface LoadOptions {
	/** Project root; defaults to the current directory. */
	root?: string;
}

/** Parses YAML, reporting syntax errors as issues with their line (offset by `lineOffset`). */
export function parseYaml(
	file: string,
	source: string,
	lineOffset = 0,
): { data: unknown; issues: ContentIssue[] } {
	const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true });
	const issues = doc.errors.map(
		(yamlError): ContentIssue => ({
			file,
			field: '',
			message: `valid YAML (line ${(yamlError.linePos?.[0]?.line ?? 0) + lineOffset}: ${yamlError.message.split('\n')[0]})`,
			severity: 'error',
			rule: 'yaml',
		}),
	);
	return { data: issues.length ? undefined : doc.toJS(), issues };
}

/** Splits an MDX file into its frontmatter source and body. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string } | undefined {
	const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
	if (!match) return undefined;
	return { frontmatter: match[1] ?? '', body: source.slice(match[0].length) };
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

function validated<T extends z.ZodType>(
	schema: T,
	file: string,
	data: unknown,
): { value?: z.infer<T>; issues: ContentIssue[] } {
	if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
		return {
			issues: [{ file, field: '', message: 'a YAML mapping of fields (the file is empty or not key: value pairs)', severity: 'error', rule: 'yaml' }],
		};
	}
	const result = schema.safeParse(data);
	return result.success
		? { value: result.data, issues: [] }
		: { issues: issuesFromZod(file, result.error, data, [], schema) };
}

/** Reads one insight file into an entry, or the issues that kept it out. */
export function parseInsight(
	file: string,
	source: string,
): { entry?: InsightEntry; issues: ContentIssue[] } {
	const id = path.basename(file, '.mdx');
	const idIssues = fileIdIssue(file, id);
	const parts = splitFrontmatter(source);
	if (!parts) {
		return {
			issues: [
				...idIssues,
				{ file, field: '', message: 'frontmatter between two "---" lines at the top of the file', severity: 'error', rule: 'frontmatter' },
			],
		};
	}
	const yaml = parseYaml(file, parts.frontmatter, 1);
	if (yaml.issues.length) return { issues: [...idIssues, ...yaml.issues] };
	const { value, issues } = validated(insightSchema, file, yaml.data);
	if (!value || idIssues.length) return { issues: [...idIssues, ...issues] };
	return { entry: { id, file, data: value, body: parts.body, talkTrack: talkTrack(parts.body) }, issues };
}

/** Reads one briefing file into an entry, or the issues that kept it out. */
export function parseBriefing(file: string, source: string): { entry?: BriefingEntry; issues: ContentIssue[] } {
	const id = path.basename(file).replace(/\.ya?ml$/, '');
	const idIssues = fileIdIssue(file, id);
	const yaml = parseYaml(file, source);
	if (yaml.issues.length) return { issues: [...idIssues, ...yaml.issues] };
	const { value, issues } = validated(briefingSchema, file, yaml.data);
	if (!value || idIssues.length) return { issues: [...idIssues, ...issues] };
	return { entry: { id, file, data: value }, issues };
}

/** Parses the taxonomy, also rejecting duplicate and reserved ids. */
export function parseTaxonomy(file: string, source: string): { value?: Taxonomy; issues: ContentIssue[] } {
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
					message: entry.id === crossIndustry ? `an id other than "${crossIndustry}", which is built in` : `a unique id ("${entry.id}" is listed twice)`,
					severity: 'error',
					rule: 'duplicate-id',
				});
			}
			seen.add(entry.id);
		});
	}
	return { value, issues };
}

async function readText(root: string, file: string, issues: ContentIssue[]): Promise<string | undefined> {
	try {
		return await readFile(path.join(root, file), 'utf8');
	} catch {
		issues.push({ file, field: '', message: 'a readable file (it is missing)', severity: 'error', rule: 'missing-file' });
		return undefined;
	}
}

async function listFiles(root: string, dir: string, pattern: RegExp, issues: ContentIssue[]): Promise<string[]> {
	const absolute = path.join(root, dir);
	if (!existsSync(absolute)) return [];
	const names = (await readdir(absolute)).sort();
	for (const name of names) {
		if (!pattern.test(name) && !name.startsWith('.') && !name.startsWith('_')) {
			issues.push({
				file: `${dir}/${name}`,
				field: '',
				message: `a ${pattern.source.includes('mdx') ? '.mdx' : '.yaml'} file (other files here are not read)`,
				severity: 'error',
				rule: 'file-type',
			});
		}
	}
	return names.filter((name) => pattern.test(name)).map((name) => `${dir}/${name}`);
}

/** Reads and validates every content file under `root`. */
export async function loadLibrary(options: LoadOptions = {}): Promise<Library> {
	const root = path.resolve(options.root ?? process.cwd());
	const issues: ContentIssue[] = [];

	const taxonomySource = await readText(root, contentPaths.taxonomy, issues);
	const taxonomyResult = taxonomySource === undefined ? { issues: [] } : parseTaxonomy(contentPaths.taxonomy, taxonomySource);
	issues.push(...taxonomyResult.issues);

	const brandSource = await readText(root, contentPaths.brand, issues);
	let brand: Brand | undefined;
	if (brandSource !== undefined) {
		const yaml = parseYaml(contentPaths.brand, brandSource);
		issues.push(...yaml.issues);
		if (!yaml.issues.length) {
			const result = validated(brandSchema, contentPaths.brand, yaml.data);
			brand = result.value;
			issues.push(...result.issues);
			for (const asset of brand ? [brand.logo.svg, brand.logo.png] : []) {
				if (!existsSync(path.join(root, 'public', asset))) {
					issues.push({ file: contentPaths.brand, field: 'logo', message: `a file at public/${asset} (it is missing)`, severity: 'error', rule: 'missing-file' });
				}
			}
		}
	}

	const insights: InsightEntry[] = [];
	const brokenIds = new Set<string>();
	for (const file of await listFiles(root, contentPaths.insights, /\.mdx$/, issues)) {
		const source = await readFile(path.join(root, file), 'utf8');
		const result = parseInsight(file, source);
		issues.push(...result.issues);
		if (result.entry) insights.push(result.entry);
		else brokenIds.add(path.basename(file, '.mdx'));
	}

	const briefings: BriefingEntry[] = [];
	for (const file of await listFiles(root, contentPaths.briefings, /\.ya?ml$/, issues)) {
		const source = await readFile(path.join(root, file), 'utf8');
		const result = parseBriefing(file, source);
		issues.push(...result.issues);
		if (result.entry) briefings.push(result.entry);
	}

	if (taxonomyResult.value) issues.push(...validateLibrary(taxonomyResult.value, insights, briefings, brokenIds));

	return { root, taxonomy: taxonomyResult.value, brand, insights, briefings, issues };
}

/** The issues that fail a build. */
export function errorsOf(library: Pick<Library, 'issues'>): ContentIssue[] {
	return library.issues.filter((issue) => issue.severity === 'error');
}
