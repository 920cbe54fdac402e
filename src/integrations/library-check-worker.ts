/**
 * The build's library check on a thread of its own (library-check.ts): loads and checks the
 * whole library, as `npm run check` does, and answers with it, so Astro's own start (Vite, the
 * content sync, types) runs on the main thread meanwhile.
 */
import module from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

// A worker thread does not share the main thread's compile cache (Astro's bin asks for it there):
// asked for here, the library's modules come stripped and compiled from it on every build after
// the first, and are imported after this call for that reason.
module.enableCompileCache?.();
const { loadLibrary } = await import('../library/load.ts');

parentPort!.postMessage(await loadLibrary({ root: (workerData as { root: string }).root }));
