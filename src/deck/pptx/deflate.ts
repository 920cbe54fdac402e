/**
 * CRC-32 and DEFLATE for the package's zip writer. Most parts of a deck are the same in every deck
 * of a brand (theme, masters, layouts, notes master, relationships, the workbooks' styles), so
 * their compressed bytes are remembered by content for the life of the process (or page): a deck
 * pays for deflating only what is its own, with `fast-deflate.ts`. The same bytes in Node and in
 * the browser.
 */
import { fastDeflate } from './fast-deflate.ts';

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
const packedParts = new WeakMap<Uint8Array, { crc: number; deflated?: Uint8Array }>();

/** `crc32(data)`, computed once per part object. */
export function partCrc(data: Uint8Array): number {
	let known = packedParts.get(data);
	if (!known) packedParts.set(data, (known = { crc: crc32(data) }));
	return known.crc;
}

/** Remembered parts, least recently used first. */
const cache = new Map<string, { raw: Uint8Array; deflated: Uint8Array }>();
/** Bounds of the cache: enough for a few brands' and templates' constant parts. */
const maxEntries = 512;
const maxBytes = 8 << 20;
let cachedBytes = 0;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/**
 * `data` DEFLATE-compressed, from the cache when the same bytes were compressed before; `crc` is
 * `crc32(data)`.
 */
export function deflateCached(data: Uint8Array, crc: number): Uint8Array {
	const known = packedParts.get(data);
	if (known?.deflated) return known.deflated;
	const deflated = deflateByContent(data, crc);
	if (known) known.deflated = deflated;
	return deflated;
}

function deflateByContent(data: Uint8Array, crc: number): Uint8Array {
	const key = `${crc}:${data.length}`;
	const hit = cache.get(key);
	if (hit && sameBytes(hit.raw, data)) {
		// Most recently used last.
		cache.delete(key);
		cache.set(key, hit);
		return hit.deflated;
	}
	const deflated = fastDeflate(data);
	if (hit) {
		cache.delete(key);
		cachedBytes -= hit.raw.length + hit.deflated.length;
	}
	cache.set(key, { raw: data.slice(), deflated });
	cachedBytes += data.length + deflated.length;
	for (const [oldest, entry] of cache) {
		if (cache.size <= maxEntries && cachedBytes <= maxBytes) break;
		cache.delete(oldest);
		cachedBytes -= entry.raw.length + entry.deflated.length;
	}
	return deflated;
}
