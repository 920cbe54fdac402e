/**
 * Where decks are built: in the deck worker when the browser starts one, else on the main thread
 * (the engine imported on first use). A worker that fails to load switches to the main thread and
 * builds what it was asked; one that reports an error for a deck passes the error on.
 */
import type { BuilderDeckSource, DeckRequest, DeckResponse } from '../../builder/deck-request.ts';
// The worker's script, a chunk of this page's bundle (src/integrations/worker-chunks.ts).
import deckWorkerUrl from './deck-worker.ts?worker-chunk';

/** Builds the deck of `source`. */
export type DeckMaker = (source: BuilderDeckSource) => Promise<Uint8Array>;

/** The deck engine on the main thread. */
const mainThreadMaker: DeckMaker = async ({ library, briefing, logo, template }) => {
	const [{ buildDeck }, { builderDeckInput }] = await Promise.all([
		import('../../deck/index.ts'),
		import('../../builder/deck.ts'),
	]);
	return buildDeck(builderDeckInput(library, briefing, logo, template));
};

/** A deck worker when one starts, else the main thread. */
export function createDeckMaker(): DeckMaker {
	let worker: Worker | undefined;
	try {
		worker = new Worker(deckWorkerUrl, { type: 'module' });
	} catch {
		// Workers can be refused (a content security policy, a very old browser).
		return mainThreadMaker;
	}
	let issued = 0;
	const pending = new Map<
		number,
		{ source: BuilderDeckSource; resolve: (bytes: Uint8Array) => void; reject: (e: Error) => void }
	>();
	worker.addEventListener('message', (event: MessageEvent<DeckResponse>) => {
		const answer = event.data;
		const request = pending.get(answer.id);
		if (!request) return;
		pending.delete(answer.id);
		if ('bytes' in answer) request.resolve(answer.bytes);
		else request.reject(new Error(answer.error));
	});
	// A worker whose script cannot load or run reports an error event: give up on it and build
	// what it was holding on the main thread.
	worker.addEventListener('error', (event) => {
		event.preventDefault();
		worker?.terminate();
		worker = undefined;
		for (const { source, resolve, reject } of pending.values())
			mainThreadMaker(source).then(resolve, reject);
		pending.clear();
	});
	return (source) => {
		if (!worker) return mainThreadMaker(source);
		const id = ++issued;
		const request: DeckRequest = { id, ...source };
		return new Promise((resolve, reject) => {
			pending.set(id, { source, resolve, reject });
			worker!.postMessage(request);
		});
	};
}
