/**
 * The built site in Chromium: every page type renders without console errors or accessibility
 * violations, internal links resolve, the insights index filters work, and drafts stay out.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { unpackIndex, type PackedIndex } from '../../src/builder/index-pack.ts';
import { loadLibrary } from '../../src/library/load.ts';
import { decodeXml, openDeck, type Deck } from '../fixtures/decks/read.ts';
import { axeViolations, launchChromium, watchErrors } from './chromium.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const siteBuildLog = inject('siteBuildLog');
const library = await loadLibrary({ root: path.resolve(import.meta.dirname, '../..') });
const published = library.insights.filter((entry) => entry.data.status === 'published');
const drafts = library.insights.filter((entry) => entry.data.status === 'draft');

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(full);
		return entry.name.endsWith('.html') ? [full] : [];
	});
}

/** The text of slide `index`'s notes placeholder (the notes page also holds its slide number). */
function speakerNotes(deck: Deck, index: number): string {
	const part = deck.rels(deck.slides[index]!).find((rel) => rel.type === 'notesSlide');
	const shape = part
		? deck
				.text(part.target)
				.split('<p:sp>')
				.find((xml) => xml.includes('<p:ph type="body"'))
		: undefined;
	return [...(shape ?? '').matchAll(/<a:t>([^<]*)<\/a:t>/g)]
		.map((match) => decodeXml(match[1]!))
		.join(' ');
}

describe.skipIf(!siteUrl)('built site', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
	});

	async function open(
		url: string,
		viewport = { width: 1280, height: 900 },
	): Promise<{ page: Page; errors: string[] }> {
		const page = await browser.newPage({ viewport });
		const errors = watchErrors(page);
		const response = await page.goto(`${siteUrl}${url}`);
		expect(response?.status(), url).toBe(url.startsWith('/no-such') ? 404 : 200);
		await page.waitForLoadState('networkidle');
		return { page, errors };
	}

	it.skipIf(!siteBuildLog)('builds without a warning for every MDX file', () => {
		// Rolldown warned once per insight, with a code frame, about the directive Astro adds to each
		// MDX file's assets (withastro/astro#18087): thousands of lines at a library's real size.
		expect(siteBuildLog).toContain('Complete!');
		expect(siteBuildLog).not.toContain('astro:head-inject');
		expect(siteBuildLog).not.toContain('MODULE_LEVEL_DIRECTIVE');
	});

	it('has a page for every published insight, industry and briefing, and none for drafts', () => {
		for (const entry of published)
			expect(existsSync(path.join(siteDir, 'insights', entry.id, 'index.html')), entry.id).toBe(
				true,
			);
		for (const entry of drafts)
			expect(existsSync(path.join(siteDir, 'insights', entry.id, 'index.html')), entry.id).toBe(
				false,
			);
		for (const industry of library.taxonomy!.industries)
			expect(existsSync(path.join(siteDir, 'industries', industry.id, 'index.html'))).toBe(true);
		for (const briefing of library.briefings) {
			expect(existsSync(path.join(siteDir, 'briefings', briefing.id, 'index.html'))).toBe(true);
			expect(
				existsSync(path.join(siteDir, 'briefings', `${briefing.id}.pptx`)),
				`${briefing.id}.pptx`,
			).toBe(true);
		}
		// The builder's index lists every published insight, and its details files hold each once.
		const builderFile = (name: string) =>
			JSON.parse(readFileSync(path.join(siteDir, 'builder', name), 'utf8')) as unknown;
		const index = unpackIndex(builderFile('index.json') as PackedIndex);
		const publishedIds = published.map((entry) => entry.id).sort();
		expect(index.insights.map((entry) => entry.id)).toEqual(publishedIds);
		const details = Array.from(
			{ length: Math.ceil(publishedIds.length / index.shardSize) },
			(_, shard) =>
				builderFile(`details/${shard}.json`) as Array<{ id: string; talkTrack: string }>,
		).flat();
		expect(details.map((entry) => entry.id)).toEqual(publishedIds);
		expect(details.every((entry) => entry.talkTrack.length > 0)).toBe(true);
		const searchLines = readFileSync(path.join(siteDir, 'builder', 'search.txt'), 'utf8');
		expect(searchLines.split('\n')).toHaveLength(publishedIds.length);
	});

	it('has no broken internal links or assets', () => {
		const broken: string[] = [];
		for (const file of htmlFiles(siteDir)) {
			const html = readFileSync(file, 'utf8');
			for (const match of html.matchAll(/\s(?:href|src)="(\/[^"#?]*)[^"]*"/g)) {
				const target = decodeURIComponent(match[1]!);
				const candidate = path.join(siteDir, target);
				const ok = target.endsWith('/')
					? existsSync(path.join(candidate, 'index.html'))
					: existsSync(candidate);
				if (!ok) broken.push(`${path.relative(siteDir, file)} -> ${target}`);
			}
		}
		expect(broken).toEqual([]);
	});

	const healthcareBriefing =
		library.briefings.find((entry) => entry.data.prospect.industry === 'healthcare-providers') ??
		library.briefings[0]!;
	const chartInsight = published.find((entry) => entry.data.chart) ?? published[0]!;
	const pages = [
		['home', '/'],
		['insights index', '/insights/'],
		['insight with a chart', `/insights/${chartInsight.id}/`],
		['insight', `/insights/${published[published.length - 1]!.id}/`],
		['industries index', '/industries/'],
		['industry', '/industries/healthcare-providers/'],
		['briefings index', '/briefings/'],
		['briefing', `/briefings/${healthcareBriefing.id}/`],
		['search', '/search/?q=margin'],
		['builder', '/builder/'],
		['not found', '/no-such-page/'],
	] as const;

	for (const [name, url] of pages) {
		it(`renders the ${name} page without console errors or accessibility violations`, async () => {
			const { page, errors } = await open(url);
			if (name === 'builder') await page.waitForSelector('#builder[data-ready="true"]');
			if (name === 'search') await page.waitForSelector('.search-result');
			expect(await page.locator('h1').count()).toBe(1);
			expect(await axeViolations(page)).toEqual([]);
			// The browser reports the 404 status of the not-found page itself as a console error.
			expect(errors.filter((error) => !(name === 'not found' && error.includes('404')))).toEqual(
				[],
			);
			await page.close();
		});
	}

	it('is usable on a phone: no horizontal scrolling on any page type', async () => {
		for (const [, url] of pages) {
			const { page } = await open(url, { width: 375, height: 740 });
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - window.innerWidth,
			);
			expect(overflow, url).toBeLessThanOrEqual(0);
			await page.close();
		}
	});

	it('filters the insights index by industry, persona and stage, in the URL too', async () => {
		const { page, errors } = await open('/insights/');
		const visible = () => page.locator('#insight-list > li:not([hidden])').count();
		expect(await visible()).toBe(published.length);
		await page.selectOption('#filter-industry', 'healthcare-providers');
		const forIndustry = published.filter((entry) =>
			entry.data.industries.some((id) => id === 'healthcare-providers' || id === 'cross-industry'),
		);
		expect(await visible()).toBe(forIndustry.length);
		await page.selectOption('#filter-persona', 'cfo');
		await page.selectOption('#filter-stage', 'decision-to-change');
		const expected = forIndustry.filter(
			(entry) => entry.data.personas.includes('cfo') && entry.data.stage === 'decision-to-change',
		);
		expect(await visible()).toBe(expected.length);
		expect(await page.locator('#result-count').textContent()).toBe(
			`${expected.length} insight${expected.length === 1 ? '' : 's'}`,
		);
		expect(new URL(page.url()).search).toBe(
			'?industry=healthcare-providers&persona=cfo&stage=decision-to-change',
		);
		// A shared, filtered URL opens filtered.
		const { page: shared } = await open(
			'/insights/?industry=healthcare-providers&persona=cfo&stage=decision-to-change',
		);
		expect(await shared.locator('#insight-list > li:not([hidden])').count()).toBe(expected.length);
		await page.click('button[type="reset"]');
		await page.waitForFunction(
			(count) => document.querySelectorAll('#insight-list > li:not([hidden])').length === count,
			published.length,
		);
		expect(new URL(page.url()).search).toBe('');
		expect(errors).toEqual([]);
	});

	it('lays an industry out as a storyline across the four conversations', async () => {
		const { page } = await open('/industries/healthcare-providers/');
		const headings = await page.locator('.storyline-stage h2').allTextContents();
		expect(headings).toEqual(['Why change', 'What makes it hard', 'What works', 'What decides it']);
		const own = published.filter((entry) => entry.data.industries.includes('healthcare-providers'));
		for (const entry of own)
			expect(await page.locator(`.storyline [data-insight="${entry.id}"]`).count(), entry.id).toBe(
				1,
			);
	});

	it('shows a briefing in presenting order with tokens filled, and links its deck', async () => {
		const { page } = await open(`/briefings/${healthcareBriefing.id}/`);
		const ids = await page
			.locator('.briefing-insight[id]')
			.evaluateAll((sections) => sections.map((section) => section.id));
		expect(ids.filter((id) => !['questions', 'next-step', 'sources'].includes(id))).toEqual(
			healthcareBriefing.data.insights,
		);
		const text = await page.locator('main').innerText();
		expect(text).not.toMatch(/\{(company|industry|audience)\}/);
		expect(text).toContain(healthcareBriefing.data.nextStep.ask);
		const deck = page.locator(`a[href$="/briefings/${healthcareBriefing.id}.pptx"]`).first();
		const response = await page.request.get(`${siteUrl}/briefings/${healthcareBriefing.id}.pptx`);
		expect(await deck.count()).toBe(1);
		expect(response.status()).toBe(200);
	});

	it("gives every briefing page's slide previews the deck's own speaker notes", async () => {
		// Whitespace aside: the page keeps the notes as one text, the deck as paragraphs of runs.
		const words = (text: string) => text.replace(/\s+/g, '');
		for (const briefing of library.briefings) {
			const { page } = await open(`/briefings/${briefing.id}/`);
			const shown = await page
				.locator('.slide-grid .slide-notes')
				.evaluateAll((notes) => notes.map((note) => note.textContent ?? ''));
			await page.close();
			const deck = openDeck(readFileSync(path.join(siteDir, 'briefings', `${briefing.id}.pptx`)));
			expect(shown.length, briefing.id).toBe(deck.slides.length);
			expect(shown.map(words), briefing.id).toEqual(
				deck.slides.map((_, index) => words(speakerNotes(deck, index))),
			);
		}
	});

	it("draws the logo on a briefing page's slides from one symbol, in the thumbnails and the large view", async () => {
		const { page } = await open(`/briefings/${healthcareBriefing.id}/`);
		const logos = () =>
			page.locator('.slide-previews').evaluate((region) =>
				[...region.querySelectorAll<SVGUseElement>('svg[role="img"] use')].map((use) => {
					const symbol = region.querySelector(use.getAttribute('href') ?? '');
					const box = use.getBBox();
					return {
						symbol: symbol?.tagName,
						image: symbol?.querySelector('image')?.getAttribute('href')?.slice(0, 22),
						drawn: box.width > 0 && box.height > 0,
					};
				}),
			);
		const thumbnails = await logos();
		expect(thumbnails.length).toBeGreaterThan(3);
		for (const logo of thumbnails)
			expect(logo).toEqual({ symbol: 'symbol', image: 'data:image/png;base64,', drawn: true });
		const html = await page.content();
		expect(html.split('data:image/png').length).toBe(2);
		// The large view is a copy of a thumbnail's drawing, on the same page: its logo resolves too.
		await page.locator('.slide-thumb').nth(1).click();
		const large = await page
			.locator('.slide-large use')
			.evaluateAll((uses) =>
				uses.map((use) => document.querySelector(use.getAttribute('href') ?? '')?.tagName),
			);
		expect(large.length).toBeGreaterThan(0);
		expect(new Set(large)).toEqual(new Set(['symbol']));
		await page.close();
	});

	it('prints a briefing without site chrome', async () => {
		const { page } = await open(`/briefings/${healthcareBriefing.id}/`);
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('.site-header').isVisible()).toBe(false);
		expect(await page.locator('.no-print').first().isVisible()).toBe(false);
		const pdf = await page.pdf({ format: 'A4' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	});
});
