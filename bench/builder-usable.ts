/**
 * The builder's "usable" row: from navigation until a search of `word` has answered and Add has
 * put the first answer in the briefing, on the page's own clock.
 *
 * A rep's moves are real input (a click in the search field, the word typed, a click on Add:
 * trusted events through the DevTools protocol), each sent as soon as the page shows what it needs:
 * the page tells the harness through a binding, in the first frame painted after the builder is
 * ready and after the search has answered. Two costs of the harness are left out, which an earlier
 * version counted: Playwright's own round trips and injected scripts before each step (its
 * `fill`, `waitForSelector` and `click` added 0.5 to 1.5 s at load 7), and the start-up of the
 * browser window a new context opens (Chromium's omnibox pop-up pages, about 2 s of CPU on two
 * cores, at the same time as the page): the harness waits for the browser to be quiet before it
 * navigates, as a rep's browser is when they open the builder.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';

/** How long the harness waits for each step before it gives up. */
const stepTimeoutMs = 30_000;

/** A point on the page, in CSS pixels from the viewport's top left. */
interface Point {
	x: number;
	y: number;
}

/** What the page reports, in order: ready (where the search field is), answered (where Add is), added. */
type Report =
	| { step: 'ready'; at: number; target: Point }
	| { step: 'answered'; at: number; target: Point }
	| { step: 'added'; at: number };

/**
 * Runs in the page before its scripts: watches the builder and reports each step through
 * `benchReport`, after the next frame is painted (a rAF, then a task), so a step counts only once
 * it is on screen.
 */
const watchBuilder = (word: string) => {
	const report = (window as unknown as { benchReport: (value: unknown) => void }).benchReport;
	const afterPaint = (then: () => void) =>
		requestAnimationFrame(() => {
			const channel = new MessageChannel();
			channel.port1.onmessage = then;
			channel.port2.postMessage(null);
		});
	const centre = (element: Element) => {
		const box = element.getBoundingClientRect();
		return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
	};
	let step: 'ready' | 'answered' | 'added' | 'done' = 'ready';
	const check = () => {
		if (step === 'ready' && document.querySelector('#builder[data-ready]')) {
			step = 'answered';
			afterPaint(() => {
				const search = document.querySelector('#pick-search')!;
				search.scrollIntoView({ block: 'center' });
				report({ step: 'ready', at: performance.now(), target: centre(search) });
			});
		} else if (step === 'added' && document.querySelector('#selected-list .selected-item')) {
			step = 'done';
			observer.disconnect();
			afterPaint(() => report({ step: 'added', at: performance.now() }));
		}
	};
	const observer = new MutationObserver(check);
	observer.observe(document, { subtree: true, childList: true, attributes: true });
	// The picker answers a search in its own input listener; this one, on the document, runs after.
	document.addEventListener('input', (event) => {
		const search = event.target as HTMLInputElement;
		if (step !== 'answered' || search.id !== 'pick-search' || search.value !== word) return;
		const add = document.querySelector('#pick-list button[data-add]');
		if (!add) return;
		step = 'added';
		afterPaint(() => {
			add.scrollIntoView({ block: 'center' });
			report({ step: 'answered', at: performance.now(), target: centre(add) });
		});
	});
};

/**
 * Waits until the browser's processes together use less than `quietMs` of CPU in `windowMs`
 * (at most `limitMs`): a new context's window starts pages of its own.
 */
export async function untilBrowserQuiet(
	session: CDPSession,
	{ windowMs = 250, quietMs = 15, limitMs = 8000 } = {},
): Promise<void> {
	const cpu = async () => {
		const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
			processInfo: Array<{ cpuTime: number }>;
		};
		return processInfo.reduce((sum, process) => sum + process.cpuTime, 0) * 1000;
	};
	const until = Date.now() + limitMs;
	let before = await cpu();
	while (Date.now() < until) {
		await new Promise((resolve) => setTimeout(resolve, windowMs));
		const now = await cpu();
		if (now - before < quietMs) return;
		before = now;
	}
}

/** Clicks `target` with the mouse: trusted pointer, mouse and click events, as a rep's. */
async function click(page: Page, target: Point): Promise<void> {
	await page.mouse.click(target.x, target.y);
}

/**
 * One run of the start in a fresh context: navigation to a search of `word` answered and Add done,
 * in ms on the page's clock (and when the builder was ready and the search answered), and the
 * bytes that crossed the wire by then. `quietFirst: false` navigates at once, while the new
 * window still starts (to show what that costs).
 */
export async function measureUsable(
	browser: Browser,
	url: string,
	word: string,
	{ quietFirst = true }: { quietFirst?: boolean } = {},
): Promise<{ ms: number; bytes: number; readyMs: number; answeredMs: number }> {
	const session = await browser.newBrowserCDPSession();
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		const reports: Report[] = [];
		let wake: () => void = () => {};
		await page.exposeFunction('benchReport', (value: Report) => {
			reports.push(value);
			wake();
		});
		// A step the page never reports (no answer to the word, a broken page) fails the run.
		const next = async (step: Report['step']): Promise<Report> => {
			const deadline = Date.now() + stepTimeoutMs;
			for (;;) {
				const found = reports.find((report) => report.step === step);
				if (found) return found;
				const left = deadline - Date.now();
				if (left <= 0) throw new Error(`builder usable: no "${step}" within ${stepTimeoutMs} ms`);
				await new Promise<void>((resolve) => {
					wake = resolve;
					setTimeout(resolve, left);
				});
			}
		};
		await page.addInitScript(watchBuilder, word);
		if (quietFirst) await untilBrowserQuiet(session);
		await page.goto(`${url}/builder/`, { waitUntil: 'commit' });
		const ready = await next('ready');
		if (!('target' in ready)) throw new Error('no search field');
		await click(page, ready.target);
		await page.keyboard.insertText(word);
		const answered = await next('answered');
		if (!('target' in answered)) throw new Error('no answer');
		await click(page, answered.target);
		const added = await next('added');
		const bytes = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.concat(performance.getEntriesByType('navigation'))
				.reduce((sum, entry) => sum + ((entry as PerformanceResourceTiming).transferSize || 0), 0),
		);
		return { ms: added.at, bytes, readyMs: ready.at, answeredMs: answered.at };
	} finally {
		await context.close();
		await session.detach();
	}
}
