/**
 * Font faces for text measurement: the advance widths and pair adjustments (kerning, ligatures)
 * of the fonts the deck measures with, decoded once per process from `font-metrics.ts`, and which
 * face stands in for a brand's font family.
 */
import { rawFontMetrics, type RawFontMetrics } from './font-metrics.ts';

/** Advance widths of one font face, in ems. */
export interface FaceMetrics {
	/** Width in ems of each measured code point. */
	widths: Map<number, number>;
	/** The same widths for code points below U+3000 by index (NaN: not measured), read faster. */
	dense?: Float64Array;
	/** Width in ems of anything not in the table. */
	fallback: number;
	/** Multiplier for faces measured with a stand-in font. */
	scale: number;
	/** What shaping adds to a pair of characters (kerning, ligatures), in ems, by {@link pairKey}. */
	pairs: Map<number, number>;
	/** Widths of words already measured, in ems (cleared when it grows large). */
	cache: Map<string, number>;
	/** Paragraphs already split into measured words. */
	paragraphs: Map<string, { words: string[]; widths: number[] }>;
}

function decode(raw: RawFontMetrics, scale: number): FaceMetrics {
	const widths = new Map<number, number>();
	for (const [first, encoded] of raw.ranges) {
		encoded.split(',').forEach((value, index) => {
			if (value) widths.set(first + index, parseInt(value, 36) / raw.unitsPerEm);
		});
	}
	// No-break space measures as a space; soft hyphen and zero-width characters take no room.
	const space = widths.get(0x20) ?? 0.25;
	widths.set(0xa0, space);
	for (const code of [0xad, 0x200b, 0x200c, 0x200d, 0xfeff]) widths.set(code, 0);
	const dense = new Float64Array(0x3000).fill(Number.NaN);
	for (const [code, width] of widths) if (code < 0x3000) dense[code] = width;
	const pairs = new Map<number, number>();
	for (const group of raw.pairs.split(' ')) {
		const colon = group.indexOf(':');
		const value = Number(group.slice(0, colon));
		// Two code points a pair (a character left over is ignored).
		for (let i = colon + 1; i < group.length;) {
			const first = group.codePointAt(i)!;
			i += first > 0xffff ? 2 : 1;
			if (i >= group.length) break;
			const second = group.codePointAt(i)!;
			i += second > 0xffff ? 2 : 1;
			pairs.set(pairKey(first, second), value / raw.unitsPerEm);
		}
	}
	return { widths, dense, fallback: 1, scale, pairs, cache: new Map(), paragraphs: new Map() };
}

/**
 * Key of a pair of code points in {@link FaceMetrics.pairs}. A pair whose first code point is below
 * U+4000 and second in the Basic Multilingual Plane (every pair the metrics hold) gets a key below
 * 2^30, a small integer V8 hashes without allocating a number for it (text measurement looks a key
 * up for every character); any other pair gets a key above all of those.
 */
export const pairKey = (first: number, second: number) =>
	first < 0x4000 && second < 0x10000
		? first * 0x10000 + second
		: 0x40000000 + first * 0x110000 + second;

const faces = new Map<string, FaceMetrics>();

function face(key: keyof typeof rawFontMetrics, scale: number): FaceMetrics {
	const id = `${key}:${scale}`;
	let metrics = faces.get(id);
	if (!metrics) {
		metrics = decode(rawFontMetrics[key], scale);
		faces.set(id, metrics);
	}
	return metrics;
}

/**
 * Metrics for a font family as the brand names it. Calibri (and Carlito) are measured exactly;
 * Arial-like families with Liberation Sans; any other family with Liberation Sans widened by 15%,
 * an estimate on the safe side for common sans-serif fonts.
 */
export function faceFor(family: string, bold = false): FaceMetrics {
	// One map per weight: no key string is built for a lookup made for every measured text.
	const known = bold ? boldFamilies : regularFamilies;
	let metrics = known.get(family);
	if (!metrics) known.set(family, (metrics = pickFace(family, bold)));
	return metrics;
}

const regularFamilies = new Map<string, FaceMetrics>();
const boldFamilies = new Map<string, FaceMetrics>();

/** True when the family's widths are known exactly (Calibri/Carlito, Arial/Helvetica/Liberation Sans). */
export function isMeasuredFont(family: string): boolean {
	return /calibri|carlito|arial|helvetica|liberation sans|arimo/i.test(family);
}

function pickFace(family: string, bold: boolean): FaceMetrics {
	const name = family.toLowerCase();
	if (/calibri|carlito/.test(name)) return face(bold ? 'carlitoBold' : 'carlito', 1);
	if (/arial|helvetica|liberation sans|arimo/.test(name)) {
		return face(bold ? 'liberationSansBold' : 'liberationSans', 1);
	}
	return face(bold ? 'liberationSansBold' : 'liberationSans', 1.15);
}
