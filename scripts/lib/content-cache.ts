/**
 * The content cache of `npm run decks`: what parsing and schema-checking each content file gave
 * (the taxonomy, the brand, briefings, insights with their talk tracks and body problems), kept
 * between runs in node_modules/.cache/insight-briefings/content/<code>/, the way Astro keeps its
 * content data store. A run that finds a file's exact text there takes the stored result instead
 * of parsing the file again; the checks across files (references, the brand's assets, the decks'
 * rules) still run every time.
 *
 * Why a stored result is always what parsing would give (src/library/parse-memo.ts): an entry
 * holds the whole text it was made from and is used only for that same text, so an edited file is
 * parsed again; `<code>` names the code that made the entries (the CLI bundle's hash, which
 * changes with any source, schema, message or dependency), so another code's entries are never
 * read, and are removed; a deleted file is never looked up. Entries are v8-serialized (dates and
 * fields set to undefined come back as they were) and written atomically; an entry that cannot be
 * read, or is not what an entry should be, counts as missing and is written again. A batch of
 * every briefing keeps its entries in one pack file instead (content-pack.ts), looked up and kept
 * apart (`find`, `keep`): it parses what is missing on threads.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { splitMemo, type ParseMemo, type SplitParseMemo } from '../../src/library/parse-memo.ts';

/** Where the content caches of a project live, one folder per code. */
export const contentCacheRoot = (root: string) =>
	path.join(root, 'node_modules', '.cache', 'insight-briefings', 'content');

/** File names past this length (of a very long content path) are not cached. */
const longestName = 200;

/** A stored result: the text it was parsed from, and what parsing gave. */
interface Entry {
	source: string;
	value: unknown;
}

const isEntry = (stored: unknown): stored is Entry =>
	typeof stored === 'object' && stored !== null && 'source' in stored && 'value' in stored;

/**
 * Writes `bytes` to `file` through a temporary file renamed over it, so a reader finds the old
 * file or the new one, never half of one; on failure the temporary file is removed and it throws.
 */
export function writeAtomically(file: string, bytes: Uint8Array): void {
	const temp = `${file}.${process.pid}.tmp`;
	try {
		writeFileSync(temp, bytes);
		renameSync(temp, file);
	} catch (error) {
		rmSync(temp, { force: true });
		throw error;
	}
}

/**
 * The folder of code `code` (letters, digits, `-`) in project `root`'s content cache, and how to
 * prepare it for writing: made, once, with the folders of other code removed.
 */
export function codeFolder(root: string, code: string): { dir: string; prepare: () => void } {
	if (!/^[\w-]+$/.test(code)) throw new Error(`content cache: not a code name: ${code}`);
	const base = contentCacheRoot(root);
	const dir = path.join(base, code);
	let prepared = false;
	const prepare = () => {
		if (prepared) return;
		prepared = true;
		mkdirSync(dir, { recursive: true });
		for (const name of readdirSync(base))
			if (name !== code) rmSync(path.join(base, name), { recursive: true, force: true });
	};
	return { dir, prepare };
}

/**
 * The parse results of project `root` kept for the code named `code` (letters, digits, `-`).
 * Any problem with the cache itself (unwritable, corrupt) only costs parsing again.
 */
export function contentCache(root: string, code: string): ParseMemo & SplitParseMemo {
	const { dir, prepare } = codeFolder(root, code);
	/** The entry file of `file` (undefined for a name too long to keep). */
	const entryFileOf = (kind: string, file: string) => {
		const name = `${kind}--${encodeURIComponent(file)}`;
		return name.length > longestName ? undefined : path.join(dir, name);
	};
	const find = (kind: string, file: string, source: string) => {
		const entryFile = entryFileOf(kind, file);
		if (!entryFile) return undefined;
		try {
			const stored: unknown = deserialize(readFileSync(entryFile));
			if (isEntry(stored) && stored.source === source) return { value: stored.value };
		} catch {
			// Missing or unreadable: not found.
		}
		return undefined;
	};
	const keep = (kind: string, file: string, source: string, value: unknown) => {
		const entryFile = entryFileOf(kind, file);
		if (!entryFile) return;
		try {
			prepare();
			writeAtomically(entryFile, serialize({ source, value } satisfies Entry));
		} catch {
			// Not serializable, or no folder to write in: parsed again next run.
		}
	};
	return splitMemo({ find, keep });
}
