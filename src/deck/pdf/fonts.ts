/**
 * Fonts for pdf-lib, parsed once per file and laid out without shaping. pdf-lib asks fontkit to
 * shape every string it draws (ligatures, kerning), which costs milliseconds per call and would set
 * text differently from the scene's measurement, which uses plain advance widths. Here each code
 * point maps to its glyph through the font's cmap: the same widths as the measurement, the same
 * text PowerPoint shows (no ligatures, no kerning), and about a hundred times faster.
 */
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { readTrueType } from './sfnt.ts';
import { TrueTypeSubset } from './subset.ts';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

type FontkitFont = ReturnType<Fontkit['create']>;
type Glyph = ReturnType<FontkitFont['glyphForCodePoint']>;

const parsed = new WeakMap<Uint8Array, FontkitFont>();

function unshaped(font: FontkitFont, data: Uint8Array): FontkitFont {
	const glyphs = new Map<number, Glyph>();
	const glyphFor = (codePoint: number) => {
		let glyph = glyphs.get(codePoint);
		if (!glyph) glyphs.set(codePoint, (glyph = font.glyphForCodePoint(codePoint)));
		return glyph;
	};
	// pdf-lib reads only `glyphs` (their ids and advance widths) from a layout.
	font.layout = ((text: string) => {
		const glyphs: Glyph[] = [];
		// Code point by code point, as `Array.from(text)` splits it.
		for (let i = 0; i < text.length;) {
			const code = text.codePointAt(i)!;
			glyphs.push(glyphFor(code));
			i += code > 0xffff ? 2 : 1;
		}
		return { glyphs };
	}) as unknown as FontkitFont['layout'];
	// Subsets written from the file's bytes (subset.ts); fontkit's own for fonts that are not
	// TrueType outlines.
	const file = readTrueType(data);
	if (file)
		font.createSubset = (() => new TrueTypeSubset(file)) as unknown as FontkitFont['createSubset'];
	return font;
}

/** A fontkit for pdf-lib that remembers parsed fonts and lays text out without shaping. */
export const plainFontkit: Fontkit = {
	create(data: Uint8Array) {
		let font = parsed.get(data);
		if (!font) parsed.set(data, (font = unshaped(fontkit.create(data), data)));
		return font;
	},
};
