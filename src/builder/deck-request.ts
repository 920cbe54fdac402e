/**
 * What the builder's deck worker is asked and answers. Kept apart from the deck input
 * (`deck.ts`) so the page can make a request without loading the deck engine.
 */
import type { Briefing } from '../schema/briefing.ts';
import type { BuilderLibrary } from './types.ts';

/** The .pptx media type (the engine's `PPTX_MIME`, here without loading the engine). */
export const PPTX_MIME =
	'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** What a deck is made from in the builder: posted to the deck worker, so plain data only. */
export interface BuilderDeckSource {
	/** Taxonomy, brand and the briefing's own insights, whole. */
	library: Pick<BuilderLibrary, 'taxonomy' | 'brand' | 'insights'>;
	/** The briefing as the builder checked it. */
	briefing: Briefing;
	/** The brand logo's PNG bytes. */
	logo: Uint8Array;
	/** The company template's bytes, when the brand has one. */
	template?: Uint8Array;
}

/** A request to the deck worker; `id` comes back with the answer. */
export type DeckRequest = BuilderDeckSource & { id: number };

/** The deck worker's answer: the deck's bytes, or why it could not be built. */
export type DeckResponse = { id: number; bytes: Uint8Array } | { id: number; error: string };

/**
 * A key naming the deck of `briefing`: the library, logo and template are the site's own, so the
 * briefing alone decides the bytes (its dates as ISO strings).
 */
export function deckKey(briefing: Briefing): string {
	return JSON.stringify(briefing);
}
