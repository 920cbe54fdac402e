/**
 * Reading one insight file on its own, or a share of them: what the library loaders merge in file
 * order, and what worker threads run for a batch (`InsightReader`).
 */
import { readText, type RealFolders } from './files.ts';
import type { ContentIssue } from './issues.ts';
import { parseInsight, parseYaml, splitFrontmatter } from './parse.ts';
import { parseEveryTime, type ParseMemo } from './parse-memo.ts';
import type { InsightEntry } from './validate.ts';

/** One insight file read on its own: what the loaders merge, in file order. */
export interface InsightFileRead {
	file: string;
	/** Problems reading the file, its YAML and its schema. */
	issues: ContentIssue[];
	/** The entry, when the file is a valid insight. */
	entry?: InsightEntry;
	/** The body's problems, when the body was parsed (`talkTrack` not false). */
	bodyIssues?: ContentIssue[];
	/**
	 * A file that failed its schema: its frontmatter's data, so its references are checked too,
	 * and the problems its schema check reported (those fields are not reported twice).
	 */
	invalid?: { raw: unknown; reported: ContentIssue[] };
}

/** Options for reading insight files. */
export interface ReadInsightOptions {
	/** False: only whether each file is a valid insight (no body parsed, no talk track). */
	talkTrack?: boolean;
}

/**
 * Reads insight files (relative to `root`), each on its own; a caller with idle threads may read
 * shares of them there with {@link readInsightFile} and give the results back in file order.
 */
export type InsightReader = (
	root: string,
	files: readonly string[],
	options: ReadInsightOptions,
) => Promise<InsightFileRead[]>;

/**
 * Reads and parses one insight file. `folders`: real paths of folders found by earlier reads of
 * the same load (one map for a load's reads saves resolving the same folder for every file).
 */
export async function readInsightFile(
	root: string,
	file: string,
	options: ReadInsightOptions = {},
	memo: ParseMemo = parseEveryTime,
	folders?: RealFolders,
): Promise<InsightFileRead> {
	const issues: ContentIssue[] = [];
	const source = await readText(root, file, issues, folders);
	if (source === undefined) return { file, issues };
	const kind = options.talkTrack === false ? 'insight-frontmatter' : 'insight';
	const read = memo(kind, file, source, () => parsedInsightFile(file, source, options));
	return issues.length ? { ...read, issues: [...issues, ...read.issues] } : read;
}

/** One insight file's text parsed: what {@link readInsightFile} gives once the file is read. */
function parsedInsightFile(
	file: string,
	source: string,
	options: ReadInsightOptions,
): InsightFileRead {
	const issues: ContentIssue[] = [];
	const result = parseInsight(file, source, options);
	issues.push(...result.issues);
	if (result.entry) {
		return {
			file,
			issues,
			entry: result.entry,
			...(result.bodyIssues ? { bodyIssues: result.bodyIssues } : {}),
		};
	}
	const parts = splitFrontmatter(source);
	const raw = parts && parseYaml(file, parts.frontmatter);
	return raw && !raw.issues.length
		? { file, issues, invalid: { raw: raw.data, reported: result.issues } }
		: { file, issues };
}

/** Reads insight files in this thread, one after the other (their parse results kept in `memo`). */
export async function readInsightFiles(
	root: string,
	files: readonly string[],
	options: ReadInsightOptions,
	memo: ParseMemo = parseEveryTime,
): Promise<InsightFileRead[]> {
	const reads: InsightFileRead[] = [];
	const folders: RealFolders = new Map();
	for (const file of files) reads.push(await readInsightFile(root, file, options, memo, folders));
	return reads;
}
