/**
 * Loaded by the site build's deck thread (decks-worker.ts, named by URL so the CLI's bundle does
 * not carry it): a briefing page's preview drawn from the scene its deck was just built from. On a
 * company template the deck's scene takes the template's geometry while the page shows the
 * built-in layouts, so there the page draws its own.
 */
import type { DeckInput, DeckPlan } from '../deck/index.ts';
import { briefingPreview, type BriefingPreview } from '../site/briefing-preview.ts';

/** The preview of the deck built from `input` with the scene `plan`, or none on a template. */
export function deckPreview(input: DeckInput, plan: DeckPlan): BriefingPreview | undefined {
	return input.template ? undefined : briefingPreview(plan);
}
