/**
 * Decks on company templates (LibreOffice's own, converted to .pptx and .potx): every example
 * briefing and the max-length fixture are built on each. The package keeps the template's masters
 * and layouts (used or not) and drops its slides; every slide sits on a template layout with its
 * title in the title placeholder; the same input gives the same bytes; the Open XML validator
 * finds nothing grafting added; LibreOffice opens every deck with every slide.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	buildDeckWithPlan,
	packageProblems,
	type DeckInput,
	type DeckPlan,
	type TextFrame,
} from '../../src/deck/index.ts';
import { auditDeck, formatFindings } from '../../src/deck/audit/index.ts';
import { readTemplate } from '../../src/deck/template/index.ts';
import { briefingIds, deckInputs } from '../../src/integrations/decks.ts';
import { loadLibrary } from '../../src/library/load.ts';
import { maxInput } from '../fixtures/decks/inputs.ts';
import {
	templateFixtures,
	templatesAvailable,
	type TemplateFixture,
} from '../fixtures/templates.ts';
import { convertToPdf } from './libreoffice.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const validator = path.join(repo, 'node_modules/.bin/ooxml-validator');

/** Validator errors, as `part: description`. */
async function validatorErrors(file: string): Promise<string[]> {
	const { stdout } = await run(validator, [file], { timeout: 120_000 }).catch(
		(error: { stdout: string }) => error,
	);
	const report = JSON.parse(stdout) as { errors: Array<{ path: string; description: string }> };
	return report.errors.map((e) => `${e.path}: ${e.description}`);
}

/** The text of the slide's title frame, as the plan wrote it. */
function titleText(slide: DeckPlan['slides'][number]): string {
	const title = slide.frames.find(
		(f): f is TextFrame => f.kind === 'text' && Boolean(f.placeholder),
	);
	return title ? title.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('') : '';
}

interface Built {
	name: string;
	fixture: TemplateFixture;
	format: 'pptx' | 'potx';
	input: DeckInput;
	bytes: Uint8Array;
	plan: DeckPlan;
	file: string;
}

describe.runIf(templatesAvailable)('decks on company templates', () => {
	let dir: string;
	const built: Built[] = [];

	beforeAll(async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'template-decks-'));
		const library = await loadLibrary({ root: repo });
		const ids = briefingIds(library).filter((id) => library.briefings.some((b) => b.id === id));
		const inputs = [
			...(await deckInputs(library, ids, undefined)),
			['max-length', maxInput()] as const,
		];
		for (const fixture of (await templateFixtures())!) {
			for (const format of ['pptx', 'potx'] as const) {
				const template = new Uint8Array(await readFile(fixture[format]));
				for (const [name, base] of inputs) {
					const input = { ...base, template };
					const { bytes, plan } = await buildDeckWithPlan(input);
					const file = path.join(dir, `${fixture.name}-${format}-${name}.pptx`);
					await writeFile(file, bytes);
					built.push({ name, fixture, format, input, bytes, plan, file });
				}
			}
		}
	}, 1_900_000);

	afterAll(async () => {
		if (dir) await rm(dir, { recursive: true, force: true });
	});

	it("keeps the template's masters, layouts and size; drops its slides; titles in title placeholders", () => {
		expect(built.length).toBeGreaterThanOrEqual(8 * 3);
		for (const deck of built) {
			const label = `${deck.fixture.name}.${deck.format} ${deck.name}`;
			const template = readTemplate(deck.input.template!);
			const parts = unzipSync(deck.bytes);
			const names = Object.keys(parts);
			for (const layout of template.layouts) expect(names, label).toContain(layout.part);
			for (const master of template.masters) expect(names, label).toContain(master.part);
			const presentation = strFromU8(parts['ppt/presentation.xml']!);
			expect(presentation.match(/<p:sldMasterId /g)?.length, label).toBe(template.masters.length);
			expect(presentation, label).toContain(
				`<p:sldSz cx="${Math.round(template.slideSize.width * 914400)}" cy="${Math.round(template.slideSize.height * 914400)}"`,
			);
			const slides = names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
			expect(slides.length, label).toBe(deck.plan.slides.length);
			deck.plan.slides.forEach((slide, i) => {
				const xml = strFromU8(parts[`ppt/slides/slide${i + 1}.xml`]!);
				const rels = strFromU8(parts[`ppt/slides/_rels/slide${i + 1}.xml.rels`]!);
				expect(rels, `${label} slide ${i + 1}`).toContain(
					`Target="../slideLayouts/${slide.layout!.split('/').pop()}"`,
				);
				const titles = [...xml.matchAll(/<p:ph type="(?:title|ctrTitle)"\/>[\s\S]*?<\/p:sp>/g)];
				expect(titles.length, `${label} slide ${i + 1}`).toBe(1);
				const text = [...titles[0]![0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
				expect(
					text
						.replace(/&amp;/g, '&')
						.replace(/&apos;/g, "'")
						.replace(/&quot;/g, '"'),
					`${label} slide ${i + 1}`,
				).toBe(titleText(slide));
			});
			expect(packageProblems(new Map(Object.entries(parts))), label).toEqual([]);
			expect(deck.plan.overflows, label).toEqual([]);
		}
	});

	it('gives the same bytes for the same input', async () => {
		for (const deck of built.filter((d) => d.format === 'potx')) {
			const again = await buildDeckWithPlan(deck.input);
			expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(deck.bytes)), deck.file).toBe(0);
		}
	});

	it('passes the Open XML validator with 0 errors', async () => {
		for (const deck of built.filter((d) => d.format === 'potx' || d.fixture.name === 'Vintage')) {
			expect(await validatorErrors(deck.file), deck.file).toEqual([]);
		}
	}, 600_000);

	it('audits clean: titles, alt text, decorative marks and reading order on the template too', () => {
		for (const deck of built) {
			expect(formatFindings(deck.file, auditDeck(deck.bytes))).toEqual([]);
		}
	});

	it('opens in LibreOffice with every slide (the .potx builds: the .pptx ones share their parts)', async () => {
		const opened = built.filter((d) => d.format === 'potx');
		const outdir = path.join(dir, 'pdf');
		await convertToPdf(
			opened.map((d) => d.file),
			outdir,
			dir,
			900_000,
		);
		const pdfs = await readdir(outdir).catch(() => [] as string[]);
		for (const deck of opened) {
			const pdf = `${path.basename(deck.file, '.pptx')}.pdf`;
			expect(pdfs, `LibreOffice could not open ${deck.file}`).toContain(pdf);
			const { stdout } = await run('pdfinfo', [path.join(outdir, pdf)]);
			expect(Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]), deck.file).toBe(deck.plan.slides.length);
		}
	}, 1_000_000);
});
