/**
 * `node bench/builder.ts [DIST ...] [--runs N] [--word WORD]`: the builder's start and first
 * download rows of `npm run bench` alone, so a change to the builder can be measured in minutes:
 * how long until a rep can use the builder (a search answered and Add done, from navigation: see
 * `builder-usable.ts`) and the first deck download from click, with 10 insights (see `browser.ts`).
 *
 * - With DIST folders (sites built before, e.g. `npm run build -- --outDir DIST`), measures them
 *   side by side, alternating run by run, so the machine's load falls on each alike: the way to
 *   compare before and after a change.
 * - Without, generates the bench's synthetic library of 5,000 insights (`--insights N`), builds
 *   this site on it in a temporary folder (a few minutes) and measures that.
 *
 * Prints each run, the medians and the 1-minute load average. Run it under the heavy-work lock
 * on a shared machine (`flock /tmp/heavy.lock node bench/builder.ts ...`).
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/browser/server.ts';
import type { PackedIndex } from '../src/builder/index-pack.ts';
import { measureFirstDownload, measureUsable } from './browser.ts';
import { runBuild } from './build.ts';
import { defaultBriefingCount, generateCorpus, writeCorpus } from './corpus.ts';
import { copySite } from './project.ts';
import { budgets } from './report.ts';
import { median } from './stats.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		runs: { type: 'string', default: '5' },
		word: { type: 'string' },
		insights: { type: 'string', default: '5000' },
	},
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
	console.error('Usage: node bench/builder.ts [DIST ...] [--runs N] [--word WORD] [--insights N]');
	process.exit(2);
}

let work: string | undefined;
const dists = positionals.map((dist) => path.resolve(dist));
if (!dists.length) {
	work = await mkdtemp(path.join(os.tmpdir(), 'insight-bench-builder-'));
	const insights = Number(values.insights);
	const site = path.join(work, 'site');
	console.error(`Building this site on ${insights} synthetic insights in ${site} ...`);
	await copySite(repo, site);
	await writeCorpus(site, generateCorpus({ insights, briefings: defaultBriefingCount(insights) }));
	const build = await runBuild(site);
	console.error(`Built in ${(build.ms / 1000).toFixed(1)} s`);
	dists.push(path.join(site, 'dist'));
}

/** The first example briefing and a word of the first title, from the site's own builder data. */
async function siteInputs(dist: string): Promise<{ briefing: string; word: string }> {
	const briefings = JSON.parse(
		await readFile(path.join(dist, 'builder', 'briefings.json'), 'utf8'),
	) as Array<{ id: string }>;
	// Only the titles are read, so a site built before or after a change of the packing compares.
	const raw = JSON.parse(await readFile(path.join(dist, 'builder', 'index.json'), 'utf8')) as
		Pick<PackedIndex, 'columns'> | { insights: Array<{ data: { title: string } }> };
	const title = 'columns' in raw ? raw.columns.title[0] : raw.insights[0]?.data.title;
	const word = values.word ?? title?.match(/[A-Za-z]{5,}/)?.[0] ?? 'cost';
	return { briefing: briefings[0]!.id, word };
}

const browser = await launchChromium();
const served = await Promise.all(dists.map((dist) => serveStatic(dist)));
try {
	const sites = await Promise.all(
		dists.map(async (dist, at) => ({
			dist,
			url: served[at]!.url,
			...(await siteInputs(dist)),
			usable: [] as number[],
			download: [] as number[],
			bytes: 0,
		})),
	);
	for (let run = 1; run <= runs; run++) {
		for (const site of sites) {
			const usable = await measureUsable(browser, site.url, site.word);
			const download = await measureFirstDownload(browser, site.url, site.briefing, site.dist);
			site.usable.push(Math.round(usable.ms));
			site.download.push(download.ms);
			site.bytes = usable.bytes;
			console.log(
				`run ${run} ${site.dist}: usable ${Math.round(usable.ms)} ms (ready ${Math.round(usable.readyMs)}, search answered ${Math.round(usable.answeredMs)}), first download ${download.ms} ms (${download.insights} insights), load ${os.loadavg()[0]!.toFixed(2)}`,
			);
		}
	}
	for (const site of sites)
		console.log(
			`${site.dist}: usable median ${median(site.usable)} ms (budget ${budgets.builderUsableMs} ms), ` +
				`first download median ${median(site.download)} ms (budget ${budgets.firstDownloadMs} ms)`,
		);
} finally {
	await browser.close();
	for (const { server } of served) server.close();
	if (work) await rm(work, { recursive: true, force: true });
}
