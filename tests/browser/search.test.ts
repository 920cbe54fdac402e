/**
 * Search on the built site: Pagefind finds insights, facets narrow and count, the URL carries
 * the search, keyboard navigation works, and "what does a CFO in healthcare care about" takes two
 * interactions from the home page, on a phone and on a laptop.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadLibrary } from '../../src/library/load.ts';
import { launchChromium, watchErrors } from './chromium.ts';

const siteUrl = inject('siteUrl');
const library = await loadLibrary({ root: path.resolve(import.meta.dirname, '../..') });
const published = library.insights.filter((entry) => entry.data.status === 'published');

describe.skipIf(!siteUrl)('search', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function results(page: Page): Promise<string[]> {
		await page.waitForFunction(() => !!document.querySelector('#search-status')?.textContent);
		return page
			.locator('.search-result h3 a')
			.evaluateAll((links) =>
				links.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
			);
	}

	async function settle(page: Page) {
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(250);
	}

	it('finds an insight by the words of its claim', async () => {
		const page = await browser.newPage();
		const errors = watchErrors(page);
		const target = published.find((entry) => entry.data.chart) ?? published[0]!;
		const words = target.data.title
			.replace(/[^A-Za-z0-9 ]/g, ' ')
			.split(/\s+/)
			.filter((word) => word.length > 5)
			.slice(0, 3)
			.join(' ');
		await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(words)}`);
		await settle(page);
		expect(await results(page)).toContain(`/insights/${target.id}/`);
		expect(await page.locator('.search-result mark').count()).toBeGreaterThan(0);
		expect(errors).toEqual([]);
	});

	it('narrows by an industry facet with counts, and keeps the filters in the URL', async () => {
		const page = await browser.newPage();
		await page.goto(`${siteUrl}/search/`);
		await settle(page);
		const all = await results(page);
		expect(all.length).toBe(Math.min(published.length, 50));
		const healthcare = page.locator('input[data-facet="industry"][value="Healthcare providers"]');
		const label = page.locator('label', { has: healthcare });
		const count = Number(await label.locator('.count').textContent());
		const expected = published.filter((entry) =>
			entry.data.industries.includes('healthcare-providers'),
		).length;
		expect(count).toBe(expected);
		await healthcare.check();
		await settle(page);
		const narrowed = await results(page);
		expect(narrowed.length).toBe(expected);
		expect(narrowed.length).toBeLessThan(all.length);
		for (const url of narrowed) {
			const id = url.split('/')[2]!;
			expect(published.find((entry) => entry.id === id)?.data.industries).toContain(
				'healthcare-providers',
			);
		}
		expect(page.url()).toContain('industry=Healthcare+providers');
		// The same URL, opened fresh, restores the search.
		const shared = await browser.newPage();
		await shared.goto(page.url());
		await settle(shared);
		expect(await results(shared)).toEqual(narrowed);
		expect(
			await shared
				.locator('input[data-facet="industry"][value="Healthcare providers"]')
				.isChecked(),
		).toBe(true);
	});

	it('moves through results with the arrow keys and returns with Escape', async () => {
		const page = await browser.newPage();
		await page.goto(`${siteUrl}/search/?q=cost`);
		await settle(page);
		const links = await results(page);
		expect(links.length).toBeGreaterThan(1);
		await page.focus('#search-query');
		await page.keyboard.press('ArrowDown');
		expect(
			await page.evaluate(
				() => new URL((document.activeElement as HTMLAnchorElement).href).pathname,
			),
		).toBe(links[0]);
		await page.keyboard.press('ArrowDown');
		expect(
			await page.evaluate(
				() => new URL((document.activeElement as HTMLAnchorElement).href).pathname,
			),
		).toBe(links[1]);
		await page.keyboard.press('Escape');
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-query');
	});

	for (const [name, viewport] of [
		['phone', { width: 375, height: 740 }],
		['laptop', { width: 1366, height: 800 }],
	] as const) {
		it(`answers "what does a CFO in healthcare care about" in two interactions on a ${name}`, async () => {
			const page = await browser.newPage({ viewport });
			const errors = watchErrors(page);
			await page.goto(`${siteUrl}/`);
			// Interaction 1: type into the header search box; interaction 2: press Enter.
			await page.fill('#site-search', 'healthcare CFO');
			await page.press('#site-search', 'Enter');
			await page.waitForURL(/\/search\/\?q=healthcare/);
			await settle(page);
			const found = await results(page);
			// Healthcare insights for CFOs, and cross-industry ones for CFOs (they apply to every industry,
			// as the storylines count them); the first result must be a healthcare one.
			const forCfos = published.filter((entry) => entry.data.personas.includes('cfo'));
			const healthcare = forCfos
				.filter((entry) => entry.data.industries.includes('healthcare-providers'))
				.map((entry) => `/insights/${entry.id}/`);
			const relevant = [
				...healthcare,
				...forCfos
					.filter((entry) => entry.data.industries.includes('cross-industry'))
					.map((entry) => `/insights/${entry.id}/`),
			];
			expect(healthcare.length).toBeGreaterThan(2);
			expect(healthcare).toContain(found[0]);
			expect(found.slice(0, 3).filter((url) => !relevant.includes(url))).toEqual([]);
			expect(await page.locator('.search-result').first().isVisible()).toBe(true);
			await page.screenshot({ path: `/tmp/search-healthcare-cfo-${name}.png` });
			expect(errors).toEqual([]);
		});
	}
});
