/**
 * The builder's slide previews while a rep types, in Chromium: with 12 insights chosen, a new
 * company name reaches every thumbnail, drawn by the preview worker (never pptxgenjs) and equal to
 * what the deck engine draws for the same draft; an answer overtaken by a newer edit is never
 * shown; the region, its `<svg role="img">` titles and the large view with notes stay as they
 * were; a worker that cannot load leaves the previews to the main thread.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkDraft } from '../../src/builder/briefing.ts';
import { receivedLibrary } from '../fixtures/builder.ts';
import { previewLibrary } from '../../src/builder/preview-input.ts';
import { previewSlides } from '../../src/builder/preview-slides.ts';
import type { PreviewSlide } from '../../src/builder/slide-diff.ts';
import type { BuilderLibrary, Draft } from '../../src/builder/types.ts';
import { loadLibrary } from '../../src/library/load.ts';
import { launchChromium, watchErrors } from './chromium.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const root = path.resolve(import.meta.dirname, '../..');
const loaded = await loadLibrary({ root });
/** The whole library the site was built from, as the builder's pieces add up to (through JSON). */
const published: BuilderLibrary = receivedLibrary(loaded);

/** The text a browser reads out of an SVG string: its `<title>` and `<text>` contents. */
function svgText(svg: string): string {
	return svg
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** Each thumbnail as the page shows it: title, all text, notes. */
const thumbnails = (page: Page) =>
	page.locator('#builder-previews .slide-grid > li').evaluateAll((items) =>
		items.map((item) => ({
			title: item.querySelector('svg > title')?.textContent ?? '',
			text: item.querySelector('svg')?.textContent ?? '',
			notes: item.querySelector('.slide-notes')?.textContent ?? '',
		})),
	);

/** Waits until the title slide names `company` and no thumbnail has changed for a while. */
/** `file` (in `_astro/`) and every chunk it imports statically, directly or not. */
function staticChunks(file: string): string[] {
	const found = new Set([file]);
	for (const chunk of found) {
		const code = readFileSync(path.join(siteDir, '_astro', chunk), 'utf8');
		for (const [, imported] of code.matchAll(
			/\bimport\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'`]\.\/([^"'`]+)["'`]/g,
		))
			found.add(imported!);
	}
	return [...found];
}

/** How many <link>s the page has for the planner's chunk (its main thread imported the planner). */
function plannerLinks(page: Page): Promise<number> {
	return page.evaluate(() => document.querySelectorAll('link[href*="preview-slides"]').length);
}

async function settled(page: Page, company: string): Promise<void> {
	await page.waitForFunction(
		(company) => {
			const state = window as unknown as { settleWatch?: { text: string; since: number } };
			const svgs = [...document.querySelectorAll('#builder-previews .slide-grid svg')];
			const text = svgs.map((svg) => svg.textContent).join('|');
			const now = performance.now();
			if (state.settleWatch?.text !== text) state.settleWatch = { text, since: now };
			return (
				(svgs[0]?.textContent ?? '').includes(company) &&
				!document.querySelector('#builder-previews .slide-previews[aria-busy]') &&
				now - state.settleWatch.since > 700
			);
		},
		company,
		{ polling: 100, timeout: 30_000 },
	);
}

/** Chooses 12 insights from the whole library (filters cleared). */
async function chooseTwelve(page: Page): Promise<void> {
	await page.fill('#pick-search', '');
	for (const filter of ['#pick-industry', '#pick-persona', '#pick-stage'])
		await page.selectOption(filter, '');
	const selected = page.locator('#selected-list .selected-item');
	while ((await selected.count()) > 12)
		await page.locator('#selected-list [data-remove]').last().click();
	while ((await selected.count()) < 12)
		await page.locator('#pick-list button[data-add][aria-pressed="false"]').first().click();
}

describe.skipIf(!siteUrl)('builder previews while typing', () => {
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let errors: string[];
	const workers: string[] = [];
	const requests: string[] = [];
	const library = () => published;
	const logo = () =>
		new Uint8Array(readFileSync(path.join(siteDir, published.brand.logo.png.replace(/^\//, ''))));
	/** The slides the deck engine draws for the draft the page has saved. */
	const expectedSlides = async (): Promise<PreviewSlide[]> => {
		const draft = JSON.parse(
			(await page.evaluate(() => localStorage.getItem('insight-library:builder-draft')))!,
		) as Draft;
		const data = library();
		const briefing = checkDraft(draft, data).briefing!;
		expect(briefing).toBeDefined();
		return previewSlides({ library: previewLibrary(data, briefing), briefing, logo: logo() });
	};

	beforeAll(async () => {
		browser = await launchChromium();
		context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
		page = await context.newPage();
		errors = watchErrors(page);
		page.on('worker', (worker) => workers.push(worker.url()));
		page.on('request', (request) => requests.push(request.url()));
		const example = library().briefings[0]!.id;
		await page.goto(`${siteUrl}/builder/?briefing=${example}`);
		await page.waitForSelector('#builder[data-ready="true"]');
		await chooseTwelve(page);
		await settled(page, await page.inputValue('#f-company'));
	});
	afterAll(async () => {
		await browser?.close();
	});

	it('shows every slide of a 12-insight deck in the "Slide preview" region, titled "Slide N: ..."', async () => {
		const region = page.getByRole('region', { name: 'Slide preview' });
		await expect(region.count()).resolves.toBe(1);
		const images = region.locator('.slide-grid svg[role="img"]');
		const shown = await thumbnails(page);
		const expected = await expectedSlides();
		expect(shown.length).toBe(expected.length);
		expect(shown.length).toBeGreaterThan(12);
		await expect(images.count()).resolves.toBe(shown.length);
		shown.forEach((slide, index) =>
			expect(slide.title).toMatch(new RegExp(`^Slide ${index + 1}: \\S`)),
		);
	});

	it('redraws every thumbnail a new company name touches, in the worker, as the engine draws it', async () => {
		const field = page.locator('#f-company');
		await field.fill('');
		await field.pressSequentially('Tailspin Toys Holdings', { delay: 20 });
		await settled(page, 'Tailspin Toys Holdings');
		const shown = await thumbnails(page);
		const expected = await expectedSlides();
		expect(shown.map((slide) => slide.text)).toEqual(expected.map((slide) => svgText(slide.svg)));
		expect(shown.map((slide) => slide.notes)).toEqual(expected.map((slide) => slide.notes));
		expect(shown[0]!.text).toContain('Tailspin Toys Holdings');
		// The name reaches more than the title slide (insight headlines and questions name it).
		expect(
			shown.filter((slide) => slide.text.includes('Tailspin Toys Holdings')).length,
		).toBeGreaterThan(1);
		expect(workers.some((url) => /preview-worker/.test(url))).toBe(true);
		// Drawn in the worker: the page itself never imported the planner (the deck engine may be
		// prefetched for the first download, but the previews do not need it). The network cannot
		// tell (a module worker's imports are the page's requests), but a dynamic import on the page
		// preloads its chunk with a <link> in the page's head, as the fallback test below sees.
		expect(requests.some((url) => /preview-slides/.test(url))).toBe(true);
		await expect(plannerLinks(page)).resolves.toBe(0);
		// The worker's script and every chunk it imports: the planner and the drawing, no pptxgenjs.
		const worker = readdirSync(path.join(siteDir, '_astro')).find((file) =>
			/^preview-worker/.test(file),
		)!;
		const chunks = staticChunks(worker);
		expect(chunks.some((file) => /^preview-slides/.test(file))).toBe(true);
		for (const file of chunks)
			expect(readFileSync(path.join(siteDir, '_astro', file), 'utf8'), file).not.toMatch(
				/PptxGenJS/,
			);
	});

	it('never shows an answer overtaken by a newer edit', async () => {
		// Record every name the title slide shows; when the redraw for "Alpha Stale" is sent (the
		// region turns busy), change the name at once, so that answer arrives after a newer edit.
		await page.evaluate(() => {
			const region = document.querySelector('#builder-previews .slide-previews')!;
			const grid = region.querySelector('.slide-grid')!;
			const seen: string[] = [];
			(window as unknown as { titleSeen: string[] }).titleSeen = seen;
			new MutationObserver(() => seen.push(grid.querySelector('svg')?.textContent ?? '')).observe(
				grid,
				{ childList: true, subtree: true },
			);
			const input = document.querySelector<HTMLInputElement>('#f-company')!;
			const busy = new MutationObserver(() => {
				if (!region.hasAttribute('aria-busy') || input.value !== 'Alpha Stale') return;
				busy.disconnect();
				input.value = 'Zeta Fresh';
				input.dispatchEvent(new Event('input', { bubbles: true }));
			});
			busy.observe(region, { attributes: true, attributeFilter: ['aria-busy'] });
		});
		await page.fill('#f-company', 'Alpha Stale');
		await settled(page, 'Zeta Fresh');
		const seen = await page.evaluate(
			() => (window as unknown as { titleSeen: string[] }).titleSeen,
		);
		expect(seen.some((text) => text.includes('Zeta Fresh'))).toBe(true);
		expect(seen.filter((text) => text.includes('Alpha Stale'))).toEqual([]);
		await page.waitForTimeout(600);
		expect((await thumbnails(page))[0]!.text).toContain('Zeta Fresh');
	});

	it('keeps the last slides, and says so, while the form is incomplete', async () => {
		const before = await thumbnails(page);
		await page.fill('#f-company', '');
		await expect
			.poll(() => page.locator('.slide-previews-empty').textContent())
			.toMatch(/last complete/);
		await expect(page.locator('.slide-previews-empty').isVisible()).resolves.toBe(true);
		expect(await thumbnails(page)).toEqual(before);
		await page.fill('#f-company', 'Tailspin Toys');
		await settled(page, 'Tailspin Toys');
		await expect(page.locator('.slide-previews-empty').isVisible()).resolves.toBe(false);
	});

	it('opens a slide large with its speaker notes', async () => {
		const third = page.locator('#builder-previews .slide-thumb').nth(2);
		const title = await third.locator('svg > title').textContent();
		const notes = await page.locator('#builder-previews .slide-notes').nth(2).textContent();
		expect(notes?.trim().length).toBeGreaterThan(0);
		await third.click();
		const dialog = page.locator('#builder-previews dialog.slide-dialog');
		await expect(dialog.isVisible()).resolves.toBe(true);
		await expect(dialog.getAttribute('aria-label')).resolves.toBe(title);
		await expect(dialog.locator('.slide-large svg > title').textContent()).resolves.toBe(title);
		await expect(dialog.locator('.slide-dialog-notes').textContent()).resolves.toBe(notes?.trim());
		await dialog.getByRole('button', { name: 'Close' }).click();
		await expect(dialog.isVisible()).resolves.toBe(false);
	});

	it('reports no console errors', () => {
		expect(errors).toEqual([]);
	});

	it('draws on the main thread when the worker cannot load', async () => {
		const blocked = await browser.newContext();
		try {
			const other = await blocked.newPage();
			const otherErrors = watchErrors(other);
			await other.route(/preview-worker/, (route) => route.abort());
			const seen: string[] = [];
			other.on('request', (request) => seen.push(request.url()));
			await other.goto(`${siteUrl}/builder/?briefing=${library().briefings[0]!.id}`);
			await other.waitForSelector('#builder[data-ready="true"]');
			await other.fill('#f-company', 'Fallback Foods');
			await settled(other, 'Fallback Foods');
			const titles = await thumbnails(other);
			expect(titles[0]!.title).toMatch(/^Slide 1: /);
			expect(titles[0]!.text).toContain('Fallback Foods');
			// The planner came to the main thread as its own chunk; the blocked worker is the only error.
			expect(seen.some((url) => /preview-slides/.test(url))).toBe(true);
			await expect(plannerLinks(other)).resolves.toBeGreaterThan(0);
			expect(otherErrors.filter((error) => !/preview-worker|ERR_FAILED/.test(error))).toEqual([]);
		} finally {
			await blocked.close();
		}
	});
});
