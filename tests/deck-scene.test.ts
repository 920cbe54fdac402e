/**
 * The scene and its writers: roles, alt text and decoration in the scene; the layout constants it
 * is built from; the SVG previews and the PDF leave-behind drawn from it (titles, bookmarks, fonts,
 * byte-identical output); and the writers' independence from briefings.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { planDeck, type Scene } from '../src/deck/index.ts';
import { frameLines } from '../src/deck/draw/lines.ts';
import { writePdf } from '../src/deck/pdf/index.ts';
import { CLOSING_LAYOUT, HEADER_LAYOUT, TITLE_LAYOUT } from '../src/deck/plan/layouts.ts';
import { imageSymbols, slideSvg } from '../src/deck/svg/index.ts';
import { briefingPreview } from '../src/site/briefing-preview.ts';
import { maxInput, sampleInput } from './fixtures/decks/inputs.ts';

const root = path.resolve(import.meta.dirname, '..');
const fonts = {
	regular: new Uint8Array(readFileSync(path.join(root, 'public/fonts/Carlito-Regular.ttf'))),
	bold: new Uint8Array(readFileSync(path.join(root, 'public/fonts/Carlito-Bold.ttf'))),
};

/** The bookmark titles of a PDF, in order. */
async function outlineTitles(bytes: Uint8Array): Promise<string[]> {
	const doc = await PDFDocument.load(bytes);
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

let sample: Scene;
let max: Scene;

beforeAll(() => {
	sample = planDeck(sampleInput());
	max = planDeck(maxInput());
});

describe('scene', () => {
	it('gives every slide one title frame, its title as text, and notes', () => {
		for (const scene of [sample, max]) {
			for (const slide of scene.slides) {
				const titles = slide.frames.filter((frame) => frame.role === 'title');
				expect(titles, `${slide.kind}: ${slide.title}`).toHaveLength(1);
				expect(slide.notes.length).toBeGreaterThan(20);
			}
			const insight = scene.slides.find((slide) => slide.kind === 'insight')!;
			const title = insight.frames.find((frame) => frame.role === 'title')!;
			expect(title.kind === 'text' && title.paragraphs[0]!.runs[0]!.text).toBe(insight.title);
		}
	});

	it('marks shapes decorative and gives pictures and charts alt text that states the values', () => {
		const frames = [
			...sample.masters.dark.frames,
			...sample.masters.content.frames,
			...sample.slides.flatMap((slide) => slide.frames),
		];
		for (const frame of frames) {
			if (frame.kind === 'rect' || frame.kind === 'roundRect' || frame.kind === 'ellipse') {
				expect(frame.decorative).toBe(true);
				expect(frame.role).toBe('decoration');
			}
			if (frame.kind === 'image') expect(frame.alt.trim()).not.toBe('');
		}
		const charts = frames.filter((frame) => frame.kind === 'chart');
		expect(charts.length).toBeGreaterThan(0);
		for (const chart of charts) {
			expect(chart.alt).toContain(chart.chart.title);
			for (const label of chart.chart.labels) expect(chart.alt).toContain(label);
			expect(chart.alt).toMatch(/^(Bar|Column|Line|Pie|Doughnut) chart: /);
		}
	});

	it('places frames from the named layouts', () => {
		const title = sample.slides[0]!.frames.find((frame) => frame.role === 'title')!;
		expect({ x: title.x, y: title.y, w: title.w, h: title.h }).toEqual(TITLE_LAYOUT.title);
		const closing = sample.slides.at(-1)!.frames.find((frame) => frame.role === 'title')!;
		expect(closing.y).toBe(CLOSING_LAYOUT.thanks.y);
		// The agenda's headline repeats the title slide's, so its eyebrow is its (unique) title.
		const agenda = sample.slides[1]!.frames.find((frame) => frame.role === 'title')!;
		expect(agenda.y).toBe(HEADER_LAYOUT.eyebrow.y);
		expect(agenda.x).toBe(HEADER_LAYOUT.eyebrow.x);
		const headline = sample.slides[2]!.frames.find((frame) => frame.role === 'title')!;
		expect(headline.y).toBe(HEADER_LAYOUT.headline.y);
		expect(headline.x).toBe(HEADER_LAYOUT.headline.x);
	});

	it('lays text out on baselines a pitch apart, first at top + pitch - 0.2 em', () => {
		const points = sample.slides
			.flatMap((slide) => slide.frames)
			.find((frame) => frame.kind === 'text' && frame.name === 'points');
		if (points?.kind !== 'text') throw new Error('no points');
		const lines = frameLines(points, 'B35C12').filter((item) => item.text !== '\u2022');
		const pitch = points.size * points.lineSpacing;
		expect(lines[0]!.y * 72).toBeCloseTo(points.y * 72 + pitch - 0.2 * points.size, 6);
		// Every line stays inside its box.
		for (const line of lines) {
			expect(line.x + line.w).toBeLessThanOrEqual(points.x + points.w + 1e-6);
			expect(line.y).toBeLessThanOrEqual(points.y + points.h + 1e-6);
		}
	});
});

describe('previews', () => {
	it('are titled images: "Slide N: <title>"', () => {
		sample.slides.forEach((slide, index) => {
			const svg = slideSvg(sample, index, { titleId: `t${index}` });
			expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="t\d+"/);
			const title = /<title id="t\d+">([^<]*)<\/title>/.exec(svg)![1];
			expect(title).toBe(
				`Slide ${index + 1}: ${slide.title}`.replaceAll('&', '&amp;').replaceAll('<', '&lt;'),
			);
		});
	});

	it('draw every word of the slide', () => {
		const slide = sample.slides.findIndex((s) => s.kind === 'insight');
		const svg = slideSvg(sample, slide);
		const text = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
		for (const word of sample.slides[slide]!.title.split(' ')) expect(text).toContain(word);
	});

	it('on a page, draw the logo from one symbol instead of carrying its bytes on every slide', () => {
		const logo = sampleInput().logo!.dataUrl;
		const alone = sample.slides.map((_, index) => slideSvg(sample, index));
		const withLogo = alone.filter((svg) => svg.includes(logo));
		expect(withLogo.length).toBeGreaterThan(3);

		const preview = briefingPreview(sample);
		for (const [index, slide] of preview.slides.entries()) {
			expect(slide.svg).not.toContain('data:');
			// The same drawing, the logo's <image> now a <use> of the symbol, in the same box.
			const image =
				/<image href="[^"]*"( x="[^"]*" y="[^"]*" width="[^"]*" height="[^"]*") preserveAspectRatio="none"\/>/g;
			expect(slide.svg).toBe(alone[index]!.replace(image, '<use href="#slide-image-1"$1/>'));
		}
		expect(preview.images.split(logo)).toHaveLength(2);
		expect(preview.images).toMatch(
			/^<svg [^>]*aria-hidden="true"[^>]*><symbol id="slide-image-1" /,
		);
		expect(imageSymbols(new Map())).toBe('');
	});
});

describe('PDF leave-behind', () => {
	it('has a page and a bookmark per slide, titled as the slides, and its title and language', async () => {
		const bytes = await writePdf(max, fonts);
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(doc.getPageCount()).toBe(max.slides.length);
		expect(await outlineTitles(bytes)).toEqual(max.slides.map((slide) => slide.title));
		expect(doc.getTitle()).toBe(max.meta.title);
		expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toContain('en-US');
		const [w, h] = [doc.getPage(0).getWidth(), doc.getPage(0).getHeight()];
		expect(w / h).toBeCloseTo(max.size.w / max.size.h, 3);
	});

	it('is byte-identical for the same input', async () => {
		const a = await writePdf(planDeck(sampleInput()), fonts);
		const b = await writePdf(planDeck(sampleInput()), fonts);
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
		expect(Buffer.from(a).toString('latin1')).not.toMatch(/CreationDate\(D:20[3-9]/);
	});
});

describe('writers', () => {
	it('know nothing of briefings: no schema values, no library', () => {
		const dirs = ['pptx', 'svg', 'pdf', 'draw'].map((dir) => path.join(root, 'src/deck', dir));
		for (const dir of dirs) {
			for (const file of readdirSync(dir)) {
				const source = readFileSync(path.join(dir, file), 'utf8');
				for (const [statement] of source.matchAll(/^import[^;]*;/gm)) {
					expect(statement, `${file}: ${statement}`).not.toMatch(/\/library\//);
					if (/\/schema\//.test(statement))
						expect(statement, `${file}: ${statement}`).toMatch(/^import type /);
					expect(statement, `${file}: ${statement}`).not.toMatch(/\/plan\//);
				}
			}
		}
	});
});

describe('briefing questions', () => {
	it("must name one of the briefing's insights, and at most six", async () => {
		const { briefingSchema } = await import('../src/schema/briefing.ts');
		const input = sampleInput();
		const raw = {
			...input.briefing,
			date: '2026-03-12',
			questions: [{ insight: 'not-in-this-briefing', index: 0 }],
		};
		const result = briefingSchema.safeParse(raw);
		expect(result.success).toBe(false);
		expect(JSON.stringify(result.error?.issues)).toContain("one of this briefing's insights");
		const seven = briefingSchema.safeParse({ ...raw, questions: Array(7).fill('Why now?') });
		expect(seven.success).toBe(false);
		const ok = briefingSchema.safeParse({
			...raw,
			questions: [{ insight: input.briefing.insights[0], index: 2 }, 'Why now, {company}?'],
		});
		expect(ok.success).toBe(true);
	});

	it('must pick a question the insight has', async () => {
		const { validateBriefingReferences } = await import('../src/library/validate.ts');
		const input = sampleInput();
		const insights = new Map(input.insights.map((insight) => [insight.id, insight]));
		const issues = validateBriefingReferences(
			'content/briefings/x.yaml',
			{ ...input.briefing, questions: [{ insight: input.insights[0]!.id, index: 2 }] },
			insights,
			{
				industries: [{ id: input.briefing.prospect.industry, name: 'x', description: 'x' }],
				personas: [],
			},
		);
		expect(issues.map((issue) => `${issue.field}: ${issue.message}`)).toEqual([
			`questions[0].index: 0-1: "${input.insights[0]!.id}" has 2 questions`,
		]);
	});
});
