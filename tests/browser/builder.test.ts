/**
 * The briefing builder as a rep uses it, in Chromium: suggest a storyline, reorder, fill in the
 * prospect, see inline errors, download a deck and its PDF and compare them with what `npm run decks`
 * makes from the downloaded YAML (the deck part by part, the PDF byte for byte); work survives a reload; share links round-trip
 * and explain dropped insights; hostile text stays text.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { unpackIndex, type PackedIndex } from '../../src/builder/index-pack.ts';
import { auditDeck, formatFindings } from '../../src/deck/audit/index.ts';
import { loadLibrary } from '../../src/library/load.ts';
import { parseBriefing } from '../../src/library/parse.ts';
import { validateBriefingReferences } from '../../src/library/validate.ts';
import { stageIds } from '../../src/schema/stage.ts';
import { zipParts } from '../fixtures/decks/read.ts';
import { skipValidation, validatorErrors } from '../fixtures/decks/validate.ts';
import { launchChromium, watchErrors } from './chromium.ts';

const siteUrl = inject('siteUrl');
const root = path.resolve(import.meta.dirname, '../..');
const library = await loadLibrary({ root });
const byId = new Map(library.insights.map((entry) => [entry.id, entry]));

describe.skipIf(!siteUrl)('briefing builder', () => {
	let browser: Browser;
	let context: BrowserContext;
	let page: Page;
	let errors: string[];
	/** Downloads and a project copy, removed after the last test. */
	let work: string;

	beforeAll(async () => {
		work = mkdtempSync(path.join(tmpdir(), 'builder-test-'));
		browser = await launchChromium();
		context = await browser.newContext({
			acceptDownloads: true,
			viewport: { width: 1366, height: 900 },
		});
		await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl });
		page = await context.newPage();
		errors = watchErrors(page);
		page.on('dialog', (dialog) => {
			errors.push(`unexpected dialog: ${dialog.message()}`);
			void dialog.dismiss();
		});
		await page.goto(`${siteUrl}/builder/`);
		await page.waitForSelector('#builder[data-ready="true"]');
	});
	afterAll(async () => {
		await browser?.close();
		// The downloads and the project copy made here: a run leaves nothing in the temp folder.
		if (work) rmSync(work, { recursive: true, force: true });
	});

	const selectedIds = () =>
		page
			.locator('#selected-list .selected-item')
			.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.insight!));

	it('finds insights by words of their evidence, once the search text arrives', async () => {
		// A word of some insight's evidence that no claim or topic holds: only the search text has it.
		const published = library.insights.filter((entry) => entry.data.status === 'published');
		const claims = published
			.map((entry) => [entry.data.title, ...entry.data.topics].join(' ').toLowerCase())
			.join(' ');
		const found = published
			.flatMap((entry) =>
				entry.data.points
					.flatMap((point) => point.split(/\s+/))
					.map((word) => ({ id: entry.id, word: word.toLowerCase() })),
			)
			.find(({ word }) => /^[a-z]{7,}$/.test(word) && !claims.includes(word));
		expect(found).toBeDefined();
		const other = await context.newPage();
		await other.goto(`${siteUrl}/builder/`);
		await other.waitForSelector('#builder[data-ready="true"]');
		await other.fill('#pick-search', found!.word);
		await other.waitForSelector(`#pick-list [data-insight="${found!.id}"]`);
		await other.close();
	});

	it('suggests a storyline for an industry and persona that walks the four stages in order', async () => {
		await page.selectOption('#pick-industry', 'healthcare-providers');
		await page.selectOption('#pick-persona', 'cfo');
		await page.click('#suggest');
		const ids = await selectedIds();
		expect(ids.length).toBeGreaterThanOrEqual(4);
		const order = ids.map((id) => stageIds.indexOf(byId.get(id)!.data.stage));
		expect(order).toEqual([...order].sort((a, b) => a - b));
		expect(new Set(order).size).toBe(4);
		for (const id of ids)
			expect(
				byId
					.get(id)!
					.data.industries.some((industry) =>
						['healthcare-providers', 'cross-industry'].includes(industry),
					),
			).toBe(true);
		expect(await page.locator('#coverage .is-covered').count()).toBe(4);
	});

	it('reorders by button and by keyboard, and removes', async () => {
		const before = await selectedIds();
		await page
			.locator('#selected-list .selected-item')
			.first()
			.locator('[data-move="down"]')
			.click();
		expect(await selectedIds()).toEqual([before[1], before[0], ...before.slice(2)]);
		await page.locator('#selected-list .selected-item').nth(1).focus();
		await page.keyboard.press('Alt+ArrowUp');
		expect(await selectedIds()).toEqual(before);
		const last = before[before.length - 1]!;
		await page.locator(`#selected-list [data-remove="${last}"]`).click();
		expect(await selectedIds()).toEqual(before.slice(0, -1));
		// Dragging the last item onto the first moves it to the top.
		const items = page.locator('#selected-list .selected-item');
		const count = await items.count();
		const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
		await items.nth(count - 1).dispatchEvent('dragstart', { dataTransfer });
		await items.first().dispatchEvent('dragover', { dataTransfer });
		await items.first().dispatchEvent('drop', { dataTransfer });
		await page.locator('#selected-list').dispatchEvent('dragend', { dataTransfer });
		const dragged = await selectedIds();
		expect(dragged[0]).toBe(before[before.length - 2]);
		// Put it back in storyline order for the deck.
		for (let i = 0; i < count - 1; i++)
			await page
				.locator(`#selected-list [data-insight="${dragged[0]}"] [data-move="down"]`)
				.click();
		expect(await selectedIds()).toEqual(before.slice(0, -1));
	});

	it('shows the schema rules as inline errors before download', async () => {
		await page.click('#download-deck');
		expect(await page.locator('#error-summary').isVisible()).toBe(true);
		expect(await page.locator('[data-error-for="prospect.company"]').textContent()).toBe(
			'some text (it is empty)',
		);
		expect(await page.locator('#f-company').getAttribute('aria-invalid')).toBe('true');
		await page.fill('#f-company', 'N'.repeat(61));
		await page.locator('#f-company').blur();
		expect(await page.locator('[data-error-for="prospect.company"]').textContent()).toBe(
			'at most 60 characters (got 61)',
		);
	});

	it('builds and downloads a deck with the parts, and a PDF with the bytes, that npm run decks makes from the downloaded YAML', async () => {
		await page.fill('#f-company', 'Northwind Health System');
		await page.selectOption('#f-industry', 'healthcare-providers');
		await page.fill('#f-audience-0-name', 'Dana Reyes');
		await page.fill('#f-audience-0-role', 'Chief Financial Officer');
		await page.click('#add-person');
		await page.fill('#f-audience-1-role', 'VP Revenue Cycle');
		await page.fill('#f-date', '2027-01-20');
		await page.fill('#f-title', 'Where margin hides in a volume-driven year');
		await page.fill('#f-presenter-name', 'Sam Okafor');
		await page.fill('#f-presenter-title', 'Healthcare Industry Advisor');
		await page.fill('#f-presenter-email', 'sam.okafor@example.com');
		await page.fill(
			'#f-ask',
			'A 90-minute working session with your finance and revenue-cycle leads',
		);
		await page.click('#add-agenda');
		await page.fill('#f-agenda-0', 'Marginal cost by service line');
		await page.fill('#f-proposed', '2027-02-03');
		expect(await page.locator('#error-summary').isVisible()).toBe(false);

		const [deckDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.click('#download-deck'),
		]);
		expect(deckDownload.suggestedFilename()).toBe('northwind-health-system-2027-01-20.pptx');
		const deckPath = path.join(work, 'browser.pptx');
		await deckDownload.saveAs(deckPath);
		// What PowerPoint would say: no accessibility problem, no schema error.
		const deckBytes = readFileSync(deckPath);
		expect(formatFindings('browser.pptx', auditDeck(deckBytes))).toEqual([]);
		if (!skipValidation())
			expect(await validatorErrors([{ name: 'browser.pptx', bytes: deckBytes }])).toEqual([]);
		const [pdfDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.click('#download-pdf'),
		]);
		expect(pdfDownload.suggestedFilename()).toBe('northwind-health-system-2027-01-20.pdf');
		const pdfPath = path.join(work, 'browser.pdf');
		await pdfDownload.saveAs(pdfPath);
		const [yamlDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.click('#download-yaml'),
		]);
		const yamlPath = path.join(work, 'northwind-health-system-2027-01-20.yaml');
		await yamlDownload.saveAs(yamlPath);

		// The YAML passes the same checks as npm run check.
		const parsed = parseBriefing(
			'content/briefings/northwind-health-system-2027-01-20.yaml',
			readFileSync(yamlPath, 'utf8'),
		);
		expect(parsed.issues).toEqual([]);
		expect(
			validateBriefingReferences(
				'x',
				parsed.entry!.data,
				new Map(library.insights.map((entry) => [entry.id, entry])),
				library.taxonomy!,
			),
		).toEqual([]);
		expect(parsed.entry!.data.insights).toEqual(await selectedIds());

		// The CLI, run on a copy of the project's content with that YAML added, makes the same bytes.
		const project = path.join(work, 'project');
		mkdirSync(project);
		cpSync(path.join(root, 'content'), path.join(project, 'content'), { recursive: true });
		cpSync(path.join(root, 'public'), path.join(project, 'public'), { recursive: true });
		writeFileSync(
			path.join(project, 'content/briefings/northwind-health-system-2027-01-20.yaml'),
			readFileSync(yamlPath),
		);
		const env = { ...process.env };
		delete env.SOURCE_DATE_EPOCH;
		execFileSync(
			process.execPath,
			[
				path.join(root, 'scripts/decks.ts'),
				'northwind-health-system-2027-01-20',
				'--pdf',
				'--out',
				path.join(work, 'cli'),
			],
			{ cwd: project, env, stdio: 'pipe' },
		);
		const cli = readFileSync(path.join(work, 'cli', 'northwind-health-system-2027-01-20.pptx'));
		const browserDeck = readFileSync(deckPath);
		// The same package: every part, the chart workbooks' parts too, byte for byte and in the same
		// order. Only the compressed bytes differ: the CLI deflates with node:zlib, the browser with
		// the engine's JavaScript DEFLATE (tests/deck-native-deflate.test.ts).
		expect(zipParts(browserDeck)).toEqual(zipParts(cli));
		// The PDF leave-behind too: the browser's DEFLATE and fonts are the CLI's.
		const cliPdf = readFileSync(path.join(work, 'cli', 'northwind-health-system-2027-01-20.pdf'));
		expect(readFileSync(pdfPath).equals(cliPdf)).toBe(true);

		// And it is the briefing: the company and the first insight's claim are on the slides.
		const files = unzipSync(new Uint8Array(browserDeck));
		const slides = Object.keys(files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name));
		const text = slides.map((name) => strFromU8(files[name]!)).join(' ');
		expect(text).toContain('Northwind Health System');
		expect(text).not.toMatch(/\{(company|industry|audience)\}/);
		expect(errors).toEqual([]);
	});

	it('lets the rep tick which questions the deck asks, and exports the choice', async () => {
		const group = page.getByRole('group', { name: 'Questions to explore' });
		await expect.poll(() => group.isVisible()).toBe(true);
		const ids = await selectedIds();
		const withQuestions = ids.filter((id) => byId.get(id)!.data.questions.length);
		// Until the rep chooses, the deck's default shows ticked: the first of each insight, at most 6.
		const tickedBoxes = () =>
			group
				.locator('input[type="checkbox"]:checked')
				.evaluateAll((boxes) => boxes.map((box) => box.id));
		expect(await tickedBoxes()).toEqual(withQuestions.slice(0, 6).map((id) => `q-${id}-0`));
		const id = withQuestions.find((entry) => byId.get(entry)!.data.questions.length > 1)!;
		expect(id).toBeDefined();
		const [first, second] = byId.get(id)!.data.questions;
		// Every box has its label: the question, reachable by name.
		const label = await group.locator(`label[for="q-${id}-1"]`).textContent();
		expect(await group.getByRole('checkbox', { name: label!, exact: true }).count()).toBe(1);

		await page.uncheck(`#q-${id}-0`);
		await page.check(`#q-${id}-1`);
		expect(await page.isChecked(`#q-${id}-1`)).toBe(true);
		expect(await page.isChecked(`#q-${id}-0`)).toBe(false);

		// The words of a question outside its tokens, as they appear on the slide whatever fills them.
		const words = (question: string) =>
			question
				.split(/\{[a-z]+\}/)
				.reduce((longest, part) => (part.length > longest.length ? part : longest), '')
				.trim();
		const [deckDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.click('#download-deck'),
		]);
		const deckPath = path.join(work, 'ticked.pptx');
		await deckDownload.saveAs(deckPath);
		const files = unzipSync(new Uint8Array(readFileSync(deckPath)));
		const decode = (xml: string) =>
			[...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
				.map((match) => match[1]!)
				.join(' ')
				.replace(/&lt;/g, '<')
				.replace(/&gt;/g, '>')
				.replace(/&quot;/g, '"')
				.replace(/&apos;/g, "'")
				.replace(/&amp;/g, '&');
		const questionSlides = Object.keys(files)
			.filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
			.map((name) => decode(strFromU8(files[name]!)))
			.filter((text) => text.includes('Questions to explore together'));
		expect(questionSlides.length).toBeGreaterThan(0);
		const asked = questionSlides.join(' ');
		expect(asked).toContain(words(second!));
		expect(asked).not.toContain(words(first!));

		const [yamlDownload] = await Promise.all([
			page.waitForEvent('download'),
			page.click('#download-yaml'),
		]);
		const yamlPath = path.join(work, 'ticked.yaml');
		await yamlDownload.saveAs(yamlPath);
		const yaml = readFileSync(yamlPath, 'utf8');
		expect(yaml).toMatch(/^questions:$/m);
		const parsed = parseBriefing('content/briefings/ticked.yaml', yaml);
		expect(parsed.issues).toEqual([]);
		expect(parsed.entry!.data.questions).toContainEqual({ insight: id, index: 1 });
		expect(parsed.entry!.data.questions).not.toContainEqual({ insight: id, index: 0 });
		expect(errors).toEqual([]);
	});

	it('says so when the brand logo cannot be loaded, instead of making a different deck', async () => {
		// A page of its own: the refused request is logged as a console error there.
		const other = await context.newPage();
		await other.route('**/*.png', (route) => route.fulfill({ status: 404, body: '' }));
		await other.goto(`${siteUrl}/builder/`);
		await other.waitForSelector('#builder[data-ready="true"]');
		let downloaded = false;
		other.on('download', () => void (downloaded = true));
		await other.click('#download-deck');
		await other.waitForFunction(() =>
			document.querySelector('#action-status')?.textContent?.includes('logo'),
		);
		expect(await other.textContent('#action-status')).toMatch(
			/^The deck could not be built: the brand logo \(.+\.png\) could not be loaded \(HTTP 404\)\. Your work is saved/,
		);
		expect(downloaded).toBe(false);
		expect(await other.isEnabled('#download-deck')).toBe(true);
		await other.close();
	});

	it('keeps the work in progress across a reload', async () => {
		const ids = await selectedIds();
		await page.reload();
		await page.waitForSelector('#builder[data-ready="true"]');
		expect(await selectedIds()).toEqual(ids);
		expect(await page.inputValue('#f-company')).toBe('Northwind Health System');
		expect(await page.inputValue('#f-audience-1-role')).toBe('VP Revenue Cycle');
		expect(await page.inputValue('#f-agenda-0')).toBe('Marginal cost by service line');
	});

	it('round-trips a share link in a fresh browser', async () => {
		const ids = await selectedIds();
		await page.click('#copy-link');
		const link = await page.inputValue('#share-url');
		expect(link).toContain(`insights=${ids.join('%2C')}`);
		const fresh = await browser.newContext();
		const other = await fresh.newPage();
		await other.goto(link);
		await other.waitForSelector('#builder[data-ready="true"]');
		expect(
			await other
				.locator('#selected-list .selected-item')
				.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.insight)),
		).toEqual(ids);
		expect(await other.inputValue('#f-company')).toBe('Northwind Health System');
		expect(await other.inputValue('#f-date')).toBe('2027-01-20');
		await fresh.close();
	});

	it('opens a shared briefing before its insights’ details arrive, then fetches only theirs', async () => {
		const ids = await selectedIds();
		await page.click('#copy-link');
		const link = await page.inputValue('#share-url');
		const fresh = await browser.newContext({ acceptDownloads: true });
		const other = await fresh.newPage();
		const otherErrors = watchErrors(other);
		const requested: string[] = [];
		other.on('request', (request) => requested.push(new URL(request.url()).pathname));
		// Details arrive late, as on a slow connection: the page must not wait for them to be usable.
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await other.route('**/builder/details/**', async (route) => {
			await held;
			await route.continue();
		});
		await other.goto(link);
		await other.waitForSelector('#builder[data-ready="true"]');
		expect(
			await other
				.locator('#selected-list .selected-item')
				.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.insight)),
		).toEqual(ids);
		expect(await other.locator('#selected-list').innerText()).toContain(
			byId.get(ids[0]!)!.data.title.slice(0, 20),
		);
		await expect.poll(() => other.locator('#question-count').innerText()).toContain('Loading');
		// A download asked for now waits for the details and still builds the deck.
		const download = other.waitForEvent('download');
		await other.click('#download-deck');
		release();
		expect((await download).suggestedFilename()).toMatch(/\.pptx$/);
		await expect
			.poll(() => other.locator('#question-groups input[type="checkbox"]').count())
			.toBeGreaterThanOrEqual(ids.length);
		// Only the index at start, never a whole-library file; details files only for these insights.
		const index = unpackIndex(
			JSON.parse(
				readFileSync(path.join(inject('siteDir'), 'builder', 'index.json'), 'utf8'),
			) as PackedIndex,
		);
		const position = new Map(index.insights.map((entry, at) => [entry.id, at]));
		const shards = new Set(ids.map((id) => Math.floor(position.get(id)! / index.shardSize)));
		const detailFiles = requested.filter((url) => url.includes('/builder/details/'));
		expect(new Set(detailFiles)).toEqual(
			new Set([...shards].map((shard) => `/builder/details/${shard}.json`)),
		);
		expect(requested.some((url) => url.endsWith('/library.json'))).toBe(false);
		expect(requested.some((url) => url.endsWith('/builder/briefings.json'))).toBe(false);
		expect(otherErrors).toEqual([]);
		await fresh.close();
	});

	it('explains share-link insights that are unknown or retired, and keeps the rest', async () => {
		const fresh = await browser.newContext();
		const other = await fresh.newPage();
		const otherErrors = watchErrors(other);
		const [first, second] = library.insights.filter((entry) => entry.data.status === 'published');
		const draft = library.insights.find((entry) => entry.data.status === 'draft');
		const ids = [first!.id, 'retired-insight', second!.id, ...(draft ? [draft.id] : [])];
		await other.goto(`${siteUrl}/builder/?insights=${ids.join(',')}`);
		await other.waitForSelector('#builder[data-ready="true"]');
		expect(await other.locator('#selected-list .selected-item').count()).toBe(2);
		const notice = await other.locator('#builder-notices').innerText();
		expect(notice).toContain('retired-insight');
		if (draft) expect(notice).toContain(draft.id);
		expect(otherErrors).toEqual([]);
		await fresh.close();
	});

	it('treats hostile text as text: markup, very long strings, right-to-left and emoji', async () => {
		const hostile = '<img src=x onerror="window.__pwned=1">مرحبا 🚀 "quotes" & <b>bold</b>';
		await page.fill('#f-company', hostile);
		await page.fill('#f-notes', 'x'.repeat(5000));
		await page.locator('#f-notes').blur();
		expect(await page.locator('[data-error-for="notes"]').textContent()).toBe(
			'at most 2000 characters (got 5000)',
		);
		await page.click('#copy-email');
		expect(await page.inputValue('#email-body')).toContain(hostile);
		expect(
			await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
		).toBeUndefined();
		expect(await page.locator('#builder img[src="x"], #builder b').count()).toBe(0);
		// Reload with that saved: still no injected markup, and the page works.
		await page.reload();
		await page.waitForSelector('#builder[data-ready="true"]');
		expect(await page.inputValue('#f-company')).toBe(hostile);
		expect(
			await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
		).toBeUndefined();
		expect(errors).toEqual([]);
	});

	it('writes a prospecting email that teases the first insight', async () => {
		await page.fill('#f-company', 'Northwind Health System');
		await page.click('#copy-email');
		const first = byId.get((await selectedIds())[0]!)!;
		const subject = await page.inputValue('#email-subject');
		const body = await page.inputValue('#email-body');
		expect(subject.startsWith('Northwind Health System: ')).toBe(true);
		expect(body).toMatch(/^Hi Dana,/);
		expect(body).toContain(
			first.data.summary.replace(/\{company\}/g, 'Northwind Health System').slice(0, 40),
		);
		expect(body).toContain('Sam Okafor');
		const clipboard = await page.evaluate(() => navigator.clipboard.readText());
		expect(clipboard).toContain(`Subject: ${subject}`);
	});

	it('adds an insight from its page with "Add to a briefing"', async () => {
		const candidate = library.insights.find(
			(entry) =>
				entry.data.status === 'published' &&
				!entry.data.industries.includes('healthcare-providers'),
		)!;
		await page.goto(`${siteUrl}/insights/${candidate.id}/`);
		await page.click('text=Add to a briefing');
		await page.waitForSelector('#builder[data-ready="true"]');
		expect(await selectedIds()).toContain(candidate.id);
		expect(new URL(page.url()).search).toBe('');
	});

	it('gets a new rep from the home page to a downloaded deck on a phone', async () => {
		const phone = await browser.newContext({
			acceptDownloads: true,
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true,
		});
		const mobile = await phone.newPage();
		const mobileErrors = watchErrors(mobile);
		await mobile.goto(`${siteUrl}/`);
		await mobile.click('.hero >> text=Build a briefing');
		await mobile.waitForSelector('#builder[data-ready="true"]');
		await mobile.selectOption('#pick-industry', 'manufacturing');
		await mobile.click('#suggest');
		await mobile.fill('#f-company', 'Contoso Manufacturing');
		await mobile.selectOption('#f-industry', 'manufacturing');
		await mobile.fill('#f-audience-0-role', 'Chief Operating Officer');
		// A meeting before the suggested insights' review-by dates (expired ones block the download).
		await mobile.fill('#f-date', '2027-01-12');
		await mobile.fill('#f-title', 'What unplanned downtime really costs');
		await mobile.fill('#f-presenter-name', 'Riley Chen');
		await mobile.fill('#f-presenter-title', 'Industry Advisor');
		await mobile.fill(
			'#f-ask',
			'A plant walk and a downtime cost workshop with your operations team',
		);
		const [download] = await Promise.all([
			mobile.waitForEvent('download'),
			mobile.click('#download-deck'),
		]);
		expect(download.suggestedFilename()).toBe('contoso-manufacturing-2027-01-12.pptx');
		const overflow = await mobile.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth,
		);
		expect(overflow).toBeLessThanOrEqual(0);
		await mobile.screenshot({ path: '/tmp/builder-phone.png', fullPage: true });
		expect(mobileErrors).toEqual([]);
		await phone.close();
	});
});
