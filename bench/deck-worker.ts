/**
 * Worker thread for the deck throughput benchmark: builds each deck it is sent with the deck
 * engine and replies with its size and build time (the bytes stay here; only throughput counts).
 */
import { parentPort } from 'node:worker_threads';
import { buildDeck, type DeckInput } from '../src/deck/index.ts';

parentPort?.on('message', async ({ index, input }: { index: number; input: DeckInput }) => {
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
});
