/**
 * Worker thread for `buildDecks` (src/integrations/decks.ts): builds one deck per message and
 * hands the bytes back without copying them.
 */
import { parentPort } from 'node:worker_threads';
import { buildDeck, type DeckInput } from '../deck/index.ts';

parentPort?.on('message', async ({ id, input }: { id: string; input: DeckInput }) => {
	try {
		const bytes = await buildDeck(input);
		parentPort?.postMessage({ id, bytes }, [bytes.buffer as ArrayBuffer]);
	} catch (error) {
		parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
});
