/**
 * Drawing primitives: a scene slide flattened into shapes, paths, images and single lines of text,
 * every coordinate in inches from the slide's top left. The SVG and PDF writers both draw these,
 * so a preview and the leave-behind show the same thing.
 */

/** A filled (or outlined) rectangle, optionally with rounded corners. */
export interface RectItem {
	type: 'rect';
	x: number;
	y: number;
	w: number;
	h: number;
	fill?: string;
	stroke?: string;
	/** Stroke width in points. */
	strokeWidth?: number;
	/** Corner radius in inches. */
	radius?: number;
}

/** An ellipse. */
export interface EllipseItem {
	type: 'ellipse';
	cx: number;
	cy: number;
	rx: number;
	ry: number;
	fill: string;
}

/** One step of a path, absolute, in inches. */
export type PathSegment =
	| { op: 'M' | 'L'; x: number; y: number }
	| { op: 'A'; r: number; large: boolean; sweep: boolean; x: number; y: number }
	| { op: 'Z' };

/** A path of lines and circular arcs. */
export interface PathItem {
	type: 'path';
	segments: PathSegment[];
	fill?: string;
	stroke?: string;
	/** Stroke width in points. */
	strokeWidth?: number;
}

/** One line's run of text in one format, placed at its baseline. */
export interface TextItem {
	type: 'text';
	/** Left edge of the text, inches. */
	x: number;
	/** Baseline, inches. */
	y: number;
	/** Advance width as measured, inches (for links and right alignment). */
	w: number;
	/** Font size, points. */
	size: number;
	/** Font family as the scene names it. */
	family: string;
	bold: boolean;
	color: string;
	text: string;
	/** Link target. */
	href?: string;
	/** Centred or right-aligned on `x` instead of starting there (chart labels). */
	anchor?: 'start' | 'middle' | 'end';
}

/** A PNG picture. */
export interface ImageItem {
	type: 'image';
	x: number;
	y: number;
	w: number;
	h: number;
	/** `data:image/png;base64,...`. */
	data: string;
	alt: string;
}

export type DrawItem = RectItem | EllipseItem | PathItem | TextItem | ImageItem;

/** A slide ready to draw. */
export interface DrawnSlide {
	/** Slide size, inches. */
	w: number;
	h: number;
	background: string;
	items: DrawItem[];
}

/** Path data in SVG syntax, coordinates scaled by `scale` (rounded to 0.01). */
export function pathData(segments: readonly PathSegment[], scale: number): string {
	const n = (value: number) => String(Math.round(value * scale * 100) / 100);
	return segments
		.map((s) =>
			s.op === 'Z'
				? 'Z'
				: s.op === 'A'
					? `A${n(s.r)} ${n(s.r)} 0 ${s.large ? 1 : 0} ${s.sweep ? 1 : 0} ${n(s.x)} ${n(s.y)}`
					: `${s.op}${n(s.x)} ${n(s.y)}`,
		)
		.join(' ');
}
