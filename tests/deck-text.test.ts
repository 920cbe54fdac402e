/**
 * Text measurement and fitting: widths come from the font files, wrapped lines never exceed the
 * box at the chosen size, the chosen size is the largest that fits, and the minimum is the floor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontFiles, fontMetricsFile, fontMetricsSource } from '../scripts/generate-font-metrics.ts';
import { rawFontMetrics } from '../src/deck/font-metrics.ts';
import {
	faceFor,
	fitText,
	layoutText,
	largestSize,
	countLines,
	textWidth,
	wrapParagraph,
	PT_PER_IN,
} from '../src/deck/text.ts';
import { text } from './fixtures/decks/inputs.ts';

const calibri = faceFor('Calibri');
const calibriBold = faceFor('Calibri', true);

const fontsInstalled = fontFiles.every((file) => existsSync(file));
if (!fontsInstalled && !process.env.CI) {
	console.warn(
		'\n[deck-text] font files missing (fonts-crosextra-carlito, fonts-liberation2): not checking that src/deck/font-metrics.ts is fresh.\n',
	);
}

describe('font metrics', () => {
	it.runIf(fontsInstalled || Boolean(process.env.CI))(
		'are what the generator makes from the installed fonts',
		async () => {
			expect(readFileSync(fontMetricsFile, 'utf8')).toBe(await fontMetricsSource());
		},
	);

	it('are read from Carlito: known advance widths (units per em 2048)', () => {
		expect(rawFontMetrics.carlito.unitsPerEm).toBe(2048);
		// Calibri/Carlito advance widths in font units: space 463, "a" 981, "W" 1822, bold "W" 1856.
		expect(textWidth(' ', 2048, calibri)).toBe(463);
		expect(textWidth('a', 2048, calibri)).toBe(981);
		expect(textWidth('W', 2048, calibri)).toBe(1822);
		expect(textWidth('W', 2048, calibriBold)).toBe(1856);
	});

	it('measure wide letters wider than narrow ones, bold wider than regular, linearly in size', () => {
		expect(textWidth('WWWW', 12, calibri)).toBeGreaterThan(textWidth('iiii', 12, calibri) * 3);
		expect(textWidth('Revenue', 12, calibriBold)).toBeGreaterThan(
			textWidth('Revenue', 12, calibri),
		);
		expect(textWidth('Revenue', 24, calibri)).toBeCloseTo(2 * textWidth('Revenue', 12, calibri), 6);
	});

	it('measure unknown characters as a full em and other fonts on the safe side', () => {
		expect(textWidth('漢', 10, calibri)).toBe(10);
		expect(textWidth('Revenue growth', 12, faceFor('Arial'))).toBeGreaterThan(
			textWidth('Revenue growth', 12, calibri),
		);
		expect(textWidth('Revenue growth', 12, faceFor('Some Brand Sans'))).toBeGreaterThan(
			textWidth('Revenue growth', 12, faceFor('Arial')),
		);
	});
});

describe('wrapParagraph', () => {
	it('breaks at spaces and keeps every line within the width', () => {
		const width = 200;
		const lines = wrapParagraph(text(400, 3), width, 12, calibri);
		expect(lines.length).toBeGreaterThan(3);
		for (const line of lines) expect(textWidth(line, 12, calibri)).toBeLessThanOrEqual(width);
		expect(lines.join(' ')).toBe(text(400, 3));
	});

	it('counts the lines it makes (countLines: the same breaks without making the lines)', () => {
		const samples = [
			'',
			'One',
			'W'.repeat(60),
			`Short ${'W'.repeat(60)} words ${'i'.repeat(90)} after`,
			text(400, 3),
			text(1200, 7),
		];
		for (const sample of samples) {
			for (const width of [20, 55, 100, 200, 333, 640]) {
				for (const face of [calibri, calibriBold]) {
					expect(countLines(sample, width, 12, face)).toBe(
						wrapParagraph(sample, width, 12, face).length,
					);
				}
			}
		}
	});

	it('breaks a word longer than the line between characters', () => {
		const word = 'W'.repeat(60);
		const lines = wrapParagraph(word, 100, 12, calibri);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.join('')).toBe(word);
		for (const line of lines) expect(textWidth(line, 12, calibri)).toBeLessThanOrEqual(100);
	});
});

describe('fitText', () => {
	const boxes = [
		{ w: 2, h: 0.5 },
		{ w: 3.5, h: 1.8 },
		{ w: 6, h: 1.2 },
		{ w: 12, h: 1.25 },
		{ w: 5.1, h: 4.4 },
	];
	const texts = [
		text(90, 0, true),
		text(140, 1),
		text(200, 2),
		text(600, 3),
		'Short',
		`${'W'.repeat(40)} ${text(100, 4)}`,
	];

	it('never returns a line wider than the box at the chosen size', () => {
		for (const box of boxes) {
			for (const sample of texts) {
				for (const bold of [false, true]) {
					const fit = fitText(sample, box, { min: 8, max: 40, bold });
					const face = bold ? calibriBold : calibri;
					for (const line of fit.lines.flat()) {
						expect(textWidth(line, fit.size, face) / PT_PER_IN).toBeLessThanOrEqual(box.w);
					}
					expect(fit.width).toBeLessThanOrEqual(box.w);
				}
			}
		}
	});

	it('picks the largest size whose lines fit the height, with line spacing', () => {
		for (const box of boxes) {
			for (const sample of texts) {
				const fit = fitText(sample, box, { min: 8, max: 40 });
				if (!fit.fits) continue;
				expect(fit.height).toBeLessThanOrEqual(box.h + 1e-9);
				expect(fit.height).toBeCloseTo((fit.lineCount * fit.size * 1.2) / PT_PER_IN, 9);
				if (fit.size < 40) {
					// Half a point larger no longer fits.
					expect(layoutText(sample, box.w, fit.size + 0.5).height).toBeGreaterThan(box.h);
				}
			}
		}
	});

	it('uses the maximum when everything fits and the minimum when nothing does', () => {
		expect(fitText('Short', { w: 6, h: 2 }, { min: 10, max: 28 }).size).toBe(28);
		const overflow = fitText(text(2000, 5), { w: 2, h: 0.5 }, { min: 10, max: 28 });
		expect(overflow.size).toBe(10);
		expect(overflow.fits).toBe(false);
		expect(overflow.height).toBeGreaterThan(0.5);
	});

	it('honours maxLines and paragraph spacing', () => {
		const single = fitText(text(80, 1), { w: 3, h: 3 }, { min: 6, max: 40, maxLines: 1 });
		expect(single.lineCount).toBe(1);
		const spaced = layoutText(['One', 'Two'], 5, 10, { paragraphSpacing: 1 });
		expect(spaced.height).toBeCloseTo((2 * 12 + 10) / PT_PER_IN, 9);
	});

	it('largestSize searches the grid between min and max', () => {
		expect(largestSize(10, 20, (size) => size <= 13.7)).toEqual({ size: 13.5, found: true });
		expect(largestSize(10, 20, () => false)).toEqual({ size: 10, found: false });
		expect(largestSize(10, 20, () => true)).toEqual({ size: 20, found: true });
	});
});
