/**
 * Text measurement and fitting. PowerPoint does not shrink text to fit its box until someone edits
 * it, so every variable text is sized here: wrap words the way PowerPoint does (greedy, at spaces;
 * a word longer than the line breaks between characters) with the font's real advance widths, and
 * pick the largest font size at which the wrapped lines fit the box.
 *
 * Widths are shaped widths: each pair of characters adds what the font's kerning and narrower
 * ligatures ("fi", "tt") make of it, as LibreOffice and Chromium (HarfBuzz) and PowerPoint (kerning
 * on at every size, see `pptx/package.ts`) set the text; a measurement without them put a 44 pt
 * headline six points too wide and wrapped previews at other words than the deck. Fitting keeps a
 * small width margin on top, so text still fits a renderer that sets it a little wider.
 */
import { faceFor, pairKey, type FaceMetrics } from './font-faces.ts';

export { faceFor, isMeasuredFont, type FaceMetrics } from './font-faces.ts';

/** Points per inch. */
export const PT_PER_IN = 72;

/** Line pitch as a multiple of the font size; decks write it as exact line spacing. */
export const LINE_SPACING = 1.2;

/** Fraction of the box width lines may fill; the rest absorbs renderer differences. */
const WIDTH_MARGIN = 0.97;

/** Advance width of code point `code` in ems, before scaling (unknown characters: the fallback). */
function advance(code: number, metrics: FaceMetrics): number {
	if (metrics.dense && code < 0x3000) {
		const known = metrics.dense[code]!;
		// NaN marks a character the face does not have.
		return known === known ? known : metrics.fallback;
	}
	return metrics.widths.get(code) ?? metrics.fallback;
}

/** Width of `text` in ems (scaled for stand-in faces). */
function ems(text: string, metrics: FaceMetrics): number {
	let width = metrics.cache.get(text);
	if (width !== undefined) return width;
	width = 0;
	// Code point by code point, as `for...of` would go (the same sum), without its iterator; each
	// pair adds what shaping makes of it (kerning, ligatures).
	const pairs = metrics.pairs;
	let previous = -1;
	for (let i = 0; i < text.length; i++) {
		const code = text.codePointAt(i)!;
		if (code > 0xffff) i++;
		width += advance(code, metrics);
		if (previous >= 0) width += pairs.get(pairKey(previous, code)) ?? 0;
		previous = code;
	}
	width *= metrics.scale;
	if (metrics.cache.size > 20_000) metrics.cache.clear();
	metrics.cache.set(text, width);
	return width;
}

/**
 * Where each character of `text` starts, in points at `size` points, and (last) where the text
 * ends: the shaped widths of {@link textWidth}, character by character, for writers that place
 * glyphs themselves.
 */
export function glyphOffsets(text: string, size: number, metrics: FaceMetrics): number[] {
	const offsets: number[] = [];
	const pairs = metrics.pairs;
	let x = 0;
	let previous = -1;
	// Code point by code point, as `for...of` would go, reading widths as `ems` does.
	for (let i = 0; i < text.length; i++) {
		const code = text.codePointAt(i)!;
		if (code > 0xffff) i++;
		if (previous >= 0) x += pairs.get(pairKey(previous, code)) ?? 0;
		offsets.push(x * metrics.scale * size);
		x += advance(code, metrics);
		previous = code;
	}
	offsets.push(x * metrics.scale * size);
	return offsets;
}

/** Width of `text` in points at `size` points. */
export function textWidth(text: string, size: number, metrics: FaceMetrics): number {
	return ems(text, metrics) * size;
}

/**
 * Splits one paragraph into lines no wider than `width` points: greedy, breaking at spaces; a word
 * wider than a whole line is broken between characters, as PowerPoint does.
 */
export function wrapParagraph(
	text: string,
	width: number,
	size: number,
	metrics: FaceMetrics,
): string[] {
	const { words, widths } = wordsOf(text, metrics);
	if (!words.length) return [''];
	// Everything in ems: the line is `width / size` ems wide.
	const available = width / size;
	const space = ems(' ', metrics);
	const lines: string[] = [];
	let line = '';
	let lineWidth = 0;
	for (let i = 0; i < words.length; i++) {
		const word = words[i]!;
		const wordWidth = widths[i]!;
		if (line && lineWidth + space + wordWidth <= available) {
			line += ` ${word}`;
			lineWidth += space + wordWidth;
			continue;
		}
		if (line) lines.push(line);
		if (wordWidth <= available) {
			line = word;
			lineWidth = wordWidth;
			continue;
		}
		// Break an over-long word between characters.
		line = '';
		lineWidth = 0;
		for (const char of word) {
			const charWidth = ems(char, metrics);
			if (line && lineWidth + charWidth > available) {
				lines.push(line);
				line = '';
				lineWidth = 0;
			}
			line += char;
			lineWidth += charWidth;
		}
	}
	lines.push(line);
	return lines;
}

/**
 * How many lines {@link wrapParagraph} makes of `text` (the same breaks), without making them:
 * fitting asks this at many sizes and needs only the count.
 */
export function countLines(
	text: string,
	width: number,
	size: number,
	metrics: FaceMetrics,
): number {
	const { words, widths } = wordsOf(text, metrics);
	if (!words.length) return 1;
	const available = width / size;
	const space = ems(' ', metrics);
	let count = 0;
	let open = false;
	let lineWidth = 0;
	for (let i = 0; i < words.length; i++) {
		const wordWidth = widths[i]!;
		if (open && lineWidth + space + wordWidth <= available) {
			lineWidth += space + wordWidth;
			continue;
		}
		if (open) count++;
		if (wordWidth <= available) {
			open = true;
			lineWidth = wordWidth;
			continue;
		}
		open = false;
		lineWidth = 0;
		for (const char of words[i]!) {
			const charWidth = ems(char, metrics);
			if (open && lineWidth + charWidth > available) {
				count++;
				lineWidth = 0;
			}
			open = true;
			lineWidth += charWidth;
		}
	}
	return count + 1;
}

/** A paragraph's words and their widths in ems, remembered per face. */
function wordsOf(text: string, metrics: FaceMetrics): { words: string[]; widths: number[] } {
	let entry = metrics.paragraphs.get(text);
	if (!entry) {
		const words = text.split(/[ \t]+/).filter((word) => word.length > 0);
		entry = { words, widths: words.map((word) => ems(word, metrics)) };
		if (metrics.paragraphs.size > 5_000) metrics.paragraphs.clear();
		metrics.paragraphs.set(text, entry);
	}
	return entry;
}

/** A box text must fit, in inches. */
export interface Box {
	w: number;
	h: number;
}

/** One paragraph to lay out. */
export interface Paragraph {
	text: string;
	/** Measured with the bold face (default: the block's `bold`). */
	bold?: boolean;
	/** Font size relative to the block's size (default 1), e.g. 0.8 for a smaller caption line. */
	scale?: number;
	/** Space before this paragraph, in multiples of the block's font size (ignored on the first). */
	spaceBefore?: number;
	/** Left indent in inches (e.g. for bullets), taken off the width. */
	indent?: number;
}

/** How a block of text is set. */
export interface TextStyle {
	/** Font family as named in the brand. */
	font?: string;
	/** Bold face for every paragraph (unless a paragraph says otherwise). */
	bold?: boolean;
	/** Line pitch as a multiple of the size (default {@link LINE_SPACING}). */
	lineSpacing?: number;
	/** Space before every paragraph after the first, in multiples of the size (default 0). */
	paragraphSpacing?: number;
}

/** Paragraphs laid out at one size. */
export interface TextLayout {
	/** Font size in points. */
	size: number;
	/** The wrapped lines of each paragraph. */
	lines: string[][];
	/** Total number of lines. */
	lineCount: number;
	/** Height of the laid-out text in inches. */
	height: number;
	/** Widest line in inches. */
	width: number;
}

/** Normalises a text or list of texts to paragraphs. */
export function toParagraphs(text: string | readonly (string | Paragraph)[]): Paragraph[] {
	const list = typeof text === 'string' ? text.split('\n') : text;
	return list.map((item) => (typeof item === 'string' ? { text: item } : item));
}

/** Line pitch in points for a size. */
export function linePitch(size: number, style: TextStyle = {}): number {
	return size * (style.lineSpacing ?? LINE_SPACING);
}

/** Lays out paragraphs in a column `width` inches wide at `size` points. */
export function layoutText(
	text: string | readonly (string | Paragraph)[],
	width: number,
	size: number,
	style: TextStyle = {},
): TextLayout {
	const font = style.font ?? 'Calibri';
	let height = 0;
	let lineCount = 0;
	const list = toParagraphs(text);
	const faces: FaceMetrics[] = [];
	for (let index = 0; index < list.length; index++) {
		const paragraph = list[index]!;
		const paragraphSize = size * (paragraph.scale ?? 1);
		const metrics = faceFor(font, paragraph.bold ?? style.bold ?? false);
		faces.push(metrics);
		const count = countLines(paragraph.text, available(width, paragraph), paragraphSize, metrics);
		if (index > 0) height += (paragraph.spaceBefore ?? style.paragraphSpacing ?? 0) * size;
		height += count * linePitch(paragraphSize, style);
		lineCount += count;
	}
	return new LazyLayout(size, lineCount, height / PT_PER_IN, list, faces, width);
}

/**
 * A {@link TextLayout} whose lines and widest line are made only when asked for: fitting tries
 * many sizes and reads only heights and line counts.
 */
class LazyLayout implements TextLayout {
	readonly size: number;
	readonly lineCount: number;
	readonly height: number;
	readonly #paragraphs: Paragraph[];
	readonly #faces: FaceMetrics[];
	readonly #columnWidth: number;
	#lines: string[][] | undefined;
	#width: number | undefined;

	constructor(
		size: number,
		lineCount: number,
		height: number,
		paragraphs: Paragraph[],
		faces: FaceMetrics[],
		columnWidth: number,
	) {
		this.size = size;
		this.lineCount = lineCount;
		this.height = height;
		this.#paragraphs = paragraphs;
		this.#faces = faces;
		this.#columnWidth = columnWidth;
	}

	get lines(): string[][] {
		this.#lines ??= this.#paragraphs.map((paragraph, index) =>
			wrapParagraph(
				paragraph.text,
				available(this.#columnWidth, paragraph),
				this.size * (paragraph.scale ?? 1),
				this.#faces[index]!,
			),
		);
		return this.#lines;
	}

	get width(): number {
		if (this.#width === undefined) {
			let max = 0;
			this.lines.forEach((wrapped, index) => {
				const paragraph = this.#paragraphs[index]!;
				for (const line of wrapped) {
					max = Math.max(
						max,
						textWidth(line, this.size * (paragraph.scale ?? 1), this.#faces[index]!) / PT_PER_IN +
							(paragraph.indent ?? 0),
					);
				}
			});
			this.#width = max;
		}
		return this.#width;
	}
}

/** Points a paragraph's lines may fill in a column `width` inches wide. */
const available = (width: number, paragraph: Paragraph) =>
	(width - (paragraph.indent ?? 0)) * PT_PER_IN * WIDTH_MARGIN;

/** Size limits for {@link fitText}, in points. */
export interface FitOptions extends TextStyle {
	/** Smallest size allowed: used when nothing larger fits. */
	min: number;
	/** Largest size wanted. */
	max: number;
	/** Size step (default 0.5pt). */
	step?: number;
	/** At most this many lines (e.g. 1 for a label that must stay on one line). */
	maxLines?: number;
}

/** The result of {@link fitText}. */
export interface FittedText extends TextLayout {
	/** False when even the minimum size overflows the box. */
	fits: boolean;
}

/**
 * The largest size from `max` down to `min` (in `step`s) for which `fitsAt(size)` holds, else
 * `min`; `found` says whether any size passed. Sizes are tried largest first.
 */
export function largestSize(
	min: number,
	max: number,
	fitsAt: (size: number) => boolean,
	step = 0.5,
): { size: number; found: boolean } {
	// Sizes from max down in steps; whether text fits only gets worse as the size grows (wider
	// words wrap into more, taller lines), so a binary search finds the largest that fits.
	const sizes: number[] = [];
	for (let size = max; size >= min - 1e-9; size = Math.round((size - step) * 100) / 100)
		sizes.push(size);
	if (!sizes.length || sizes[sizes.length - 1]! > min + 1e-9) sizes.push(min);
	let lo = 0;
	let hi = sizes.length - 1;
	if (!fitsAt(sizes[hi]!)) return { size: min, found: false };
	// Invariant: sizes[hi] fits; everything before lo does not.
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (fitsAt(sizes[mid]!)) hi = mid;
		else lo = mid + 1;
	}
	return { size: sizes[hi]!, found: true };
}

/**
 * Wraps `text` (one paragraph per line, or a list of paragraphs) to the box width and picks the
 * largest font size between `min` and `max` whose lines fit the box height; the minimum size when
 * none does (then `fits` is false).
 */
export function fitText(
	text: string | readonly (string | Paragraph)[],
	box: Box,
	options: FitOptions,
): FittedText {
	const fitsAt = (layout: TextLayout) =>
		layout.height <= box.h + 1e-9 &&
		(options.maxLines === undefined || layout.lineCount <= options.maxLines);
	let best: TextLayout | undefined;
	const { found } = largestSize(
		options.min,
		options.max,
		(size) => {
			const layout = layoutText(text, box.w, size, options);
			if (!fitsAt(layout)) return false;
			best = layout;
			return true;
		},
		options.step,
	);
	// The layout itself, not a copy: a copy would measure its lazily measured width.
	return Object.assign(best ?? layoutText(text, box.w, options.min, options), { fits: found });
}
