/**
 * Deterministic zips: entries in a fixed order, DEFLATE level 6 (parts compressed already are
 * stored), one timestamp for every entry.
 * The same files and timestamp give the same bytes, in Node and in the browser (fflate).
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** The package's content types part. */
export const contentTypesPart = '[Content_Types].xml';

/** A date for fflate whose local-time fields equal `date`'s UTC fields (zip times have no zone). */
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
	const pa = a.split(/(\d+)/);
	const pb = b.split(/(\d+)/);
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
function entryOrder(a: string, b: string): number {
	const ia = firstEntries.indexOf(a);
	const ib = firstEntries.indexOf(b);
	if (ia >= 0 || ib >= 0)
		return (ia < 0 ? firstEntries.length : ia) - (ib < 0 ? firstEntries.length : ib);
	return naturalCompare(a, b);
}

/** Parts that are compressed already (images, embedded workbooks): deflating them again gains nothing. */
const compressed = /\.(png|jpe?g|gif|xlsx|docx|pptx|zip)$/i;

/** Zips `files` deterministically: DEFLATE, except parts compressed already, which are stored. */
export function deterministicZip(files: Map<string, Uint8Array>, timestamp: Date): Uint8Array {
	const mtime = zipTime(timestamp);
	const zippable: Zippable = {};
	for (const name of [...files.keys()].sort(entryOrder)) {
		zippable[name] = [files.get(name)!, { level: compressed.test(name) ? 0 : 6, mtime }];
	}
	return zipSync(zippable);
}

/** Unzips into a map without directory entries. */
export function unzip(data: Uint8Array): Map<string, Uint8Array> {
	const files = new Map<string, Uint8Array>();
	for (const [name, content] of Object.entries(unzipSync(data))) {
		if (!name.endsWith('/')) files.set(name, content);
	}
	return files;
}
