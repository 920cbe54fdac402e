/**
 * What the decks tell PowerPoint and screen readers, read back from the files: every slide's
 * title is its title placeholder (`ctrTitle` on the title slide) holding the visible headline,
 * titles are unique, pictures and charts carry alt text that states what they show, decorative
 * shapes are marked with the exact extension, the shape tree is in reading order without changing
 * what covers what, and the text has the deck's language.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { auditDeck, DECORATIVE_EXTENSION } from '../src/deck/audit/index.ts';
import { buildDeckWithPlan, type DeckPlan, type SceneFrame } from '../src/deck/index.ts';
import { readingOrder } from '../src/deck/pptx/accessibility.ts';
import { maxInput, sampleInput } from './fixtures/decks/inputs.ts';
import { decodeXml, openDeck, type Deck } from './fixtures/decks/read.ts';

let deck: Deck;
let plan: DeckPlan;
let max: Deck;
let bytes: Uint8Array[];

beforeAll(async () => {
	const built = await buildDeckWithPlan(sampleInput());
	deck = openDeck(built.bytes);
	plan = built.plan;
	const maxBytes = (await buildDeckWithPlan(maxInput())).bytes;
	max = openDeck(maxBytes);
	bytes = [built.bytes, maxBytes];
});

/** The text of the slide's title placeholder, and its type. */
function titleOf(d: Deck, index: number): { type: string; text: string } | undefined {
	const xml = d.text(d.slides[index]!);
	for (const shape of xml.match(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/g) ?? []) {
		const type = /<p:ph type="(title|ctrTitle)"\/>/.exec(shape)?.[1];
		if (type)
			return {
				type,
				text: [...shape.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1]!)).join(''),
			};
	}
	return undefined;
}

describe('slide titles', () => {
	it('are title placeholders holding the visible headline; ctrTitle on the title slide', () => {
		deck.slides.forEach((_, index) => {
			const title = titleOf(deck, index);
			expect(title, `slide ${index + 1}`).toBeDefined();
			expect(title!.type).toBe(index === 0 ? 'ctrTitle' : 'title');
			const frame = plan.slides[index]!.frames.find((f) => f.role === 'title');
			expect(frame?.kind).toBe('text');
			if (frame?.kind === 'text')
				expect(title!.text).toBe(
					frame.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(''),
				);
		});
		expect(titleOf(deck, 2)!.text).toBe(
			sampleInput().insights[0]!.data.title.replace('{industry}', 'Industrial manufacturing'),
		);
	});

	it('are unique, paginated slides counting their pages', () => {
		for (const d of [deck, max]) {
			const titles = d.slides.map((_, index) => titleOf(d, index)!.text.toLowerCase());
			expect(new Set(titles).size).toBe(titles.length);
		}
		const questions = max.slides
			.map((_, i) => titleOf(max, i)!.text)
			.filter((t) => t.startsWith('Questions to explore'));
		expect(questions.length).toBeGreaterThan(1);
		expect(questions[0]).toBe(`Questions to explore together (1 of ${questions.length})`);
	});
});

describe('pictures, charts and decoration', () => {
	it('give every chart alt text naming its title, unit and values', () => {
		const charts = plan.slides.flatMap((slide) => slide.frames.filter((f) => f.kind === 'chart'));
		expect(charts.length).toBeGreaterThan(0);
		const descrs = deck.slides.flatMap((slide) =>
			[...deck.text(slide).matchAll(/<p:graphicFrame>[\s\S]*?<p:cNvPr [^>]*descr="([^"]*)"/g)].map(
				(m) => decodeXml(m[1]!),
			),
		);
		expect(descrs).toEqual(charts.map((chart) => (chart.kind === 'chart' ? chart.alt : '')));
		for (const [index, chart] of charts.entries()) {
			if (chart.kind !== 'chart') continue;
			expect(descrs[index]).toContain(chart.chart.title);
			expect(descrs[index]).toContain(chart.chart.labels[0]!);
		}
	});

	it('mark every decorative frame with the exact extension and nothing else', () => {
		const slideXml = deck.text(deck.slides[2]!);
		const decorative = plan.slides[2]!.frames.filter((f) => f.role === 'decoration').length;
		expect(decorative).toBeGreaterThan(0);
		expect(slideXml.split(`<a:ext uri="${DECORATIVE_EXTENSION}">`).length - 1).toBe(decorative);
	});

	it('leave the audit nothing to report on the sample and the maxima', () => {
		for (const deckBytes of bytes) expect(auditDeck(deckBytes)).toEqual([]);
	});
});

describe('reading order', () => {
	const frame = (
		role: SceneFrame['role'],
		x: number,
		y: number,
		w: number,
		h: number,
	): SceneFrame =>
		role === 'decoration'
			? { kind: 'rect', role, decorative: true, fill: 'EEEEEE', x, y, w, h }
			: { kind: 'image', role: 'image', data: '', alt: role, x, y, w, h };
	const title = (x: number, y: number): SceneFrame =>
		({ ...frame('body', x, y, 10, 1), role: 'title' }) as SceneFrame;

	it('puts the title first and follows each column top to bottom', () => {
		const frames = [
			frame('body', 0, 0, 10, 0.3), // eyebrow above the title
			title(0, 0.5),
			frame('decoration', 5, 5, 5, 1), // panel behind the implication
			frame('body', 5.2, 5.1, 4, 0.8), // implication, low in the right column
			frame('body', 5, 2, 5, 2), // points, above it in the same column
			frame('body', 0, 2, 4, 4), // the left column, read before the right one
		];
		expect(readingOrder(frames)).toEqual([1, 0, 2, 5, 4, 3]);
	});

	it('never changes the order of frames that overlap', () => {
		const frames = [
			frame('body', 0, 3, 4, 1),
			frame('decoration', 0, 0, 4, 4),
			frame('body', 0, 0.5, 4, 1),
		];
		// The text above sits in a panel painted after the first text: both stay where they are.
		const order = readingOrder(frames);
		expect(order.indexOf(0)).toBeLessThan(order.indexOf(1));
		expect(order.indexOf(1)).toBeLessThan(order.indexOf(2));
	});

	it('is the order of the shapes in the slide', () => {
		const xml = deck.text(deck.slides[2]!);
		const names = [...xml.matchAll(/<p:cNvPr id="\d+" name="[^"]*"(?: descr="([^"]*)")?/g)];
		expect(names.length).toBeGreaterThan(3);
		// The first shape a screen reader meets (decorative ones aside) is the title placeholder.
		const first = (
			xml.match(
				/<p:(?:sp|pic|graphicFrame)>(?:(?!<\/p:(?:sp|pic|graphicFrame)>)[\s\S])*<\/p:(?:sp|pic|graphicFrame)>/g,
			) ?? []
		).find((shape) => !shape.includes(DECORATIVE_EXTENSION));
		expect(first).toContain('<p:ph type="title"/>');
	});
});

describe('language', () => {
	it('is en-US by default: on every run, the presentation and the document properties', () => {
		const slide = deck.text(deck.slides[2]!);
		expect(slide).not.toMatch(/<a:rPr(?![^>]*lang="en-US")[^>]*>/);
		expect(deck.text('ppt/presentation.xml')).toContain('<a:defRPr lang="en-US"');
		expect(deck.text('docProps/core.xml')).toContain('<dc:language>en-US</dc:language>');
	});

	it("follows the briefing's language, with the theme's East Asian font and runs that use it", async () => {
		const input = sampleInput();
		input.briefing = {
			...input.briefing,
			language: 'ja-JP',
			title: '運転資本はどこに隠れているか',
		};
		const built = await buildDeckWithPlan(input);
		const ja = openDeck(built.bytes);
		const slide = ja.text(ja.slides[0]!);
		expect(slide).toContain('lang="ja-JP"');
		expect(slide).not.toContain('lang="en-US"');
		expect(slide).toContain('<a:ea typeface="+mj-ea"/>');
		expect(ja.text('ppt/theme/theme1.xml')).toMatch(
			/<a:minorFont><a:latin typeface="[^"]*"\/><a:ea typeface="游ゴシック"\/>/,
		);
		expect(
			built.plan.warnings.some((w) =>
				w.startsWith('Chinese, Japanese or Korean text is measured with an estimate'),
			),
		).toBe(true);
		expect(auditDeck(built.bytes)).toEqual([]);
	});

	it('marks right-to-left paragraphs rtl and aligns them right', async () => {
		const input = sampleInput();
		input.briefing = { ...input.briefing, language: 'he-IL', title: 'היכן מסתתר ההון החוזר' };
		const built = await buildDeckWithPlan(input);
		const he = openDeck(built.bytes);
		const title = he
			.text(he.slides[0]!)
			.match(/<a:p>(?:(?!<\/a:p>)[\s\S])*היכן(?:(?!<\/a:p>)[\s\S])*<\/a:p>/)![0];
		expect(title).toMatch(/<a:pPr[^>]* algn="r"[^>]* rtl="1"/);
		// English paragraphs stay left to right.
		expect(he.text(he.slides[2]!)).not.toContain('rtl="1"');
		expect(he.text('ppt/theme/theme1.xml')).toMatch(
			/<a:minorFont><a:latin typeface="[^"]*"\/><a:ea typeface=""\/><a:cs typeface="Arial"\/>/,
		);
		expect(built.plan.warnings.some((w) => w.startsWith('Hebrew text'))).toBe(true);
	});
});
