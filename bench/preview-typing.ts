/**
 * Long tasks while a rep types the prospect's company into the builder with 12 insights chosen,
 * the slide previews redrawing as they go: on a desktop, and on a phone (390 x 844 CSS px at 3x,
 * touch, the CPU slowed 4x through the DevTools protocol, as Lighthouse emulates a mid-range
 * phone). Long tasks are collected from page start by a `longtask` observer; only those that start
 * after the typing begins count. The measurement ends when every thumbnail shows the final name
 * and the grid has been still for a while, so the preview work itself is inside the window.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

/** What one typing run saw. */
export interface TypingResult {
	/** Longest task from the first keystroke until the previews settled, ms (0: none over 50 ms). */
	longestMs: number;
	/** Tasks over 50 ms in that window. */
	longTasks: number;
	/** Keystrokes typed. */
	keystrokes: number;
	/** Insights chosen when typing started. */
	insights: number;
	/** Distinct company names the title slide's thumbnail showed while typing (>= 2: it redrew). */
	previewStates: number;
	/** Whether the thumbnails ended showing the last name typed. */
	previewed: boolean;
}

/** A phone: viewport and pixel ratio of a current mid-size handset, touch, CPU slowed this much. */
export const phone = {
	context: {
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 3,
		isMobile: true,
		hasTouch: true,
	} satisfies BrowserContextOptions,
	cpuSlowdown: 4,
};

/** The name typed; words are typed at a phone typist's pace with pauses that let previews redraw. */
export const typedCompany = 'Northwind Health System';

/** Opens the builder and waits until it is ready for input. */
export async function openBuilder(page: Page, url: string): Promise<void> {
	await page.goto(url);
	await page.waitForSelector('#builder[data-ready="true"]');
}

/** Chooses exactly `count` insights: removes extra ones, adds from the pick list when short. */
export async function chooseInsights(page: Page, count: number): Promise<number> {
	const selected = page.locator('#selected-list .selected-item');
	while ((await selected.count()) > count)
		await page.locator('#selected-list [data-remove]').last().click();
	if ((await selected.count()) < count) {
		// Every insight in the pick list, not only those of the briefing's industry.
		await page.fill('#pick-search', '');
		for (const filter of ['#pick-industry', '#pick-persona', '#pick-stage'])
			await page.selectOption(filter, '');
	}
	for (let i = 0; (await selected.count()) < count && i < 60; i++) {
		const add = page.locator('#pick-list button[data-add][aria-pressed="false"]').first();
		if (!(await add.count())) break;
		await add.click();
	}
	return selected.count();
}

/** Records every long task (start, duration) from the page's first script on. */
const observeLongTasks = () => {
	const tasks: Array<[number, number]> = [];
	(window as unknown as { benchLongTasks: typeof tasks }).benchLongTasks = tasks;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
	}).observe({ type: 'longtask', buffered: true });
};

/**
 * Waits until the title slide's thumbnail names `company` and the thumbnails have not changed
 * for `stillMs`: the last redraw is done, however it is split into tasks. Text is compared
 * without white space: a long name wraps, and the SVG's lines join with no space between them.
 */
export async function waitForPreviews(page: Page, company: string, stillMs = 1000): Promise<void> {
	await page.waitForFunction(
		({ company, stillMs }) => {
			const state = window as unknown as { previewWatch?: { text: string; since: number } };
			const svgs = [...document.querySelectorAll('#builder-previews .slide-grid svg')];
			const text = svgs.map((svg) => svg.outerHTML.length + (svg.textContent ?? '')).join('|');
			const now = performance.now();
			if (state.previewWatch?.text !== text) state.previewWatch = { text, since: now };
			return (
				svgs.length > 0 &&
				(svgs[0]!.textContent ?? '').replace(/\s+/g, '').includes(company.replace(/\s+/g, '')) &&
				now - state.previewWatch.since >= stillMs
			);
		},
		{ company, stillMs },
		{ polling: 100, timeout: 120_000 },
	);
}

/** Counts the company names the title slide's thumbnail shows from now on. */
const watchTitleSlide = () => {
	const seen = new Set<string>();
	(window as unknown as { benchTitleStates: Set<string> }).benchTitleStates = seen;
	const grid = document.querySelector('#builder-previews .slide-grid')!;
	const record = () => {
		const text = grid.querySelector('svg text')?.parentElement?.textContent;
		if (text) seen.add(text);
	};
	new MutationObserver(record).observe(grid, {
		childList: true,
		subtree: true,
		characterData: true,
	});
};

/**
 * Opens the builder at `url` (a `?briefing=` link) in a fresh context, chooses 12 insights, lets
 * the previews settle, then types {@link typedCompany} into the company field and reports the
 * long tasks until the previews show it.
 */
export async function measureTyping(
	browser: Browser,
	url: string,
	options: { phone?: boolean } = {},
): Promise<TypingResult> {
	const context = await browser.newContext(options.phone ? phone.context : {});
	try {
		const page = await context.newPage();
		await page.addInitScript(observeLongTasks);
		await openBuilder(page, url);
		const insights = await chooseInsights(page, 12);
		const before = await page.inputValue('#f-company');
		await waitForPreviews(page, before, 500);
		if (options.phone) {
			const cdp = await context.newCDPSession(page);
			await cdp.send('Emulation.setCPUThrottlingRate', { rate: phone.cpuSlowdown });
		}
		await page.evaluate(watchTitleSlide);
		const field = page.locator('#f-company');
		if (options.phone) await field.tap();
		else await field.click();
		const started = await page.evaluate(() => performance.now());
		await field.fill('');
		// Words at about 8 keys a second, with a pause after each long enough for a redraw to
		// start (the builder waits 400 ms after the last change), so later keys land on it.
		for (const word of typedCompany.split(/(?<= )/)) {
			await field.pressSequentially(word, { delay: 120 });
			await page.waitForTimeout(600);
		}
		await waitForPreviews(page, typedCompany);
		const { tasks, states } = await page.evaluate(() => {
			const w = window as unknown as {
				benchLongTasks: Array<[number, number]>;
				benchTitleStates: Set<string>;
			};
			return { tasks: w.benchLongTasks, states: w.benchTitleStates.size };
		});
		const durations = tasks.filter(([start]) => start >= started).map(([, duration]) => duration);
		const title = await page.locator('#builder-previews .slide-grid svg').first().textContent();
		return {
			longestMs: Math.round(Math.max(0, ...durations) * 10) / 10,
			longTasks: durations.length,
			keystrokes: typedCompany.length,
			insights,
			previewStates: states,
			previewed: (title ?? '').replace(/\s+/g, '').includes(typedCompany.replace(/\s+/g, '')),
		};
	} finally {
		await context.close();
	}
}
