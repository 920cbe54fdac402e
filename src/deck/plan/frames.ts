/**
 * Text frames as the plan makes them: measured with our own metrics (`text.ts`) and sized to fit.
 */
import type { Frame, SceneParagraph, TextFrame } from '../scene.ts';
import {
	fitText,
	layoutText,
	linePitch,
	LINE_SPACING,
	type Box,
	type Paragraph,
	type TextLayout,
} from '../text.ts';

/** How a text frame is set. */
export interface TextSpec {
	/** What it is, for layout reports: "headline", "points", ... */
	name: string;
	/** Its role on the slide (default `body`). */
	role?: TextFrame['role'];
	font: string;
	color: string;
	bold?: boolean;
	min: number;
	max: number;
	align?: TextFrame['align'];
	valign?: TextFrame['valign'];
	lineSpacing?: number;
	paragraphSpacing?: number;
	maxLines?: number;
}

/** What the measurement sees of a plan paragraph. */
export function measured(paragraph: SceneParagraph, boldDefault: boolean): Paragraph {
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
	extra: Omit<SceneParagraph, 'runs'> = {},
): SceneParagraph[] {
	return texts.map((text) => ({ runs: [{ text }], ...extra }));
}

/** Lays out plan paragraphs at one size. */
export function measure(
	list: readonly SceneParagraph[],
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
	list: SceneParagraph[],
	size: number,
	spec: TextSpec,
): TextFrame {
	const layout = measure(list, frame.w, size, spec);
	const h = frame.h ?? layout.height;
	return {
		kind: 'text',
		role: spec.role ?? 'body',
		name: spec.name,
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
export function fitted(frame: Frame, list: SceneParagraph[], spec: TextSpec): TextFrame {
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
