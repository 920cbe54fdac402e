/**
 * Reading one insight file on its own, or many: what the library loaders merge in file order. A
 * batch reads the files on its main thread and parses their texts on worker threads
 * (`InsightParser`).
 */
import { readText, type RealFolders } from './files.ts';
import type { ContentIssue } from './issues.ts';
import { parsedLazily, parseEveryTime, type ParseMemo, type SplitParseMemo } from './parse-memo.ts';
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

/** The insight parser, loaded when a text must be parsed (with the parsers and schemas). */
const parser = () => import('./insight-parsed.ts');

/** The name parse results of insight files are kept under, by what was read of them. */
const memoKind = (options: ReadInsightOptions) =>
	options.talkTrack === false ? 'insight-frontmatter' : 'insight';

/** A file's parsed read with the problems of reading it (its link, its size) first. */
const withReadIssues = (read: InsightFileRead, issues: ContentIssue[]): InsightFileRead =>
	issues.length ? { ...read, issues: [...issues, ...read.issues] } : read;

/**
 * Reads and parses one insight file. `folders`: real paths of folders found by earlier reads of
 * the same load (one map for a load's reads saves resolving the same folder for every file).
 */
export async function readInsightFile(
	root: string,
	file: string,
	options: ReadInsightOptions = {},
	memo: ParseMemo & Partial<SplitParseMemo> = parseEveryTime,
	folders?: RealFolders,
): Promise<InsightFileRead> {
	const issues: ContentIssue[] = [];
	const source = await readText(root, file, issues, folders);
	if (source === undefined) return { file, issues };
	// The parser loads only for a text `memo` has no result for (insight-parsed.ts).
	const read = await parsedLazily(memo, memoKind(options), file, source, parser, (p) =>
		p.parsedInsightFile(file, source, options),
	);
	return withReadIssues(read, issues);
}

/** Reads insight files in this thread, one after the other (their parse results kept in `memo`). */
export async function readInsightFiles(
	root: string,
	files: readonly string[],
	options: ReadInsightOptions,
	memo: ParseMemo & Partial<SplitParseMemo> = parseEveryTime,
): Promise<InsightFileRead[]> {
	const reads: InsightFileRead[] = [];
	const folders: RealFolders = new Map();
	for (const file of files) reads.push(await readInsightFile(root, file, options, memo, folders));
	return reads;
}

/** An insight file's name and text, to be parsed by an {@link InsightParser}. */
export interface InsightText {
	file: string;
	source: string;
}

/**
 * Parses insight files' texts elsewhere (the batch's worker threads), answering with
 * `parsedInsightFile`'s result (insight-parsed.ts) for each text, in the order given.
 */
export type InsightParser = (
	texts: InsightText[],
	options: ReadInsightOptions,
) => Promise<InsightFileRead[]>;

/** Texts handed to the parser at a time: small enough to keep every thread busy early. */
const parseChunk = 32;

/**
 * Reads insight files in this thread and has `parse` parse the texts `memo` has no result for,
 * a few at a time, while this thread reads on; what was parsed is kept in `memo`. Gives what
 * {@link readInsightFiles} gives, in file order.
 */
export async function readInsightFilesParsedBy(
	root: string,
	files: readonly string[],
	options: ReadInsightOptions,
	parse: InsightParser,
	memo?: SplitParseMemo,
): Promise<InsightFileRead[]> {
	const kind = memoKind(options);
	const reads: InsightFileRead[] = new Array(files.length);
	const folders: RealFolders = new Map();
	const parsing: Promise<void>[] = [];
	let chunk: Array<InsightText & { index: number; issues: ContentIssue[] }> = [];
	const send = () => {
		const sent = chunk;
		chunk = [];
		const texts = sent.map(({ file, source }) => ({ file, source }));
		parsing.push(
			parse(texts, options).then((parsed) =>
				sent.forEach(({ file, source, index, issues }, at) => {
					memo?.keep(kind, file, source, parsed[at]);
					reads[index] = withReadIssues(parsed[at]!, issues);
				}),
			),
		);
	};
	for (const [index, file] of files.entries()) {
		const issues: ContentIssue[] = [];
		const source = await readText(root, file, issues, folders);
		if (source === undefined) {
			reads[index] = { file, issues };
			continue;
		}
		const found = memo?.find(kind, file, source);
		if (found) reads[index] = withReadIssues(found.value as InsightFileRead, issues);
		else {
			chunk.push({ file, source, index, issues });
			if (chunk.length === parseChunk) send();
		}
	}
	if (chunk.length) send();
	await Promise.all(parsing);
	return reads;
}
