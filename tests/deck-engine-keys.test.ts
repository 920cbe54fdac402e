/**
 * The small caches the engine's hot paths use instead of formatted keys: kerning pairs keyed by
 * integers, PDF numbers shared by value, glyphs decoded once per font. Each must give exactly
 * what it stands for.
 */
import { PDFNumber } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pairKey } from '../src/deck/font-faces.ts';
import { rawFontMetrics } from '../src/deck/font-metrics.ts';
import { planDeck } from '../src/deck/index.ts';
import { writePdf } from '../src/deck/pdf/index.ts';
import { pdfNumber } from '../src/deck/pdf/numbers.ts';
import { loadPdfFonts } from '../src/integrations/pdf-fonts.ts';
import { maxInput } from './fixtures/decks/inputs.ts';

describe('pairKey', () => {
	it('gives every pair of code points its own key', () => {
		const points = [0, 0x20, 0x41, 0xe9, 0x2019, 0x3fff, 0x4000, 0xfffd, 0xffff, 0x10000, 0x1f600];
		const keys = new Set<number>();
		for (const first of points) for (const second of points) keys.add(pairKey(first, second));
		expect(keys.size).toBe(points.length * points.length);
	});

	it('keys every pair the font metrics hold below 2^30 (small integers), others above', () => {
		for (const metrics of Object.values(rawFontMetrics)) {
			for (const group of metrics.pairs.split(' ')) {
				const chars = [...group.slice(group.indexOf(':') + 1)];
				for (let i = 0; i + 1 < chars.length; i += 2) {
					const key = pairKey(chars[i]!.codePointAt(0)!, chars[i + 1]!.codePointAt(0)!);
					expect(key).toBeLessThan(2 ** 30);
				}
			}
		}
		expect(pairKey(0x4000, 0x41)).toBeGreaterThanOrEqual(2 ** 30);
		expect(pairKey(0x41, 0x1f600)).toBeGreaterThanOrEqual(2 ** 30);
	});
});

describe('pdfNumber', () => {
	it('writes each value as PDFNumber.of does, and shares one object per value', () => {
		for (const value of [0, -0, 1, -1, 0.5, 1 / 3, 123.456, 1e-7, -2.5e-9, 1e21, 3e25, 612.0001]) {
			expect(pdfNumber(value).toString()).toBe(PDFNumber.of(value).toString());
			// -0 shares 0's object: both are written "0".
			expect(pdfNumber(value).asNumber() === value).toBe(true);
			expect(pdfNumber(value)).toBe(pdfNumber(value));
		}
	});
});

describe('the leave-behind with its per-process caches', () => {
	it('writes the same bytes the second time (remembered glyphs, shared numbers), accents included', async () => {
		const input = maxInput({ company: 'Société Générale Ærø' });
		const fonts = await loadPdfFonts(process.cwd());
		const first = await writePdf(planDeck(input), fonts);
		const second = await writePdf(planDeck(input), fonts);
		expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
	});
});
