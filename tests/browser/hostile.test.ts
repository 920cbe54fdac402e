/**
 * Hostile input in the browser (issue 11): search excerpts built from indexed text that contains
 * markup, and the builder opened by pathological share links, imports and saved drafts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, watchErrors } from './chromium.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');

describe.skipIf(!siteUrl)('hostile input in the browser', () => {
	let browser: Browser;
	let indexDir: string;

	beforeAll(async () => {
		browser = await launchChromium();
		// A search index of one page whose text is markup (escaped in the HTML, so text when
		// indexed), made by the same Pagefind the build uses; the search page is served it instead
		// of the site's own index.
		indexDir = await mkdtemp(path.join(tmpdir(), 'hostile-pagefind-'));
		const { index } = await createIndex({});
		await index!.addHTMLFile({
			url: '/insights/markup/',
			content: `<!doctype html><html lang="en"><body><main data-pagefind-body>
				<h1 data-pagefind-meta="title">Zebrafish &lt;b&gt;bold&lt;/b&gt; claim</h1>
				<p data-pagefind-meta="summary">Summary</p>
				<span data-pagefind-filter="stage">Why change</span>
				<p>Zebrafish notes: &lt;img src=x onerror="window.__hostile=1"&gt; and &lt;script&gt;window.__hostile=2&lt;/script&gt; and &amp;amp; stay text.</p>
			</main></body></html>`,
		});
		await index!.writeFiles({ outputPath: indexDir });
		await close();
	});

	afterAll(async () => {
		await browser?.close();
		if (indexDir) await rm(indexDir, { recursive: true, force: true });
	});

	it('indexed text containing markup stays text in search excerpts', async () => {
		const page = await browser.newPage();
		const errors = watchErrors(page);
		await page.route('**/pagefind/**', async (route) => {
			const name = new URL(route.request().url()).pathname.split('/pagefind/')[1]!;
			try {
				await route.fulfill({
					body: await readFile(path.join(indexDir, name)),
					contentType: name.endsWith('.js') ? 'text/javascript' : 'application/octet-stream',
				});
			} catch {
				await route.fulfill({ status: 404 });
			}
		});
		await page.goto(`${siteUrl}/search/?q=zebrafish`);
		const result = page.locator('.search-result').first();
		await result.waitFor();
		const excerpt = result.locator('p').filter({ hasText: 'Zebrafish notes' });
		await expect.poll(() => excerpt.textContent()).toContain('<img src=x onerror=');
		expect(await excerpt.textContent()).toContain('<script>window.__hostile=2</script>');
		// Pagefind's highlight stays a highlight; nothing else became an element.
		expect(await excerpt.locator('mark').count()).toBeGreaterThan(0);
		expect(await result.locator('img, script, b').count()).toBe(0);
		expect(await page.evaluate(() => (window as { __hostile?: number }).__hostile)).toBeUndefined();
		expect(await result.locator('h3').textContent()).toBe('Zebrafish <b>bold</b> claim');
		expect(errors).toEqual([]);
		await page.close();
	});

	/** The details part of a share link, encoded as the builder encodes it. */
	const detailsParam = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

	/**
	 * A builder page, and any page error. `init` runs before the page's own scripts (to seed
	 * storage, say). The builder page itself is served from the built site by Playwright, so links
	 * longer than a static server's header limit (Node's is 16 KB) still reach the builder, as they
	 * would on a host that accepts them. How long these openings take is measured by
	 * `npm run bench` (bench/hostile-arrivals.ts); here they must open cut to the limits, finish
	 * their work and take a keystroke.
	 */
	async function openBuilder(query: string, init?: { saved?: string; failingStorage?: boolean }) {
		const page = await browser.newPage();
		const errors = watchErrors(page);
		const builderHtml = await readFile(path.join(siteDir, 'builder/index.html'));
		await page.route(
			(url) => url.pathname === '/builder/' && url.search !== '',
			(route) => route.fulfill({ body: builderHtml, contentType: 'text/html; charset=utf-8' }),
		);
		await page.addInitScript(
			({ saved, failingStorage }) => {
				if (saved !== undefined) localStorage.setItem('insight-library:builder-draft', saved);
				if (failingStorage) {
					Storage.prototype.setItem = () => {
						throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
					};
				}
			},
			{ saved: init?.saved, failingStorage: init?.failingStorage },
		);
		await page.goto(`${siteUrl}/builder/${query}`);
		await page.waitForSelector('#builder[data-ready="true"]');
		/**
		 * Waits until the page has finished what the opening started (the previews' modules and
		 * logo fetched, their redraw run 400 ms after the last change, the main thread idle), then
		 * types `text` into `selector` and returns the field's value once the page is idle again.
		 */
		const typeWhenSettled = async (selector: string, text: string): Promise<string> => {
			await settle(page);
			await page.locator(selector).focus();
			await page.keyboard.type(text);
			await settle(page);
			return page.locator(selector).inputValue();
		};
		return { page, errors, typeWhenSettled };
	}

	/** Resolves once the network has been quiet and the main thread idle. */
	async function settle(page: Page) {
		await page.waitForLoadState('networkidle');
		await page.evaluate(
			() =>
				new Promise((resolve) =>
					setTimeout(() => requestIdleCallback(() => requestAnimationFrame(resolve)), 600),
				),
		);
	}

	it('a 24 KB share link with 3,000 audience and agenda rows opens and takes a keystroke without freezing', async () => {
		const d = detailsParam({
			title: 'Hostile',
			audience: Array.from({ length: 3_000 }, () => ({})),
			nextStep: { ask: 'Meet', agenda: Array.from({ length: 3_000 }, () => ''), proposedDate: '' },
		});
		expect(d.length).toBeGreaterThan(20_000);
		const { page, errors, typeWhenSettled } = await openBuilder(`?d=${d}`);
		expect(
			await page.locator('[data-path^="prospect.audience["][data-path$="].role"]').count(),
		).toBe(6);
		expect(await page.locator('[data-path^="nextStep.agenda["]').count()).toBe(4);
		await expect
			.poll(() => page.locator('#builder-notices').textContent())
			.toContain('Cut to the limits a briefing allows');
		expect(await page.locator('#f-title').inputValue()).toBe('Hostile');
		expect(await typeWhenSettled('#f-company', 'A')).toBe('A');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('a share link with 10,000 ids selects at most 12, with a short notice', async () => {
		const ids = Array.from({ length: 10_000 }, (_, i) => `no-such-insight-${i}`);
		const { page, errors, typeWhenSettled } = await openBuilder(`?insights=${ids.join(',')}`);
		expect(await page.locator('#selected-list .selected-item').count()).toBeLessThanOrEqual(12);
		const notices = (await page.locator('#builder-notices').textContent()) ?? '';
		expect(notices).toContain('The link names 10,000 insights');
		expect(notices.length).toBeLessThan(1_000);
		expect(await typeWhenSettled('#f-company', 'A')).toBe('A');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('a saved draft of 3,000 rows opens cut to the limits', async () => {
		const saved = JSON.stringify({
			title: 'Saved',
			audience: Array.from({ length: 3_000 }, () => ({ name: '', role: 'CFO' })),
			insights: [],
		});
		const { page, errors, typeWhenSettled } = await openBuilder('', { saved });
		expect(
			await page.locator('[data-path^="prospect.audience["][data-path$="].role"]').count(),
		).toBe(6);
		expect(await typeWhenSettled('#f-company', 'A')).toBe('A');
		expect(errors).toEqual([]);
		await page.close();
	});

	async function importText(page: Page, name: string, buffer: Buffer) {
		await page.locator('#import-yaml').setInputFiles({ name, mimeType: 'text/yaml', buffer });
	}

	it('imports over 1 MB are refused with a message', async () => {
		const { page, errors } = await openBuilder('');
		await importText(page, 'huge.yaml', Buffer.alloc(2_000_000, 'a'));
		await expect
			.poll(() => page.locator('#action-status').textContent())
			.toMatch(/huge\.yaml could not be read: a briefing file of at most 1,000 KB/);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('a YAML alias bomb import is an error message, never a page error', async () => {
		const { page, errors } = await openBuilder('');
		const bomb = [
			'a: &a ["x","x","x","x","x","x","x","x","x"]',
			'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
			'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
			'title: [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
		].join('\n');
		await importText(page, 'bomb.yaml', Buffer.from(bomb));
		await expect
			.poll(() => page.locator('#action-status').textContent())
			.toContain('bomb.yaml could not be read: YAML whose aliases');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('an import whose save fails says so, not just "Imported"', async () => {
		const { page, errors } = await openBuilder('', { failingStorage: true });
		await importText(page, 'ok.yaml', Buffer.from('title: A briefing\n'));
		await expect
			.poll(() => page.locator('#action-status').textContent())
			.toBe(
				'Imported ok.yaml, but this browser did not let us save it: download it as YAML to keep it.',
			);
		expect(await page.locator('#f-title').inputValue()).toBe('A briefing');
		expect(errors).toEqual([]);
		await page.close();
	});
});
