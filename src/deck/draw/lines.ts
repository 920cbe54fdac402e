/**
 * Text frames as lines of positioned runs. Lines wrap the way PowerPoint and LibreOffice wrap them
 * (greedy, at spaces, across the box's full width, each run measured in its own face), with the
 * scene's exact line pitch.
 *
 * Baselines: with exact line spacing, LibreOffice puts a line's baseline 0.2 em above the bottom of
 * its pitch (measured on the example decks: first baselines at top + pitch - 0.2 x size, for every
 * size and spacing used, within 0.06 pt). The previews and the PDF use the same rule, so their
 * lines sit where the .pptx's do when LibreOffice renders it.
 */
import type { TextFrame } from '../scene.ts';
import { faceFor, PT_PER_IN, textWidth } from '../text.ts';
import type { TextItem } from './types.ts';

/** Baseline above the bottom of a line's pitch, in ems. */
const BASELINE_FROM_BOTTOM = 0.2;

/** A word (with the space before it) in one run's format. */
interface Piece {
	text: string;
	bold: boolean;
	color: string;
	href?: string;
	/** Width in points. */
	width: number;
	/** Space before it, in points (0 at a paragraph start). */
	space: number;
	/** A line may break before it although no space precedes it (after a hyphen). */
	breakable?: boolean;
}

const width = (text: string, size: number, family: string, bold: boolean) =>
	textWidth(text, size, faceFor(family, bold));

/** The words of a paragraph, each with its run's format. */
function pieces(frame: TextFrame, index: number, size: number): Piece[] {
	const out: Piece[] = [];
	let pendingSpace = false;
	for (const run of frame.paragraphs[index]!.runs) {
		const bold = run.bold ?? frame.bold;
		const spaceW = width(' ', size, frame.font, bold);
		const parts = run.text.split(/([ \t]+)/);
		for (const part of parts) {
			if (!part) continue;
			if (/^[ \t]+$/.test(part)) {
				pendingSpace = true;
				continue;
			}
			const last = out[out.length - 1];
			// A word split across runs (no space between) stays one word; lines may break after
			// its hyphens and en or em dashes ("shipper–provider"), as PowerPoint and LibreOffice
			// break them.
			const glued = last && !pendingSpace;
			const segments = part.split(/(?<=[^-\u2013\u2014][-\u2013\u2014])(?=[^-\u2013\u2014])/);
			let start = 0;
			segments.forEach((segment, k) => {
				// Measured in its word, so the kerning across a hyphen counts where the word is whole.
				const end = start + segment.length;
				const segmentWidth =
					width(part.slice(0, end), size, frame.font, bold) -
					(start ? width(part.slice(0, start), size, frame.font, bold) : 0);
				start = end;
				out.push({
					text: segment,
					bold,
					color: run.color ?? frame.color,
					href: run.hyperlink,
					width: segmentWidth,
					space: k === 0 && pendingSpace && !glued && out.length ? spaceW : 0,
					...(k > 0 ? { breakable: true } : {}),
				});
			});
			pendingSpace = false;
		}
	}
	return out;
}

/** Greedy line breaking of pieces within `available` points. */
function wrap(list: Piece[], available: number): Piece[][] {
	const lines: Piece[][] = [];
	let line: Piece[] = [];
	let used = 0;
	for (const piece of list) {
		const needed = (line.length ? piece.space : 0) + piece.width;
		if (line.length && (piece.space > 0 || piece.breakable) && used + needed > available + 1e-6) {
			lines.push(line);
			line = [];
			used = 0;
		}
		used += (line.length ? piece.space : 0) + piece.width;
		line.push(piece);
	}
	lines.push(line);
	return lines;
}

/** The bullet or number shown before a paragraph. */
function marker(frame: TextFrame, index: number): string | undefined {
	const bullet = frame.paragraphs[index]!.bullet;
	if (!bullet) return undefined;
	if (bullet.kind === 'bullet') return '\u2022';
	let n = bullet.startAt;
	for (let i = 0; i < index; i++) if (frame.paragraphs[i]!.bullet?.kind === 'number') n++;
	return `${n}.`;
}

/** Height of a frame's text in points, as laid out here. */
function blockHeight(frame: TextFrame, lineCounts: number[]): number {
	let h = 0;
	frame.paragraphs.forEach((paragraph, p) => {
		const size = frame.size * (paragraph.scale ?? 1);
		if (p > 0) h += (paragraph.spaceBefore ?? 0) * frame.size;
		h += lineCounts[p]! * size * frame.lineSpacing;
	});
	return h;
}

/** A text frame as runs placed on their baselines; `bulletColor` colours bullets and numbers. */
export function frameLines(frame: TextFrame, bulletColor: string): TextItem[] {
	const left = frame.x * PT_PER_IN;
	const boxW = frame.w * PT_PER_IN;
	const laid = frame.paragraphs.map((paragraph, p) => {
		const size = frame.size * (paragraph.scale ?? 1);
		const indent = paragraph.bullet ? (paragraph.indent ?? 0) * PT_PER_IN : 0;
		return { size, indent, lines: wrap(pieces(frame, p, size), boxW - indent) };
	});
	const textH = blockHeight(
		frame,
		laid.map((l) => l.lines.length),
	);
	const boxH = frame.h * PT_PER_IN;
	let y =
		frame.y * PT_PER_IN +
		(frame.valign === 'middle' ? (boxH - textH) / 2 : frame.valign === 'bottom' ? boxH - textH : 0);
	const items: TextItem[] = [];
	laid.forEach(({ size, indent, lines }, p) => {
		if (p > 0) y += (frame.paragraphs[p]!.spaceBefore ?? 0) * frame.size;
		const pitch = size * frame.lineSpacing;
		const mark = marker(frame, p);
		lines.forEach((line, l) => {
			const baseline = y + pitch - BASELINE_FROM_BOTTOM * size;
			const lineW = line.reduce((sum, piece, i) => sum + (i ? piece.space : 0) + piece.width, 0);
			const free = boxW - indent - lineW;
			let x =
				left + indent + (frame.align === 'right' ? free : frame.align === 'center' ? free / 2 : 0);
			if (mark && l === 0) {
				const first = frame.paragraphs[p]!.runs[0];
				items.push({
					type: 'text',
					x: left / PT_PER_IN,
					y: baseline / PT_PER_IN,
					w: width(mark, size, frame.font, false) / PT_PER_IN,
					size,
					family: frame.font,
					bold: mark !== '\u2022' && (first?.bold ?? frame.bold),
					color: bulletColor,
					text: mark,
				});
			}
			// Consecutive pieces of one format become one item.
			let current: TextItem | undefined;
			line.forEach((piece, i) => {
				const space = i ? piece.space : 0;
				const same =
					current &&
					current.bold === piece.bold &&
					current.color === piece.color &&
					current.href === piece.href;
				if (current && same) {
					current.text += (space ? ' ' : '') + piece.text;
					current.w += (space + piece.width) / PT_PER_IN;
				} else {
					x += space;
					current = {
						type: 'text',
						x: x / PT_PER_IN,
						y: baseline / PT_PER_IN,
						w: piece.width / PT_PER_IN,
						size,
						family: frame.font,
						bold: piece.bold,
						color: piece.color,
						text: piece.text,
					};
					if (piece.href) current.href = piece.href;
					items.push(current);
					x -= space;
				}
				x += space + piece.width;
			});
			y += pitch;
		});
	});
	return items;
}
