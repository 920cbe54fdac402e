/**
 * Reads and validates the whole library outside Astro: for `npm run check`, `npm run decks`, the
 * build's own checks and tests. Nothing is skipped silently: a file that fails is reported in
 * `issues` and left out of the returned entries.
 */
import path from 'node:path';
import type { Brand } from '../schema/brand.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import { isPng, listFiles, readText, resolveInside, type RealFolders } from './files.ts';
import type { ContentIssue } from './issues.ts';
import {
	readInsightFiles,
	readInsightFilesParsedBy,
	type InsightParser,
	type InsightReader,
	type ReadInsightOptions,
} from './insight-file.ts';
import { parsedLazily, parseEveryTime, type ParseMemo, type SplitParseMemo } from './parse-memo.ts';
import {
	validateBriefingReferences,
	validateInsightReferences,
	validateRawReferences,
	type BriefingEntry,
	type InsightEntry,
} from './validate.ts';
import { validateInsightBody, validateLibrary } from './validate-library.ts';

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

export { resolveInside } from './files.ts';
export {
	readInsightFile,
	readInsightFiles,
	type InsightFileRead,
	type InsightParser,
	type InsightReader,
	type InsightText,
	type ReadInsightOptions,
} from './insight-file.ts';

/**
 * The parsers and schemas, loaded when a file must be parsed: a run whose content files were all
 * kept in its store (the CLI's content cache) builds no schema. Import parse functions from
 * `parse.ts`.
 */
const parsers = () => import('./parse.ts');

/** A file that failed its schema, with its raw data, so its references are checked too. */
interface InvalidFile {
	file: string;
	kind: 'insight' | 'briefing';
	raw: unknown;
	reported: ContentIssue[];
}

/** The taxonomy file, parsed and checked. */
async function readTaxonomy(
	root: string,
	issues: ContentIssue[],
	memo: ParseMemo & Partial<SplitParseMemo> = parseEveryTime,
): Promise<Taxonomy | undefined> {
	const source = await readText(root, contentPaths.taxonomy, issues);
	if (source === undefined) return undefined;
	const result = await parsedLazily(memo, 'taxonomy', contentPaths.taxonomy, source, parsers, (p) =>
		p.parseTaxonomy(contentPaths.taxonomy, source),
	);
	issues.push(...result.issues);
	return result.value;
}

/** The brand file, parsed and checked with its logo files and company template. */
async function readBrand(
	root: string,
	issues: ContentIssue[],
	memo: ParseMemo & Partial<SplitParseMemo> = parseEveryTime,
): Promise<Brand | undefined> {
	const source = await readText(root, contentPaths.brand, issues);
	if (source === undefined) return undefined;
	const result = await parsedLazily(memo, 'brand', contentPaths.brand, source, parsers, (p) =>
		p.parseBrand(contentPaths.brand, source),
	);
	const brand = result.value;
	issues.push(...result.issues);
	for (const key of ['svg', 'png'] as const) {
		const asset = brand?.logo[key];
		if (asset === undefined) continue;
		const where = await resolveInside(root, path.join('public', asset), 'public');
		if ('problem' in where) {
			issues.push({
				file: contentPaths.brand,
				field: `logo.${key}`,
				message: `a file at public/${asset} (${where.problem})`,
				severity: 'error',
				rule: 'missing-file',
			});
		} else if (key === 'png' && !(await isPng(where.absolute))) {
			// Decks embed the file as image/png: anything else makes PowerPoint show a red cross.
			issues.push({
				file: contentPaths.brand,
				field: 'logo.png',
				message: `a PNG image at public/${asset} (the file does not start with the PNG signature)`,
				severity: 'error',
				rule: 'file-type',
			});
		}
	}
	// The template reader loads only for a brand that has a template.
	if (brand?.template) {
		const { templateIssues } = await import('./template.ts');
		issues.push(...(await templateIssues(root, brand, contentPaths.brand)));
	}
	return brand;
}

/** What reading insight files gives: valid entries, ids of broken files, invalid files. */
interface InsightsRead {
	insights: InsightEntry[];
	brokenIds: Set<string>;
	invalid: InvalidFile[];
	/** Each entry's body problems, found while its body was parsed for the talk track. */
	bodyIssues: Map<InsightEntry, ContentIssue[]>;
}

/** Nothing read yet: where {@link readInsights} and {@link readBriefings} collect. */
const emptyRead = (): InsightsRead & { briefings: BriefingEntry[] } => ({
	insights: [],
	brokenIds: new Set(),
	briefings: [],
	invalid: [],
	bodyIssues: new Map(),
});

/** Insight files read and parsed into `into`. */
async function readInsights(
	root: string,
	files: readonly string[],
	issues: ContentIssue[],
	into: InsightsRead,
	options: ReadInsightOptions = {},
	reader: InsightReader = readInsightFiles,
): Promise<void> {
	for (const read of await reader(root, files, options)) {
		issues.push(...read.issues);
		if (read.entry) {
			into.insights.push(read.entry);
			if (read.bodyIssues) into.bodyIssues.set(read.entry, read.bodyIssues);
		} else {
			into.brokenIds.add(path.basename(read.file, '.mdx'));
			if (read.invalid) into.invalid.push({ file: read.file, kind: 'insight', ...read.invalid });
		}
	}
}

/** Briefing files read and parsed: the valid entries and the invalid ones. */
async function readBriefings(
	root: string,
	files: readonly string[],
	issues: ContentIssue[],
	into: { briefings: BriefingEntry[]; invalid: InvalidFile[] },
	memo: ParseMemo & Partial<SplitParseMemo> = parseEveryTime,
): Promise<void> {
	const folders: RealFolders = new Map();
	for (const file of files) {
		const source = await readText(root, file, issues, folders);
		if (source === undefined) continue;
		const { result, raw } = await parsedLazily(memo, 'briefing', file, source, parsers, (p) => {
			const parsed = p.parseBriefing(file, source);
			return { result: parsed, raw: parsed.entry ? undefined : p.parseYaml(file, source) };
		});
		issues.push(...result.issues);
		if (result.entry) into.briefings.push(result.entry);
		else if (raw && !raw.issues.length)
			into.invalid.push({ file, kind: 'briefing', raw: raw.data, reported: result.issues });
	}
}

/** Reference problems of files that failed their schema, then each file's problems kept together. */
function finishIssues(
	issues: ContentIssue[],
	taxonomy: Taxonomy,
	insights: ReadonlyMap<string, InsightEntry>,
	brokenIds: ReadonlySet<string>,
	invalid: readonly InvalidFile[],
	knownIds?: ReadonlySet<string>,
): void {
	for (const item of invalid) {
		issues.push(
			...validateRawReferences(
				item.file,
				item.kind,
				item.raw,
				taxonomy,
				insights,
				brokenIds,
				item.reported,
				knownIds,
			),
		);
	}
	// Keep each file's problems together, in the order files were read.
	const order = new Map<string, number>();
	issues.forEach((issue, index) => order.set(issue.file, order.get(issue.file) ?? index));
	issues.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
}

/** Reads and validates every content file under `root`. */
export async function loadLibrary(options: LoadOptions = {}): Promise<Library> {
	const root = path.resolve(options.root ?? process.cwd());
	const issues: ContentIssue[] = [];
	const taxonomy = await readTaxonomy(root, issues);
	const brand = await readBrand(root, issues);
	const read = emptyRead();
	await readInsights(
		root,
		await listFiles(root, contentPaths.insights, /\.mdx$/, issues),
		issues,
		read,
	);
	await readBriefings(
		root,
		await listFiles(root, contentPaths.briefings, /\.ya?ml$/, issues),
		issues,
		read,
	);
	const { insights, briefings, brokenIds, invalid } = read;
	if (taxonomy) {
		issues.push(...validateLibrary(taxonomy, insights, briefings, brokenIds, read.bodyIssues));
		const byId = new Map(insights.map((entry) => [entry.id, entry]));
		finishIssues(issues, taxonomy, byId, brokenIds, invalid);
	}
	return { root, taxonomy, brand, insights, briefings, issues };
}

/** What {@link loadBriefingLibrary} read: a library of what the chosen briefings need. */
export interface BriefingLibrary extends Library {
	/** The id of every briefing file in `content/briefings/`, read or not, sorted. */
	briefingIds: string[];
}

const fileId = (file: string) => path.basename(file).replace(/\.(mdx|ya?ml)$/, '');

const stringsOf = (value: unknown): string[] =>
	Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * Reads and validates only what the decks of briefings `ids` depend on: taxonomy, brand, those
 * briefing files, the insights they name, and the insights those name as related (to know whether
 * they exist and are valid). Each file gets exactly the checks {@link loadLibrary} gives it, so a
 * deck is refused for the same problems with the same messages; files no chosen deck depends on
 * are not read (`npm run check` reads them all). For `npm run decks -- <id>` at any library size.
 */
export async function loadBriefingLibrary(options: {
	root?: string;
	ids: readonly string[];
	/**
	 * Parses insight texts elsewhere (the batch's worker threads); the files are still read, and
	 * looked up in `memo`, in this thread. Default: everything in this thread.
	 */
	parseInsights?: InsightParser;
	/** Parse results kept between runs (default: none). */
	memo?: ParseMemo & Partial<SplitParseMemo>;
}): Promise<BriefingLibrary> {
	const root = path.resolve(options.root ?? process.cwd());
	const memo = options.memo ?? parseEveryTime;
	const { parseInsights } = options;
	// Parsing elsewhere needs a store whose look-up and keeping are apart (or none at all).
	const split =
		options.memo?.find && options.memo.keep ? (options.memo as SplitParseMemo) : undefined;
	const reader: InsightReader =
		parseInsights && (split || !options.memo)
			? (from, files, readOptions) =>
					readInsightFilesParsedBy(from, files, readOptions, parseInsights, split)
			: (from, files, readOptions) => readInsightFiles(from, files, readOptions, memo);
	const issues: ContentIssue[] = [];
	const taxonomy = await readTaxonomy(root, issues, memo);
	const brand = await readBrand(root, issues, memo);
	// Problems with other files in the folders (their names, their types) are no deck's business.
	const briefingFiles = await listFiles(root, contentPaths.briefings, /\.ya?ml$/, []);
	const insightFiles = await listFiles(root, contentPaths.insights, /\.mdx$/, []);
	const wanted = new Set(options.ids);
	const read = emptyRead();
	// Briefings are read first (they name the insights) but reported after them, in file order.
	const briefingIssues: ContentIssue[] = [];
	await readBriefings(
		root,
		briefingFiles.filter((file) => wanted.has(fileId(file))),
		briefingIssues,
		read,
		memo,
	);

	// The insights the briefings name (from the raw data of briefings that failed their schema).
	const insightFile = new Map(insightFiles.map((file) => [fileId(file), file]));
	const named = new Set<string>();
	for (const briefing of read.briefings) briefing.data.insights.forEach((id) => named.add(id));
	for (const item of read.invalid) {
		const raw = item.raw as { insights?: unknown } | null;
		stringsOf(raw?.insights).forEach((id) => named.add(id));
	}
	const filesOf = (ids: Iterable<string>) =>
		[...ids].flatMap((id) => (insightFile.has(id) ? [insightFile.get(id)!] : [])).sort();
	await readInsights(root, filesOf(named), issues, read, {}, reader);
	issues.push(...briefingIssues);
	const deckInsights = [...read.insights];
	const invalidInsights = read.invalid.filter((item) => item.kind === 'insight');

	// Related insights are read only to know whether they are valid; their own problems are not
	// these decks' (a full check reports them).
	const related = new Set<string>();
	for (const entry of deckInsights) entry.data.related.forEach((id) => related.add(id));
	for (const item of invalidInsights) {
		const raw = item.raw as { related?: unknown } | null;
		stringsOf(raw?.related).forEach((id) => related.add(id));
	}
	const others = {
		insights: [] as InsightEntry[],
		brokenIds: read.brokenIds,
		invalid: [],
		bodyIssues: new Map(),
	};
	await readInsights(
		root,
		filesOf([...related].filter((id) => !named.has(id))),
		[],
		others,
		{ talkTrack: false },
		reader,
	);

	// Already in file-name order, as the whole library's are (no locale comparison: its collator
	// alone costs a one-deck run tens of milliseconds to set up).
	const insights = deckInsights;
	const briefings = read.briefings;
	// Every insight file is a valid insight until read otherwise: only read files can be broken.
	const knownIds = new Set([...insightFile.keys()].filter((id) => !read.brokenIds.has(id)));
	if (taxonomy) {
		const byId = new Map([...insights, ...others.insights].map((entry) => [entry.id, entry]));
		for (const entry of deckInsights) {
			issues.push(
				...validateInsightReferences(entry, taxonomy, knownIds, read.brokenIds),
				...(read.bodyIssues.get(entry) ??
					validateInsightBody(entry.file, entry.body, entry.bodyLine, entry.data.sources.length)),
			);
		}
		for (const entry of briefings) {
			issues.push(
				...validateBriefingReferences(
					entry.file,
					entry.data,
					byId,
					taxonomy,
					read.brokenIds,
					knownIds,
				),
			);
		}
		finishIssues(issues, taxonomy, byId, read.brokenIds, read.invalid, knownIds);
	}
	return {
		root,
		taxonomy,
		brand,
		insights,
		briefings,
		issues,
		briefingIds: [...new Set(briefingFiles.map(fileId))].sort(),
	};
}

/** The issues that fail a build. */
export function errorsOf(library: Pick<Library, 'issues'>): ContentIssue[] {
	return library.issues.filter((issue) => issue.severity === 'error');
}
