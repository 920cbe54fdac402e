/**
 * A line's run of text onto a PDF page, each glyph where the scene's measurement puts it. The
 * measurement kerns and narrows ligature pairs (`../text.ts`); plain `Tj` text would advance by
 * the bare glyph widths and end up to one percent wider than the preview and the .pptx. So the run
 * is one `TJ` array: glyphs in stretches, with a shift before each glyph whose measured position
 * differs from where the previous glyph's advance leaves it. The glyphs stay the font's plain ones
 * (no ligature glyphs), so the text extracts character by character.
 */
import {
	beginText,
	ColorTypes,
	endText,
	PDFName,
	PDFOperator,
	PDFOperatorNames,
	popGraphicsState,
	pushGraphicsState,
	setFillingColor,
	setFillingRgbColor,
	setFontAndSize,
	setTextMatrix,
	type Color,
	type PDFFont,
	type PDFObject,
	type PDFPage,
} from 'pdf-lib';
import { faceFor, glyphOffsets } from '../text.ts';
import { pdfNumber } from './numbers.ts';

/** Font resource names per page: one entry per font, not one per run. */
const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

function fontKey(page: PDFPage, font: PDFFont): PDFName {
	let keys = fontKeys.get(page);
	if (!keys) fontKeys.set(page, (keys = new Map()));
	let key = keys.get(font);
	if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
	return key;
}

/** Advance widths of a PDF font per code point, in points at 1 pt. */
const advances = new WeakMap<PDFFont, Map<number, number>>();

function advance(font: PDFFont, code: number): number {
	let table = advances.get(font);
	if (!table) advances.set(font, (table = new Map()));
	let width = table.get(code);
	if (width === undefined)
		table.set(code, (width = font.widthOfTextAtSize(String.fromCodePoint(code), 1)));
	return width;
}

/** What to draw: the run's text, measured as `family` (bold or not), at `size` points. */
export interface PdfRun {
	text: string;
	family: string;
	bold: boolean;
	size: number;
	/** Left end of the baseline, in PDF points (from the bottom left). */
	x: number;
	y: number;
	color: Color;
}

const one = pdfNumber(1);
const zero = pdfNumber(0);

/** The fill colour operator, its numbers shared (see `numbers.ts`). */
function fillColor(color: Color): PDFOperator {
	return color.type === ColorTypes.RGB
		? setFillingRgbColor(pdfNumber(color.red), pdfNumber(color.green), pdfNumber(color.blue))
		: setFillingColor(color);
}

/** Draws `run` in `font`, each glyph at its measured position. */
export function drawRun(page: PDFPage, font: PDFFont, run: PdfRun): void {
	const { text, size } = run;
	const offsets = glyphOffsets(text, size, faceFor(run.family, run.bold));
	const parts: PDFObject[] = [];
	// Code point by code point (as `for...of` goes); a stretch is a slice of the text.
	let stretchStart = 0;
	let pen = 0;
	let index = 0;
	for (let i = 0; i < text.length; index++) {
		const code = text.codePointAt(i)!;
		const shift = offsets[index]! - pen;
		// Shifts under a thousandth of an em are rounding, not kerning.
		if (index > 0 && Math.abs(shift) * 1000 >= size) {
			if (i > stretchStart) parts.push(font.encodeText(text.slice(stretchStart, i)));
			stretchStart = i;
			// TJ numbers are thousandths of an em, subtracted from the position.
			parts.push(pdfNumber(Math.round((-shift * 100_000) / size) / 100));
			pen += shift;
		}
		pen += advance(font, code) * size;
		i += code > 0xffff ? 2 : 1;
	}
	if (text.length > stretchStart) parts.push(font.encodeText(text.slice(stretchStart)));
	page.pushOperators(
		pushGraphicsState(),
		beginText(),
		fillColor(run.color),
		setFontAndSize(fontKey(page, font), pdfNumber(size)),
		setTextMatrix(one, zero, zero, one, pdfNumber(run.x), pdfNumber(run.y)),
		PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [page.doc.context.obj(parts)]),
		endText(),
		popGraphicsState(),
	);
}
