/**
 * Worker thread for `buildDecks` (src/integrations/decks.ts): builds one deck per message and
 * hands the bytes back without copying them.
 */
import { parentPort } from 'node:worker_threads';
import { buildDeckWithPlan, type DeckInput } from '../deck/index.ts';

parentPort?.on('message', async ({ id, input }: { id: string; input: DeckInput }) => {
	try {
		const { bytes, plan } = await buildDeckWithPlan(input);
		const warnings = [
			...plan.warnings,
			...plan.overflows.map((overflow) => `text may not fit: ${overflow}`),
		];
		parentPort?.postMessage({ id, bytes, warnings }, [bytes.buffer as ArrayBuffer]);
	} catch (error) {
		parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
});
