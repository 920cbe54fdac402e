/**
 * The benchmark's pure helpers: statistics, growth, formatting, build-log parsing, page-weight
 * parsing, budget checks and the report. No builds here: `npm run bench` measures, tests do not.
 */
import { describe, expect, it } from 'vitest';
import { moduleImports, pageRefs, resolveUrl } from '../scripts/bench/assets.ts';
import { parseBuildLog, routeGroup, type BuildRun } from '../scripts/bench/build.ts';
import { briefingMarkdown } from '../scripts/bench/deck-bench.ts';
import {
	checkBudgets,
	formatReport,
	medianPhases,
	medianRoutes,
	type BenchResults,
} from '../scripts/bench/report.ts';
import {
	formatBytes,
	formatCount,
	formatMs,
	formatRatio,
	formatSeconds,
	linearFit,
	marginalCost,
	median,
	percentile,
	ratio,
	table,
} from '../scripts/bench/stats.ts';

describe('statistics', () => {
	it('median: middle value, mean of the middle two, NaN when empty, input untouched', () => {
		const values = [5, 1, 3];
		expect(median(values)).toBe(3);
		expect(values).toEqual([5, 1, 3]);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([7])).toBe(7);
		expect(median([])).toBeNaN();
	});

	it('percentile by nearest rank', () => {
		const values = Array.from({ length: 10 }, (_, i) => i + 1);
		expect(percentile(values, 90)).toBe(9);
		expect(percentile(values, 100)).toBe(10);
		expect(percentile(values, 0)).toBe(1);
		expect(percentile([], 50)).toBeNaN();
	});

	it('ratio: NaN without a positive floor', () => {
		expect(ratio(15, 10)).toBe(1.5);
		expect(ratio(1, 0)).toBeNaN();
		expect(ratio(Number.NaN, 2)).toBeNaN();
	});

	it('marginal cost per unit between two sizes', () => {
		expect(marginalCost(100, 5000, 1000, 14_000)).toBe(10);
		expect(marginalCost(100, 5000, 100, 6000)).toBeNaN();
	});

	it('linear fit: fixed cost, cost per unit and r²', () => {
		const fit = linearFit([
			{ size: 100, cost: 3000 + 100 * 7 },
			{ size: 1000, cost: 3000 + 1000 * 7 },
			{ size: 5000, cost: 3000 + 5000 * 7 },
		]);
		expect(fit.fixed).toBeCloseTo(3000);
		expect(fit.perUnit).toBeCloseTo(7);
		expect(fit.r2).toBeCloseTo(1);
		expect(linearFit([{ size: 1, cost: 2 }]).perUnit).toBeNaN();
		const curved = linearFit([1, 2, 3, 4, 5].map((size) => ({ size, cost: size ** 3 })));
		expect(curved.r2).toBeLessThan(0.95);
	});
});

describe('formatting', () => {
	it('formats durations, sizes, ratios and counts', () => {
		expect(formatSeconds(9210)).toBe('9.21 s');
		expect(formatSeconds(42_740)).toBe('42.7 s');
		expect(formatSeconds(Number.NaN)).toBe('n/a');
		expect(formatMs(18.44)).toBe('18.4 ms');
		expect(formatMs(1412.4)).toBe('1,412 ms');
		expect(formatBytes(812)).toBe('812 B');
		expect(formatBytes(9.4 * 1024)).toBe('9.40 KB');
		expect(formatBytes(1.25 * 1024 * 1024)).toBe('1.25 MB');
		expect(formatBytes(300 * 1024)).toBe('300 KB');
		expect(formatRatio(1.4234)).toBe('1.42x');
		expect(formatRatio(Number.NaN)).toBe('n/a');
		expect(formatCount(5000)).toBe('5,000');
	});

	it('lays out a table with a rule under the header and numbers right-aligned', () => {
		expect(
			table([
				['what', 'time'],
				['site', '9.21 s'],
				['bare floor', '12.4 s'],
			]),
		).toBe(
			['what        time', '----------  ------', 'site        9.21 s', 'bare floor  12.4 s'].join(
				'\n',
			),
		);
		expect(table([])).toBe('');
		expect(
			table(
				[
					['a', 'b'],
					['x', '1 B'],
					['y', '10 B'],
				],
				{ alignNumbers: false },
			),
		).toBe(['a  b', '-  ----', 'x  1 B', 'y  10 B'].join('\n'));
	});
});

describe('build log', () => {
	it('groups routes by page type', () => {
		expect(routeGroup('/insights/cash-gap/index.html')).toBe('insights/[id]');
		expect(routeGroup('/insights/index.html')).toBe('insights/');
		expect(routeGroup('/index.html')).toBe('/');
		expect(routeGroup('/404.html')).toBe('404.html');
		expect(routeGroup('/builder/library.json')).toBe('builder/library.json');
	});

	it('turns timed log lines into sequential phases, per-route render time and the decks alongside', () => {
		const lines = [
			{ at: 1500, text: '18:42:03 [content] Syncing content' },
			{ at: 1700, text: '18:42:04 [content] Synced content' },
			{ at: 1710, text: '18:42:04 [build] ✓ Completed in 1.14s.' },
			{ at: 1720, text: '18:42:04 [build] Building static entrypoints...' },
			{
				at: 2500,
				text: '18:42:05 [insight-library]   built  b-1 -> dist/briefings/b-1.pptx (90 KB, 700 ms)',
			},
			{ at: 3000, text: ' generating static routes ' },
			{ at: 3010, text: '18:42:18   ├─ /insights/a/index.html (+14ms) ' },
			// The decks step runs alongside rendering: its summary arrives among the route lines.
			{
				at: 3015,
				text: '18:42:18 [insight-library] 5 decks built in dist/briefings/ (1.3 s, 2 jobs)',
			},
			{ at: 3020, text: '18:42:18   ├─ /insights/b/index.html (+6ms) ' },
			{ at: 3030, text: '18:42:18   └─ /index.html (+1.5s) ' },
			{ at: 3500, text: '18:42:05 ✓ Completed in 500ms.' },
			{ at: 3900, text: '18:42:06 [insight-library] search index: 119 pages indexed' },
			{ at: 3901, text: '18:42:07 [build] 119 page(s) built in 2.40s' },
			{ at: 3902, text: '18:42:07 [build] Complete!' },
		];
		const parsed = parseBuildLog(lines, 4000);
		expect(parsed.pages).toBe(119);
		// Sequential: the phases add up to the whole build, and the decks are not one of them.
		expect(parsed.phases.map((phase) => [phase.name, Math.round(phase.ms)])).toEqual([
			['startup, config and integrations', 1500],
			['content sync', 200],
			['build info', 20],
			['bundle (Vite)', 1280],
			['render pages', 500],
			['search index (Pagefind)', 400],
			['finish', 2],
			['exit', 98],
		]);
		expect(parsed.phases.reduce((sum, phase) => sum + phase.ms, 0)).toBe(4000);
		expect(parsed.decks).toEqual({ decks: 5, jobs: 2, ms: 1300, at: 3015, afterRenderMs: -485 });
		expect(parsed.routes).toEqual({
			'insights/[id]': { pages: 2, ms: 20 },
			'/': { pages: 1, ms: 1500 },
		});
		expect(parseBuildLog(lines, 4000, () => 'all').routes).toEqual({ all: { pages: 3, ms: 1520 } });
	});

	it('notes decks that end after rendering (the search index phase waits for them), and builds without decks', () => {
		const lines = [
			{ at: 100, text: ' generating static routes ' },
			{ at: 900, text: '✓ Completed in 800ms.' },
			{ at: 1400, text: '[insight-library] 1 deck built in dist/briefings/ (1.2 s, 1 job)' },
			{ at: 2000, text: '[insight-library] search index: 3 pages indexed' },
		];
		const parsed = parseBuildLog(lines, 2100);
		expect(parsed.decks).toEqual({ decks: 1, jobs: 1, ms: 1200, at: 1400, afterRenderMs: 500 });
		expect(parsed.phases.map((phase) => phase.name)).toEqual([
			'bundle (Vite)',
			'render pages',
			'search index (Pagefind)',
			'exit',
		]);
		expect(parseBuildLog(lines.slice(0, 2), 1000).decks).toBeUndefined();
	});
});

describe('page weight parsing', () => {
	it('finds stylesheets, scripts, preloads and inline code, and strips inline code from the HTML', () => {
		const html = `<!doctype html><html><head>
<link rel="stylesheet" href="/_astro/Base.css"><link rel=modulepreload href="/_astro/a.js">
<style>body{color:red}</style><script type="module" src="/_astro/page.js"></script>
<script type="application/ld+json">{"a":1}</script>
</head><body><script>console.log("inline")</script></body></html>`;
		const refs = pageRefs(html);
		expect(refs.stylesheets).toEqual(['/_astro/Base.css']);
		expect(refs.scripts).toEqual(['/_astro/a.js', '/_astro/page.js']);
		expect(refs.inlineStyles).toEqual(['body{color:red}']);
		expect(refs.inlineScripts).toEqual(['console.log("inline")']);
		expect(refs.html).not.toContain('console.log');
		expect(refs.html).not.toContain('color:red');
		expect(refs.html).toContain('{"a":1}');
	});

	it('tells static imports from dynamic ones in minified modules', () => {
		const code = `import{a as b}from"./chunk.js";import"./side.js";export{c}from'./re.js';const d=()=>import(\`./deck.X.js\`),e=import("./other.js");`;
		expect(moduleImports(code)).toEqual({
			static: ['./chunk.js', './side.js', './re.js'],
			dynamic: ['./deck.X.js', './other.js'],
		});
	});

	it('resolves root-relative and relative URLs into dist, and ignores external ones', () => {
		expect(resolveUrl('/d', '/d/insights/x/index.html', '/_astro/a.js?v=1')).toBe('/d/_astro/a.js');
		expect(resolveUrl('/d', '/d/_astro/a.js', './b.js')).toBe('/d/_astro/b.js');
		expect(resolveUrl('/d', '/d/index.html', 'https://cdn.example.com/x.js')).toBeUndefined();
	});
});

const run = (
	ms: number,
	phases: Array<[string, number]>,
	routes: BuildRun['routes'] = {},
	decks?: BuildRun['decks'],
): BuildRun => ({
	ms,
	peakTreeRss: 500 * 1024 * 1024,
	cpuMs: ms * 1.5,
	loadAverage: 0.5,
	phases: phases.map(([name, phaseMs]) => ({ name, ms: phaseMs })),
	routes,
	pages: 10,
	...(decks ? { decks } : {}),
});

function fakeResults(siteMs: number[], bareMs: number[]): BenchResults {
	const weight = (type: string, js: number, scripts: string[] = [], lazy: string[] = []) => ({
		type,
		page: `${type}/index.html`,
		count: 1,
		html: 3000,
		maxHtml: 3000,
		css: 4000,
		js,
		scripts,
		lazy,
		lazyJs: lazy.length ? 120_000 : 0,
	});
	return {
		date: '2026-01-01T00:00:00.000Z',
		quick: false,
		machine: {
			cpu: 'Test CPU',
			cores: 2,
			memoryBytes: 8 * 1024 ** 3,
			node: '24.0.0',
			os: 'Test OS',
			astro: '7.0.0',
			pagefind: '1.0.0',
			loadAverage: 0.5,
		},
		sizes: [100, 1000].map((insights, index) => ({
			insights,
			briefings: insights / 20,
			bodyWords: insights * 200,
			runs: 3,
			site: [
				run(
					siteMs[index]!,
					[
						['render pages', 900],
						['search index (Pagefind)', 1000],
					],
					{ 'insights/[id]': { pages: insights, ms: 800 } },
					{ decks: insights / 20, jobs: 2, ms: insights * 3, at: 2000, afterRenderMs: -700 },
				),
			],
			bare: [
				run(bareMs[index]!, [['render pages', 500]], { '[id]': { pages: insights, ms: 400 } }),
			],
			loadLibraryMs: insights,
			searchIndex: { bytes: 1000, files: 3 },
			dist: { bytes: 10_000, files: 30 },
			builderData: { bytes: 5000, gzip: 1000 },
			weights: [
				weight('insight', 0),
				weight('builder', 60_000, ['_astro/builder.js'], ['_astro/deck.js']),
			],
			pptx: { chunks: ['_astro/deck.js'], gzip: 120_000, onDemand: true, eagerOn: [] },
			cli: { decks: 5, ms: 1000, medianBytes: 80_000, totalBytes: 400_000 },
		})),
		decks: {
			slides: 12,
			loadAverage: 0.5,
			inProcess: {
				decks: 60,
				medianMs: 25,
				p90Ms: 30,
				perSecond: 38,
				cpuMs: 24,
				medianBytes: 85_000,
			},
			stages: {
				planMs: 6,
				entries: 60,
				uncompressedBytes: 250_000,
				fflateZipMs: 12,
				nativeDeflateMs: 4,
			},
			parallel: { jobs: 2, decks: 120, ms: 1700, perSecond: 70, medianMs: 27, startupMs: 500 },
		},
		totalMs: 60_000,
	};
}

describe('report', () => {
	it('takes medians of phases and routes over runs', () => {
		const runs = [
			run(10, [
				['a', 1],
				['b', 5],
			]),
			run(11, [
				['a', 3],
				['b', 6],
			]),
			run(12, [
				['a', 2],
				['b', 100],
			]),
		];
		expect(medianPhases(runs)).toEqual([
			{ name: 'a', ms: 2 },
			{ name: 'b', ms: 6 },
		]);
		const routed = [
			run(1, [], { x: { pages: 2, ms: 10 }, y: { pages: 1, ms: 50 } }),
			run(1, [], { x: { pages: 2, ms: 30 }, y: { pages: 1, ms: 40 } }),
		];
		expect(medianRoutes(routed)).toEqual([
			{ group: 'y', pages: 1, ms: 45 },
			{ group: 'x', pages: 2, ms: 20 },
		]);
	});

	it('checks each budget: met, missed, or not measured', () => {
		const met = checkBudgets(fakeResults([4000, 14_000], [3000, 10_000]));
		expect(met.map((check) => check.met)).toEqual([true, true, true, true, true, undefined]);
		const missed = checkBudgets(fakeResults([4000, 16_000], [3000, 10_000]));
		expect(missed.find((check) => check.budget.startsWith('site build'))).toMatchObject({
			measured: '1.60x',
			met: false,
		});
	});

	it('prints the machine, the build table, growth, decks, sizes, page weights and budgets', () => {
		const report = formatReport(fakeResults([4000, 14_000], [3000, 10_000]));
		expect(report).toContain('Machine: Test CPU, 2 cores, 8.00 GB RAM, Test OS; Node 24.0.0');
		expect(report).toMatch(
			/1,000\s+50\s+3\s+14\.0 s\s+10\.0 s\s+1\.40x\s+21\.0 s\s+15\.0 s\s+1\.40x/,
		);
		expect(report).toContain('Load average (1 min) when each build started: 0.50 to 0.50');
		expect(report).toContain(
			"Decks, alongside bundle and render: 3.0 s (50 decks, 2 jobs, from the step's log line; done 0.70 s before rendering ended)",
		);
		expect(report).toContain(
			'Site pages alone (ours without the search index step, which also moves the decks into dist/briefings/; still with the decks competing for the cores while Astro bundles and renders): 13.0 s, 1.30x bare; the search index step takes 1.00 s.',
		);
		expect(report).not.toMatch(/^decks\s/m);
		expect(report).toMatch(/ {2}decks, alongside bundle and render\s+3\.0 ms/);
		expect(report).toContain('the build steps reuse that library (no second load)');
		expect(report).toContain('How cost grows with N');
		expect(report).toContain(
			'fflate zipSync level 6 12.0 ms, node:zlib deflateRawSync level 6 4.0 ms',
		);
		expect(report).toMatch(/ours, whole build\s+11\.1 ms/);
		expect(report).toMatch(
			/Least-squares line through all sizes: ours 2\.89 s \+ 11\.1 ms x N \(r² 1\.000\)/,
		);
		expect(report).toContain('pandoc                -      not installed');
		expect(report).toMatch(/site build, 1,000 insights <= 1\.5x bare Astro\s+1\.40x\s+met/);
		expect(report).toMatch(/builder loads pptxgenjs only when a deck is asked for\s+on demand/);
	});
});

describe('pandoc peer', () => {
	it('writes a briefing as slides: title metadata, agenda, one slide per insight, closing', () => {
		const insight = {
			id: 'a',
			talkTrack: 'Say this.',
			data: {
				title: 'Peers at {company} lose cash',
				summary: 's',
				industries: ['x'],
				personas: ['y'],
				stage: 'approaches',
				topics: [],
				stat: { value: '17%', label: 'of cash', source: 0 },
				points: ['One point'],
				implication: 'For {audience}: act',
				questions: ['Why?'],
				sources: [
					{
						title: 'Study',
						publisher: 'Org',
						published: new Date('2025-01-01T00:00:00Z'),
						illustrative: false,
					},
				],
				author: 'A',
				reviewed: new Date('2026-01-01T00:00:00Z'),
				status: 'published',
				related: [],
			},
		};
		const markdown = briefingMarkdown({
			briefing: {
				title: 'Cash for {company}',
				prospect: { company: 'Contoso', industry: 'x', audience: [{ role: 'CFO' }] },
				presenter: { name: 'Sam', title: 'AE' },
				date: new Date('2026-03-01T00:00:00Z'),
				insights: ['a'],
				nextStep: { ask: 'Meet again' },
			},
			insights: [insight],
			industryName: 'Retail',
			brand: {} as never,
			modified: new Date(0),
		} as never);
		expect(markdown).toContain('title: "Cash for Contoso"');
		expect(markdown).toContain('# Peers at Contoso lose cash');
		expect(markdown).toContain('**17%** of cash');
		expect(markdown).toContain('*For CFO: act*');
		expect(markdown.match(/^# /gm)).toHaveLength(6);
	});
});
