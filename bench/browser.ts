/**
 * The builder in Chromium (the system's, via playwright-core), on a built site served locally:
 * how long until a rep can use it (search answers and Add works), the long tasks a keystroke in the
 * briefing form causes with 12 insights chosen, and the first deck download from click (the deck
 * engine's load included). Skipped, with the reason, when Chromium is not installed.
 */
import type { Page } from 'playwright-core';
import { chromiumPath, launchChromium } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/browser/server.ts';
import { pptxChunks } from './assets.ts';
import { median } from './stats.ts';

/** What the builder did in Chromium. */
export interface BrowserResult {
	/** From navigation start until a search answered and Add put an insight in the briefing, median ms. */
	usableMs: number;
	/** Bytes that crossed the wire before then (uncompressed: the local server does not gzip). */
	usableBytes: number;
	/** Longest task while typing into the briefing form with `previewInsights` chosen, ms (0: none over 50 ms). */
	keystrokeLongestMs: number;
	/** Long tasks (over 50 ms) seen while typing, of `keystrokes` keystrokes. */
	keystrokeLongTasks: number;
	keystrokes: number;
	previewInsights: number;
	/** Whether the builder draws a slide preview (else the keystroke figure is the form's alone). */
	hasPreview: boolean;
	/**
	 * First deck download in a fresh page: click to download event, ms, including whatever of the
	 * deck engine's loading had not finished by the click.
	 */
	firstDownloadMs: number;
	/** Whether the page had fetched the deck engine (pptxgenjs' chunk) before the click. */
	enginePrefetched?: boolean;
	downloadInsights: number;
}

/** Why the browser figures are missing, or undefined when Chromium can run them. */
export function browserUnavailable(): string | undefined {
	return chromiumPath() ? undefined : 'Chromium is not installed';
}

async function openBuilder(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForSelector('#builder[data-ready="true"]');
}

/** Chooses exactly `count` insights: removes extra ones, adds from the pick list when short. */
async function chooseInsights(page: Page, count: number): Promise<number> {
	const selected = page.locator('#selected-list .selected-item');
	while ((await selected.count()) > count)
		await page.locator('#selected-list [data-remove]').last().click();
	for (let i = 0; (await selected.count()) < count && i < 60; i++) {
		const add = page.locator('#pick-list button[data-add][aria-pressed="false"]').first();
		if (!(await add.count())) break;
		await add.click();
	}
	return selected.count();
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
			const context = await browser.newContext();
			const page = await context.newPage();
			await openBuilder(page, `${url}/builder/`);
			await page.fill('#pick-search', word);
			await page.waitForSelector('#pick-list button[data-add]');
			await page.locator('#pick-list button[data-add]').first().click();
			await page.waitForSelector('#selected-list .selected-item');
			const { at, bytes } = await page.evaluate(() => ({
				at: performance.now(),
				bytes: performance
					.getEntriesByType('resource')
					.concat(performance.getEntriesByType('navigation'))
					.reduce(
						(sum, entry) => sum + ((entry as PerformanceResourceTiming).transferSize || 0),
						0,
					),
			}));
			usable.push(at);
			usableBytes = bytes;
			await context.close();
		}

		const context = await browser.newContext({ acceptDownloads: true });
		const page = await context.newPage();
		await openBuilder(page, `${url}/builder/?briefing=${encodeURIComponent(briefing)}`);
		const previewInsights = await chooseInsights(page, 12);
		const hasPreview = (await page.locator('#builder svg[role="img"]').count()) > 0;
		await page.evaluate(() => {
			const w = window as unknown as { longTasks: number[] };
			w.longTasks = [];
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
			}).observe({ type: 'longtask' });
		});
		const text = 'Northwind Health System';
		await page.fill('#f-company', '');
		await page.locator('#f-company').pressSequentially(text, { delay: 30 });
		await page.waitForTimeout(300);
		const longTasks = await page.evaluate(
			() => (window as unknown as { longTasks: number[] }).longTasks,
		);
		await context.close();

		const fresh = await browser.newContext({ acceptDownloads: true });
		const other = await fresh.newPage();
		await openBuilder(other, `${url}/builder/?briefing=${encodeURIComponent(briefing)}`);
		const downloadInsights = await chooseInsights(other, 10);
		const { chunks } = await pptxChunks(dist);
		const enginePrefetched = await other.evaluate(
			(names) =>
				performance
					.getEntriesByType('resource')
					.some((entry) => names.some((name) => entry.name.endsWith(`/${name}`))),
			chunks,
		);
		const started = Date.now();
		await Promise.all([other.waitForEvent('download'), other.click('#download-deck')]);
		const firstDownloadMs = Date.now() - started;
		await fresh.close();

		return {
			usableMs: median(usable),
			usableBytes,
			keystrokeLongestMs: Math.max(0, ...longTasks),
			keystrokeLongTasks: longTasks.length,
			keystrokes: text.length,
			previewInsights,
			hasPreview,
			firstDownloadMs,
			enginePrefetched,
			downloadInsights,
		};
	} finally {
		await browser.close();
		server.close();
	}
}
