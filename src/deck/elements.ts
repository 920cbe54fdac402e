/**
 * A deck as plain data: slides made of positioned elements, every text already sized. The plan is
 * what tests and the layout checks look at; `render.ts` turns it into pptxgenjs calls.
 */
import type { InsightChart } from '../schema/insight.ts';
import {
	fitText,
	layoutText,
	linePitch,
	LINE_SPACING,
	type Box,
	type Paragraph,
	type TextLayout,
} from './text.ts';

/** A piece of text with one format. */
export interface Run {
	text: string;
	bold?: boolean;
	color?: string;
	/** Link target (http/https). */
	hyperlink?: string;
}

/** One paragraph of a text element. */
export interface PlanParagraph {
	runs: Run[];
	/** Font size relative to the element's size. */
	scale?: number;
	/** Space before, in multiples of the element's size (not on the first paragraph). */
	spaceBefore?: number;
	/** A bullet, or an automatic number starting at `number` (numbers continue in the element). */
	bullet?: { kind: 'bullet' } | { kind: 'number'; startAt: number };
	/** Hanging indent for the bullet, inches. */
	indent?: number;
}

/** Where an element sits, in inches. */
export interface Frame {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** Text, sized by our own measurement. */
export interface TextElement extends Frame {
	kind: 'text';
	/** What it is, for layout reports: "headline", "points", ... */
	role: string;
	paragraphs: PlanParagraph[];
	/** Font size in points (paragraph scales apply on top). */
	size: number;
	font: string;
	color: string;
	bold: boolean;
	align: 'left' | 'center' | 'right';
	valign: 'top' | 'middle' | 'bottom';
	/** Line pitch as a multiple of the size. */
	lineSpacing: number;
	/** False when the text could not be made to fit (reported, never expected). */
	fits: boolean;
}

/** A filled rectangle (optionally rounded). */
export interface ShapeElement extends Frame {
	kind: 'rect' | 'roundRect' | 'ellipse';
	fill: string;
	line?: string;
}

/** A picture. */
export interface ImageElement extends Frame {
	kind: 'image';
	data: string;
	alt: string;
}

/** A native chart. */
export interface ChartElement extends Frame {
	kind: 'chart';
	chart: InsightChart;
	font: string;
	colors: string[];
	textColor: string;
	mutedColor: string;
	gridColor: string;
	/** Font size of axis and data labels. */
	labelSize: number;
}

export type Element = TextElement | ShapeElement | ImageElement | ChartElement;

/** One slide. */
export interface SlidePlan {
	/** Which master: the dark one (title, closing) or the content one. */
	master: 'dark' | 'content';
	/** What kind of slide, for tests and reports. */
	kind: 'title' | 'agenda' | 'insight' | 'questions' | 'sources' | 'next-step' | 'closing';
	/** The slide's title as a reader would name it (document properties, tests). */
	title: string;
	/** Speaker notes. */
	notes: string;
	elements: Element[];
}

/** How a text element is set. */
export interface TextSpec {
	role: string;
	font: string;
	color: string;
	bold?: boolean;
	min: number;
	max: number;
	align?: TextElement['align'];
	valign?: TextElement['valign'];
	lineSpacing?: number;
	paragraphSpacing?: number;
	maxLines?: number;
}

/** What the measurement sees of a plan paragraph. */
export function measured(paragraph: PlanParagraph, boldDefault: boolean): Paragraph {
	return {
		text: paragraph.runs.map((run) => run.text).join(''),
		// Measured bold when any run is bold: wider, so on the safe side.
		bold: paragraph.runs.some((run) => run.bold ?? boldDefault),
		scale: paragraph.scale,
		spaceBefore: paragraph.spaceBefore,
		indent: paragraph.bullet ? (paragraph.indent ?? 0) : 0,
	};
}

/** Plain paragraphs from strings. */
export function paragraphs(
	texts: readonly string[],
	extra: Omit<PlanParagraph, 'runs'> = {},
): PlanParagraph[] {
	return texts.map((text) => ({ runs: [{ text }], ...extra }));
}

/** Lays out plan paragraphs at one size. */
export function measure(
	list: readonly PlanParagraph[],
	width: number,
	size: number,
	spec: Pick<TextSpec, 'font' | 'bold' | 'lineSpacing' | 'paragraphSpacing'>,
): TextLayout {
	return layoutText(
		list.map((p) => measured(p, spec.bold ?? false)),
		width,
		size,
		{ font: spec.font, lineSpacing: spec.lineSpacing, paragraphSpacing: spec.paragraphSpacing },
	);
}

/** A text element at a given size, as tall as its text (or `h` when given). */
export function textAt(
	frame: Omit<Frame, 'h'> & { h?: number },
	list: PlanParagraph[],
	size: number,
	spec: TextSpec,
): TextElement {
	const layout = measure(list, frame.w, size, spec);
	const h = frame.h ?? layout.height;
	return {
		kind: 'text',
		role: spec.role,
		x: frame.x,
		y: frame.y,
		w: frame.w,
		h: Math.max(h, layout.height),
		paragraphs: list,
		size,
		font: spec.font,
		color: spec.color,
		bold: spec.bold ?? false,
		align: spec.align ?? 'left',
		valign: spec.valign ?? 'top',
		lineSpacing: spec.lineSpacing ?? LINE_SPACING,
		fits:
			layout.height <= h + 1e-6 &&
			(spec.maxLines === undefined || layout.lineCount <= spec.maxLines),
	};
}

/** A text element sized to fit `frame` (largest size from `spec.max` down to `spec.min`). */
export function fitted(frame: Frame, list: PlanParagraph[], spec: TextSpec): TextElement {
	const box: Box = { w: frame.w, h: frame.h };
	const fit = fitText(
		list.map((p) => measured(p, spec.bold ?? false)),
		box,
		{
			min: spec.min,
			max: spec.max,
			font: spec.font,
			lineSpacing: spec.lineSpacing,
			paragraphSpacing: spec.paragraphSpacing,
			maxLines: spec.maxLines,
		},
	);
	return { ...textAt(frame, list, fit.size, spec), h: frame.h, fits: fit.fits };
}

/** Height in inches of one line at `size` points. */
export function lineHeight(size: number, lineSpacing = LINE_SPACING): number {
	return linePitch(size, { lineSpacing }) / 72;
}
