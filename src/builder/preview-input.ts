/**
 * What the builder's slide previews are drawn from, and the messages to and from the preview
 * worker. Kept apart from the drawing (`preview-slides.ts`) so the page's eager code can make a
 * request without loading the deck planner.
 */
import type { Briefing } from '../schema/briefing.ts';
import type { PreviewSlide } from './slide-diff.ts';
import type { BuilderLibrary } from './types.ts';

/** What a preview is drawn from; small enough to post to a worker on every redraw. */
export interface PreviewInput {
	/** The library cut down to what the deck reads (see {@link previewLibrary}). */
	library: BuilderLibrary;
	/** The briefing as the builder checked it. */
	briefing: Briefing;
	/** The brand logo's PNG bytes. */
	logo: Uint8Array;
}

/** A request to the preview worker. */
export interface PreviewRequest extends PreviewInput {
	/** Sequence number, echoed in the answer (see `preview-queue.ts`). */
	id: number;
}

/** The preview worker's answer: every slide, or why none could be drawn. */
export type PreviewResponse =
	{ id: number; slides: PreviewSlide[] } | { id: number; error: string };

/**
 * The library with only the briefing's insights: posting 5,000 insights to a worker on every
 * keystroke would cost the main thread more than the planning it moves away.
 */
export function previewLibrary(library: BuilderLibrary, briefing: Briefing): BuilderLibrary {
	const wanted = new Set(briefing.insights);
	return {
		taxonomy: library.taxonomy,
		brand: library.brand,
		insights: library.insights.filter((insight) => wanted.has(insight.id)),
		briefings: [],
	};
}
