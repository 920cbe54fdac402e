/**
 * What pdf-lib reads of the leave-behind's fonts (src/deck/pdf/font-tables.ts, fonts.ts) is what
 * fontkit reads from the same files: the metrics and flags of the font descriptor, and each
 * character's glyph and advance, over every character the fonts map and some they do not. A font
 * that is not TrueType is refused with a reason.
 */
import fontkit from '@pdf-lib/fontkit';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfFontTables } from '../src/deck/pdf/font-tables.ts';
import { plainFontkit } from '../src/deck/pdf/fonts.ts';
import { readTrueType } from '../src/deck/pdf/sfnt.ts';
import { loadPdfFonts, pdfFontFiles } from '../src/integrations/pdf-fonts.ts';

const fontFile = (name: string) =>
	new Uint8Array(readFileSync(path.join(import.meta.dirname, '../public/fonts', name)));

describe('pdfFontTables', () => {
	for (const name of ['Carlito-Regular.ttf', 'Carlito-Bold.ttf']) {
		it(`reads ${name} as fontkit does`, () => {
			const bytes = fontFile(name);
			const expected = fontkit.create(bytes);
			const tables = pdfFontTables(readTrueType(bytes)!);
			expect(tables.unitsPerEm).toBe(expected.unitsPerEm);
			expect(tables.ascent).toBe(expected.ascent);
			expect(tables.descent).toBe(expected.descent);
			expect(tables.capHeight).toBe(expected.capHeight);
			expect(tables.xHeight).toBe(expected.xHeight);
			expect(tables.italicAngle).toBe(expected.italicAngle);
			const { minX, minY, maxX, maxY } = expected.bbox;
			expect(tables.bbox).toEqual({ minX, minY, maxX, maxY });
			const font = expected as unknown as {
				post: { isFixedPitch: number };
				'OS/2': { sFamilyClass: number };
				head: { macStyle: { italic: boolean } };
			};
			expect(tables.post.isFixedPitch).toBe(Boolean(font.post.isFixedPitch));
			expect(tables['OS/2']?.sFamilyClass).toBe(font['OS/2'].sFamilyClass);
			expect(tables.head.macStyle.italic).toBe(font.head.macStyle.italic);
			// Every mapped character, then characters the font lacks (a private-use one, an emoji,
			// CJK): the missing glyph, 0.
			const characters = [...expected.characterSet, 0xe000, 0x1f600, 0x4e2d, 0x10ffff];
			expect(expected.characterSet.length).toBeGreaterThan(500);
			for (const codePoint of characters) {
				const glyph = tables.glyphForCodePoint(codePoint);
				const theirs = expected.glyphForCodePoint(codePoint);
				expect([codePoint, glyph.id, glyph.advanceWidth]).toEqual([
					codePoint,
					theirs.id,
					theirs.advanceWidth,
				]);
			}
			expect(tables.glyphForCodePoint(0x1f600).id).toBe(0);
		});
	}

	it('gives a glyph the character it was first asked for, as the PDF maps it back', () => {
		const tables = pdfFontTables(readTrueType(fontFile('Carlito-Regular.ttf'))!);
		const first = tables.glyphForCodePoint(0x41);
		expect(first.codePoints).toEqual([0x41]);
		expect(tables.glyphForCodePoint(0x41)).toBe(first);
	});
});

describe('plainFontkit', () => {
	it('lays text out code point by code point, without ligatures', () => {
		const font = plainFontkit.create(fontFile('Carlito-Regular.ttf'));
		const ids = font.layout('fi 😀').glyphs.map((glyph) => glyph.id);
		const tables = pdfFontTables(readTrueType(fontFile('Carlito-Regular.ttf'))!);
		expect(ids).toEqual(
			[0x66, 0x69, 0x20, 0x1f600].map((code) => tables.glyphForCodePoint(code).id),
		);
		expect(ids.at(-1)).toBe(0);
	});

	it('refuses a font without TrueType outlines, saying what the PDF embeds', () => {
		// An OpenType font with CFF outlines starts with "OTTO".
		const cff = new Uint8Array(64);
		cff.set([0x4f, 0x54, 0x54, 0x4f]);
		expect(() => plainFontkit.create(cff)).toThrow(/not a TrueType font.*\.ttf/);
	});

	it('refuses a cut-off font file with a reason, not a DataView error', () => {
		const whole = fontFile('Carlito-Regular.ttf');
		expect(() => plainFontkit.create(whole.slice(0, 200))).toThrow(
			/^a PDF font cannot be read: a table reaches past the end of the file/,
		);
		expect(() => plainFontkit.create(new Uint8Array(3))).toThrow(/PDF font cannot be read/);
	});
});

describe('loadPdfFonts', () => {
	it('names the font file that is cut off, before any deck is built', async () => {
		const root = mkdtempSync(path.join(tmpdir(), 'pdf-fonts-'));
		try {
			mkdirSync(path.join(root, 'public', 'fonts'), { recursive: true });
			writeFileSync(
				path.join(root, pdfFontFiles.regular),
				fontFile('Carlito-Regular.ttf').slice(0, 4096),
			);
			writeFileSync(path.join(root, pdfFontFiles.bold), fontFile('Carlito-Bold.ttf'));
			await expect(loadPdfFonts(root)).rejects.toThrow(
				/^public\/fonts\/Carlito-Regular\.ttf: a PDF font cannot be read: a table reaches past the end/,
			);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
