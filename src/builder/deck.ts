/**
 * The browser's deck input: the builder's validated briefing and its library, through the same
 * assembler as `npm run decks`, so a deck downloaded from the builder is the CLI's deck.
 */
import type { DeckInput } from '../deck/types.ts';
import { deckTimestamp } from '../deck/format.ts';
import { assembleDeckInput } from '../library/deck-input.ts';
import type { Briefing } from '../schema/briefing.ts';
import { reviveInsight } from './briefing.ts';
import type { BuilderLibrary } from './types.ts';

/**
 * The deck input for a briefing the builder has checked, with the logo's PNG bytes. `library`
 * needs to hold only the briefing's own insights, whole (the builder fetches them as they are added).
 */
export function builderDeckInput(
	library: Pick<BuilderLibrary, 'taxonomy' | 'brand' | 'insights'>,
	briefing: Briefing,
	logoPng: Uint8Array,
	template?: Uint8Array,
): DeckInput {
	return assembleDeckInput({
		briefing,
		insights: new Map(library.insights.map((insight) => [insight.id, reviveInsight(insight)])),
		taxonomy: library.taxonomy,
		brand: library.brand,
		logoPng,
		...(template ? { template } : {}),
		modified: deckTimestamp(undefined, briefing.date),
	});
}
