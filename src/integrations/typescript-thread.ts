/**
 * Worker threads that run a TypeScript module through a plain JavaScript entry (thread-entry.mjs),
 * which turns the compile cache on before Node would load its type stripper for the thread.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker thread running the TypeScript module at `module` (a file: URL). */
export function typescriptThread(module: URL, options: WorkerOptions = {}): Worker {
	return new Worker(new URL('./thread-entry.mjs', import.meta.url), {
		...options,
		argv: [module.href],
	});
}
