/**
 * Deterministic zips: entries in a fixed order, DEFLATE (parts compressed already are stored),
 * one timestamp for every entry. The same files and timestamp give the same bytes, in Node and in
 * the browser (the zip is laid out and deflated here in plain JavaScript), unless the caller
 * gives its own compressor.
 */
import { strToU8, unzipSync } from 'fflate';
import { deflateCached, partCrc, type RawDeflate } from './deflate.ts';

/** The package's content types part. */
export const contentTypesPart = '[Content_Types].xml';

/** A date whose local-time fields equal `date`'s UTC fields (zip times have no zone). */
export function zipTime(date: Date): Date {
	const min = Date.UTC(1980, 0, 1);
	const max = Date.UTC(2107, 11, 31, 23, 59, 58);
	const utc = new Date(Math.min(Math.max(date.getTime(), min), max));
	const local = new Date(
		utc.getUTCFullYear(),
		utc.getUTCMonth(),
		utc.getUTCDate(),
		utc.getUTCHours(),
		utc.getUTCMinutes(),
		utc.getUTCSeconds(),
	);
	// A local clock change can skip the hour; then use noon of the same day, which always exists.
	if (local.getHours() !== utc.getUTCHours() || local.getDate() !== utc.getUTCDate()) {
		return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), 12, 0, 0);
	}
	return local;
}

/** Compares names with runs of digits as numbers ("slide2" before "slide10"); locale-free. */
export function naturalCompare(a: string, b: string): number {
	return compareRuns(a.split(/(\d+)/), b.split(/(\d+)/));
}

/** {@link naturalCompare} on names split into text and runs of digits. */
function compareRuns(pa: readonly string[], pb: readonly string[]): number {
	for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
		const [x, y] = [pa[i]!, pb[i]!];
		if (x === y) continue;
		if (i % 2 === 1) return Number(x) - Number(y) || (x < y ? -1 : 1);
		return x < y ? -1 : 1;
	}
	return pa.length - pb.length;
}

const firstEntries = [
	contentTypesPart,
	'_rels/.rels',
	'docProps/core.xml',
	'docProps/app.xml',
	'ppt/presentation.xml',
	'ppt/_rels/presentation.xml.rels',
];

/** Fixed entry order: the parts a reader looks for first, then the rest by name (numbers in order). */
export function entryOrder(a: string, b: string): number {
	const ia = firstEntries.indexOf(a);
	const ib = firstEntries.indexOf(b);
	if (ia >= 0 || ib >= 0)
		return (ia < 0 ? firstEntries.length : ia) - (ib < 0 ? firstEntries.length : ib);
	return naturalCompare(a, b);
}

/**
 * `names` in {@link entryOrder} (or, with `natural`, {@link naturalCompare}) order: the same order
 * as sorting with them, each name split once instead of at every comparison (a template deck
 * sorts its 170 part names a few times).
 */
export function sortedNames(names: Iterable<string>, natural = false): string[] {
	const keyed = Array.from(names, (name) => ({
		name,
		first: natural ? -1 : firstEntries.indexOf(name),
		runs: name.split(/(\d+)/),
	}));
	keyed.sort((a, b) =>
		a.first >= 0 || b.first >= 0
			? (a.first < 0 ? firstEntries.length : a.first) -
				(b.first < 0 ? firstEntries.length : b.first)
			: compareRuns(a.runs, b.runs),
	);
	return keyed.map((entry) => entry.name);
}

/** Parts that are compressed already (images, embedded workbooks): deflating them again gains nothing. */
const compressed = /\.(png|jpe?g|gif|xlsx|docx|pptx|zip)$/i;

/**
 * Zips `files` deterministically: DEFLATE, except parts compressed already, which are stored.
 * Headers as fflate's `zipSync` writes them (no extra fields); deflated parts come from
 * `deflateCached`, made by `deflate` (default: `fastDeflate`).
 */
export function deterministicZip(
	files: Map<string, Uint8Array>,
	timestamp: Date,
	deflate?: RawDeflate,
): Uint8Array {
	const time = dosTime(zipTime(timestamp));
	const entries = sortedNames(files.keys()).map((name) => {
		const content = files.get(name)!;
		const crc = partCrc(content);
		const method = compressed.test(name) ? 0 : 8;
		const data = method ? deflateCached(content, crc, deflate) : content;
		const encoded = strToU8(name);
		return {
			name: encoded,
			utf8: encoded.length !== name.length,
			crc,
			method,
			data,
			size: content.length,
		};
	});
	let local = 0;
	let central = 0;
	for (const entry of entries) {
		local += 30 + entry.name.length + entry.data.length;
		central += 46 + entry.name.length;
	}
	const out = new Uint8Array(local + central + 22);
	const view = new DataView(out.buffer);
	let at = 0;
	let dir = local;
	for (const entry of entries) {
		const offset = at;
		at = header(view, out, at, entry, time);
		out.set(entry.data, at);
		at += entry.data.length;
		dir = header(view, out, dir, entry, time, offset);
	}
	// End of central directory: entry counts, its size and where it starts.
	view.setUint32(dir, 0x06054b50, true);
	view.setUint16(dir + 8, entries.length, true);
	view.setUint16(dir + 10, entries.length, true);
	view.setUint32(dir + 12, central, true);
	view.setUint32(dir + 16, local, true);
	return out;
}

interface ZipEntry {
	name: Uint8Array;
	utf8: boolean;
	crc: number;
	method: number;
	data: Uint8Array;
	size: number;
}

/** MS-DOS date and time of `date`'s local fields (what zip entries carry). */
function dosTime(date: Date): number {
	return (
		(((date.getFullYear() - 1980) << 25) |
			((date.getMonth() + 1) << 21) |
			(date.getDate() << 16) |
			(date.getHours() << 11) |
			(date.getMinutes() << 5) |
			(date.getSeconds() >> 1)) >>>
		0
	);
}

/**
 * Writes a local file header at `at` or, given the entry's `offset`, its central directory
 * record; returns where the name ends. No extra fields, comments or attributes.
 */
function header(
	view: DataView,
	out: Uint8Array,
	at: number,
	entry: ZipEntry,
	time: number,
	offset?: number,
): number {
	const central = offset !== undefined;
	let b = at;
	view.setUint32(b, central ? 0x02014b50 : 0x04034b50, true);
	b += 4;
	if (central) {
		view.setUint16(b, 20, true); // version made by: 2.0, MS-DOS
		b += 2;
	}
	view.setUint16(b, 20, true); // version needed to extract: 2.0
	view.setUint16(b + 2, entry.utf8 ? 0x0800 : 0, true);
	view.setUint16(b + 4, entry.method, true);
	view.setUint32(b + 6, time, true);
	view.setUint32(b + 10, entry.crc, true);
	view.setUint32(b + 14, entry.data.length, true);
	view.setUint32(b + 18, entry.size, true);
	view.setUint16(b + 22, entry.name.length, true);
	b += 26;
	if (central) {
		b += 10; // comment length, disk, internal and external attributes: 0
		view.setUint32(b, offset, true);
		b += 4;
	}
	out.set(entry.name, b);
	return b + entry.name.length;
}

/** Unzips into a map without directory entries. */
export function unzip(data: Uint8Array): Map<string, Uint8Array> {
	const files = new Map<string, Uint8Array>();
	for (const [name, content] of Object.entries(unzipSync(data))) {
		if (!name.endsWith('/')) files.set(name, content);
	}
	return files;
}
