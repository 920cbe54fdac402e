/**
 * What a briefing's page shows of its deck, drawn from the deck's scene: every slide as SVG with
 * its speaker notes, and the questions the deck asks. Pure, so the site build's deck thread can
 * make it from the plan it builds the .pptx from, and a page can make it itself when none was.
 */
import type { Scene } from '../deck/index.ts';
import { imageSymbols, slideSvg } from '../deck/svg/index.ts';

/** A briefing deck's preview. */
export interface BriefingPreview {
	/** Each slide in order: its drawing and its speaker notes. */
	slides: Array<{ svg: string; notes: string }>;
	/** The images the slides share (the logo), defined once for the page: their SVG symbols. */
	images: string;
	/** The questions the deck asks (the briefing's choice, else the first of each insight, at most 6). */
	questions: string[];
}

/** The preview of the deck whose scene is `scene`. */
export function briefingPreview(scene: Scene): BriefingPreview {
	const images = new Map<string, string>();
	const slides = scene.slides.map((slide, index) => ({
		svg: slideSvg(scene, index, { images }),
		notes: slide.notes,
	}));
	return {
		slides,
		images: imageSymbols(images),
		questions: scene.slides
			.filter((slide) => slide.kind === 'questions')
			.flatMap((slide) => slide.frames)
			.flatMap((frame) =>
				frame.kind === 'text' && frame.name === 'questions' ? frame.paragraphs : [],
			)
			.map((paragraph) => paragraph.runs.map((run) => run.text).join('')),
	};
}
