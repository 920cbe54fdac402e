/**
 * How briefing pages get their deck's preview from the decks step (decks.ts): the site build's
 * deck thread draws it from the plan it builds the .pptx from (deck-preview.ts), so the page does
 * not plan the deck a second time on Astro's thread. The step keeps each preview here, through
 * `globalThis` because the pages are bundled apart from the integration; a page that finds none
 * (the dev server, a deck not built yet or on a company template) makes its own as before.
 */
import type { BriefingPreview } from '../site/briefing-preview.ts';

const previewsKey = Symbol.for('insight-briefings.briefing-previews');

/** The previews kept and not yet taken, by briefing id. */
function previews(): Map<string, BriefingPreview> {
	const global = globalThis as Record<symbol, Map<string, BriefingPreview> | undefined>;
	return (global[previewsKey] ??= new Map());
}

/** Keeps the preview of briefing `id`'s deck for its page. */
export function keepBriefingPreview(id: string, preview: BriefingPreview): void {
	previews().set(id, preview);
}

/** The preview of briefing `id`'s deck, if the decks step made one; each is handed out once. */
export function takeBriefingPreview(id: string): BriefingPreview | undefined {
	const preview = previews().get(id);
	previews().delete(id);
	return preview;
}

/** Forgets every preview not taken (a build that ends, or fails, leaves none behind). */
export function dropBriefingPreviews(): void {
	previews().clear();
}
