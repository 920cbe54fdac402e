/**
 * Pagefind's Node client on a thread of its own, for the search index step (search.ts, through
 * search-thread.ts). The client turns every page it is handed into JSON, then base64, and writes
 * it down a pipe to Pagefind's process: about a third of a millisecond of a thread per insight
 * page, which here runs beside Astro's rendering instead of on its thread. Pages reach Pagefind
 * in the order they arrive (it numbers pages in that order), and the index is written from here.
 */
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';
import type { SearchThreadReply, SearchThreadRequest } from './search-thread.ts';

const port = parentPort!;
const post = (reply: SearchThreadReply) => port.postMessage(reply);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const { index, errors: startErrors } = await createIndex({ forceLanguage: 'en' });
post({ ready: index ? startErrors : [...startErrors, 'no index was created'] });

/** One per page handed over: its indexing errors. */
const added: Array<Promise<string[]>> = [];

/** Writes the index of the pages handed over (or, with none, of the site in `outDir`) into `outDir/pagefind`. */
async function writeIndex(outDir: string): Promise<number> {
	const errors = (await Promise.all(added)).flat();
	if (errors.length) throw new Error(`Pagefind indexing failed: ${errors.join('; ')}`);
	let pages = added.length;
	if (pages === 0) {
		const fromSite = await index!.addDirectory({ path: outDir });
		if (fromSite.errors.length)
			throw new Error(`Pagefind indexing failed: ${fromSite.errors.join('; ')}`);
		pages = fromSite.page_count;
	}
	if (pages === 0) throw new Error('Pagefind indexed no pages: no page has data-pagefind-body');
	const written = await index!.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
	if (written.errors.length)
		throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
	return pages;
}

port.on('message', (request: SearchThreadRequest) => {
	if ('add' in request) {
		added.push(
			index!.addHTMLFile(request.add).then(
				(response) => response.errors,
				(error: unknown) => [message(error)],
			),
		);
	} else if ('write' in request) {
		writeIndex(request.write).then(
			(pages) => post({ written: { pages } }),
			(error: unknown) => post({ written: { problem: message(error) } }),
		);
	} else {
		// Pagefind's process ends, and so does this thread once nothing listens any more.
		void close().finally(() => port.close());
	}
});
