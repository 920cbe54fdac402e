/**
 * The deck worker: builds .pptx decks (the deck engine with pptxgenjs) off the main thread, so
 * the builder can make the deck of the draft while the rep works and the download only hands it
 * over. Started when the first insight is added, never at page load. Stateless apart from the
 * engine warming up: every request carries its whole input.
 */
import { buildDeck } from '../../deck/index.ts';
import { builderDeckInput } from '../../builder/deck.ts';
import type { DeckRequest, DeckResponse } from '../../builder/deck-request.ts';

addEventListener('message', async (event: MessageEvent<DeckRequest>) => {
	const { id, library, briefing, logo, template } = event.data;
	let response: DeckResponse;
	try {
		response = { id, bytes: await buildDeck(builderDeckInput(library, briefing, logo, template)) };
	} catch (error) {
		response = { id, error: error instanceof Error ? error.message : String(error) };
	}
	postMessage(response);
});
