/**
 * Reads and validates the whole library outside Astro: for `npm run check`, `npm run decks`, the
 * build's own checks and tests. Nothing is skipped silently: a file that fails is reported in
 * `issues` and left out of the returned entries.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { brandSchema, type Brand } from '../schema/brand.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import type { ContentIssue } from './issues.ts';
import {
	parseBriefing,
	parseInsight,
	parseTaxonomy,
	parseYaml,
	splitFrontmatter,
	validated,
} from './parse.ts';
import {
	validateLibrary,
	validateRawReferences,
	type BriefingEntry,
	type InsightEntry,
} from './validate.ts';

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

async function readText(
	root: string,
	file: string,
	issues: ContentIssue[],
): Promise<string | undefined> {
	try {
		return await readFile(path.join(root, file), 'utf8');
	} catch {
		issues.push({
			file,
			field: '',
			message: 'a readable file (it is missing)',
			severity: 'error',
			rule: 'missing-file',
		});
		return undefined;
	}
}

async function listFiles(
	root: string,
	dir: string,
	pattern: RegExp,
	issues: ContentIssue[],
): Promise<string[]> {
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

export {
	parseBriefing,
	parseInsight,
	parseTaxonomy,
	parseYaml,
	splitFrontmatter,
} from './parse.ts';

/** Reads and validates every content file under `root`. */
export async function loadLibrary(options: LoadOptions = {}): Promise<Library> {
	const root = path.resolve(options.root ?? process.cwd());
	const issues: ContentIssue[] = [];

	const taxonomySource = await readText(root, contentPaths.taxonomy, issues);
	const taxonomyResult =
		taxonomySource === undefined
			? { issues: [] }
			: parseTaxonomy(contentPaths.taxonomy, taxonomySource);
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
					issues.push({
						file: contentPaths.brand,
						field: 'logo',
						message: `a file at public/${asset} (it is missing)`,
						severity: 'error',
						rule: 'missing-file',
					});
				}
			}
		}
	}

	const insights: InsightEntry[] = [];
	const brokenIds = new Set<string>();
	// Files that failed their schema, with their raw data, so their references are checked too.
	const invalid: Array<{
		file: string;
		kind: 'insight' | 'briefing';
		raw: unknown;
		reported: ContentIssue[];
	}> = [];
	for (const file of await listFiles(root, contentPaths.insights, /\.mdx$/, issues)) {
		const source = await readFile(path.join(root, file), 'utf8');
		const result = parseInsight(file, source);
		issues.push(...result.issues);
		if (result.entry) insights.push(result.entry);
		else {
			brokenIds.add(path.basename(file, '.mdx'));
			const parts = splitFrontmatter(source);
			const raw = parts && parseYaml(file, parts.frontmatter);
			if (raw && !raw.issues.length)
				invalid.push({ file, kind: 'insight', raw: raw.data, reported: result.issues });
		}
	}

	const briefings: BriefingEntry[] = [];
	for (const file of await listFiles(root, contentPaths.briefings, /\.ya?ml$/, issues)) {
		const source = await readFile(path.join(root, file), 'utf8');
		const result = parseBriefing(file, source);
		issues.push(...result.issues);
		if (result.entry) briefings.push(result.entry);
		else {
			const raw = parseYaml(file, source);
			if (!raw.issues.length)
				invalid.push({ file, kind: 'briefing', raw: raw.data, reported: result.issues });
		}
	}

	if (taxonomyResult.value) {
		const taxonomy = taxonomyResult.value;
		issues.push(...validateLibrary(taxonomy, insights, briefings, brokenIds));
		const byId = new Map(insights.map((entry) => [entry.id, entry]));
		for (const item of invalid) {
			issues.push(
				...validateRawReferences(
					item.file,
					item.kind,
					item.raw,
					taxonomy,
					byId,
					brokenIds,
					item.reported,
				),
			);
		}
		// Keep each file's problems together, in the order files were read.
		const order = new Map<string, number>();
		issues.forEach((issue, index) => order.set(issue.file, order.get(issue.file) ?? index));
		issues.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
	}

	return { root, taxonomy: taxonomyResult.value, brand, insights, briefings, issues };
}

/** The issues that fail a build. */
export function errorsOf(library: Pick<Library, 'issues'>): ContentIssue[] {
	return library.issues.filter((issue) => issue.severity === 'error');
}
