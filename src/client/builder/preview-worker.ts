/**
 * The preview worker: plans the deck and writes every slide's SVG off the main thread, so typing
 * on a phone never waits for a redraw (planning a 12-insight briefing takes a phone hundreds of
 * milliseconds). Text is measured with the font metrics embedded in the engine, not a canvas, so
 * the slides fit exactly as on the main thread and in the .pptx. Stateless: every request carries
 * its whole input.
 */
import type { PreviewRequest, PreviewResponse } from '../../builder/preview-input.ts';
import { previewSlides } from '../../builder/preview-slides.ts';

addEventListener('message', (event: MessageEvent<PreviewRequest>) => {
	const { id } = event.data;
	let response: PreviewResponse;
	try {
		response = { id, slides: previewSlides(event.data) };
	} catch (error) {
		response = { id, error: error instanceof Error ? error.message : String(error) };
	}
	postMessage(response);
});
