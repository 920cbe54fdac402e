/**
 * What a preview redraw must touch. Replacing a thumbnail means parsing its SVG again, which is
 * most of the main thread's share of a redraw; a keystroke usually changes a few slides (the
 * company name on the title slide, a token in some headlines), so only those are replaced.
 */

/** One slide as the preview shows it. */
export interface PreviewSlide {
	/** The slide as an `<svg role="img">` (see `deck/svg`). */
	svg: string;
	/** Its speaker notes, shown when the slide is opened large. */
	notes: string;
}

/** Indices (ascending) of the slides of `next` that differ from those `shown`, new slides included. */
export function changedSlides(
	shown: readonly PreviewSlide[],
	next: readonly PreviewSlide[],
): number[] {
	const changed: number[] = [];
	next.forEach((slide, index) => {
		const old = shown[index];
		if (!old || old.svg !== slide.svg || old.notes !== slide.notes) changed.push(index);
	});
	return changed;
}
