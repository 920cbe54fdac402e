/**
 * A page's content stream, written as text: the drawing operators for the scene's primitives in
 * PDF points (origin at the bottom left). pdf-lib's drawing methods make an object per operator
 * and per number and format them when the document is saved; a leave-behind's pages are a few
 * hundred operators each, so they are written here directly, numbers rounded to what a reader can
 * show (a hundredth of a point; colours to four decimals), and only the resource names (fonts,
 * pictures) come from the document.
 */
import type { EllipseItem, PathSegment, RectItem } from '../draw/index.ts';
import { PT_PER_IN } from '../text.ts';
import { arcCurves, type Point } from './arcs.ts';
import { pdfNum, pdfRgb } from './numbers.ts';

/** How a shape is painted: filled, outlined (`strokeWidth` in points, default 0.75), or both. */
export interface Paint {
	fill?: string | undefined;
	stroke?: string | undefined;
	strokeWidth?: number | undefined;
}

/** The ellipse's four quarter curves put their handles this far along the radius. */
const KAPPA = (4 * (Math.SQRT2 - 1)) / 3;

/** A rounded rectangle as a path (corner arcs of radius `r`, inches). */
export function roundedRect({ x, y, w, h }: RectItem, r: number): PathSegment[] {
	const rr = Math.min(r, w / 2, h / 2);
	const arc = (ex: number, ey: number): PathSegment => ({
		op: 'A',
		r: rr,
		large: false,
		sweep: true,
		x: ex,
		y: ey,
	});
	return [
		{ op: 'M', x: x + rr, y },
		{ op: 'L', x: x + w - rr, y },
		arc(x + w, y + rr),
		{ op: 'L', x: x + w, y: y + h - rr },
		arc(x + w - rr, y + h),
		{ op: 'L', x: x + rr, y: y + h },
		arc(x, y + h - rr),
		{ op: 'L', x, y: y + rr },
		arc(x + rr, y),
		{ op: 'Z' },
	];
}

/** The operators of one page; positions in inches from the slide's top left, as the scene has them. */
export class PageContent {
	readonly #ops: string[] = [];
	readonly #pageH: number;

	/** `pageH`: the page's height in points. */
	constructor(pageH: number) {
		this.#pageH = pageH;
	}

	#x(inches: number): string {
		return pdfNum(inches * PT_PER_IN);
	}

	#y(inches: number): string {
		return pdfNum(this.#pageH - inches * PT_PER_IN);
	}

	#point({ x, y }: Point): string {
		return `${this.#x(x)} ${this.#y(y)}`;
	}

	/** The graphics state and painting operator for `paint`, or none when it paints nothing. */
	#painted(paint: Paint, path: string): void {
		const { fill, stroke } = paint;
		if (!fill && !stroke) return;
		const state = [
			fill ? `${pdfRgb(fill)} rg` : '',
			stroke ? `${pdfRgb(stroke)} RG ${pdfNum(paint.strokeWidth ?? 0.75)} w` : '',
		]
			.filter(Boolean)
			.join(' ');
		this.#ops.push(`q ${state}`, path, `${fill && stroke ? 'B' : fill ? 'f' : 'S'} Q`);
	}

	/** A rectangle, its corners rounded when it has a radius. */
	rect(item: RectItem): void {
		if (item.radius) {
			this.path(roundedRect(item, item.radius), item);
			return;
		}
		const w = pdfNum(item.w * PT_PER_IN);
		const h = pdfNum(item.h * PT_PER_IN);
		this.#painted(item, `${this.#x(item.x)} ${this.#y(item.y + item.h)} ${w} ${h} re`);
	}

	/** A filled ellipse, as four curves. */
	ellipse({ cx, cy, rx, ry, fill }: EllipseItem): void {
		const at = (dx: number, dy: number) => this.#point({ x: cx + dx, y: cy + dy });
		const [ox, oy] = [rx * KAPPA, ry * KAPPA];
		const path = [
			`${at(-rx, 0)} m`,
			`${at(-rx, -oy)} ${at(-ox, -ry)} ${at(0, -ry)} c`,
			`${at(ox, -ry)} ${at(rx, -oy)} ${at(rx, 0)} c`,
			`${at(rx, oy)} ${at(ox, ry)} ${at(0, ry)} c`,
			`${at(-ox, ry)} ${at(-rx, oy)} ${at(-rx, 0)} c h`,
		].join(' ');
		this.#painted({ fill }, path);
	}

	/** A path of lines and circular arcs. */
	path(segments: readonly PathSegment[], paint: Paint): void {
		const parts: string[] = [];
		let current: Point = { x: 0, y: 0 };
		let start = current;
		for (const segment of segments) {
			if (segment.op === 'Z') {
				parts.push('h');
				current = start;
			} else if (segment.op === 'A') {
				for (const [c1, c2, end] of arcCurves(current, segment))
					parts.push(`${this.#point(c1)} ${this.#point(c2)} ${this.#point(end)} c`);
				current = segment;
			} else {
				parts.push(`${this.#point(segment)} ${segment.op === 'M' ? 'm' : 'l'}`);
				current = segment;
				if (segment.op === 'M') start = current;
			}
		}
		this.#painted(paint, parts.join(' '));
	}

	/** The picture resource `name` in the box at `x`, `y` (its top left), `w` by `h`. */
	image(name: string, box: { x: number; y: number; w: number; h: number }): void {
		const w = pdfNum(box.w * PT_PER_IN);
		const h = pdfNum(box.h * PT_PER_IN);
		this.#ops.push(`q ${w} 0 0 ${h} ${this.#x(box.x)} ${this.#y(box.y + box.h)} cm ${name} Do Q`);
	}

	/**
	 * A run of text: `shown` is the inside of a `TJ` array (glyph strings and shifts) in the font
	 * resource `font` at `size` points, its baseline starting at `x`, `y` in points.
	 */
	text(font: string, size: number, color: string, x: number, y: number, shown: string): void {
		this.#ops.push(
			`BT ${pdfRgb(color)} rg ${font} ${pdfNum(size)} Tf 1 0 0 1 ${pdfNum(x)} ${pdfNum(y)} Tm [${shown}] TJ ET`,
		);
	}

	/** The stream's bytes (the operators are ASCII: names, numbers and hex strings). */
	bytes(): Uint8Array {
		return new TextEncoder().encode(this.#ops.join('\n'));
	}
}
