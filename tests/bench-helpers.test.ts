/**
 * The benchmark's pure helpers: statistics, growth, formatting, page-weight parsing, budget checks
 * and the report. No builds here: `npm run bench` measures, tests do not.
 */
import { describe, expect, it } from 'vitest';
import { moduleImports, pageRefs, resolveUrl } from '../bench/assets.ts';
import type { BuildRun } from '../bench/build.ts';
import { briefingMarkdown } from '../bench/decks.ts';
import {
	builderUsableBytes,
	checkBudgets,
	formatReport,
	type BenchResults,
} from '../bench/report.ts';
import {
	formatBytes,
	formatCount,
	formatMs,
	formatRatio,
	formatSeconds,
	linearFit,
	median,
	percentile,
	ratio,
	table,
} from '../bench/stats.ts';

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

	it('counts a module worker’s script as loaded on demand', () => {
		const code = `const w=()=>new Worker(new URL(\`/_astro/deck-worker-X.js\`,\`\`+import.meta.url),{type:\`module\`});`;
		expect(moduleImports(code)).toEqual({ static: [], dynamic: ['/_astro/deck-worker-X.js'] });
		// A worker built as a chunk of the page's bundle: its script's URL is a string.
		const chunk =
			'var fe=`/_astro/deck-worker.Da9NzEED.js`;function pe(){e=new Worker(fe,{type:`module`})}';
		expect(moduleImports(chunk)).toEqual({
			static: [],
			dynamic: ['/_astro/deck-worker.Da9NzEED.js'],
		});
		expect(moduleImports('let u=`/_astro/deck.Da9NzEED.js`').dynamic).toEqual([]);
	});

	it('resolves root-relative and relative URLs into dist, and ignores external ones', () => {
		expect(resolveUrl('/d', '/d/insights/x/index.html', '/_astro/a.js?v=1')).toBe('/d/_astro/a.js');
		expect(resolveUrl('/d', '/d/_astro/a.js', './b.js')).toBe('/d/_astro/b.js');
		expect(resolveUrl('/d', '/d/index.html', 'https://cdn.example.com/x.js')).toBeUndefined();
	});
});

const run = (ms: number): BuildRun => ({
	ms,
	peakTreeRss: 500 * 1024 * 1024,
	cpuMs: ms * 1.5,
	loadAverage: 0.5,
});

/** Results of a run at 100, 1,000 and 5,000 insights with the given median build times. */
function fakeResults(
	siteMs: number[],
	bareMs: number[],
	{ deckMs = 18, oneMs = 300, pandocMs = 120 as number | null } = {},
): BenchResults {
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
		sizes: [100, 1000, 5000].map((insights, index) => ({
			insights,
			briefings: insights / 20,
			bodyWords: insights * 200,
			runs: 1,
			site: [run(siteMs[index]!)],
			bare: [run(bareMs[index]!)],
			loadLibraryMs: insights,
			searchIndex: { bytes: 1000, files: 3 },
			dist: { bytes: 10_000, files: 30 },
			builderData: { bytes: 5000, gzip: 100_000 },
			weights: [
				weight('insight', 0),
				weight('builder', 60_000, ['_astro/builder.js'], ['_astro/deck.js']),
			],
			pptx: { chunks: ['_astro/deck.js'], gzip: 120_000, onDemand: true, eagerOn: [] },
			cli: {
				decks: insights / 20,
				ms: insights,
				medianBytes: 80_000,
				totalBytes: insights * 4000,
			},
		})),
		decks: {
			slides: 12,
			loadAverage: 0.5,
			inProcess: {
				decks: 60,
				medianMs: deckMs,
				p90Ms: 30,
				perSecond: 38,
				cpuMs: 24,
				medianBytes: 85_000,
			},
			peers: { rounds: 30, charts: 4, template: 'no template', deckMs, pptxgenjsMs: 20, pdfMs: 30 },
			parallel: {
				jobs: 2,
				decks: 120,
				ms: 1700,
				perSecond: 70,
				medianMs: 27,
				startupMs: 500,
				speedups: [1.5, 1.84, 1.7],
				speedup: 1.7,
			},
			one: {
				id: 'briefing-1',
				runs: 5,
				medianMs: oneMs,
				coldMs: oneMs + 100,
				...(pandocMs === null ? {} : { pandocMs }),
			},
		},
		totalMs: 60_000,
	};
}

describe('report', () => {
	const sites = [4000, 14_000, 60_000];
	const bares = [3000, 10_000, 45_000];

	it('checks each measured budget: met or missed; the rest say why they are not measured', () => {
		const met = checkBudgets(fakeResults(sites, bares));
		const measured = met.filter((check) => check.met !== undefined);
		expect(measured.map((check) => [check.budget, check.met])).toEqual([
			['one 12-slide deck in process <= 20 ms', true],
			['the same deck <= 1.00x plain pptxgenjs writing the same slides', true],
			['its PDF leave-behind, in process <= 40 ms', true],
			['npm run decks -- <one id>, whole process <= 0.35 s', true],
			['the same <= 3x pandoc on the same briefing', true],
			['a batch of decks uses every core', true],
			['npm run decks, 250 briefings <= 25 ms per deck', true],
			['site build, 1,000 insights <= 1.4x bare Astro + MDX', true],
			['site build, 5,000 insights <= 1.4x bare Astro + MDX', true],
			['JS on an insight page <= 10.0 KB gzipped', true],
			['the builder loads pptxgenjs only when a deck is asked for', true],
			['builder at 5,000 insights usable after <= 300 KB gzipped', true],
		]);
		for (const check of met.filter((item) => item.met === undefined))
			expect(check.measured).toMatch(/^not measured here \(.+\)$/);

		const missed = checkBudgets(
			fakeResults([4000, 16_000, 60_000], bares, { deckMs: 21, oneMs: 400, pandocMs: 100 }),
		);
		const status = (start: string) => missed.find((check) => check.budget.startsWith(start));
		expect(status('site build, 1,000')).toMatchObject({
			measured: '1.60x (16.0 s against 10.0 s)',
			met: false,
		});
		expect(status('one 12-slide deck')?.met).toBe(false);
		expect(status('the same deck <= 1.00x plain pptxgenjs')).toMatchObject({
			measured: '1.05x (21.0 ms against 20.0 ms, in turns)',
			met: false,
		});
		expect(status('npm run decks -- <one id>')?.met).toBe(false);
		expect(status('the same <= 3x pandoc')).toMatchObject({
			measured: '4.00x (pandoc 0.10 s)',
			met: false,
		});
		// The speed-up is the median of the rounds, each beside one thread's decks: one good round
		// does not meet the budget.
		const slow = fakeResults(sites, bares);
		slow.decks.parallel = { ...slow.decks.parallel, speedups: [1.4, 1.25, 1.2], speedup: 1.25 };
		expect(
			checkBudgets(slow).find((check) => check.budget === 'a batch of decks uses every core'),
		).toMatchObject({
			measured: '2 worker threads: 1.25x the decks/s of one thread (median of 1.40x, 1.25x, 1.20x)',
			met: false,
		});
		const noPandoc = checkBudgets(fakeResults(sites, bares, { pandocMs: null }));
		expect(noPandoc.find((check) => check.budget.startsWith('the same <= 3x'))).toMatchObject({
			measured: 'pandoc not installed',
			met: undefined,
		});
	});

	it('checks the builder in Chromium at the largest size, and says why when it was not run', () => {
		const results = fakeResults(sites, bares);
		results.sizes[2]!.browser = {
			usableMs: 800,
			usableBytes: 200_000,
			keystrokeLongestMs: 120,
			keystrokeLongTasks: 2,
			keystrokes: 23,
			previewInsights: 12,
			hasPreview: false,
			phone: {
				longestMs: 180,
				longTasks: 5,
				keystrokes: 23,
				insights: 12,
				previewStates: 4,
				previewed: true,
			},
			firstDownloadMs: 250,
			downloadInsights: 10,
			hostile: {
				plainMs: 300,
				openings: [
					{ name: 'share link naming 10,000 insights', openingMs: 480, keystrokeMs: 0 },
					{ name: 'saved draft of 3,000 audience rows', openingMs: 350, keystrokeMs: 60 },
				],
			},
		};
		const checks = checkBudgets(results);
		const status = (start: string) => checks.find((check) => check.budget.startsWith(start));
		expect(status('builder at 5,000 insights usable within')?.met).toBe(true);
		expect(status('builder preview update')).toMatchObject({
			measured:
				'longest task 120 ms, 2 over 50 ms in 23 keystrokes (the previews never showed the typed name)',
			met: false,
		});
		expect(status('builder preview update on a phone')).toMatchObject({
			measured: 'longest task 180 ms, 5 over 50 ms in 23 keystrokes, 4 preview states',
			met: true,
		});
		expect(status('first browser deck download')?.met).toBe(true);
		expect(status('builder opened by hostile links')).toMatchObject({
			measured:
				'plain load 300 ms; share link naming 10,000 insights: 480 ms, keystroke no long task; saved draft of 3,000 audience rows: 350 ms, keystroke 60.0 ms',
			met: true,
		});
		const browser = results.sizes[2]!.browser;
		browser.hostile.openings[0]!.openingMs = 501;
		expect(
			checkBudgets(results).find((c) => c.budget.startsWith('builder opened by hostile'))?.met,
		).toBe(false);

		results.sizes[2]!.browser = { skipped: 'Chromium is not installed' };
		for (const start of [
			'builder at 5,000 insights usable within',
			'builder preview',
			'builder preview update on a phone',
			'first browser',
			'builder opened by hostile links',
		])
			expect(
				status(start) && checkBudgets(results).find((c) => c.budget.startsWith(start)),
			).toMatchObject({
				measured: 'not measured here (Chromium is not installed)',
				met: undefined,
			});
	});

	it('counts the builder page, its CSS, its eager JS and index.json as what a rep waits for', () => {
		const size = fakeResults(sites, bares).sizes[2]!;
		expect(builderUsableBytes(size)).toBe(3000 + 4000 + 60_000 + 100_000);
	});

	it('prints the machine, the build table, growth, decks, sizes, page weights and budgets', () => {
		const report = formatReport(fakeResults(sites, bares));
		expect(report).toContain('Machine: Test CPU, 2 cores, 8.00 GB RAM, Test OS; Node 24.0.0');
		expect(report).toMatch(/1,000\s+50\s+1\s+14\.0 s\s+10\.0 s\s+1\.40x\s+21\.0 s\s+15\.0 s/);
		expect(report).toContain('Load average (1 min) when each build started: 0.50 to 0.50');
		expect(report).toMatch(/Growth with N \(least-squares line through all sizes\): ours /);
		expect(report).toContain('npm run decks -- briefing-1 (whole process, median of 5): 0.30 s');
		expect(report).toContain('pandoc                -      not installed');
		expect(report).toMatch(/site build, 1,000 insights <= 1\.4x bare Astro \+ MDX\s+1\.40x/);
		expect(report).toMatch(/the builder loads pptxgenjs only when a deck is asked for\s+on demand/);
		expect(report).not.toMatch(/phase|route|fflate|zlib/i);
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
