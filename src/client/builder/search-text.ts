/**
 * The builder's search text (`/builder/search.txt`: each insight's summary, evidence and
 * implication, folded, one line each), fetched and split in a short-lived worker where one
 * starts, else on the main thread. At 5,000 insights receiving and decoding its 2.3 MB was the
 * main thread's largest task between the first render and a rep's first search.
 */
// The worker's script, a chunk of this page's bundle (src/integrations/worker-chunks.ts).
import searchTextWorkerUrl from './search-text-worker.ts?worker-chunk';

/** What the worker posts back: the lines, or why they could not be fetched. */
export type SearchTextAnswer = { lines: string[] } | { error: string };

async function linesHere(url: string): Promise<string[]> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return (await response.text()).split('\n');
}

/**
 * The lines of the text at `url`, fetched in a worker when `inWorker` and one starts; rejects
 * when it cannot be fetched.
 */
export function fetchSearchLines(
	url: string,
	{ inWorker }: { inWorker: boolean },
): Promise<string[]> {
	if (!inWorker) return linesHere(url);
	let worker: Worker;
	try {
		worker = new Worker(searchTextWorkerUrl, { type: 'module' });
	} catch {
		// Workers can be refused (a content security policy, a very old browser).
		return linesHere(url);
	}
	return new Promise((resolve, reject) => {
		worker.addEventListener('message', (event: MessageEvent<SearchTextAnswer>) => {
			worker.terminate();
			if ('lines' in event.data) resolve(event.data.lines);
			else reject(new Error(event.data.error));
		});
		// A worker whose script cannot load or run reports an error event: fetch here instead.
		worker.addEventListener('error', (event) => {
			event.preventDefault();
			worker.terminate();
			linesHere(url).then(resolve, reject);
		});
		// Absolute: a worker resolves a relative URL against its own script's.
		worker.postMessage(new URL(url, location.href).href);
	});
}
