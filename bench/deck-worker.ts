/**
 * Worker thread for the deck throughput benchmark: builds each deck it is sent with the deck
 * engine, one at a time in the order sent (the next may arrive while one is being built, as in
 * `npm run decks`' threads), and replies with its size and build time (the bytes stay here; only
 * throughput counts).
 */
import { parentPort } from 'node:worker_threads';
import { buildDeck, type DeckInput } from '../src/deck/index.ts';

/** The decks sent and not yet built settle in order: one is built at a time. */
let building = Promise.resolve();

async function build(index: number, input: DeckInput): Promise<void> {
	const started = performance.now();
	try {
		const bytes = await buildDeck(input);
		parentPort?.postMessage({ index, bytes: bytes.length, ms: performance.now() - started });
	} catch (error) {
		parentPort?.postMessage({
			index,
			error: error instanceof Error ? error.message : String(error),
		});
	}
}

parentPort?.on('message', ({ index, input }: { index: number; input: DeckInput }) => {
	building = building.then(() => build(index, input));
});
