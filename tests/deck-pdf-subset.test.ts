/**
 * The leave-behind's TrueType subsets (src/deck/pdf/subset.ts, sfnt.ts), read back with fontkit: every
 * glyph drawn has the original's outline and advance under its subset id, composite glyphs (é, Å)
 * bring their parts, and the file's checksums hold.
 */
import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrueType } from '../src/deck/pdf/sfnt.ts';
import { TrueTypeSubset } from '../src/deck/pdf/subset.ts';

const fontFile = (name: string) =>
	new Uint8Array(readFileSync(path.join(import.meta.dirname, '../public/fonts', name)));

/** The outline of `glyph` as SVG path data (fontkit decodes composites into one outline). */
const outline = (glyph: { path: { toSVG(): string } }) => glyph.path.toSVG();

/** The glyph's left side bearing, from the font's horizontal metrics (fontkit keeps it private). */
const bearing = (glyph: unknown) =>
	(glyph as { _getMetrics(): { leftBearing: number } })._getMetrics().leftBearing;

describe('TrueTypeSubset', () => {
	for (const name of ['Carlito-Regular.ttf', 'Carlito-Bold.ttf']) {
		it(`keeps each drawn glyph of ${name} as it is, composites with their parts`, () => {
			const bytes = fontFile(name);
			const font = fontkit.create(bytes);
			const subset = new TrueTypeSubset(readTrueType(bytes)!);
			const text = 'Société Générale, Ærø Å: 12.5% (€3.4bn) “fi” — ok';
			const ids = new Map<number, number>();
			for (const char of text) {
				const glyph = font.glyphForCodePoint(char.codePointAt(0)!);
				ids.set(glyph.id, subset.includeGlyph(glyph));
			}
			const encoded = subset.encode();
			const written = fontkit.create(encoded);
			// The missing glyph first, then one id per distinct glyph in drawing order, then the parts
			// of composite glyphs.
			expect(ids.get(font.glyphForCodePoint(0x53).id)).toBe(1);
			expect(written.numGlyphs).toBeGreaterThan(ids.size + 1);
			for (const [id, subsetId] of ids) {
				const original = font.getGlyph(id);
				const copy = written.getGlyph(subsetId);
				expect(outline(copy), `glyph ${id}`).toBe(outline(original));
				expect(copy.advanceWidth).toBe(original.advanceWidth);
				expect(bearing(copy)).toBe(bearing(original));
			}
			expect(written.unitsPerEm).toBe(font.unitsPerEm);
			// Every table's checksum, and the whole file's (head's adjustment makes it 0xB1B0AFBA).
			const view = new DataView(encoded.buffer);
			const sum = (from: number, length: number) => {
				let total = 0;
				for (let i = from; i < from + length; i += 4) total = (total + view.getUint32(i)) >>> 0;
				return total;
			};
			for (let i = 0; i < view.getUint16(4); i++) {
				const at = 12 + 16 * i;
				const tag = String.fromCharCode(...encoded.subarray(at, at + 4));
				if (tag === 'head') continue;
				const length = (view.getUint32(at + 12) + 3) & ~3;
				expect(sum(view.getUint32(at + 8), length), tag).toBe(view.getUint32(at + 4));
			}
			expect(sum(0, encoded.length)).toBe(0xb1b0afba);
		});
	}

	it('reads only TrueType outlines, and hands pdf-lib the bytes as a stream', async () => {
		expect(readTrueType(new Uint8Array(64))).toBeNull();
		const subset = new TrueTypeSubset(readTrueType(fontFile('Carlito-Regular.ttf'))!);
		subset.includeGlyph(36);
		const parts: Uint8Array[] = [];
		await new Promise<void>((resolve, reject) => {
			subset
				.encodeStream()
				.on('data', (bytes) => parts.push(bytes!))
				.on('end', () => resolve())
				.on('error', reject);
		});
		expect(parts).toEqual([subset.encode()]);
	});
});
