/**
 * The build's library check on a thread of its own (library-check.ts, started through
 * thread-entry.mjs, so its modules come from the compile cache): loads and checks the whole
 * library, as `npm run check` does, and answers with it, so Astro's own start (Vite, the content
 * sync, types) runs on the main thread meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadLibrary } from '../library/load.ts';

parentPort!.postMessage(await loadLibrary({ root: (workerData as { root: string }).root }));
