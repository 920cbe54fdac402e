/**
 * The small caches the engine's hot paths use instead of formatted keys: kerning pairs keyed by
 * integers, PDF numbers written directly, glyph codes kept per font. Each must give exactly
 * what it stands for.
 */
import { describe, expect, it } from 'vitest';
import { pairKey } from '../src/deck/font-faces.ts';
import { rawFontMetrics } from '../src/deck/font-metrics.ts';
import { planDeck } from '../src/deck/index.ts';
import { writePdf } from '../src/deck/pdf/index.ts';
import { pdfNum } from '../src/deck/pdf/numbers.ts';
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

describe('pdfNum', () => {
	it('writes numbers as PDF reads them: rounded, no exponent, no minus zero', () => {
		const cases: Array<[number, string]> = [
			[0, '0'],
			[-0, '0'],
			[1, '1'],
			[-1, '-1'],
			[0.5, '0.5'],
			[1 / 3, '0.33'],
			[123.456, '123.46'],
			[1e-7, '0'],
			[-2.5e-9, '0'],
			[-0.004, '0'],
			[612.0001, '612'],
			[540, '540'],
		];
		for (const [value, text] of cases) expect(pdfNum(value)).toBe(text);
		expect(pdfNum(1 / 3, 4)).toBe('0.3333');
		expect(pdfNum(123456789.5)).toBe('123456789.5');
	});
});

describe('the leave-behind with its per-process caches', () => {
	it('writes the same bytes the second time (remembered glyphs and glyph codes), accents included', async () => {
		const input = maxInput({ company: 'Société Générale Ærø' });
		const fonts = await loadPdfFonts(process.cwd());
		const first = await writePdf(planDeck(input), fonts);
		const second = await writePdf(planDeck(input), fonts);
		expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
	});
});
