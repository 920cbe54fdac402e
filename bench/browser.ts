/**
 * The builder in Chromium (the system's, via playwright-core), on a built site served locally:
 * how long until a rep can use it (search answers and Add works), the long tasks a keystroke in the
 * briefing form causes with 12 insights chosen, the first deck download from click (the deck
 * engine's load included), and openings by pathological links and drafts. Skipped, with the reason, when Chromium is not installed.
 */
import { chromiumPath, launchChromium } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/browser/server.ts';
import { pptxChunks } from './assets.ts';
import { median } from './stats.ts';
import { chooseInsights, measureTyping, openBuilder, type TypingResult } from './preview-typing.ts';
import { measureHostileArrivals, type HostileResult } from './hostile-arrivals.ts';

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
	 * First deck download in a fresh page: click to download event, ms, including whatever of the
	 * deck engine's loading had not finished by the click.
	 */
	firstDownloadMs: number;
	/** Whether the page had fetched the deck engine (pptxgenjs' chunk) before the click. */
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

		// Typing with the previews redrawing: on a desktop, then on a slowed-down phone.
		const link = `${url}/builder/?briefing=${encodeURIComponent(briefing)}`;
		const desktop = await measureTyping(browser, link);
		const phone = await measureTyping(browser, link, { phone: true });

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
			firstDownloadMs,
			enginePrefetched,
			downloadInsights,
			hostile,
		};
	} finally {
		await browser.close();
		server.close();
	}
}
