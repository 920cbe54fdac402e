/**
 * Streams compressed with the deck's own DEFLATE (`../pptx/fast-deflate.ts`), as zlib streams. A
 * page's content (`page.ts`) is deflated here as it is written. The streams pdf-lib compresses
 * while embedding (each font's subset and its ToUnicode map, the logo) go through the same DEFLATE
 * instead of pako at level 6, which set up a fresh compressor (hundreds of kilobytes of tables)
 * per stream: about a tenth of a leave-behind, and more in a fresh process or worker (pako's first
 * calls run unoptimised); the files are about 0.5% larger.
 */
import type { PDFContext } from 'pdf-lib';
import { fastDeflate } from '../pptx/fast-deflate.ts';

/** Adler-32 of `data` (the checksum a zlib stream ends with). */
function adler32(data: Uint8Array): number {
	let a = 1;
	let b = 0;
	// 5552 bytes at most between reductions keep the sums within 32 bits (as zlib does).
	for (let start = 0; start < data.length; start += 5552) {
		const end = Math.min(start + 5552, data.length);
		for (let i = start; i < end; i++) {
			a += data[i]!;
			b += a;
		}
		a %= 65521;
		b %= 65521;
	}
	return ((b << 16) | a) >>> 0;
}

/** `data` as a zlib stream (what a PDF's FlateDecode filter reads): header, DEFLATE, Adler-32. */
export function zlibStream(data: Uint8Array): Uint8Array {
	const deflated = fastDeflate(data);
	const out = new Uint8Array(deflated.length + 6);
	// CMF 0x78: DEFLATE with a 32 KB window; FLG 0x01: fastest level, no dictionary, check bits.
	out[0] = 0x78;
	out[1] = 0x01;
	out.set(deflated, 2);
	const sum = adler32(data);
	out[out.length - 4] = sum >>> 24;
	out[out.length - 3] = (sum >>> 16) & 255;
	out[out.length - 2] = (sum >>> 8) & 255;
	out[out.length - 1] = sum & 255;
	return out;
}

/** Bytes of a stream's contents: a string's characters are bytes (pdf-lib's own convention). */
function contentBytes(contents: string | Uint8Array): Uint8Array {
	if (contents instanceof Uint8Array) return contents;
	const bytes = new Uint8Array(contents.length);
	for (let i = 0; i < contents.length; i++) bytes[i] = contents.charCodeAt(i);
	return bytes;
}

/**
 * Makes `context` (a document's) compress what pdf-lib deflates as it embeds (font subsets,
 * ToUnicode maps, pictures) with {@link zlibStream}: the same dictionaries, the same decoded bytes.
 */
export function deflateEmbeddedStreams(context: PDFContext): void {
	context.flateStream = (contents, dict = {}) =>
		context.stream(zlibStream(contentBytes(contents)), { ...dict, Filter: 'FlateDecode' });
}
