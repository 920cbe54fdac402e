/**
 * The content cache of `npm run decks` for every briefing, as one pack file: the batch looks up
 * about 2,900 files a run, and a file per entry cost its main thread an open, a read and a close
 * each, and each entry's stored text deserialized only to be compared. The pack's index is read
 * once; each entry is read with one call into one reused buffer when looked up (reading the whole
 * 25 MB pack at once cost more than the files it replaced: fresh memory is slow to touch here),
 * its text compared with the file's, and its result deserialized only when they are equal.
 * One-deck runs keep one file per entry (content-cache.ts): a pack of every file would cost them
 * more to open than they save.
 *
 * The guarantees are content-cache.ts's: an entry is used only for the exact same text (compared
 * whole, not by a hash) under the same code (the pack lives in the code's folder, and other
 * codes' folders are removed when it is written); a deleted file is never looked up (only files
 * read are); the pack is written atomically (a temporary file renamed), and only when this run
 * parsed something. A pack that is missing, truncated or of another format, or whose index does
 * not match its SHA-256, counts as empty; an entry cut short or whose result does not match its
 * SHA-256 counts as missing; either way what is missing is parsed again and the pack written
 * again. Entries this run did not look up are carried over as they were.
 *
 * Layout: `magic`, the index's length (32-bit little-endian) and SHA-256, the index (JSON: per
 * entry [key, start, text length, result length, the result's SHA-256], offsets into the data),
 * then the data (each entry's text as UTF-8, then its result v8-serialized).
 */
import { hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { splitMemo, type ParseMemo, type SplitParseMemo } from '../../src/library/parse-memo.ts';
import { codeFolder, writeAtomically } from './content-cache.ts';

/** The first bytes of a pack of this format (a new format gets a new magic). */
const magic = Buffer.from('IBPACK1\n');
/** SHA-256, native code: about 1 GB/s here (zlib's CRC-32 was several times slower). */
const digestOf = (bytes: Uint8Array) => hash('sha256', bytes, 'base64');
const digestBytes = 32;
const headerBytes = magic.length + 4 + digestBytes;

/** The pack file in the folder of code `code`. */
export const packFileName = 'content.pack';

/** One entry of a pack: where its text and result are in the data, and their digest. */
type Slot = [start: number, textLength: number, valueLength: number, digest: string];

/** An entry kept this run: its text, and both as bytes. */
interface Kept {
	source: string;
	text: Uint8Array;
	value: Uint8Array;
}

/** An open pack: its index, and how to read an entry's bytes. */
interface OpenPack {
	slots: Map<string, Slot>;
	/** The bytes of an entry (text, then result) when they are all there and match its digest. */
	read(slot: Slot): Buffer | undefined;
	close(): void;
}

/**
 * A pack file's index, or none when it is missing, of another format, or its index is truncated
 * or corrupt. Entries are read one at a time into one buffer, when looked up: reading the whole
 * 25 MB pack at once cost more than the files it replaced (fresh memory is slow to touch here).
 */
function openPack(file: string): OpenPack | undefined {
	let fd: number | undefined;
	try {
		fd = openSync(file, 'r');
		const header = Buffer.alloc(headerBytes);
		if (readSync(fd, header, 0, headerBytes, 0) !== headerBytes) throw new Error('truncated');
		if (!header.subarray(0, magic.length).equals(magic)) throw new Error('another format');
		const indexLength = header.readUInt32LE(magic.length);
		const index = Buffer.alloc(indexLength);
		if (readSync(fd, index, 0, indexLength, headerBytes) !== indexLength)
			throw new Error('truncated');
		if (hash('sha256', index, 'buffer').compare(header, headerBytes - digestBytes) !== 0)
			throw new Error('corrupt');
		const rows: unknown = JSON.parse(index.toString('utf8'));
		if (!Array.isArray(rows)) throw new Error('corrupt');
		const slots = new Map<string, Slot>();
		for (const row of rows as unknown[]) {
			if (!Array.isArray(row) || row.length !== 5) throw new Error('corrupt');
			const [key, ...slot] = row as [unknown, ...unknown[]];
			if (typeof key !== 'string' || typeof slot[3] !== 'string') throw new Error('corrupt');
			if (!slot.slice(0, 3).every((n) => Number.isSafeInteger(n) && (n as number) >= 0))
				throw new Error('corrupt');
			slots.set(key, slot as Slot);
		}
		const dataStart = headerBytes + indexLength;
		const open = fd;
		let scratch = Buffer.alloc(1 << 16);
		return {
			slots,
			read: ([start, textLength, valueLength, digest]) => {
				const length = textLength + valueLength;
				if (scratch.length < length) scratch = Buffer.alloc(length * 2);
				const bytes = scratch.subarray(0, length);
				if (readSync(open, bytes, 0, length, dataStart + start) !== length) return undefined;
				// The text is compared whole by the caller; the result must be the bytes written.
				return digestOf(bytes.subarray(textLength)) === digest ? bytes : undefined;
			},
			close: () => closeSync(open),
		};
	} catch {
		if (fd !== undefined) closeSync(fd);
		return undefined;
	}
}

/** The bytes of a pack holding `entries` (key, text bytes, result bytes). */
function packBytes(entries: Array<[string, Uint8Array, Uint8Array]>): Buffer {
	const rows: Array<[string, ...Slot]> = [];
	const parts: Uint8Array[] = [];
	let at = 0;
	for (const [key, text, value] of entries) {
		rows.push([key, at, text.length, value.length, digestOf(value)]);
		parts.push(text, value);
		at += text.length + value.length;
	}
	const index = Buffer.from(JSON.stringify(rows));
	const header = Buffer.alloc(headerBytes);
	magic.copy(header);
	header.writeUInt32LE(index.length, magic.length);
	hash('sha256', index, 'buffer').copy(header, headerBytes - digestBytes);
	return Buffer.concat([header, index, ...parts]);
}

/** One entry's key in the pack. */
const keyOf = (kind: string, file: string) => `${kind}\n${file}`;

/**
 * The parse results of project `root` kept for the code named `code` in one pack file, opened
 * when first looked in; `save()` writes what this run kept and closes it (call it once the
 * content is loaded). Any problem with the pack itself only costs parsing again.
 */
export function contentPack(
	root: string,
	code: string,
): ParseMemo & SplitParseMemo & { save(): void } {
	const folder = codeFolder(root, code);
	const packFile = path.join(folder.dir, packFileName);
	let pack: OpenPack | undefined | null = null;
	const opened = () => (pack === null ? (pack = openPack(packFile)) : pack);
	const kept = new Map<string, Kept>();

	const find = (kind: string, file: string, source: string) => {
		const key = keyOf(kind, file);
		const fresh = kept.get(key);
		if (fresh) return fresh.source === source ? { value: deserialize(fresh.value) } : undefined;
		const stored = opened();
		const slot = stored?.slots.get(key);
		// Only a text of the same length in UTF-8 can be the same text: most edits stop here.
		if (!stored || !slot || Buffer.byteLength(source) !== slot[1]) return undefined;
		const bytes = stored.read(slot);
		if (!bytes || bytes.toString('utf8', 0, slot[1]) !== source) return undefined;
		try {
			return { value: deserialize(bytes.subarray(slot[1])) };
		} catch {
			return undefined;
		}
	};
	const keep = (kind: string, file: string, source: string, value: unknown) => {
		// Serialized now: what the caller does with the value later is not what parsing gave.
		try {
			kept.set(keyOf(kind, file), { source, text: Buffer.from(source), value: serialize(value) });
		} catch {
			// A result that cannot be serialized is not kept: it is parsed again next run.
		}
	};
	const save = () => {
		const stored = pack === null ? undefined : pack;
		pack = null;
		try {
			if (!kept.size) return;
			// Entries this run did not replace are carried over as they are (a corrupt one stays
			// corrupt, and is parsed again when looked up).
			const entries: Array<[string, Uint8Array, Uint8Array]> = [];
			for (const [key, slot] of stored?.slots ?? []) {
				if (kept.has(key)) continue;
				const bytes = stored!.read(slot);
				if (bytes)
					entries.push([
						key,
						Buffer.from(bytes.subarray(0, slot[1])),
						Buffer.from(bytes.subarray(slot[1])),
					]);
			}
			for (const [key, { text, value }] of kept) entries.push([key, text, value]);
			kept.clear();
			try {
				folder.prepare();
				writeAtomically(packFile, packBytes(entries));
			} catch {
				// No folder to write in: nothing was written, the content is parsed again next run.
			}
		} finally {
			stored?.close();
		}
	};
	return Object.assign(splitMemo({ find, keep }), { save });
}
