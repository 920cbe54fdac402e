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
	endText,
	PDFName,
	PDFNumber,
	PDFOperator,
	PDFOperatorNames,
	popGraphicsState,
	pushGraphicsState,
	setFillingColor,
	setFontAndSize,
	setTextMatrix,
	type Color,
	type PDFFont,
	type PDFObject,
	type PDFPage,
} from 'pdf-lib';
import { faceFor, glyphOffsets } from '../text.ts';

/** Font resource names per page: one entry per font, not one per run. */
const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

function fontKey(page: PDFPage, font: PDFFont): PDFName {
	let keys = fontKeys.get(page);
	if (!keys) fontKeys.set(page, (keys = new Map()));
	let key = keys.get(font);
	if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
	return key;
}

/** Advance widths of a PDF font per character, in points at 1 pt. */
const advances = new WeakMap<PDFFont, Map<string, number>>();

function advance(font: PDFFont, char: string): number {
	let table = advances.get(font);
	if (!table) advances.set(font, (table = new Map()));
	let width = table.get(char);
	if (width === undefined) table.set(char, (width = font.widthOfTextAtSize(char, 1)));
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

/** Draws `run` in `font`, each glyph at its measured position. */
export function drawRun(page: PDFPage, font: PDFFont, run: PdfRun): void {
	const { text, size } = run;
	const offsets = glyphOffsets(text, size, faceFor(run.family, run.bold));
	const parts: PDFObject[] = [];
	let stretch = '';
	let pen = 0;
	let index = 0;
	for (const char of text) {
		const shift = offsets[index]! - pen;
		// Shifts under a thousandth of an em are rounding, not kerning.
		if (index > 0 && Math.abs(shift) * 1000 >= size) {
			if (stretch) parts.push(font.encodeText(stretch));
			stretch = '';
			// TJ numbers are thousandths of an em, subtracted from the position.
			parts.push(PDFNumber.of(Math.round((-shift * 100_000) / size) / 100));
			pen += shift;
		}
		stretch += char;
		pen += advance(font, char) * size;
		index++;
	}
	if (stretch) parts.push(font.encodeText(stretch));
	page.pushOperators(
		pushGraphicsState(),
		beginText(),
		setFillingColor(run.color),
		setFontAndSize(fontKey(page, font), size),
		setTextMatrix(1, 0, 0, 1, run.x, run.y),
		PDFOperator.of(PDFOperatorNames.ShowTextAdjusted, [page.doc.context.obj(parts)]),
		endText(),
		popGraphicsState(),
	);
}
