/**
 * The start of a deck thread when `npm run decks` runs from its bundle (scripts/lib/bundled-cli.mjs):
 * the thread runs the same bundle file the main thread runs, with its own V8 code cache, instead of
 * loading decks-worker.ts and the engine's ~600 modules from their sources. Loaded from source, a
 * thread paid about 0.4 s of CPU before its first deck (Node's type stripper for each thread, then
 * resolving, stripping and compiling every module), while the main thread was loading the content
 * on the same two cores.
 *
 * The bundle's file name is its content's hash and the main thread checked it against the sources
 * before it ran (a stale bundle never runs), so the thread runs exactly the code the main thread
 * runs. It learns that it is a deck thread from `Symbol.for('insight-briefings.decks-thread')` on
 * the global object (scripts/decks.ts then runs decks-worker.ts instead of the CLI). The code cache
 * (`<hash>.worker.v8` next to the bundle, removed with it when the bundle is rebuilt) is written by
 * the first thread when it closes, when there was none or V8 refused it (V8 checks the source's
 * length and its own version and flags). When the bundle cannot be read, the thread loads
 * decks-worker.ts from its sources, as without a bundle. Plain JavaScript: a .ts file would load
 * the type stripper this file exists to avoid.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { workerData } from 'node:worker_threads';

/** `{ file, entry }`: the bundle and the CLI source it was made from; `keepCodeCache`: this thread writes the code cache. */
const { bundle, keepCodeCache } = workerData;

/** Writes the code cache atomically; a cache that cannot be written only costs the next run time. */
function saveCodeCache(cacheFile, bytes) {
	const temp = `${cacheFile}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`;
	try {
		writeFileSync(temp, bytes);
		renameSync(temp, cacheFile);
	} catch {
		rmSync(temp, { force: true });
	}
}

let source;
try {
	source = readFileSync(bundle.file, 'utf8');
} catch {
	source = undefined;
}
if (source === undefined) {
	// From its sources, as a thread started through thread-entry.mjs would: the compile cache on
	// first, so the modules come stripped and compiled from it.
	module.enableCompileCache?.();
	await import('./decks-worker.ts');
} else {
	const cacheFile = bundle.file.replace(/\.cjs$/, '.worker.v8');
	let cachedData;
	try {
		cachedData = readFileSync(cacheFile);
	} catch {
		cachedData = undefined;
	}
	const script = new vm.Script(source, { filename: bundle.file, cachedData });
	const stale = !cachedData || script.cachedDataRejected;
	globalThis[Symbol.for('insight-briefings.decks-thread')] = {
		/** Called by decks-worker.ts as the main thread closes the thread, after its decks. */
		beforeClose: () => {
			if (keepCodeCache && stale) saveCodeCache(cacheFile, script.createCachedData());
		},
	};
	const cjs = { exports: {} };
	script.runInThisContext()(
		cjs.exports,
		module.createRequire(bundle.entry),
		cjs,
		bundle.entry,
		path.dirname(bundle.entry),
	);
}
