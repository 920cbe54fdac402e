/**
 * Puts a planned deck on a company template: every slide on the layout chosen for its kind, its
 * title fitted (by our own measurement) into the layout's title placeholder, and its other frames
 * moved into the area the layout leaves free, scaled as one so that what fitted still fits.
 * Text colours that would not read on the layout's background take the layout's text colour.
 */
import { contrast } from '../color.ts';
import type { Frame, Scene, SceneFrame, SceneSlide, TextFrame } from '../scene.ts';
import { fitText } from '../text.ts';
import { measured } from '../plan/frames.ts';
import type { LayoutChoice, SlideKind } from './choose.ts';
import type { Template, TemplateBox } from './model.ts';
import { previewMaster, previewSlideNumber } from './preview.ts';

/** The template's name for each scene slide kind. */
const kindOf: Record<SceneSlide['kind'], SlideKind> = {
	title: 'title',
	agenda: 'agenda',
	insight: 'insight',
	questions: 'questions',
	sources: 'sources',
	'next-step': 'nextStep',
	closing: 'closing',
};

/** The built-in header's label above the headline ("Why change · Insight 1 of 5"). */
const EYEBROW = 'eyebrow';

/** Space between the label, moved down to head the body, and the body. */
const EYEBROW_GAP = 0.12;

const isEyebrow = (frame: SceneFrame) => frame.kind === 'text' && frame.name === EYEBROW;

/** Top of the built-in body area: content slides' frames are mapped from here down. */
const BODY_TOP = 2.0;

/** Text insets PowerPoint gives a placeholder unless the template says otherwise (inches). */
const INSET = { x: 0.1, y: 0.05 };

const hex = (color: string | undefined) => color?.replace(/^#/, '').toUpperCase();

function bounds(frames: readonly Frame[]): Frame {
	const left = Math.min(...frames.map((f) => f.x));
	const top = Math.min(...frames.map((f) => f.y));
	const right = Math.max(...frames.map((f) => f.x + f.w));
	const bottom = Math.max(...frames.map((f) => f.y + f.h));
	return { x: left, y: top, w: right - left, h: bottom - top };
}

/** `frame` scaled by `s` from `from`'s corner to `to`'s corner, its type sizes with it. */
function moved(frame: SceneFrame, from: Frame, to: TemplateBox, s: number): SceneFrame {
	const box = {
		x: to.x + (frame.x - from.x) * s,
		y: to.y + (frame.y - from.y) * s,
		w: frame.w * s,
		h: frame.h * s,
	};
	if (frame.kind === 'text') {
		return {
			...frame,
			...box,
			size: frame.size * s,
			paragraphs: frame.paragraphs.map((p) =>
				p.indent === undefined ? p : { ...p, indent: p.indent * s },
			),
		};
	}
	if (frame.kind === 'chart') return { ...frame, ...box, labelSize: frame.labelSize * s };
	return { ...frame, ...box };
}

/** The title text fitted into the placeholder's box with the placeholder's font. */
function titleInto(frame: TextFrame, choice: LayoutChoice, titleSlide: boolean): TextFrame {
	const box = choice.titleBox ?? choice.title.box;
	const font = choice.title.font ?? frame.font;
	const max = Math.min(choice.title.size ?? (titleSlide ? 40 : 32), titleSlide ? 44 : 36);
	const inner = { w: box.w - 2 * INSET.x, h: box.h - 2 * INSET.y };
	const fitted = fitText(
		frame.paragraphs.map((p) => measured(p, true)),
		inner,
		{ font, bold: true, lineSpacing: frame.lineSpacing, min: Math.min(12, max), max },
	);
	return {
		...frame,
		...box,
		font,
		size: fitted.size,
		color: hex(choice.title.color) ?? frame.color,
		align: choice.title.align ?? frame.align,
		valign: 'middle',
		fits: fitted.fits,
		placeholder: {
			type: choice.title.type === 'ctrTitle' ? 'ctrTitle' : 'title',
			inherit: !choice.titleBox,
		},
	};
}

/** The colour text needs on the layout: its own if it reads there, else the layout's text colour. */
function readableOn(background: string, fallback: string, least: number) {
	return (color: string) => (contrast(color, background) >= least ? color : fallback);
}

/** Recolours text that would not read on what lies under it (a panel, else the background). */
function recolor(
	frames: SceneFrame[],
	background: string,
	text: string,
	picture: boolean,
): SceneFrame[] {
	// On a picture the colour under the text is a guess: ask more contrast of it.
	const least = picture ? 4.5 : 3;
	const readable = (fill: string, need: number) =>
		readableOn(
			fill,
			contrast(text, fill) >= need
				? text
				: contrast('000000', fill) > contrast('FFFFFF', fill)
					? '000000'
					: 'FFFFFF',
			need,
		);
	return frames.map((frame, index) => {
		if (frame.kind === 'chart') {
			const fix = readable(background, least);
			return { ...frame, textColor: fix(frame.textColor), mutedColor: fix(frame.mutedColor) };
		}
		if (frame.kind !== 'text') return frame;
		const cx = frame.x + frame.w / 2;
		const cy = frame.y + frame.h / 2;
		const under = frames
			.slice(0, index)
			.reverse()
			.find(
				(f) =>
					f.role === 'decoration' &&
					'fill' in f &&
					cx >= f.x &&
					cx <= f.x + f.w &&
					cy >= f.y &&
					cy <= f.y + f.h,
			);
		// Text on a panel of ours needs to read on the panel; elsewhere on the layout's background.
		const fix = under && 'fill' in under ? readable(under.fill, 3) : readable(background, least);
		return {
			...frame,
			color: fix(frame.color),
			paragraphs: frame.paragraphs.map((p) => ({
				...p,
				runs: p.runs.map((run) => (run.color ? { ...run, color: fix(run.color) } : run)),
			})),
		};
	});
}

/** The layout's background colour, or for a picture the colour its text was designed against. */
function backgroundOf(choice: LayoutChoice, text: string): string {
	const color = hex(choice.layout.background.color);
	if (color && !choice.layout.background.image) return color;
	return contrast(text, 'FFFFFF') >= contrast(text, '000000') ? 'FFFFFF' : '000000';
}

function slideOn(slide: SceneSlide, choice: LayoutChoice): SceneSlide {
	const titleSlide = slide.kind === 'title' || slide.kind === 'closing';
	const titleFrame = slide.frames.find(
		(f): f is TextFrame => f.kind === 'text' && f.role === 'title',
	);
	// The label above the headline heads the body instead: the template's title takes the header.
	const others = slide.frames.filter((f) => f !== titleFrame && !isEyebrow(f));
	const bodyTop = Math.min(BODY_TOP, ...others.map((f) => f.y));
	const rest = slide.frames
		.filter((f) => f !== titleFrame)
		.map((f) => (isEyebrow(f) && !titleSlide ? { ...f, y: bodyTop - f.h - EYEBROW_GAP } : f));
	// Title slides: what stood above and below the title is stacked without the title's gap.
	const lifted =
		titleSlide && titleFrame
			? rest.map((f) => (f.y >= titleFrame.y ? { ...f, y: f.y - titleFrame.h } : f))
			: rest;
	const target = titleSlide ? (choice.body?.box ?? choice.content) : choice.content;
	let frames: SceneFrame[] = [];
	if (lifted.length) {
		const found = bounds(lifted);
		const from = titleSlide
			? found
			: { x: Math.min(found.x, 0.65), y: Math.min(found.y, BODY_TOP), w: 0, h: 0 };
		if (!titleSlide) {
			from.w = Math.max(found.x + found.w, 12.683) - from.x;
			from.h = Math.max(found.y + found.h, 6.65) - from.y;
		}
		const s = Math.min(target.w / from.w, target.h / from.h, 1);
		frames = lifted.map((f) => moved(f, from, target, s));
	}
	const text = hex(choice.body?.color ?? choice.title.color) ?? '000000';
	const background = backgroundOf(choice, text);
	const title = titleFrame ? [titleInto(titleFrame, choice, titleSlide)] : [];
	return {
		...slide,
		frames: [
			...title,
			...recolor(frames, background, text, Boolean(choice.layout.background.image)),
		],
		layout: choice.layout.part,
	};
}

/** The scene rebuilt on the template's layouts and slide size. */
export function sceneOnTemplate(
	scene: Scene,
	template: Template,
	choices: Record<SlideKind, LayoutChoice>,
): Scene {
	const slides = scene.slides.map((slide) => slideOn(slide, choices[kindOf[slide.kind]]));
	const fonts = [
		...new Set([
			...scene.fonts,
			...slides.flatMap((s) =>
				s.frames.filter((f) => f.kind === 'text').map((f) => (f as TextFrame).font),
			),
		]),
	].sort();
	return {
		...scene,
		size: { w: template.slideSize.width, h: template.slideSize.height },
		fonts,
		// What previews and the PDF draw behind the slides (the .pptx uses the template's masters).
		masters: {
			dark: previewMaster(template, choices.title.layout),
			content: {
				...previewMaster(template, choices.insight.layout),
				slideNumber: previewSlideNumber(
					choices.insight,
					template,
					hex(choices.insight.body?.color ?? choices.insight.title.color) ?? '000000',
				),
			},
		},
		slides,
		overflows: slides.flatMap((slide, i) =>
			slide.frames
				.filter((f): f is TextFrame => f.kind === 'text' && !f.fits)
				.map((f) => `slide ${i + 1} (${slide.kind}): ${f.name}`),
		),
		template,
	};
}
