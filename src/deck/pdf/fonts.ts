/**
 * Fonts for pdf-lib, read once per file and laid out without shaping. pdf-lib asks a "fontkit" to
 * parse each font and to shape every string it draws (ligatures, kerning), which costs milliseconds
 * per call and would set text differently from the scene's measurement, which uses plain advance
 * widths. Here the font is read from its own tables (font-tables.ts) and each code point maps to
 * its glyph through the font's cmap: the same widths as the measurement, the same text PowerPoint
 * shows (no ligatures, no kerning), and about a hundred times faster. Subsets are written from the
 * file's bytes (subset.ts). The leave-behind embeds Carlito; a font without TrueType outlines
 * (a CFF-flavoured .otf) is refused with a reason.
 */
import type { PDFDocument } from 'pdf-lib';
import { pdfFontTables, type PdfGlyph } from './font-tables.ts';
import { readTrueType } from './sfnt.ts';
import { TrueTypeSubset } from './subset.ts';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;

const parsed = new WeakMap<Uint8Array, FontkitFont>();

/** The font's file and tables; throws a reason when `data` is not a whole TrueType font. */
function tablesOf(data: Uint8Array) {
	let read;
	try {
		const file = readTrueType(data);
		read = file && { file, tables: pdfFontTables(file) };
	} catch (error) {
		// DataView throws RangeError where a table directory or table points past the file's end.
		const reason =
			error instanceof RangeError
				? 'a table reaches past the end of the file (is the file whole?)'
				: (error as Error).message;
		throw new Error(`a PDF font cannot be read: ${reason}`, { cause: error });
	}
	if (!read)
		throw new Error(
			'a PDF font is not a TrueType font with glyf outlines (the leave-behind embeds .ttf fonts)',
		);
	return read;
}

/** The font in `data` as pdf-lib reads one; throws when it is not a TrueType font. */
function plainFont(data: Uint8Array): FontkitFont {
	const { file, tables } = tablesOf(data);
	const font = {
		...tables,
		// pdf-lib reads only `glyphs` (their ids and advance widths) from a layout.
		layout: (text: string) => {
			const laidOut: PdfGlyph[] = [];
			// Code point by code point, as `Array.from(text)` splits it.
			for (let i = 0; i < text.length;) {
				const code = text.codePointAt(i)!;
				laidOut.push(tables.glyphForCodePoint(code));
				i += code > 0xffff ? 2 : 1;
			}
			return { glyphs: laidOut };
		},
		createSubset: () => new TrueTypeSubset(file),
	};
	return font as unknown as FontkitFont;
}

/** A fontkit for pdf-lib that remembers the fonts it read and lays text out without shaping. */
export const plainFontkit: Fontkit = {
	create(data: Uint8Array) {
		let font = parsed.get(data);
		if (!font) parsed.set(data, (font = plainFont(data)));
		return font;
	},
};
