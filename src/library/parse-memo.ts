/**
 * Parse results kept between runs. Parsing and schema-checking one content file depends only on
 * its name, its text and the code (parse.ts is pure: no clock, no other file), so a store that
 * keys a result by the exact text and drops everything when the code changes gives the same
 * entries and the same messages as parsing again. `npm run decks` passes its content cache
 * (scripts/lib/content-cache.ts); everything else parses every time.
 */

/** `parse()`'s result for `file` with the text `source`: stored, or parsed and stored. */
export type ParseMemo = <T>(kind: string, file: string, source: string, parse: () => T) => T;

/** No store: every file is parsed. */
export const parseEveryTime: ParseMemo = (_kind, _file, _source, parse) => parse();
