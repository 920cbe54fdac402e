/** The benchmark's results (written as JSON) and the readable report made from them. Pure. */
import type { BuildRun, Phase } from './build.ts';
import type { PptxCheck, TypeWeight } from './assets.ts';
import type {
	CliDecks,
	DeckStages,
	InProcessDecks,
	PandocDecks,
	ParallelDecks,
} from './deck-bench.ts';
import {
	formatBytes,
	formatCount,
	formatMs,
	formatRatio,
	formatSeconds,
	linearFit,
	marginalCost,
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
	/** Fresh-process load and check of the library (the config-time check; the build steps reuse its result). */
	loadLibraryMs: number;
	/** Pagefind's output: dist/pagefind. */
	searchIndex: { bytes: number; files: number };
	/** All of dist/. */
	dist: { bytes: number; files: number };
	/** builder/library.json, which the builder page fetches at load. */
	builderData: { bytes: number; gzip: number };
	weights: TypeWeight[];
	pptx: PptxCheck;
	cli: CliDecks;
}

/** Deck throughput, measured once (it does not depend on the library's size). */
export interface DeckResult {
	slides: number;
	/** 1-minute load average when the deck measurements started. */
	loadAverage: number;
	inProcess: InProcessDecks;
	stages: DeckStages;
	parallel: ParallelDecks;
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

/** Decks per second on every core over one thread that counts as "uses both cores". */
export const minParallelSpeedup = 1.3;

/** The budgets of design.md that the bench measures. */
export const budgets = {
	deckMs: 30,
	buildRatio: 1.5,
	buildRatioAt: 1000,
	insightJsBytes: 10 * 1024,
} as const;

/**
 * Phases that are our after-build steps, not Astro's own work: the search index (which also moves
 * the staged decks into dist/briefings/). The decks themselves run alongside Astro's bundling and
 * rendering, so they are not a phase: see {@link medianDecks}.
 */
export const afterBuildPhases = ['search index (Pagefind)'];

/** Median of the decks step over the runs that logged it; undefined when none did. */
export function medianDecks(
	runs: readonly BuildRun[],
): { decks: number; jobs: number; ms: number; at: number; afterRenderMs: number } | undefined {
	const logged = runs.flatMap((run) => (run.decks ? [run.decks] : []));
	if (!logged.length) return undefined;
	return {
		decks: logged[0]!.decks,
		jobs: logged[0]!.jobs,
		ms: median(logged.map((item) => item.ms)),
		at: median(logged.map((item) => item.at)),
		afterRenderMs: median(logged.map((item) => item.afterRenderMs)),
	};
}

/** Seconds with one decimal, as the decks step logs them ("3.5 s"). */
const tenths = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'n/a');

/** Where the decks step ended relative to rendering, e.g. "done 1.2 s before rendering ended". */
function decksVersusRender(afterRenderMs: number): string {
	if (!Number.isFinite(afterRenderMs)) return 'end of rendering not found in the log';
	return afterRenderMs <= 0
		? `done ${formatSeconds(-afterRenderMs)} before rendering ended`
		: `done ${formatSeconds(afterRenderMs)} after rendering ended (the search index phase waited for them)`;
}

/** Median of a field over runs. */
export const medianOf = (runs: readonly BuildRun[], pick: (run: BuildRun) => number) =>
	median(runs.map(pick));

/** Median duration of each phase over runs, in the order of the first run. */
export function medianPhases(runs: readonly BuildRun[]): Phase[] {
	const names = runs[0]?.phases.map((phase) => phase.name) ?? [];
	return names.map((name) => ({
		name,
		ms: median(runs.map((run) => run.phases.find((phase) => phase.name === name)?.ms ?? 0)),
	}));
}

/** Median render time per route group over runs, largest first. */
export function medianRoutes(
	runs: readonly BuildRun[],
): Array<{ group: string; pages: number; ms: number }> {
	const groups = new Set(runs.flatMap((run) => Object.keys(run.routes)));
	return [...groups]
		.map((group) => ({
			group,
			pages: runs[0]?.routes[group]?.pages ?? 0,
			ms: median(runs.map((run) => run.routes[group]?.ms ?? 0)),
		}))
		.sort((a, b) => b.ms - a.ms);
}

/** One budget and whether it is met. */
export interface BudgetCheck {
	budget: string;
	measured: string;
	met: boolean | undefined;
}

/** The budgets checked against the results (`met` undefined when not measured). */
export function checkBudgets(results: BenchResults): BudgetCheck[] {
	const checks: BudgetCheck[] = [];
	const deck = results.decks;
	checks.push({
		budget: `one ${deck.slides}-slide deck in process <= ${budgets.deckMs} ms`,
		measured: `${formatMs(deck.inProcess.medianMs)} median`,
		met: deck.inProcess.medianMs <= budgets.deckMs,
	});
	const speedup = deck.parallel.perSecond / deck.inProcess.perSecond;
	checks.push({
		budget: 'a batch of decks uses both cores',
		measured: `${deck.parallel.jobs} worker threads: ${formatRatio(speedup)} the decks/s of one thread`,
		// More than one core's worth of decks per second: one thread already keeps part of the
		// second core busy with V8's helper threads, so 2x is out of reach on two cores.
		met: deck.parallel.jobs >= Math.min(2, results.machine.cores) && speedup >= minParallelSpeedup,
	});
	const at = results.sizes.find((size) => size.insights === budgets.buildRatioAt);
	if (at) {
		const r = ratio(
			medianOf(at.site, (run) => run.ms),
			medianOf(at.bare, (run) => run.ms),
		);
		checks.push({
			budget: `site build, ${formatCount(budgets.buildRatioAt)} insights <= ${budgets.buildRatio}x bare Astro`,
			measured: formatRatio(r),
			met: r <= budgets.buildRatio,
		});
	} else {
		checks.push({
			budget: `site build, ${formatCount(budgets.buildRatioAt)} insights <= ${budgets.buildRatio}x bare Astro`,
			measured: 'not run (--quick)',
			met: undefined,
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
			budget: 'builder loads pptxgenjs only when a deck is asked for',
			measured: largest.pptx.chunks.length
				? largest.pptx.onDemand
					? `on demand (${formatBytes(largest.pptx.gzip)} gzipped, dynamic import)`
					: `loaded at once on: ${largest.pptx.eagerOn.join(', ') || 'unknown'}`
				: 'pptxgenjs not found in the build',
			met: largest.pptx.onDemand,
		});
	}
	checks.push({
		budget: 'deck in the browser builder < 1 s for 10 insights',
		measured: 'not measured here (needs a browser; see tests/browser)',
		met: undefined,
	});
	return checks;
}

const mark = (met: boolean | undefined) => (met === undefined ? '-' : met ? 'met' : 'MISSED');

/**
 * How cost grows with N: the cost of each added insight between successive sizes, per build phase
 * and in total (flat from one interval to the next is linear growth; rising is worse than linear),
 * and a least-squares line fixed + per-insight cost through all sizes.
 */
export function growthReport(sizes: readonly SizeResult[]): string {
	const out: string[] = [];
	const intervals = sizes.slice(1).map((size, i) => [sizes[i]!, size] as const);
	const label = ([a, b]: readonly [SizeResult, SizeResult]) =>
		`${formatCount(a.insights)} to ${formatCount(b.insights)}`;
	const perInsight = (pick: (size: SizeResult) => number) =>
		intervals.map((pair) =>
			formatMs(marginalCost(pair[0].insights, pick(pair[0]), pair[1].insights, pick(pair[1]))),
		);
	const phase = (runs: 'site' | 'bare', name: string) => (size: SizeResult) =>
		medianPhases(size[runs]).find((item) => item.name === name)?.ms ?? 0;
	out.push(
		'How cost grows with N: build time added per added insight, between successive sizes (flat = linear)',
	);
	const rows = [['', ...intervals.map(label)]];
	rows.push(['ours, whole build', ...perInsight((size) => medianOf(size.site, (run) => run.ms))]);
	for (const item of medianPhases(sizes[0]!.site)) {
		if (item.name === 'build info' || item.name === 'finish' || item.name === 'exit') continue;
		const name =
			item.name === 'search index (Pagefind)'
				? 'search index (Pagefind; moving decks in)'
				: item.name;
		rows.push([`  ${name}`, ...perInsight(phase('site', item.name))]);
	}
	if (sizes.every((size) => medianDecks(size.site)))
		rows.push([
			'  decks, alongside bundle and render',
			...perInsight((size) => medianDecks(size.site)!.ms),
		]);
	rows.push(['bare, whole build', ...perInsight((size) => medianOf(size.bare, (run) => run.ms))]);
	out.push(table(rows));
	const line = (runs: 'site' | 'bare') => {
		const fit = linearFit(
			sizes.map((size) => ({ size: size.insights, cost: medianOf(size[runs], (run) => run.ms) })),
		);
		return `${formatSeconds(fit.fixed)} + ${formatMs(fit.perUnit)} x N (r² ${fit.r2.toFixed(3)})`;
	};
	out.push(`Least-squares line through all sizes: ours ${line('site')}; bare ${line('bare')}.`);
	out.push(
		'The phases are sequential and add up to the whole build; the decks run on worker threads during bundle and render, so their row is not part of that sum (their cost shows in those phases as competition for the cores).',
	);
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
		'Site build (cold: no caches), median of runs; CPU = user + system time of the whole process tree',
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
			'CPU ratio',
			'ours peak RSS',
			'bare peak RSS',
		],
	];
	for (const size of results.sizes) {
		const ours = medianOf(size.site, (run) => run.ms);
		const bare = medianOf(size.bare, (run) => run.ms);
		const oursCpu = medianOf(size.site, (run) => run.cpuMs ?? Number.NaN);
		const bareCpu = medianOf(size.bare, (run) => run.cpuMs ?? Number.NaN);
		buildRows.push([
			formatCount(size.insights),
			formatCount(size.briefings),
			String(size.runs),
			formatSeconds(ours),
			formatSeconds(bare),
			formatRatio(ratio(ours, bare)),
			formatSeconds(oursCpu),
			formatSeconds(bareCpu),
			formatRatio(ratio(oursCpu, bareCpu)),
			formatBytes(medianOf(size.site, (run) => run.peakTreeRss)),
			formatBytes(medianOf(size.bare, (run) => run.peakTreeRss)),
		]);
	}
	out.push(table(buildRows));
	out.push('');

	if (results.sizes.length > 1) {
		out.push(growthReport(results.sizes));
		out.push('');
	}

	for (const size of results.sizes) {
		out.push(
			`Where the time goes, ${formatCount(size.insights)} insights (median ms per phase, from the build log)`,
		);
		const site = medianPhases(size.site);
		const bare = medianPhases(size.bare);
		const rows = [['phase', 'ours', 'bare', 'difference']];
		for (const phase of site) {
			const floor = bare.find((item) => item.name === phase.name)?.ms;
			rows.push([
				phase.name,
				formatSeconds(phase.ms),
				floor === undefined ? '-' : formatSeconds(floor),
				floor === undefined ? formatSeconds(phase.ms) : formatSeconds(phase.ms - floor),
			]);
		}
		const oursTotal = medianOf(size.site, (run) => run.ms);
		const bareTotal = medianOf(size.bare, (run) => run.ms);
		rows.push([
			'total',
			formatSeconds(oursTotal),
			formatSeconds(bareTotal),
			formatSeconds(oursTotal - bareTotal),
		]);
		out.push(table(rows));
		const decks = medianDecks(size.site);
		if (decks) {
			out.push(
				`Decks, alongside bundle and render: ${tenths(decks.ms)} (${formatCount(decks.decks)} decks, ${decks.jobs} job${decks.jobs === 1 ? '' : 's'}, from the step's log line; ${decksVersusRender(decks.afterRenderMs)}). Not a phase: the rows above are sequential and add up to the total.`,
			);
		}
		const afterBuild = site
			.filter((phase) => afterBuildPhases.includes(phase.name))
			.reduce((sum, phase) => sum + phase.ms, 0);
		out.push(
			`Site pages alone (ours without the search index step${decks ? ', which also moves the decks into dist/briefings/; still with the decks competing for the cores while Astro bundles and renders' : ''}): ${formatSeconds(oursTotal - afterBuild)}, ${formatRatio(ratio(oursTotal - afterBuild, bareTotal))} bare; the search index step takes ${formatSeconds(afterBuild)}.`,
		);
		out.push(
			`Config-time library check (loadLibrary in a fresh process): ${formatSeconds(size.loadLibraryMs)}; the build steps reuse that library (no second load).`,
		);
		const routes = medianRoutes(size.site);
		const bareRoutes = medianRoutes(size.bare);
		out.push(
			`Page render time by route (sum of Astro's per-page times): ours ${routes
				.slice(0, 6)
				.map((route) => `${route.group} ${formatSeconds(route.ms)} (${formatCount(route.pages)})`)
				.join(
					', ',
				)}; bare ${bareRoutes.map((route) => `${formatSeconds(route.ms)} (${formatCount(route.pages)} pages)`).join(', ')}`,
		);
		out.push('');
	}

	const { decks } = results;
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
		`In process, CPU time per deck: ${formatMs(decks.inProcess.cpuMs)} over all threads (V8 collects garbage and compiles on helper threads, so one deck already keeps more than one core partly busy). Worker start-up (load the engine, first deck): ${formatMs(decks.parallel.startupMs)} per worker.`,
	);
	out.push(
		`Where a deck's time goes: planning (layout, text measurement) ${formatMs(decks.stages.planMs)}; the rest is rendering with pptxgenjs and packaging. Compressing the package (${decks.stages.entries} files, ${formatBytes(decks.stages.uncompressedBytes)}): fflate zipSync level 6 ${formatMs(decks.stages.fflateZipMs)}, node:zlib deflateRawSync level 6 ${formatMs(decks.stages.nativeDeflateMs)}.`,
	);
	out.push(
		table([
			[
				'npm run decks (fresh process, whole corpus)',
				'decks',
				'wall time',
				'per deck',
				'median size',
				'total size',
			],
			...results.sizes.map((size) => [
				`${formatCount(size.insights)} insights`,
				String(size.cli.decks),
				formatSeconds(size.cli.ms),
				formatMs(size.cli.ms / size.cli.decks),
				formatBytes(size.cli.medianBytes),
				formatBytes(size.cli.totalBytes),
			]),
		]),
	);
	out.push('');

	out.push('Output size');
	out.push(
		table([
			[
				'insights',
				'dist total',
				'files',
				'search index',
				'index files',
				'builder data (library.json gz)',
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

	out.push('Budgets (design.md)');
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
