/**
 * Page content compressed with the deck's own DEFLATE (`../pptx/fast-deflate.ts`). pdf-lib
 * compresses each page's drawing operators with pako when it saves, setting up a fresh compressor
 * (hundreds of kilobytes of tables) per stream: about a sixth of a leave-behind's time. The page
 * streams are replaced by the same operators, deflated here, before the document is saved; the
 * pages draw exactly as before.
 */
import { PDFArray, PDFContentStream, PDFName, PDFRef, type PDFDocument } from 'pdf-lib';
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

/** Replaces every page's content streams by the same content, compressed with {@link zlibStream}. */
export function compressPageContents(doc: PDFDocument): void {
	const context = doc.context;
	for (const page of doc.getPages()) {
		const entry = page.node.get(PDFName.of('Contents'));
		const list = entry instanceof PDFRef ? context.lookup(entry) : entry;
		const refs = list instanceof PDFArray ? list.asArray() : [entry];
		for (const ref of refs) {
			if (!(ref instanceof PDFRef)) continue;
			const stream = context.lookup(ref);
			if (!(stream instanceof PDFContentStream)) continue;
			context.assign(
				ref,
				context.stream(zlibStream(stream.getUnencodedContents()), { Filter: 'FlateDecode' }),
			);
		}
	}
}
