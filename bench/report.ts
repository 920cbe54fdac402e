/** The benchmark's results (written as JSON) and the readable report made from them. Pure. */
import type { BuildRun } from './build.ts';
import type { BrowserResult } from './browser.ts';
import type { HostileResult } from './hostile-arrivals.ts';
import type { DeckPeers } from './peers.ts';
import type { PptxCheck, TypeWeight } from './assets.ts';
import type {
	CliDecks,
	InProcessDecks,
	OneDeckCli,
	PandocDecks,
	ParallelSpeedup,
} from './decks.ts';
import {
	formatBytes,
	formatCount,
	formatMs,
	formatRatio,
	formatSeconds,
	linearFit,
	median,
	ratio,
	table,
} from './stats.ts';

/** The machine the figures come from. */
export interface Machine {
	cpu: string;
	cores: number;
	memoryBytes: number;
	node: string;
	os: string;
	astro: string;
	pagefind: string;
	/** 1-minute load average when the bench started (other work on the machine skews figures). */
	loadAverage: number;
}

/** Everything measured for one corpus size. */
export interface SizeResult {
	insights: number;
	briefings: number;
	/** Words in all MDX bodies. */
	bodyWords: number;
	runs: number;
	site: BuildRun[];
	bare: BuildRun[];
	/** Fresh-process load and check of the library (what the build does first, at config time). */
	loadLibraryMs: number;
	/** Pagefind's output: dist/pagefind. */
	searchIndex: { bytes: number; files: number };
	/** All of dist/. */
	dist: { bytes: number; files: number };
	/** builder/index.json, which the builder page fetches at load (details come as insights are added). */
	builderData: { bytes: number; gzip: number };
	weights: TypeWeight[];
	pptx: PptxCheck;
	cli: CliDecks;
	/** The builder in Chromium (largest size only), or why it was not measured. */
	browser?: BrowserResult | { skipped: string };
}

/** Deck throughput, measured once (it does not depend on the library's size). */
export interface DeckResult {
	slides: number;
	/** 1-minute load average when the deck measurements started. */
	loadAverage: number;
	inProcess: InProcessDecks;
	/** The deck, plain pptxgenjs, the PDF and the template deck, timed in turns in one loop. */
	peers: DeckPeers;
	parallel: ParallelSpeedup;
	/** `npm run decks -- <id>`, whole process, against pandoc on the same briefing. */
	one: OneDeckCli;
	pandoc?: PandocDecks;
}

/** The whole run. */
export interface BenchResults {
	date: string;
	quick: boolean;
	machine: Machine;
	sizes: SizeResult[];
	decks: DeckResult;
	/** Wall time of the whole bench. */
	totalMs: number;
}

/** Decks per second on every core over one thread that counts as "uses every core". */
export const minParallelSpeedup = 1.3;

/** The budgets of the project's speed goals (docs/benchmarks.md lists them) that the bench measures. */
export const budgets = {
	deckMs: 20,
	pptxgenjsRatio: 1.0,
	templateRatio: 1.3,
	pdfMs: 40,
	oneDeckCliMs: 350,
	oneDeckPandocRatio: 3,
	corpusDeckMs: 25,
	corpusBriefings: 250,
	buildRatio: 1.4,
	buildRatioAt: [1000, 5000],
	insightJsBytes: 10 * 1024,
	builderUsableBytes: 300 * 1024,
	builderUsableAt: 5000,
	builderUsableMs: 1000,
	longTaskMs: 50,
	phoneLongTaskMs: 200,
	previewInsights: 12,
	firstDownloadMs: 300,
	downloadInsights: 10,
	hostileAddedMs: 200,
	hostileKeystrokeMs: 200,
} as const;

/** Median of a field over runs. */
export const medianOf = (runs: readonly BuildRun[], pick: (run: BuildRun) => number) =>
	median(runs.map(pick));

/** One budget and whether it is met. */
export interface BudgetCheck {
	budget: string;
	measured: string;
	met: boolean | undefined;
}

/** A budget the bench does not measure: it needs a browser or a feature measured elsewhere. */
const notMeasured = (budget: string, why: string): BudgetCheck => ({
	budget,
	measured: `not measured here (${why})`,
	met: undefined,
});

/** The gzipped bytes the builder page needs before a rep can use it: page, CSS, eager JS, index.json. */
export function builderUsableBytes(size: SizeResult): number | undefined {
	const builder = size.weights.find((weight) => weight.type === 'builder');
	return builder ? builder.html + builder.css + builder.js + size.builderData.gzip : undefined;
}

/** `npm run decks` on a whole corpus of `insights` insights. */
export interface CorpusDecks {
	insights: number;
	cli: CliDecks;
}

/** The deck budgets: in process, against peers, the one-deck CLI, every core, the 250-deck batch. */
export function checkDeckBudgets(
	deck: DeckResult,
	corpora: readonly CorpusDecks[],
	cores: number,
): BudgetCheck[] {
	const checks: BudgetCheck[] = [];
	checks.push({
		budget: `one ${deck.slides}-slide deck in process <= ${budgets.deckMs} ms`,
		measured: `${formatMs(deck.inProcess.medianMs)} median`,
		met: deck.inProcess.medianMs <= budgets.deckMs,
	});
	const { peers } = deck;
	const peerRatio = ratio(peers.deckMs, peers.pptxgenjsMs);
	checks.push({
		budget: `the same deck <= ${formatRatio(budgets.pptxgenjsRatio)} plain pptxgenjs writing the same slides`,
		measured: `${formatRatio(peerRatio)} (${formatMs(peers.deckMs)} against ${formatMs(peers.pptxgenjsMs)}, in turns)`,
		met: peerRatio <= budgets.pptxgenjsRatio,
	});
	const templateBudget = `the same deck on a company template <= ${formatRatio(budgets.templateRatio)} without one`;
	if (peers.templateMs === undefined) checks.push(notMeasured(templateBudget, peers.template));
	else {
		const r = ratio(peers.templateMs, peers.deckMs);
		checks.push({
			budget: templateBudget,
			measured: `${formatRatio(r)} (${formatMs(peers.templateMs)} against ${formatMs(peers.deckMs)}, ${peers.template})`,
			met: r <= budgets.templateRatio,
		});
	}
	checks.push({
		budget: `its PDF leave-behind, in process <= ${budgets.pdfMs} ms`,
		measured: `${formatMs(peers.pdfMs)} median (plan and write)`,
		met: peers.pdfMs <= budgets.pdfMs,
	});
	const one = deck.one;
	checks.push({
		budget: `npm run decks -- <one id>, whole process <= ${formatSeconds(budgets.oneDeckCliMs)}`,
		measured: `${formatSeconds(one.medianMs)} (${one.id}; ${formatSeconds(one.coldMs)} with no content cache)`,
		met: one.medianMs <= budgets.oneDeckCliMs,
	});
	const pandocRatio = one.pandocMs === undefined ? Number.NaN : ratio(one.medianMs, one.pandocMs);
	checks.push({
		budget: `the same <= ${budgets.oneDeckPandocRatio}x pandoc on the same briefing`,
		measured:
			one.pandocMs === undefined
				? 'pandoc not installed'
				: `${formatRatio(pandocRatio)} (pandoc ${formatSeconds(one.pandocMs)})`,
		met: one.pandocMs === undefined ? undefined : pandocRatio <= budgets.oneDeckPandocRatio,
	});
	const { speedup, speedups } = deck.parallel;
	checks.push({
		budget: 'a batch of decks uses every core',
		measured: `${deck.parallel.jobs} worker threads: ${formatRatio(speedup)} the decks/s of one thread (median of ${speedups.map(formatRatio).join(', ')})`,
		// More than one core's worth of decks per second: one thread already keeps part of a second
		// core busy with V8's helper threads, so a speed-up equal to the core count is out of reach.
		met: deck.parallel.jobs >= cores && speedup >= minParallelSpeedup,
	});
	const batch = corpora.find((corpus) => corpus.cli.decks >= budgets.corpusBriefings);
	checks.push(
		batch
			? {
					budget: `npm run decks, ${budgets.corpusBriefings} briefings <= ${budgets.corpusDeckMs} ms per deck`,
					measured: `${formatMs(batch.cli.ms / batch.cli.decks)} (${formatCount(batch.cli.decks)} decks in ${formatSeconds(batch.cli.ms)}${batch.cli.coldMs === undefined ? '' : `; first run, no content cache: ${formatMs(batch.cli.coldMs / batch.cli.decks)}, ${formatSeconds(batch.cli.coldMs)}`})`,
					met: batch.cli.ms / batch.cli.decks <= budgets.corpusDeckMs,
				}
			: notMeasured(
					`npm run decks, ${budgets.corpusBriefings} briefings <= ${budgets.corpusDeckMs} ms per deck`,
					'no corpus that large in this run',
				),
	);
	return checks;
}

/** The budgets checked against the results (`met` undefined when not measured). */
export function checkBudgets(results: BenchResults): BudgetCheck[] {
	const checks = checkDeckBudgets(results.decks, results.sizes, results.machine.cores);
	for (const insights of budgets.buildRatioAt) {
		const at = results.sizes.find((size) => size.insights === insights);
		const budget = `site build, ${formatCount(insights)} insights <= ${budgets.buildRatio}x bare Astro + MDX`;
		if (!at) {
			checks.push(notMeasured(budget, 'size not in this run'));
			continue;
		}
		const ours = medianOf(at.site, (run) => run.ms);
		const bare = medianOf(at.bare, (run) => run.ms);
		const r = ratio(ours, bare);
		checks.push({
			budget,
			measured: `${formatRatio(r)} (${formatSeconds(ours)} against ${formatSeconds(bare)})`,
			met: r <= budgets.buildRatio,
		});
	}
	const largest = results.sizes[results.sizes.length - 1];
	const insight = largest?.weights.find((weight) => weight.type === 'insight');
	if (insight) {
		checks.push({
			budget: `JS on an insight page <= ${formatBytes(budgets.insightJsBytes)} gzipped`,
			measured: formatBytes(insight.js),
			met: insight.js <= budgets.insightJsBytes,
		});
	}
	if (largest) {
		checks.push({
			budget: 'the builder loads pptxgenjs only when a deck is asked for',
			measured: largest.pptx.chunks.length
				? largest.pptx.onDemand
					? `on demand (${formatBytes(largest.pptx.gzip)} gzipped, dynamic import)`
					: `loaded at once on: ${largest.pptx.eagerOn.join(', ') || 'unknown'}`
				: 'pptxgenjs not found in the build',
			met: largest.pptx.onDemand,
		});
	}
	const usableAt = results.sizes.find((size) => size.insights === budgets.builderUsableAt);
	const usable = usableAt && builderUsableBytes(usableAt);
	const usableBudget = `builder at ${formatCount(budgets.builderUsableAt)} insights usable after <= ${formatBytes(budgets.builderUsableBytes)} gzipped`;
	checks.push(
		usable === undefined
			? notMeasured(usableBudget, 'size not in this run')
			: {
					budget: usableBudget,
					measured: `${formatBytes(usable)} (page, CSS, JS loaded at once, index.json)`,
					met: usable <= budgets.builderUsableBytes,
				},
	);
	const largestBrowser = [...results.sizes].reverse().find((size) => size.browser);
	const browser = largestBrowser?.browser;
	const usableMsBudget = `builder at ${formatCount(budgets.builderUsableAt)} insights usable within ${formatSeconds(budgets.builderUsableMs)} of load (Chromium)`;
	const previewBudget = `builder preview update, ${budgets.previewInsights} insights: no long task over ${budgets.longTaskMs} ms per keystroke`;
	const phoneBudget = `builder preview update on a phone (4x slower CPU, 390x844), ${budgets.previewInsights} insights: no long task over ${budgets.phoneLongTaskMs} ms`;
	const downloadBudget = `first browser deck download, ${budgets.downloadInsights} insights <= ${budgets.firstDownloadMs} ms from click`;
	const hostileBudget = `builder opened by hostile links and drafts: longest task <= ${budgets.hostileAddedMs} ms over a plain load's, a keystroke after <= ${budgets.hostileKeystrokeMs} ms`;
	if (!browser || 'skipped' in browser) {
		const why = browser ? browser.skipped : 'no browser run';
		for (const budget of [
			usableMsBudget,
			previewBudget,
			phoneBudget,
			downloadBudget,
			hostileBudget,
		])
			checks.push(notMeasured(budget, why));
	} else {
		checks.push(
			largestBrowser.insights === budgets.builderUsableAt
				? {
						budget: usableMsBudget,
						measured: `${formatSeconds(browser.usableMs)} (search answered and Add worked)`,
						met: browser.usableMs <= budgets.builderUsableMs,
					}
				: notMeasured(
						usableMsBudget,
						`largest size in this run is ${formatCount(largestBrowser.insights)}: ${formatSeconds(browser.usableMs)} there`,
					),
		);
		checks.push(
			browser.previewInsights === budgets.previewInsights
				? {
						budget: previewBudget,
						measured: `longest task ${formatMs(browser.keystrokeLongestMs)}, ${browser.keystrokeLongTasks} over ${budgets.longTaskMs} ms in ${browser.keystrokes} keystrokes${browser.hasPreview ? '' : ' (the previews never showed the typed name)'}`,
						met: browser.hasPreview && browser.keystrokeLongTasks === 0,
					}
				: notMeasured(previewBudget, `only ${browser.previewInsights} insights could be chosen`),
		);
		const { phone } = browser;
		checks.push(
			phone.insights === budgets.previewInsights
				? {
						budget: phoneBudget,
						measured: `longest task ${formatMs(phone.longestMs)}, ${phone.longTasks} over 50 ms in ${phone.keystrokes} keystrokes, ${phone.previewStates} preview states`,
						met: phone.previewed && phone.longestMs <= budgets.phoneLongTaskMs,
					}
				: notMeasured(phoneBudget, `only ${phone.insights} insights could be chosen`),
		);
		checks.push(
			browser.downloadInsights === budgets.downloadInsights
				? {
						budget: downloadBudget,
						measured: `${formatMs(browser.firstDownloadMs)} (${browser.enginePrefetched ? 'engine fetched while the insights were chosen; the rest of its load included' : 'engine load included'})`,
						met: browser.firstDownloadMs <= budgets.firstDownloadMs,
					}
				: notMeasured(downloadBudget, `only ${browser.downloadInsights} insights could be chosen`),
		);
		checks.push(hostileCheck(hostileBudget, browser.hostile));
	}
	return checks;
}

/** The hostile openings against the plain load they are judged by. */
function hostileCheck(budget: string, hostile: HostileResult): BudgetCheck {
	const worstOpening = Math.max(...hostile.openings.map((opening) => opening.openingMs));
	const worstKeystroke = Math.max(...hostile.openings.map((opening) => opening.keystrokeMs));
	return {
		budget,
		measured: `plain load ${formatMs(hostile.plainMs)}; ${hostile.openings
			.map(
				(o) =>
					`${o.name}: ${formatMs(o.openingMs)}, keystroke ${o.keystrokeMs ? formatMs(o.keystrokeMs) : 'no long task'}`,
			)
			.join('; ')}`,
		met:
			worstOpening <= hostile.plainMs + budgets.hostileAddedMs &&
			worstKeystroke <= budgets.hostileKeystrokeMs,
	};
}

const mark = (met: boolean | undefined) => (met === undefined ? '-' : met ? 'met' : 'MISSED');

/** The deck tables and lines of the report. */
function deckSection(decks: DeckResult, corpora: readonly CorpusDecks[]): string[] {
	const out: string[] = [];
	out.push(
		`Decks (${decks.slides}-slide decks from the corpus's briefings; load average at start ${decks.loadAverage.toFixed(2)})`,
	);
	out.push(
		table([
			['how', 'decks', 'ms per deck', 'decks/s', 'deck size'],
			[
				'in process, one core',
				String(decks.inProcess.decks),
				`${formatMs(decks.inProcess.medianMs)} (p90 ${formatMs(decks.inProcess.p90Ms)})`,
				decks.inProcess.perSecond.toFixed(1),
				formatBytes(decks.inProcess.medianBytes),
			],
			[
				`worker threads x${decks.parallel.jobs}`,
				String(decks.parallel.decks),
				formatMs(decks.parallel.medianMs),
				decks.parallel.perSecond.toFixed(1),
				'-',
			],
			decks.pandoc
				? [
						decks.pandoc.version,
						String(decks.pandoc.decks),
						formatMs(decks.pandoc.medianMs),
						(1000 / decks.pandoc.medianMs).toFixed(1),
						formatBytes(decks.pandoc.medianBytes),
					]
				: ['pandoc', '-', 'not installed', '-', '-'],
		]),
	);
	out.push(
		`Side by side in one loop (${decks.peers.rounds} rounds, in turns; median deck has ${decks.peers.charts} charts): our deck ${formatMs(decks.peers.deckMs)}, plain pptxgenjs writing the same slides ${formatMs(decks.peers.pptxgenjsMs)}, the PDF leave-behind ${formatMs(decks.peers.pdfMs)}${decks.peers.templateMs === undefined ? '' : `, the deck on a company template ${formatMs(decks.peers.templateMs)}`}.`,
	);
	out.push(
		`In process, CPU time per deck: ${formatMs(decks.inProcess.cpuMs)} over all threads. Worker start-up (load the engine, first deck): ${formatMs(decks.parallel.startupMs)} per worker. The workers' row is the last of ${decks.parallel.speedups.length} rounds, each measured right after one thread's decks (the budgets list each round's speed-up).`,
	);
	out.push(
		`npm run decks -- ${decks.one.id} (whole process, median of ${decks.one.runs}): ${formatSeconds(decks.one.medianMs)}, ${formatSeconds(decks.one.coldMs)} with no content cache (removed before each such run, in turns); pandoc on the same briefing: ${decks.one.pandocMs === undefined ? 'not installed' : formatSeconds(decks.one.pandocMs)}.`,
	);
	out.push(
		table([
			[
				'npm run decks (whole corpus)',
				'decks',
				'wall time',
				'per deck',
				'first run (no cache)',
				'median size',
				'total size',
			],
			...corpora.map((size) => [
				`${formatCount(size.insights)} insights`,
				String(size.cli.decks),
				formatSeconds(size.cli.ms),
				formatMs(size.cli.ms / size.cli.decks),
				size.cli.coldMs === undefined
					? '-'
					: `${formatSeconds(size.cli.coldMs)}, ${formatMs(size.cli.coldMs / size.cli.decks)}`,
				formatBytes(size.cli.medianBytes),
				formatBytes(size.cli.totalBytes),
			]),
		]),
	);
	if (corpora.some((size) => size.cli.coldMs !== undefined))
		out.push(
			'Wall time: the second run on the project, with the content cache its first run left (what a user who edited a file finds); first run: the same with no content cache.',
		);
	return out;
}

/** The report of a decks-only run (`--decks`): the deck figures and the deck budgets. */
export function formatDeckReport(
	date: string,
	machine: Machine,
	decks: DeckResult,
	corpora: readonly CorpusDecks[],
	totalMs: number,
): string {
	const out = [
		`Benchmark ${date} (decks only)`,
		`Machine: ${machine.cpu}, ${machine.cores} cores, ${formatBytes(machine.memoryBytes)} RAM, ${machine.os}; Node ${machine.node}; load average at start ${machine.loadAverage.toFixed(2)}`,
		'',
		...deckSection(decks, corpora),
		'',
		'Deck budgets',
		table(
			[
				['budget', 'measured', 'status'],
				...checkDeckBudgets(decks, corpora, machine.cores).map((check) => [
					check.budget,
					check.measured,
					mark(check.met),
				]),
			],
			{ alignNumbers: false },
		),
		'',
		`Bench wall time: ${formatSeconds(totalMs)}`,
	];
	return out.join('\n');
}

/** The readable report. */
export function formatReport(results: BenchResults): string {
	const { machine } = results;
	const out: string[] = [];
	out.push(`Benchmark ${results.date}${results.quick ? ' (quick)' : ''}`);
	out.push(
		`Machine: ${machine.cpu}, ${machine.cores} cores, ${formatBytes(machine.memoryBytes)} RAM, ${machine.os}; Node ${machine.node}; Astro ${machine.astro}; Pagefind ${machine.pagefind}; load average at start ${machine.loadAverage.toFixed(2)}`,
	);
	out.push('');

	const loads = results.sizes.flatMap((size) =>
		[...size.site, ...size.bare].map((run) => run.loadAverage),
	);
	if (loads.length) {
		out.push(
			`Load average (1 min) when each build started: ${Math.min(...loads).toFixed(2)} to ${Math.max(...loads).toFixed(2)}`,
		);
		out.push('');
	}

	out.push(
		'Site build (cold: no caches), median of runs, against a bare Astro + MDX build of the same MDX files; CPU = user + system time of the whole process tree',
	);
	const buildRows = [
		[
			'insights',
			'briefings',
			'runs',
			'ours',
			'bare Astro+MDX',
			'ratio',
			'ours CPU',
			'bare CPU',
			'ours peak RSS',
			'library check',
		],
	];
	for (const size of results.sizes) {
		const ours = medianOf(size.site, (run) => run.ms);
		const bare = medianOf(size.bare, (run) => run.ms);
		buildRows.push([
			formatCount(size.insights),
			formatCount(size.briefings),
			String(size.runs),
			formatSeconds(ours),
			formatSeconds(bare),
			formatRatio(ratio(ours, bare)),
			formatSeconds(medianOf(size.site, (run) => run.cpuMs ?? Number.NaN)),
			formatSeconds(medianOf(size.bare, (run) => run.cpuMs ?? Number.NaN)),
			formatBytes(medianOf(size.site, (run) => run.peakTreeRss)),
			formatSeconds(size.loadLibraryMs),
		]);
	}
	out.push(table(buildRows));
	out.push(
		'The library check is loadLibrary in a fresh process: what the build does first, part of "ours".',
	);
	if (results.sizes.length > 1) {
		const line = (runs: 'site' | 'bare') => {
			const fit = linearFit(
				results.sizes.map((size) => ({
					size: size.insights,
					cost: medianOf(size[runs], (run) => run.ms),
				})),
			);
			return `${formatSeconds(fit.fixed)} + ${formatMs(fit.perUnit)} x N (r² ${fit.r2.toFixed(3)})`;
		};
		out.push(
			`Growth with N (least-squares line through all sizes): ours ${line('site')}; bare ${line('bare')}.`,
		);
	}
	out.push('');

	out.push(...deckSection(results.decks, results.sizes));

	out.push('Output size');
	out.push(
		table([
			[
				'insights',
				'dist total',
				'files',
				'search index',
				'index files',
				'builder index (index.json gz)',
			],
			...results.sizes.map((size) => [
				formatCount(size.insights),
				formatBytes(size.dist.bytes),
				formatCount(size.dist.files),
				formatBytes(size.searchIndex.bytes),
				formatCount(size.searchIndex.files),
				formatBytes(size.builderData.gzip),
			]),
		]),
	);
	out.push('');

	for (const size of results.sizes) {
		out.push(
			`Page weight, gzipped, ${formatCount(size.insights)} insights (median-size page of each type; JS = loaded at once, lazy = dynamic imports)`,
		);
		out.push(
			table([
				['page type', 'pages', 'HTML', 'largest HTML', 'CSS', 'JS', 'lazy JS'],
				...size.weights.map((weight) => [
					weight.type,
					formatCount(weight.count),
					formatBytes(weight.html),
					formatBytes(weight.maxHtml),
					formatBytes(weight.css),
					formatBytes(weight.js),
					weight.lazyJs ? formatBytes(weight.lazyJs) : '-',
				]),
			]),
		);
		out.push('');
	}

	out.push('Budgets');
	out.push(
		table(
			[
				['budget', 'measured', 'status'],
				...checkBudgets(results).map((check) => [check.budget, check.measured, mark(check.met)]),
			],
			{ alignNumbers: false },
		),
	);
	out.push('');
	out.push(`Bench wall time: ${formatSeconds(results.totalMs)}`);
	return out.join('\n');
}
