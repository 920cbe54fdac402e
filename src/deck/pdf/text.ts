/**
 * A line's run of text onto a PDF page, each glyph where the scene's measurement puts it. The
 * measurement kerns and narrows ligature pairs (`../text.ts`); plain `Tj` text would advance by
 * the bare glyph widths and end up to one percent wider than the preview and the .pptx. So the run
 * is one `TJ` array: glyphs in stretches, with a shift before each glyph whose measured position
 * differs from where the previous glyph's advance leaves it. The glyphs stay the font's plain ones
 * (no ligature glyphs), so the text extracts character by character.
 */
import type { PDFFont } from 'pdf-lib';
import { faceFor, glyphOffsets } from '../text.ts';
import { pdfNum } from './numbers.ts';

/** A value per font and code point, computed the first time it is asked for. */
function perCodePoint<T>(compute: (font: PDFFont, code: number) => T) {
	const tables = new WeakMap<PDFFont, Map<number, T>>();
	return (font: PDFFont, code: number): T => {
		let table = tables.get(font);
		if (!table) tables.set(font, (table = new Map()));
		let value = table.get(code);
		if (value === undefined) table.set(code, (value = compute(font, code)));
		return value;
	};
}

/**
 * Each code point's glyph as the font's subset numbers it (four hex digits), per font of one
 * document: the first time a code point is drawn, pdf-lib adds its glyph to the subset.
 */
const glyphCode = perCodePoint((font, code) =>
	font.encodeText(String.fromCodePoint(code)).asString(),
);

/** Advance widths of a PDF font per code point, in points at 1 pt. */
const advance = perCodePoint((font, code) => font.widthOfTextAtSize(String.fromCodePoint(code), 1));

/** What to draw: the run's text, measured as `family` (bold or not), at `size` points. */
export interface PdfRun {
	text: string;
	family: string;
	bold: boolean;
	size: number;
}

/** The inside of the `TJ` array that shows `run` in `font`, each glyph at its measured position. */
export function shownText(font: PDFFont, run: PdfRun): string {
	const { text, size } = run;
	const offsets = glyphOffsets(text, size, faceFor(run.family, run.bold));
	const parts: string[] = [];
	let stretch = '';
	let pen = 0;
	let index = 0;
	// Code point by code point (as `for...of` goes).
	for (let i = 0; i < text.length; index++) {
		const code = text.codePointAt(i)!;
		const shift = offsets[index]! - pen;
		// Shifts under a thousandth of an em are rounding, not kerning.
		if (index > 0 && Math.abs(shift) * 1000 >= size) {
			if (stretch) parts.push(`<${stretch}>`);
			stretch = '';
			// TJ numbers are thousandths of an em, subtracted from the position.
			parts.push(pdfNum((-shift * 1000) / size));
			pen += shift;
		}
		stretch += glyphCode(font, code);
		pen += advance(font, code) * size;
		i += code > 0xffff ? 2 : 1;
	}
	if (stretch) parts.push(`<${stretch}>`);
	return parts.join(' ');
}
