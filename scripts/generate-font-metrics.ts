/**
 * Writes `src/deck/font-metrics.ts`: per-character advance widths and line metrics of the fonts the
 * deck engine measures text with, read straight from the TrueType files (cmap, hmtx, head, hhea,
 * OS/2). Carlito is metric-compatible with Calibri (the brand font), Liberation Sans with Arial, so
 * the widths are PowerPoint's widths. Also the pair adjustments text shaping makes (kerning, and
 * the narrower ligatures such as "fi" and "tt"), found by shaping every pair of measured
 * characters with fontkit, the way LibreOffice and Chromium shape them with HarfBuzz.
 *
 *   npm run generate:font-metrics
 *
 * Needs fonts-crosextra-carlito and fonts-liberation2 (see .ci/install-system-deps.sh). The output
 * is committed; rerun only to add characters or fonts.
 */
import './lib/node-version.ts';
import fontkit from '@pdf-lib/fontkit';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { pdfFontTables } from '../src/deck/pdf/font-tables.ts';
import { readTrueType } from '../src/deck/pdf/sfnt.ts';

/** Fonts to measure: key in the generated table, and the file it comes from. */
const fonts = [
	['carlito', '/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf'],
	['carlitoBold', '/usr/share/fonts/truetype/crosextra/Carlito-Bold.ttf'],
	['liberationSans', '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf'],
	['liberationSansBold', '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf'],
] as const;

/**
 * Code point ranges measured: ASCII, Latin-1, Latin Extended-A, general punctuation (dashes,
 * quotes, bullet, ellipsis), currency and letterlike symbols. Anything else is measured as 1 em.
 */
const ranges: Array<[number, number]> = [
	[0x20, 0x7e],
	[0xa0, 0x17f],
	[0x2010, 0x2027],
	[0x2030, 0x203a],
	[0x20ac, 0x20ac],
	[0x2122, 0x2122],
	[0x2212, 0x2212],
];

interface FontMetrics {
	unitsPerEm: number;
	ascent: number;
	descent: number;
	lineGap: number;
	winAscent: number;
	winDescent: number;
	widths: Map<number, number>;
}

function readFont(file: string): FontMetrics {
	const font = readTrueType(readFileSync(file));
	if (!font) throw new Error(`${file}: not a TrueType font`);
	const { view } = font;
	const table = (tag: string) => {
		const span = font.tables.get(tag);
		if (!span) throw new Error(`${file}: no ${tag} table`);
		return span.offset;
	};

	// The same reading of head, hhea and cmap as the PDF leave-behind's (src/deck/pdf/font-tables.ts).
	const { unitsPerEm, ascent, descent, glyphForCodePoint } = pdfFontTables(font);
	const lineGap = view.getInt16(table('hhea') + 8);
	const os2 = table('OS/2');
	const winAscent = view.getUint16(os2 + 74);
	const winDescent = view.getUint16(os2 + 76);

	const widths = new Map<number, number>();
	for (const [from, to] of ranges) {
		for (let code = from; code <= to; code++) {
			const glyph = glyphForCodePoint(code);
			if (glyph.id !== 0) widths.set(code, glyph.advanceWidth);
		}
	}
	return { unitsPerEm, ascent, descent, lineGap, winAscent, winDescent, widths };
}

/** Characters whose pairs are shaped: ASCII, Latin-1 and the general punctuation measured. */
const pairRanges: Array<[number, number]> = [
	[0x21, 0x7e],
	[0xa1, 0xff],
	[0x2010, 0x2027],
	[0x20ac, 0x20ac],
];

/**
 * What shaping does to each pair of characters in `pairRanges`, in font units: the pair's shaped
 * advance minus its two advances, grouped by value as `[value, pairs joined]`. Pairs with a space
 * are left out (Carlito kerns none; the measurement keeps words and spaces apart). One shaped
 * string per first character (a b1 a b2 a ...) gives every pair of that row at once; a ligature
 * in it (two characters, one glyph) is measured on its own.
 */
function pairAdjustments(file: string, metrics: FontMetrics): Array<[number, string]> {
	const font = fontkit.create(readFileSync(file));
	const chars: string[] = [];
	for (const [from, to] of pairRanges)
		for (let code = from; code <= to; code++)
			// A soft hyphen takes no room, so it pairs with nothing.
			if (metrics.widths.has(code) && code !== 0xad) chars.push(String.fromCodePoint(code));
	const advance = (char: string) => metrics.widths.get(char.codePointAt(0)!)!;
	const shaped = (text: string) =>
		font.layout(text).positions.reduce((sum, position) => sum + position.xAdvance, 0);
	const adjustments = new Map<string, number>();
	for (const a of chars) {
		const text = chars.map((b) => a + b).join('') + a;
		const { glyphs, positions } = font.layout(text);
		const codes = [...text];
		let at = 0;
		glyphs.forEach((glyph, g) => {
			const span = glyph.codePoints.length || 1;
			const next = codes[at + span];
			if (span === 1 && next !== undefined) {
				// Before a ligature, the glyph's advance no longer tells the pair's own adjustment.
				const pair = codes[at]! + next;
				const value =
					glyphs[g + 1]?.codePoints.length === 1
						? positions[g]!.xAdvance - advance(codes[at]!)
						: shaped(pair) - advance(codes[at]!) - advance(next);
				if (value) adjustments.set(pair, value);
			}
			if (span === 2) {
				const pair = codes[at]! + codes[at + 1]!;
				adjustments.set(pair, shaped(pair) - advance(codes[at]!) - advance(codes[at + 1]!));
			}
			at += span;
		});
	}
	const byValue = new Map<number, string[]>();
	for (const [pair, value] of [...adjustments].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
		if (!value) continue;
		byValue.set(value, [...(byValue.get(value) ?? []), pair]);
	}
	return [...byValue]
		.sort((x, y) => x[0] - y[0])
		.map(([value, pairs]) => [value, pairs.join('')] as [number, string]);
}

/** Widths of a range as one string of base-36 numbers ("" for a missing glyph), to keep the file small. */
function encodeRange(metrics: FontMetrics, from: number, to: number): string {
	const values: string[] = [];
	for (let code = from; code <= to; code++) {
		const width = metrics.widths.get(code);
		values.push(width === undefined ? '' : width.toString(36));
	}
	return values.join(',');
}

/** Where the generated module goes. */
export const fontMetricsFile = path.join(
	import.meta.dirname,
	'..',
	'src',
	'deck',
	'font-metrics.ts',
);

/** The source of `src/deck/font-metrics.ts`, formatted as the repository formats it. */
export async function fontMetricsSource(): Promise<string> {
	const lines = [
		'/**',
		' * Generated by `npm run generate:font-metrics` (scripts/generate-font-metrics.ts) from the',
		' * TrueType files of Carlito (metric-compatible with Calibri) and Liberation Sans (with Arial).',
		' * Do not edit by hand.',
		' *',
		' * `ranges`: [first code point, advance widths in font units as base-36 numbers joined by commas;',
		' * empty when the font has no glyph]. `ascent`/`descent` are the Windows (OS/2) metrics PowerPoint',
		' * uses for single line spacing. `pairs`: what shaping (kerning, ligatures, as HarfBuzz shapes',
		' * them) adds to pairs of characters, as `value:pairs` groups split by spaces: the adjustment in',
		' * font units, then the pairs it applies to, two characters each (never a space).',
		' */',
		'',
		'/** Raw metrics of one font. */',
		'export interface RawFontMetrics {',
		'\tunitsPerEm: number;',
		'\tascent: number;',
		'\tdescent: number;',
		'\tranges: Array<[number, string]>;',
		'\tpairs: string;',
		'}',
		'',
		'export const rawFontMetrics = {',
	];
	for (const [key, file] of fonts) {
		const metrics = readFont(file);
		lines.push(`\t// ${path.basename(file)}`);
		lines.push(`\t${key}: {`);
		lines.push(`\t\tunitsPerEm: ${metrics.unitsPerEm},`);
		lines.push(`\t\tascent: ${metrics.winAscent},`);
		lines.push(`\t\tdescent: ${metrics.winDescent},`);
		lines.push('\t\tranges: [');
		for (const [from, to] of ranges) {
			lines.push(`\t\t\t[${from}, '${encodeRange(metrics, from, to)}'],`);
		}
		lines.push('\t\t],');
		const pairs = pairAdjustments(file, metrics).map(([value, list]) => `${value}:${list}`);
		lines.push(`\t\tpairs: ${JSON.stringify(pairs.join(' '))},`);
		lines.push('\t},');
	}
	lines.push('} satisfies Record<string, RawFontMetrics>;', '');
	const options = (await resolveConfig(fontMetricsFile)) ?? {};
	return format(lines.join('\n'), { ...options, filepath: fontMetricsFile });
}

/** The font files the metrics are read from. */
export const fontFiles = fonts.map(([, file]) => file);

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
	writeFileSync(fontMetricsFile, await fontMetricsSource());
	console.log(`wrote ${path.relative(process.cwd(), fontMetricsFile)}`);
}
