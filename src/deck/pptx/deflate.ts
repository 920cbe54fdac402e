/**
 * CRC-32 and DEFLATE for the package's zip writer. Most parts of a deck are the same in every deck
 * of a brand (theme, masters, layouts, notes master, relationships, the workbooks' styles), so
 * their compressed bytes are remembered by content for the life of the process (or page): a deck
 * pays for deflating only what is its own, with `fast-deflate.ts` unless the caller gives another
 * compressor (Node gives `node:zlib`'s native one: a fresh process runs our JavaScript DEFLATE
 * before V8 has optimised it, about a quarter of a cold deck's time).
 */
import { fastDeflate } from './fast-deflate.ts';

/**
 * A raw DEFLATE compressor (RFC 1951, no zlib or gzip wrapper): bytes in, compressed bytes out,
 * the same bytes for the same input. `fastDeflate` (plain JavaScript, the same in Node and in the
 * browser) by default.
 */
export type RawDeflate = (data: Uint8Array) => Uint8Array;

/** CRC-32 lookup tables, four bytes at a time ("slicing by 4"). */
const crcTables = (() => {
	const tables = new Int32Array(256 * 4);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		tables[n] = c;
	}
	for (let n = 0; n < 256; n++) {
		let c = tables[n]!;
		for (let t = 1; t < 4; t++) {
			c = tables[c & 255]! ^ (c >>> 8);
			tables[t * 256 + n] = c;
		}
	}
	return tables;
})();

/** The CRC-32 of `data` (as zip entries carry it), unsigned. */
export function crc32(data: Uint8Array): number {
	const t = crcTables;
	let c = -1;
	let i = 0;
	const whole = data.length & ~3;
	for (; i < whole; i += 4) {
		c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
		c =
			t[768 + (c & 255)]! ^
			t[512 + ((c >>> 8) & 255)]! ^
			t[256 + ((c >>> 16) & 255)]! ^
			t[c >>> 24]!;
	}
	for (; i < data.length; i++) c = t[(c ^ data[i]!) & 255]! ^ (c >>> 8);
	return ~c >>> 0;
}

/**
 * The checksum and compressed bytes of part objects met before. Parts are never changed once
 * made, and a template's parts (and the rewrites remembered in `part-text.ts`) are the same
 * objects in every deck: those skip the checksum and the comparison with the cache's copy.
 */
const packedParts = new WeakMap<
	Uint8Array,
	{ crc: number; deflated?: Uint8Array; deflatedBy?: RawDeflate }
>();

/** `crc32(data)`, computed once per part object. */
export function partCrc(data: Uint8Array): number {
	let known = packedParts.get(data);
	if (!known) packedParts.set(data, (known = { crc: crc32(data) }));
	return known.crc;
}

/** Remembered parts of one compressor, least recently used first. */
type DeflateCache = {
	entries: Map<string, { raw: Uint8Array; deflated: Uint8Array }>;
	bytes: number;
};
/**
 * One cache per compressor (compressors make different bytes), let go with the compressor: give
 * the same function object to every deck for parts to be found again.
 */
const caches = new WeakMap<RawDeflate, DeflateCache>();
/** Bounds of each cache: enough for a few brands' and templates' constant parts. */
const maxEntries = 512;
const maxBytes = 8 << 20;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/**
 * `data` DEFLATE-compressed by `deflate`, from the cache when the same bytes were compressed by it
 * before; `crc` is `crc32(data)`.
 */
export function deflateCached(
	data: Uint8Array,
	crc: number,
	deflate: RawDeflate = fastDeflate,
): Uint8Array {
	const known = packedParts.get(data);
	if (known?.deflated && known.deflatedBy === deflate) return known.deflated;
	const deflated = deflateByContent(data, crc, deflate);
	if (known) {
		known.deflated = deflated;
		known.deflatedBy = deflate;
	}
	return deflated;
}

function deflateByContent(data: Uint8Array, crc: number, deflate: RawDeflate): Uint8Array {
	let cache = caches.get(deflate);
	if (!cache) caches.set(deflate, (cache = { entries: new Map(), bytes: 0 }));
	const { entries } = cache;
	const key = `${crc}:${data.length}`;
	const hit = entries.get(key);
	if (hit && sameBytes(hit.raw, data)) {
		// Most recently used last.
		entries.delete(key);
		entries.set(key, hit);
		return hit.deflated;
	}
	const deflated = deflate(data);
	if (hit) {
		entries.delete(key);
		cache.bytes -= hit.raw.length + hit.deflated.length;
	}
	entries.set(key, { raw: data.slice(), deflated });
	cache.bytes += data.length + deflated.length;
	for (const [oldest, entry] of entries) {
		if (entries.size <= maxEntries && cache.bytes <= maxBytes) break;
		entries.delete(oldest);
		cache.bytes -= entry.raw.length + entry.deflated.length;
	}
	return deflated;
}
