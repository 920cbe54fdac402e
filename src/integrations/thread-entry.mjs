/**
 * The entry of the site build's worker threads (the library check, the decks, rendering, the
 * search index), in plain JavaScript. A thread started on a .ts file first loads Node's type
 * stripper, a WebAssembly module, in that thread: about 40 ms of its CPU, on every build. This
 * file turns Node's compile cache on first (Astro's bin turns it on for its own thread only), so
 * the TypeScript module the thread runs (its first argument, a file: URL, see typescript-thread.ts)
 * and the modules it imports come stripped and compiled from the cache on every build after the
 * first, without the stripper.
 */
import module from 'node:module';

module.enableCompileCache?.();
await import(process.argv[2]);
