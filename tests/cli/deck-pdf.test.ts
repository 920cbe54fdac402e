/**
 * The PDF leave-behind of every example briefing, read back with poppler as a reader would: one
 * page per slide, every font embedded, the slide titles on the pages and in the bookmarks; and the
 * same list of titles in the .pptx, the PDF and the previews. `npm run decks -- --pdf` writes it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PDFDict, PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDeck } from '../../src/deck/index.ts';
import { slideSvg } from '../../src/deck/svg/index.ts';
import { briefingIds, deckInputs } from '../../src/integrations/decks.ts';
import { loadLibrary } from '../../src/library/load.ts';
import { decodeXml, openDeck } from '../fixtures/decks/read.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const poppler = await run('pdfinfo', ['-v']).then(
	() => true,
	() => false,
);
if (!poppler && !process.env.CI) console.warn('deck-pdf: poppler (pdfinfo) not installed: skipped');

let out: string;
let ids: string[];
let stdout: string;

/** Slide titles of a .pptx: title placeholders where there are any, else docProps/app.xml. */
function pptxTitles(bytes: Uint8Array): string[] {
	const deck = openDeck(bytes);
	const fromPlaceholders = deck.slides.map((slide) => {
		const xml = deck.text(slide);
		const shape = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].find((m) =>
			/<p:ph [^>]*type="(title|ctrTitle)"/.test(m[0]),
		);
		return shape
			? [...shape[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1]!)).join('')
			: undefined;
	});
	if (fromPlaceholders.every((title) => title !== undefined)) return fromPlaceholders as string[];
	const app = deck.text('docProps/app.xml');
	const parts = [...app.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => decodeXml(m[1]!));
	return parts.slice(-deck.slides.length);
}

/** Bookmark titles of a PDF, in order. */
async function outlineTitles(bytes: Uint8Array): Promise<string[]> {
	const doc = await PDFDocument.load(bytes, { updateMetadata: false });
	const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
	const titles: string[] = [];
	let ref = outlines.get(PDFName.of('First')) as PDFRef | undefined;
	while (ref) {
		const item = doc.context.lookup(ref, PDFDict);
		titles.push((item.lookup(PDFName.of('Title')) as PDFHexString).decodeText());
		ref = item.get(PDFName.of('Next')) as PDFRef | undefined;
	}
	return titles;
}

const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase();

beforeAll(async () => {
	out = await mkdtemp(path.join(tmpdir(), 'deck-pdf-'));
	const result = await run(
		process.execPath,
		[path.join(repo, 'scripts/decks.ts'), '--pdf', '--out', out],
		{ cwd: repo, env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } },
	);
	stdout = result.stdout;
	ids = briefingIds(await loadLibrary({ root: repo }));
}, 300_000);

afterAll(async () => {
	await rm(out, { recursive: true, force: true });
});

describe.skipIf(!poppler && !process.env.CI)('PDF leave-behind of every example briefing', () => {
	it('is written next to each deck by npm run decks -- --pdf', () => {
		for (const id of ids) expect(stdout).toContain(`${id}.pdf`);
	});

	it('has a page per slide, every font embedded, and the title and language set', async () => {
		for (const id of ids) {
			const pdf = path.join(out, `${id}.pdf`);
			const deck = openDeck(new Uint8Array(await readFile(path.join(out, `${id}.pptx`))));
			const info = (await run('pdfinfo', [pdf])).stdout;
			expect(Number(/^Pages:\s+(\d+)/m.exec(info)![1]), id).toBe(deck.slides.length);
			expect(info).toMatch(/^Title:\s+\S/m);
			const fonts = (await run('pdffonts', [pdf])).stdout.trim().split('\n').slice(2);
			expect(fonts.length).toBeGreaterThan(0);
			// Columns: name type encoding emb sub uni object ID: emb must be "yes" on every row.
			for (const row of fonts) expect(row.split(/\s+/).at(-5), `${id}: ${row}`).toBe('yes');
			const doc = await PDFDocument.load(new Uint8Array(await readFile(pdf)), {
				updateMetadata: false,
			});
			expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(en-US)');
		}
	});

	it('shows each slide title on its page, with selectable text', async () => {
		for (const id of ids) {
			const pdf = path.join(out, `${id}.pdf`);
			const titles = await outlineTitles(new Uint8Array(await readFile(pdf)));
			for (const [index, title] of titles.entries()) {
				const page = String(index + 1);
				const text = (await run('pdftotext', ['-f', page, '-l', page, pdf, '-'])).stdout;
				expect(squash(text), `${id} page ${page}`).toContain(squash(title));
			}
		}
	});

	it('lists the same slide titles as the .pptx and the previews', async () => {
		const library = await loadLibrary({ root: repo });
		const inputs = await deckInputs(library, ids, '1767225600');
		for (const id of ids) {
			const pptx = pptxTitles(new Uint8Array(await readFile(path.join(out, `${id}.pptx`))));
			const pdf = await outlineTitles(new Uint8Array(await readFile(path.join(out, `${id}.pdf`))));
			const scene = planDeck(inputs.get(id)!);
			const previews = scene.slides.map((_, index) =>
				decodeXml(/<title[^>]*>([^<]*)<\/title>/.exec(slideSvg(scene, index))![1]!).replace(
					/^Slide \d+: /,
					'',
				),
			);
			expect(pdf, id).toEqual(pptx);
			expect(previews, id).toEqual(pptx);
		}
	});
});
