/**
 * `npm run decks -- [id ...] [--out DIR] [--jobs N] [--prune] [--pdf]`: builds briefing decks without
 * building the site. Every chosen briefing (default: all) is checked first; content errors are
 * printed as `file: field: message` lines and nothing is built. Decks go to dist/briefings/<id>.pptx
 * (or DIR), one progress line each, then a summary. Decks in that folder that no briefing produces
 * are named (`--prune` removes them); temporary files of interrupted runs are swept, and this
 * run's own are removed on Ctrl-C. `--pdf` also writes each deck's PDF leave-behind, <id>.pdf.
 *
 * Exit codes: 0 every deck written; 1 content errors or a deck that could not be built or
 * written; 2 usage error (an unknown option, `--out` naming a file). Honours SOURCE_DATE_EPOCH
 * (else each briefing's date) for byte-identical output.
 */
import './lib/node-version.ts';
import { writeSync } from 'node:fs';
import module from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { useEfficiencyModeForBatch } from './lib/batch-v8.ts';
import { contentCache } from './lib/content-cache.ts';
import { contentPack } from './lib/content-pack.ts';

// Stripping the types of and compiling every module the engine needs is about a fifth of a
// one-deck run's CPU; Node keeps both in an on-disk cache (tmpdir/node-compile-cache) when asked.
// `npm run decks` runs this file from one cached bundle (scripts/lib/bundled-cli.mjs); this call
// covers `node scripts/decks.ts` run directly. The engine is imported after it: static imports
// would be compiled before it ran. No top-level await: the bundle is a CommonJS script.
module.enableCompileCache?.();

/**
 * Set when this bundle runs in a deck thread of a batch (src/integrations/decks-worker-bundled.mjs):
 * the thread runs the worker's code from the bundle the main thread runs, not the CLI.
 */
const inDeckThread = Symbol.for('insight-briefings.decks-thread') in globalThis;
const engine = inDeckThread ? undefined : import('../src/integrations/decks.ts');

/**
 * The hash of the bundle this file runs from under `npm run decks` (set by
 * scripts/lib/bundled-cli.mjs): it names the code whose parse results the content cache keeps.
 * Run from its sources, the CLI keeps none.
 */
const bundle = (globalThis as Record<symbol, unknown>)[Symbol.for('insight-briefings.cli-bundle')];

/** Set once a progress line has gone through `process.stdout`: later lines follow it there. */
let stdoutStream = false;

/**
 * Prints a progress line, written to the descriptor at once: `console.log` makes `process.stdout`
 * first, which costs a fresh process 10 to 15 ms of CPU (Node's stream modules) for two lines.
 * What the descriptor does not take at once (a non-blocking pipe that is full, a closed one), and
 * every line after it, goes through `process.stdout` as before, which also reports its errors.
 */
function printLine(line: string): void {
	const bytes = Buffer.from(`${line}\n`);
	let written = 0;
	if (!stdoutStream) {
		try {
			while (written < bytes.length) {
				const count = writeSync(1, bytes, written);
				if (count <= 0) break;
				written += count;
			}
		} catch {
			// The stream below writes the rest, or reports why it cannot.
		}
	}
	if (written < bytes.length) {
		stdoutStream = true;
		process.stdout.write(bytes.subarray(written));
	}
}

const usage = `Usage: npm run decks -- [briefing-id ...] [--out DIR] [--jobs N] [--prune] [--pdf]

Builds the decks of the given briefings (default: all) into dist/briefings/<id>.pptx.
  --out DIR   write the decks to DIR instead of dist/briefings
  --jobs N    build at most N decks at once (default: one per core)
  --prune     remove decks in the output folder that no briefing produces
  --pdf       also write each deck's PDF leave-behind, <id>.pdf, next to <id>.pptx`;

function parseArgs(argv: string[]): {
	ids: string[];
	out?: string;
	jobs?: number;
	prune: boolean;
	pdf: boolean;
	help: boolean;
	errors: string[];
} {
	const result: ReturnType<typeof parseArgs> = {
		ids: [],
		prune: false,
		pdf: false,
		help: false,
		errors: [],
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const [flag, inline] = arg.startsWith('--')
			? (arg.split(/=(.*)/s) as [string, string | undefined])
			: [arg, undefined];
		const value = () => inline ?? argv[++i];
		if (flag === '--help' || flag === '-h') result.help = true;
		else if (flag === '--prune') result.prune = true;
		else if (flag === '--pdf') result.pdf = true;
		else if (flag === '--out') {
			const dir = value();
			if (!dir) result.errors.push('--out needs a directory');
			else result.out = dir;
		} else if (flag === '--jobs') {
			const jobs = Number(value());
			if (!Number.isInteger(jobs) || jobs < 1)
				result.errors.push('--jobs needs a whole number of 1 or more');
			else result.jobs = jobs;
		} else if (flag.startsWith('-')) result.errors.push(`unknown option ${flag}`);
		else result.ids.push(arg);
	}
	return result;
}

async function main(argv: string[]): Promise<number> {
	const { buildDecks, outDirProblem, removeTempFilesOnSignals } = await engine!;
	removeTempFilesOnSignals();
	const args = parseArgs(argv);
	if (args.help) {
		console.log(usage);
		return 0;
	}
	const root = process.cwd();
	const outDir = path.resolve(root, args.out ?? 'dist/briefings');
	const problem = args.errors.length ? undefined : await outDirProblem(outDir);
	if (problem?.kind === 'io') {
		console.error(`decks: --out ${args.out ?? 'dist/briefings'}: ${problem.message}`);
		return 1;
	}
	if (problem) args.errors.push(`--out ${args.out ?? 'dist/briefings'}: ${problem.message}`);
	if (args.errors.length) {
		for (const error of args.errors) console.error(`decks: ${error}`);
		console.error(usage);
		return 2;
	}
	// A run for every briefing looks up thousands of files: its cache is one pack file (content-pack.ts).
	const pack =
		typeof bundle === 'string' && !args.ids.length ? contentPack(root, bundle) : undefined;
	const memo = pack ?? (typeof bundle === 'string' ? contentCache(root, bundle) : undefined);
	// Before the deck threads start (scripts/lib/batch-v8.ts).
	useEfficiencyModeForBatch(args.ids, args.jobs, availableParallelism());
	const result = await buildDecks({
		root,
		outDir,
		ids: args.ids,
		jobs: args.jobs,
		prune: args.prune,
		pdf: args.pdf,
		log: printLine,
		...(memo ? { memo } : {}),
	});
	// After the decks: the threads have the cores until then, and a warm run writes nothing.
	pack?.save();
	return result.ok ? 0 : 1;
}

if (inDeckThread) void import('../src/integrations/decks-worker.ts');
else
	main(process.argv.slice(2)).then(
		// On Linux, exits at once: every file is written by now and Node writes its output there
		// synchronously (files, terminals and pipes alike), so nothing is lost, while a natural exit
		// first takes the heap apart page by page (10 to 20 ms of CPU for nothing). Elsewhere a pipe
		// may still be flushing, so the process ends as before.
		(code) => {
			if (process.platform === 'linux') process.exit(code);
			else process.exitCode = code;
		},
		async (error: unknown) => {
			// Content problems are reported as file: field: message lines above; this is the last line of
			// defence against a stack trace for anything else (a bug, or the file system failing).
			(await engine?.catch(() => undefined))?.removeTempFiles();
			console.error(
				`decks: ${error instanceof Error ? error.message : String(error)}${process.env.DEBUG ? `\n${(error as Error).stack}` : ' (set DEBUG=1 for details)'}`,
			);
			process.exitCode = 1;
		},
	);
