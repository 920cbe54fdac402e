/**
 * Parse results kept between runs. Parsing and schema-checking one content file depends only on
 * its name, its text and the code (parse.ts is pure: no clock, no other file), so a store that
 * keys a result by the exact text and drops everything when the code changes gives the same
 * entries and the same messages as parsing again. `npm run decks` passes its content cache
 * (scripts/lib/content-cache.ts); everything else parses every time.
 */

/** `parse()`'s result for `file` with the text `source`: stored, or parsed and stored. */
export type ParseMemo = <T>(kind: string, file: string, source: string, parse: () => T) => T;

/**
 * A store whose look-up and keeping are apart, for results parsed elsewhere (the batch looks
 * files up on its main thread and parses what it did not find on worker threads).
 */
export interface SplitParseMemo {
	/** What was stored for `file` with exactly the text `source`, if anything. */
	find(kind: string, file: string, source: string): { value: unknown } | undefined;
	/** Keeps what parsing `file` with the text `source` gave. */
	keep(kind: string, file: string, source: string, value: unknown): void;
}

/** A store from its look-up and keeping: found, or parsed and kept. */
export function splitMemo(split: SplitParseMemo): ParseMemo & SplitParseMemo {
	const store = <T>(kind: string, file: string, source: string, parse: () => T): T => {
		const found = split.find(kind, file, source);
		if (found) return found.value as T;
		const value = parse();
		split.keep(kind, file, source, value);
		return value;
	};
	return Object.assign(store, split);
}

/** No store: every file is parsed. */
export const parseEveryTime: ParseMemo = (_kind, _file, _source, parse) => parse();

/**
 * `parse(parser)`'s result for `file` with the text `source`, as `memo` keeps it, with the parser
 * loaded (`load`) only when `memo` holds nothing for that text: a run whose files were all kept
 * loads no parser and builds no schema (the CLI's warm run).
 */
export async function parsedLazily<T, P>(
	memo: ParseMemo & Partial<SplitParseMemo>,
	kind: string,
	file: string,
	source: string,
	load: () => Promise<P>,
	parse: (parser: P) => T,
): Promise<T> {
	if (!memo.find || !memo.keep) {
		const parser = await load();
		return memo(kind, file, source, () => parse(parser));
	}
	const found = memo.find(kind, file, source);
	if (found) return found.value as T;
	const value = parse(await load());
	memo.keep(kind, file, source, value);
	return value;
}
