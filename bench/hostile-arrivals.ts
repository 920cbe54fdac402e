/**
 * The builder opened by pathological input (a share link naming 10,000 insights, a 24 KB share
 * link of 3,000 audience and agenda rows, a saved draft of 3,000 rows): the longest task of each
 * opening against a plain builder load measured in the same run, and the longest task of the
 * first keystroke after it. `tests/browser/hostile.test.ts` proves these openings are cut to the
 * limits and stay usable; how long they take is measured here, not asserted in a test.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { median } from './stats.ts';

/** One hostile opening: its longest tasks, ms (0: none over 50 ms). */
export interface HostileOpening {
	/** What the builder was opened with. */
	name: string;
	/** Longest task from navigation until the page settled. */
	openingMs: number;
	/** Longest task of one keystroke in the company field after it settled. */
	keystrokeMs: number;
}

/** Every hostile opening and the plain load it is judged against. */
export interface HostileResult {
	/** Longest task of a plain builder load (no link, nothing saved), median of the runs. */
	plainMs: number;
	openings: HostileOpening[];
}

/** The details part of a share link, encoded as the builder encodes it. */
const detailsParam = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The hostile arrivals: a query string and what is saved in the browser before the page loads. */
const arrivals: { name: string; query: string; saved?: string }[] = [
	{
		name: 'share link naming 10,000 insights',
		query: `?insights=${Array.from({ length: 10_000 }, (_, i) => `no-such-insight-${i}`).join(',')}`,
	},
	{
		name: '24 KB share link, 3,000 audience and agenda rows',
		query: `?d=${detailsParam({
			title: 'Hostile',
			audience: Array.from({ length: 3_000 }, () => ({})),
			nextStep: { ask: 'Meet', agenda: Array.from({ length: 3_000 }, () => ''), proposedDate: '' },
		})}`,
	},
	{
		name: 'saved draft of 3,000 audience rows',
		query: '',
		saved: JSON.stringify({
			title: 'Saved',
			audience: Array.from({ length: 3_000 }, () => ({ name: '', role: 'CFO' })),
			insights: [],
		}),
	},
];

/** Records every long task from the page's first script on; seeds the saved draft. */
const prepare = (saved: string | undefined) => {
	const tasks: Array<[number, number]> = [];
	(window as unknown as { benchLongTasks: typeof tasks }).benchLongTasks = tasks;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
	}).observe({ type: 'longtask', buffered: true });
	if (saved !== undefined) localStorage.setItem('insight-library:builder-draft', saved);
};

/**
 * Waits until the network and main thread are idle (the previews' debounced redraw included) and
 * returns the longest task that started at or after `since`.
 */
async function settledLongest(page: Page, since = 0): Promise<number> {
	await page.waitForLoadState('networkidle');
	await page.evaluate(
		() =>
			new Promise((resolve) =>
				setTimeout(
					() => requestIdleCallback(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
					600,
				),
			),
	);
	const tasks = await page.evaluate(
		() => (window as unknown as { benchLongTasks: Array<[number, number]> }).benchLongTasks,
	);
	const durations = tasks.filter(([start]) => start >= since).map(([, duration]) => duration);
	return Math.round(Math.max(0, ...durations) * 10) / 10;
}

/** Opens the builder with `query` (and `saved`), returns the opening's and a keystroke's longest task. */
async function open(
	browser: Browser,
	url: string,
	builderHtml: Buffer,
	query: string,
	saved?: string,
): Promise<{ openingMs: number; keystrokeMs: number }> {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		// Served by Playwright: links longer than a static server's header limit still arrive.
		await page.route(
			(target) => target.pathname === '/builder/' && target.search !== '',
			(route) => route.fulfill({ body: builderHtml, contentType: 'text/html; charset=utf-8' }),
		);
		await page.addInitScript(prepare, saved);
		await page.goto(`${url}/builder/${query}`);
		await page.waitForSelector('#builder[data-ready="true"]');
		const openingMs = await settledLongest(page);
		await page.locator('#f-company').focus();
		const before = await page.evaluate(() => performance.now());
		await page.keyboard.type('A');
		return { openingMs, keystrokeMs: await settledLongest(page, before) };
	} finally {
		await context.close();
	}
}

/** Measures every hostile arrival once and a plain load `runs` times on the site served at `url`. */
export async function measureHostileArrivals(
	browser: Browser,
	url: string,
	dist: string,
	runs = 3,
): Promise<HostileResult> {
	const builderHtml = await readFile(path.join(dist, 'builder/index.html'));
	const plain: number[] = [];
	for (let run = 0; run < runs; run++)
		plain.push((await open(browser, url, builderHtml, '')).openingMs);
	const openings: HostileOpening[] = [];
	for (const arrival of arrivals)
		openings.push({
			name: arrival.name,
			...(await open(browser, url, builderHtml, arrival.query, arrival.saved)),
		});
	return { plainMs: median(plain), openings };
}
