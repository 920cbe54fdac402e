/**
 * The builder's slide previews as data: a checked briefing through the deck planner and the SVG
 * writer, the same path as the briefing pages' previews. Runs in the preview worker, or on the
 * main thread a slide at a time when no worker can be started; it imports neither pptxgenjs nor
 * anything of the DOM, so it loads in a worker.
 */
import { planDeck } from '../deck/plan/index.ts';
import type { Scene } from '../deck/scene.ts';
import { slideSvg } from '../deck/svg/index.ts';
import { builderDeckInput } from './deck.ts';
import type { PreviewInput } from './preview-input.ts';
import type { PreviewSlide } from './slide-diff.ts';

/** The deck's scene for a preview. */
export function previewScene(input: PreviewInput): Scene {
	return planDeck(builderDeckInput(input.library, input.briefing, input.logo));
}

/** Slide `index` of `scene` as the preview shows it. */
export function previewSlide(scene: Scene, index: number): PreviewSlide {
	return { svg: slideSvg(scene, index), notes: scene.slides[index]!.notes };
}

/** Every slide of the preview at once (in the worker, where blocking costs no one). */
export function previewSlides(input: PreviewInput): PreviewSlide[] {
	const scene = previewScene(input);
	return scene.slides.map((_, index) => previewSlide(scene, index));
}
