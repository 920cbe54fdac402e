/**
 * `node bench/load-probe.ts <root>`: how long a fresh Node process takes to load and check
 * the library at <root> (what the `insightLibrary` integration does at config time; the build
 * steps reuse that library). Prints one JSON line: { ms, insights, briefings, errors }.
 */
import { errorsOf, loadLibrary } from '../src/library/load.ts';

const root = process.argv[2] ?? process.cwd();
const started = performance.now();
const library = await loadLibrary({ root });
const ms = performance.now() - started;
console.log(
	JSON.stringify({
		ms,
		insights: library.insights.length,
		briefings: library.briefings.length,
		errors: errorsOf(library).length,
	}),
);
