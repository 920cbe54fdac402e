/**
 * The builder in Chromium (the system's, via playwright-core), on a built site served locally:
 * how long until a rep can use it (search answers and Add works), the long tasks a keystroke in the
 * briefing form causes with 12 insights chosen, the first deck download from click (the deck
 * engine's load included), and openings by pathological links and drafts. Skipped, with the reason, when Chromium is not installed.
 */
import type { Browser } from 'playwright-core';
import { chromiumPath, launchChromium } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/browser/server.ts';
import { pptxChunks } from './assets.ts';
import { median } from './stats.ts';
import { chooseInsights, measureTyping, openBuilder, type TypingResult } from './preview-typing.ts';
import { measureHostileArrivals, type HostileResult } from './hostile-arrivals.ts';
import { measureUsable } from './builder-usable.ts';

export { measureUsable };

/** What the builder did in Chromium. */
export interface BrowserResult {
	/** From navigation start until a search answered and Add put an insight in the briefing, median ms. */
	usableMs: number;
	/** Bytes that crossed the wire before then (uncompressed: the local server does not gzip). */
	usableBytes: number;
	/** Longest task while typing into the briefing form with `previewInsights` chosen, until the previews show it, ms (0: none over 50 ms). */
	keystrokeLongestMs: number;
	/** Long tasks (over 50 ms) seen while typing, of `keystrokes` keystrokes. */
	keystrokeLongTasks: number;
	keystrokes: number;
	previewInsights: number;
	/** Whether the previews ended showing what was typed (else the figure is the form's alone). */
	hasPreview: boolean;
	/** The same typing on a phone: 390 x 844 at 3x, touch, CPU slowed 4x. */
	phone: TypingResult;
	/**
	 * First deck download in a fresh page: click to download event, median ms of the runs, including
	 * whatever of the deck engine's loading had not finished by the click.
	 */
	firstDownloadMs: number;
	/** Whether the page had fetched the deck engine (pptxgenjs' chunk, or the deck worker holding it) before the click. */
	enginePrefetched?: boolean;
	downloadInsights: number;
	/** Openings by pathological links and saved drafts against a plain load. */
	hostile: HostileResult;
}

/** Why the browser figures are missing, or undefined when Chromium can run them. */
export function browserUnavailable(): string | undefined {
	return chromiumPath() ? undefined : 'Chromium is not installed';
}

/**
 * The first deck download in a fresh page opened on `briefing` with 10 insights chosen (the
 * last one or more just added): click to download event, ms.
 */
export async function measureFirstDownload(
	browser: Browser,
	url: string,
	briefing: string,
	dist: string,
): Promise<{ ms: number; insights: number; enginePrefetched: boolean }> {
	const fresh = await browser.newContext({ acceptDownloads: true });
	try {
		const page = await fresh.newPage();
		const workers: string[] = [];
		page.on('worker', (worker) => workers.push(worker.url()));
		const { chunks } = await pptxChunks(dist);
		await openBuilder(page, `${url}/builder/?briefing=${encodeURIComponent(briefing)}`);
		// The click follows the last change at once (no pause a rep would take to reach the button).
		const insights = await chooseInsights(page, 10);
		const loaded = await page.evaluate(() =>
			performance.getEntriesByType('resource').map((entry) => entry.name),
		);
		const enginePrefetched = loaded
			.concat(workers)
			.some((name) => chunks.some((chunk) => name.endsWith(`/${chunk}`)));
		const started = Date.now();
		await Promise.all([page.waitForEvent('download'), page.click('#download-deck')]);
		return { ms: Date.now() - started, insights, enginePrefetched };
	} finally {
		await fresh.close();
	}
}

/**
 * Measures the built site at `dist`; `briefing` is a briefing id of it whose deck the builder can
 * make (`?briefing=` fills the form), `word` a word the search should find.
 */
export async function measureBuilder(
	dist: string,
	briefing: string,
	word: string,
	runs = 3,
): Promise<BrowserResult> {
	const { server, url } = await serveStatic(dist);
	const browser = await launchChromium();
	try {
		const usable: number[] = [];
		let usableBytes = 0;
		for (let run = 0; run < runs; run++) {
			const { ms, bytes } = await measureUsable(browser, url, word);
			usable.push(ms);
			usableBytes = bytes;
		}

		// Typing with the previews redrawing: on a desktop, then on a slowed-down phone.
		const link = `${url}/builder/?briefing=${encodeURIComponent(briefing)}`;
		const desktop = await measureTyping(browser, link);
		const phone = await measureTyping(browser, link, { phone: true });

		// Each a first download, in a fresh page: one alone is at the mercy of the machine's load.
		const downloads = [];
		for (let run = 0; run < runs; run++)
			downloads.push(await measureFirstDownload(browser, url, briefing, dist));
		const download = downloads[0]!;

		const hostile = await measureHostileArrivals(browser, url, dist, runs);

		return {
			usableMs: median(usable),
			usableBytes,
			keystrokeLongestMs: desktop.longestMs,
			keystrokeLongTasks: desktop.longTasks,
			keystrokes: desktop.keystrokes,
			previewInsights: desktop.insights,
			hasPreview: desktop.previewed,
			phone,
			firstDownloadMs: median(downloads.map((run) => run.ms)),
			enginePrefetched: download.enginePrefetched,
			downloadInsights: download.insights,
			hostile,
		};
	} finally {
		await browser.close();
		server.close();
	}
}
