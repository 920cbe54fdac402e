/**
 * `npm run bench [-- --quick] [--sizes 100,1000] [--runs N] [--keep] [--out FILE] [--verbose]`
 *
 * The benchmark report (docs/benchmarks.md explains every figure). For each library size N
 * (default 100, 1,000 and 5,000 insights; `--quick`: 100 only) it generates a valid synthetic
 * library in a temporary folder, then:
 * - builds a temporary copy of this site on it, and a bare Astro + MDX site on the same MDX files
 *   (the floor), cold, alternately, `--runs` times; reports median wall time, peak memory, the
 *   ratio to the floor and where the time goes (phases of the build log, render time per route);
 * - times the config-time library check, weighs each page type (gzipped HTML, CSS, JS), checks the
 *   builder loads pptxgenjs on demand, sizes the search index, and runs `npm run decks` on it.
 * Once: 12-slide deck throughput in process and on every core, and pandoc as a peer if installed.
 * Prints the report and writes it as JSON (default bench-results/latest.json) and text (.txt).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { browserUnavailable, measureBuilder } from './browser.ts';
import { folderSize, gzipSize, pptxCheck, siteWeights } from './assets.ts';
import { runBuild, type BuildRun } from './build.ts';
import { defaultBriefingCount, generateCorpus, writeCorpus } from './corpus.ts';
import {
	briefingNear,
	batchDecksCli,
	decksInProcess,
	decksOfSlides,
	parallelSpeedup,
	decksPandoc,
	oneDeckCli,
	warmDecksCli,
	targetSlides,
} from './decks.ts';
import { deckPeers } from './peers.ts';
import { cleanBuild, copySite, writeBare } from './project.ts';
import { loadPdfFonts } from '../src/integrations/pdf-fonts.ts';
import { unpackIndex, type PackedIndex } from '../src/builder/index-pack.ts';
import { templateFixtures } from '../tests/fixtures/templates.ts';
import {
	formatDeckReport,
	formatReport,
	type BenchResults,
	type CorpusDecks,
	type DeckResult,
	type Machine,
	type SizeResult,
} from './report.ts';
import { formatRatio, formatSeconds } from './stats.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const usage = `Usage: npm run bench [-- --quick] [--decks] [--sizes 100,1000,5000] [--runs N] [--keep] [--out FILE] [--verbose]

  --quick        100 insights only, 1 run (a smoke test of the whole bench, about a minute)
  --decks        the deck rows only, no site builds: decks in process, side by side with plain
                 pptxgenjs, the template and the PDF, on worker threads, the one-deck CLI, and
                 npm run decks on each size's whole corpus (default size 100; 5000 for 250 briefings)
  --sizes LIST   library sizes to build (default 100,1000,5000)
  --runs N       builds per size and project (default 3; medians are reported)
  --keep         keep the temporary projects (their paths are printed)
  --out FILE     JSON results (default bench-results/latest.json; the report goes next to it as .txt)
  --verbose      print the builds' output`;

interface Options {
	sizes: number[];
	runs: number;
	quick: boolean;
	decksOnly: boolean;
	keep: boolean;
	verbose: boolean;
	out: string;
}

function parseArgs(argv: string[]): Options | string {
	const options: Options = {
		sizes: [100, 1000, 5000],
		runs: 3,
		quick: false,
		decksOnly: false,
		keep: false,
		verbose: false,
		out: path.join(repo, 'bench-results', 'latest.json'),
	};
	let runsGiven = false;
	let sizesGiven = false;
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i]!.split(/=(.*)/s) as [string, string | undefined];
		const value = () => inline ?? argv[++i] ?? '';
		if (flag === '--help' || flag === '-h') return usage;
		else if (flag === '--quick') options.quick = true;
		else if (flag === '--decks') options.decksOnly = true;
		else if (flag === '--keep') options.keep = true;
		else if (flag === '--verbose') options.verbose = true;
		else if (flag === '--out') options.out = path.resolve(value());
		else if (flag === '--runs') {
			options.runs = Number(value());
			runsGiven = true;
			if (!Number.isInteger(options.runs) || options.runs < 1)
				return `bench: --runs needs a whole number of 1 or more\n\n${usage}`;
		} else if (flag === '--sizes') {
			options.sizes = value().split(',').map(Number);
			sizesGiven = true;
			if (
				!options.sizes.length ||
				options.sizes.some((size) => !Number.isInteger(size) || size < 2)
			)
				return `bench: --sizes needs whole numbers of 2 or more, e.g. 100,1000\n\n${usage}`;
		} else return `bench: unknown option ${flag}\n\n${usage}`;
	}
	if (options.decksOnly && !sizesGiven) options.sizes = [100];
	if (options.quick) {
		options.sizes = [100];
		if (!runsGiven) options.runs = 1;
	}
	options.sizes.sort((a, b) => a - b);
	return options;
}

async function packageVersion(name: string): Promise<string> {
	try {
		return (
			JSON.parse(await readFile(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')) as {
				version: string;
			}
		).version;
	} catch {
		return 'unknown';
	}
}

async function machine(): Promise<Machine> {
	let osName = `${os.type()} ${os.release()}`;
	try {
		const release = await readFile('/etc/os-release', 'utf8');
		osName = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1] ?? osName;
	} catch {
		// Not Linux: the kernel name will do.
	}
	return {
		cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
		cores: os.availableParallelism(),
		memoryBytes: os.totalmem(),
		node: process.versions.node,
		os: osName,
		astro: await packageVersion('astro'),
		pagefind: await packageVersion('pagefind'),
		loadAverage: os.loadavg()[0] ?? 0,
	};
}

const log = (line: string) => console.error(line);

/** Loads the library in a fresh Node process and returns how long it took. */
function probeLoad(root: string): number {
	const output = execFileSync(process.execPath, [path.join(repo, 'bench', 'load-probe.ts'), root], {
		encoding: 'utf8',
	});
	const result = JSON.parse(output.trim().split('\n').pop()!) as { ms: number; errors: number };
	if (result.errors)
		throw new Error(`the generated library at ${root} has ${result.errors} content errors`);
	return result.ms;
}

async function benchSize(
	insights: number,
	options: Options,
	work: string,
): Promise<{ result: SizeResult; site: string }> {
	const briefings = defaultBriefingCount(insights);
	log(`\n== ${insights} insights, ${briefings} briefings`);
	const corpus = generateCorpus({ insights, briefings });
	const site = path.join(work, `site-${insights}`);
	const bare = path.join(work, `bare-${insights}`);
	await copySite(repo, site);
	await writeCorpus(site, corpus);
	await writeBare(repo, bare);
	await writeCorpus(bare, {
		files: corpus.files.filter((file) => file.path.startsWith('content/insights/')),
	});

	const loadLibraryMs = probeLoad(site);
	log(`   library check (fresh process): ${formatSeconds(loadLibraryMs)}`);

	const siteRuns: BuildRun[] = [];
	const bareRuns: BuildRun[] = [];
	const onLine = options.verbose ? (line: string) => log(`   | ${line}`) : undefined;
	for (let run = 0; run < options.runs; run++) {
		// Alternate which build goes first, so drift in machine load falls on both.
		const order = run % 2 ? (['site', 'bare'] as const) : (['bare', 'site'] as const);
		for (const kind of order) {
			const project = kind === 'site' ? site : bare;
			await cleanBuild(project);
			const measured = await runBuild(project, { onLine });
			(kind === 'site' ? siteRuns : bareRuns).push(measured);
			log(`   run ${run + 1}/${options.runs} ${kind.padEnd(4)} ${formatSeconds(measured.ms)}`);
		}
	}

	const dist = path.join(site, 'dist');
	const weights = await siteWeights(dist);
	// What the builder fetches before a rep can use it (the insights' details come as they are added).
	const libraryJson = await readFile(path.join(dist, 'builder', 'index.json'));
	// The builder in Chromium, at the largest size only (what a rep waits for grows with the library).
	let browser: SizeResult['browser'];
	if (insights === Math.max(...options.sizes)) {
		const why = browserUnavailable();
		if (why) browser = { skipped: why };
		else {
			const index = unpackIndex(JSON.parse(libraryJson.toString('utf8')) as PackedIndex);
			const word = index.insights[0]?.data.title.match(/[A-Za-z]{5,}/)?.[0] ?? 'cost';
			browser = await measureBuilder(dist, corpus.briefingIds[0]!, word, options.quick ? 1 : 3);
			log(
				`   builder in Chromium: usable ${formatSeconds(browser.usableMs)}, longest keystroke task ${browser.keystrokeLongestMs} ms, first deck ${browser.firstDownloadMs} ms`,
			);
		}
	}
	const cliOut = path.join(work, `decks-${insights}`);
	await warmDecksCli(site);
	const cli = await batchDecksCli(site, cliOut);
	log(
		`   npm run decks: ${cli.decks} decks in ${formatSeconds(cli.ms)} (first run, no content cache: ${formatSeconds(cli.coldMs ?? Number.NaN)})`,
	);
	const result: SizeResult = {
		insights,
		briefings: corpus.briefingIds.length,
		bodyWords: corpus.bodyWords,
		runs: options.runs,
		site: siteRuns,
		bare: bareRuns,
		loadLibraryMs,
		searchIndex: await folderSize(path.join(dist, 'pagefind')),
		dist: await folderSize(dist),
		builderData: { bytes: libraryJson.length, gzip: gzipSize(libraryJson) },
		weights,
		pptx: await pptxCheck(dist, weights),
		cli,
		...(browser ? { browser } : {}),
	};
	await rm(cliOut, { recursive: true, force: true });
	if (!options.keep) await rm(bare, { recursive: true, force: true });
	return { result, site };
}

/**
 * The company template the template row uses: LibreOffice's Midnightblue (16:9, drawn shapes, two
 * masters) as a .potx, converted once per machine by the test fixtures.
 */
async function companyTemplate(): Promise<
	{ name: string; bytes: Uint8Array } | { skipped: string }
> {
	const fixtures = await templateFixtures();
	const fixture = fixtures?.find((item) => item.name === 'Midnightblue');
	if (!fixture) return { skipped: 'LibreOffice or its Impress templates are not installed' };
	return { name: 'LibreOffice Midnightblue as .potx', bytes: await readFile(fixture.potx) };
}

async function benchDecks(root: string, work: string): Promise<DeckResult> {
	log(`\n== decks (${targetSlides} slides)`);
	const loadAverage = os.loadavg()[0] ?? 0;
	const inputs = await decksOfSlides(root);
	const inProcess = await decksInProcess(inputs, 60);
	log(`   in process: ${inProcess.medianMs.toFixed(1)} ms per deck`);
	const peers = await deckPeers(inputs, await loadPdfFonts(repo), 30, await companyTemplate());
	log(
		`   side by side: deck ${peers.deckMs.toFixed(1)} ms, plain pptxgenjs ${peers.pptxgenjsMs.toFixed(1)} ms, PDF ${peers.pdfMs.toFixed(1)} ms`,
	);
	const jobs = os.availableParallelism();
	const parallel = await parallelSpeedup(inputs, 60, jobs);
	log(
		`   ${jobs} workers: ${parallel.perSecond.toFixed(1)} decks/s; ${parallel.speedups.map(formatRatio).join(', ')} one thread's`,
	);
	const pandoc = await decksPandoc(inputs, path.join(work, 'pandoc'), 10);
	log(`   pandoc: ${pandoc ? `${pandoc.medianMs.toFixed(0)} ms per deck` : 'not installed'}`);
	const one = await oneDeckCli(root, await briefingNear(root), work);
	log(
		`   npm run decks -- ${one.id}: ${formatSeconds(one.medianMs)} (${formatSeconds(one.coldMs)} with no content cache)`,
	);
	return {
		slides: targetSlides,
		loadAverage,
		inProcess,
		peers,
		parallel,
		one,
		...(pandoc ? { pandoc } : {}),
	};
}

/** Writes the JSON results and the report next to it, and prints the report. */
async function writeResults(out: string, results: unknown, report: string): Promise<void> {
	console.log(`\n${report}`);
	await mkdir(path.dirname(out), { recursive: true });
	await writeFile(out, `${JSON.stringify(results, null, '\t')}\n`);
	await writeFile(out.replace(/\.json$/, '') + '.txt', `${report}\n`);
	log(`\nResults: ${path.relative(process.cwd(), out)} (and .txt)`);
}

/** `--decks`: the deck rows on each size's corpus, without building any site. */
async function decksOnly(
	options: Options,
	info: Machine,
	work: string,
	started: number,
): Promise<number> {
	const corpora: CorpusDecks[] = [];
	let decks: DeckResult | undefined;
	for (const insights of options.sizes) {
		const briefings = defaultBriefingCount(insights);
		log(`\n== ${insights} insights, ${briefings} briefings (decks only)`);
		const site = path.join(work, `site-${insights}`);
		await copySite(repo, site);
		await writeCorpus(site, generateCorpus({ insights, briefings }));
		decks ??= await benchDecks(site, work);
		const cliOut = path.join(work, `decks-${insights}`);
		await warmDecksCli(site);
		const cli = await batchDecksCli(site, cliOut);
		log(
			`   npm run decks: ${cli.decks} decks in ${formatSeconds(cli.ms)} (first run, no content cache: ${formatSeconds(cli.coldMs ?? Number.NaN)})`,
		);
		corpora.push({ insights, cli });
		await rm(cliOut, { recursive: true, force: true });
		if (!options.keep) await rm(site, { recursive: true, force: true });
	}
	const date = new Date().toISOString();
	const totalMs = performance.now() - started;
	const results = { date, decksOnly: true, machine: info, decks: decks!, corpora, totalMs };
	await writeResults(options.out, results, formatDeckReport(date, info, decks!, corpora, totalMs));
	return 0;
}

async function main(): Promise<number> {
	const options = parseArgs(process.argv.slice(2));
	if (typeof options === 'string') {
		const help = options === usage;
		(help ? console.log : console.error)(options);
		return help ? 0 : 2;
	}
	const started = performance.now();
	const info = await machine();
	const work = await mkdtemp(path.join(os.tmpdir(), 'insight-bench-'));
	log(
		`Bench: sizes ${options.sizes.join(', ')}, ${options.runs} run(s) each; temporary projects in ${work}`,
	);
	try {
		if (options.decksOnly) return await decksOnly(options, info, work, started);
		const sizes: SizeResult[] = [];
		let decks: DeckResult | undefined;
		for (const insights of options.sizes) {
			const { result, site } = await benchSize(insights, options, work);
			sizes.push(result);
			// Deck throughput does not depend on the library's size: measure it on the first corpus.
			decks ??= await benchDecks(site, work);
			if (!options.keep) await rm(site, { recursive: true, force: true });
		}
		const results: BenchResults = {
			date: new Date().toISOString(),
			quick: options.quick,
			machine: info,
			sizes,
			decks: decks!,
			totalMs: performance.now() - started,
		};
		await writeResults(options.out, results, formatReport(results));
		return 0;
	} finally {
		if (options.keep) log(`Kept: ${work}`);
		else await rm(work, { recursive: true, force: true });
	}
}

try {
	process.exitCode = await main();
} catch (error) {
	console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
	process.exitCode = 1;
}
