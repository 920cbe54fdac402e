/**
 * The deck engine, read back from the files it writes: slides and their text, speaker notes,
 * native charts with embedded workbooks, filled tokens, the package's structure, metadata escaping
 * and byte-identical output.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	buildDeck,
	buildDeckWithPlan,
	deckTimestamp,
	planDeck,
	xmlError,
	type DeckInput,
} from '../src/deck/index.ts';
import PptxGenJS from 'pptxgenjs';
import { normalizePackage } from '../src/deck/pptx/package.ts';
import { numberFormat } from '../src/deck/pptx/chart.ts';
import { stages } from '../src/schema/stage.ts';
import { maxInput, sampleInput } from './fixtures/decks/inputs.ts';
import { decodeXml, dosDateTime, openDeck, zipEntries, type Deck } from './fixtures/decks/read.ts';

const tokenLeft = /\{(company|industry|audience)\}/;

let sample: Uint8Array;
let sampleDeck: Deck;
let max: Uint8Array;
let maxDeck: Deck;
let wideDeck: Deck;

beforeAll(async () => {
	sample = await buildDeck(sampleInput());
	sampleDeck = openDeck(sample);
	max = await buildDeck(maxInput());
	maxDeck = openDeck(max);
	wideDeck = openDeck(await buildDeck(maxInput({ wide: true })));
});

describe('slides', () => {
	it('follow the storyline: title, agenda, one per insight, questions, sources, next step, closing', () => {
		const input = sampleInput();
		const plan = planDeck(input);
		expect(plan.slides.map((slide) => slide.kind)).toEqual([
			'title',
			'agenda',
			...input.insights.map(() => 'insight'),
			'questions',
			'sources',
			'next-step',
			'closing',
		]);
		expect(sampleDeck.slides).toHaveLength(plan.slides.length);
		// The insight slides carry their claims as headlines, in presenting order.
		input.insights.forEach((insight, index) => {
			expect(plan.slides[2 + index]!.title).toBe(
				insight.data.title.replace('{industry}', input.industryName),
			);
			expect(sampleDeck.slideText(2 + index)).toContain(plan.slides[2 + index]!.title);
		});
	});

	it('show the prospect, the briefing, the presenter and the date on the title slide', () => {
		const title = sampleDeck.slideText(0);
		expect(title).toContain('Executive briefing for Acme Industrial');
		expect(title).toContain('Where working capital hides in Industrial manufacturing');
		expect(title).toContain('Four findings from 200 manufacturers');
		expect(title).toContain('Sam Carter');
		expect(title).toContain('Principal, Industrial Practice');
		expect(title).toContain('12 March 2026');
	});

	it('group the agenda by the four conversations, in their order', () => {
		const agenda = sampleDeck.slideText(1);
		const positions = Object.values(stages).map((stage) => agenda.indexOf(stage.name));
		expect(positions.every((position) => position >= 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
		// "What works" lists both of its insights, after its heading and before the next stage.
		const works = agenda.indexOf(stages.approaches.name);
		const decides = agenda.indexOf(stages['decision-factors'].name);
		for (const claim of ['Distributor margins have doubled', 'Energy is now the third-largest']) {
			expect(agenda.indexOf(claim)).toBeGreaterThan(works);
			expect(agenda.indexOf(claim)).toBeLessThan(decides);
		}
	});

	it('show a stat as a big number with its source, and mark illustrative figures', () => {
		const stat = sampleDeck.slideText(2);
		expect(stat).toContain('23 days');
		expect(stat).toContain(
			'more working capital at acquisitive manufacturers than at organic peers',
		);
		expect(stat).toContain('Hackett & Partners');
		expect(stat).not.toContain('Illustrative');
		// Insight 3 has a chart and a stat whose source is illustrative: both show, the stat as a callout.
		const both = sampleDeck.slideText(4);
		expect(both).toContain('2x');
		expect(both).toContain('growth in distributor margin since 2020');
		expect(both).toMatch(/Illustrative figure/);
		expect(both).toContain('Meridian analysis');
		const plan = planDeck(sampleInput()).slides[4]!;
		expect(plan.frames.some((element) => element.kind === 'chart')).toBe(true);
	});

	it('show the evidence points and the implication with the prospect named', () => {
		const slide = sampleDeck.slideText(2);
		expect(slide).toContain('Duplicate ERP instances are the strongest predictor of the gap.');
		expect(slide).toContain('What this means for Acme Industrial');
		expect(slide).toContain(
			'At Acme Industrial, each day of working capital is cash the CFO and COO could spend on growth instead.',
		);
	});

	it('ask the first question of each insight by default (at most 6), then list every source', () => {
		const input = sampleInput();
		const questions = sampleDeck.slideText(2 + input.insights.length);
		expect(questions).toContain('How many order-to-cash processes does Acme Industrial run today?');
		// A second question of an insight is not asked by default.
		expect(questions).not.toContain('What would 10 fewer days of working capital fund');
		expect(
			sampleDeck.text(sampleDeck.slides[2 + input.insights.length]!).match(/<a:buAutoNum /g),
		).toHaveLength(input.insights.length);
		// Twelve insights: still six questions.
		const max = planDeck(maxInput());
		const asked = max.slides
			.filter((slide) => slide.kind === 'questions')
			.flatMap((slide) => slide.frames)
			.flatMap((frame) =>
				frame.kind === 'text' && frame.name === 'questions' ? frame.paragraphs : [],
			);
		expect(maxInput().insights).toHaveLength(12);
		expect(asked).toHaveLength(6);
		const sources = sampleDeck.slideText(3 + input.insights.length);
		for (const insight of input.insights) {
			for (const source of insight.data.sources) {
				expect(sources).toContain(source.title);
				expect(sources).toContain(source.publisher);
			}
		}
		expect(sources).toContain('Hackett & Partners, June 2025');
		expect(sources).toContain('Illustrative');
	});

	it('end with the proposed next step and the presenter contact', () => {
		const count = sampleDeck.slides.length;
		const next = sampleDeck.slideText(count - 2);
		expect(next).toContain(
			'A 90-minute working session with your FP&A leads to size the working-capital gap.',
		);
		expect(next).toContain('Map order-to-cash processes');
		expect(next).toContain('Tuesday, 14 April 2026');
		const closing = sampleDeck.slideText(count - 1);
		for (const part of [
			'Sam Carter',
			'Principal, Industrial Practice',
			'sam.carter@example.com',
			'+1 555 0100',
			'Meridian Advisory',
		]) {
			expect(closing).toContain(part);
		}
		expect(openDeck(max).slideText(maxDeck.slides.length - 1)).toContain(
			maxInput().briefing.presenter.company!,
		);
	});

	it("ask the questions a briefing chooses: an insight's by index, or its own with tokens", async () => {
		const input = sampleInput();
		input.briefing.questions = [
			{ insight: input.insights[0]!.id, index: 1 },
			'What would {company} stop doing first?',
		];
		const deck = openDeck(await buildDeck(input));
		const plan = planDeck(input);
		const index = plan.slides.findIndex((slide) => slide.kind === 'questions');
		const text = deck.slideText(index);
		expect(text).toContain(
			'What would 10 fewer days of working capital fund in Industrial manufacturing?',
		);
		expect(text).toContain('What would Acme Industrial stop doing first?');
		expect(deck.text(deck.slides[index]!).match(/<a:buAutoNum /g)).toHaveLength(2);
		expect(plan.slides[index]!.notes).toContain(`(${input.insights[0]!.id})`);
		expect(plan.slides[index]!.notes).toContain("Question 2: the briefing's own");
	});

	it('split sources and questions over several slides when they do not fit one', () => {
		const plan = planDeck(maxInput());
		expect(plan.slides.filter((slide) => slide.kind === 'sources').length).toBeGreaterThan(1);
		expect(plan.slides.filter((slide) => slide.kind === 'questions').length).toBeGreaterThan(1);
		const text = maxDeck.slides.map((_, index) => maxDeck.slideText(index)).join(' ');
		for (const insight of maxInput().insights) {
			for (const source of insight.data.sources) expect(text).toContain(source.title);
		}
	});

	it('have no "about us" slides', () => {
		const all = sampleDeck.slides.map((_, index) => sampleDeck.slideText(index)).join(' ');
		expect(all).not.toMatch(/about us|our company|who we are/i);
	});
});

describe('speaker notes', () => {
	it('are on every slide', () => {
		for (const deck of [sampleDeck, maxDeck]) {
			deck.slides.forEach((_, index) => {
				const notes = deck.notesText(index);
				expect(notes, `slide ${index + 1}`).toBeDefined();
				expect(notes!.replace(/\d+/g, '').trim().length, `slide ${index + 1}`).toBeGreaterThan(40);
			});
		}
	});

	it('carry the talk track and provenance on insight slides', () => {
		const input = sampleInput();
		input.insights.forEach((insight, index) => {
			const notes = sampleDeck.notesText(2 + index)!;
			expect(notes).toContain(insight.talkTrack);
			expect(notes).toContain(`Insight: ${insight.id}`);
			expect(notes).toContain('Reviewed: 2026-01-10');
			for (const source of insight.data.sources) {
				expect(notes).toContain(source.title);
				expect(notes).toContain(`published ${source.published.toISOString().slice(0, 10)}`);
			}
		});
	});

	it("open with the briefing's notes, tokens filled, on the title slide", () => {
		expect(sampleDeck.notesText(0)).toContain(
			'Thank CFO and COO for the time. We work with many companies in Industrial manufacturing.',
		);
	});

	it('keep line breaks as paragraphs', () => {
		const notesPart = sampleDeck
			.rels(sampleDeck.slides[2]!)
			.find((rel) => rel.type === 'notesSlide')!.target;
		const xml = sampleDeck.text(notesPart);
		expect(xml).not.toMatch(/<a:t>[^<]*\n/);
		expect((xml.match(/<a:p>/g) ?? []).length).toBeGreaterThan(5);
	});
});

describe('charts', () => {
	it('are native charts with an embedded workbook, one per chart insight', () => {
		const input = sampleInput();
		const chartSlides = input.insights
			.map((insight, index) => ({ insight, index }))
			.filter(({ insight }) => insight.data.chart);
		expect(chartSlides.length).toBe(5);
		for (const { insight, index } of chartSlides) {
			const chart = sampleDeck
				.rels(sampleDeck.slides[2 + index]!)
				.find((rel) => rel.type === 'chart');
			expect(chart, insight.id).toBeDefined();
			const xml = sampleDeck.text(chart!.target);
			const workbook = sampleDeck.rels(chart!.target).find((rel) => rel.type === 'package');
			expect(workbook?.target).toMatch(/^ppt\/embeddings\/.+\.xlsx$/);
			expect(xml).toContain(`r:id="${workbook!.id}"`);
			const sheet = strFromU8(
				unzipSync(sampleDeck.files.get(workbook!.target)!)['xl/worksheets/sheet1.xml']!,
			);
			for (const value of insight.data.chart!.series[0]!.values)
				expect(sheet).toContain(`<v>${value}</v>`);
			for (const label of insight.data.chart!.labels) expect(decodeXml(xml)).toContain(label);
		}
	});

	it('use the chart kind asked for, the brand colours and the unit', () => {
		const chartXml = (index: number) => {
			const rel = sampleDeck.rels(sampleDeck.slides[index]!).find((r) => r.type === 'chart')!;
			return sampleDeck.text(rel.target);
		};
		expect(chartXml(3)).toMatch(/<c:barChart>.*<c:barDir val="col"\/>/s);
		expect(chartXml(4)).toMatch(/<c:barChart>.*<c:barDir val="bar"\/>/s);
		expect(chartXml(5)).toContain('<c:pieChart>');
		expect(chartXml(6)).toContain('<c:lineChart>');
		expect(chartXml(7)).toContain('<c:doughnutChart>');
		expect(chartXml(3)).toContain('17324D');
		expect(chartXml(4)).toContain('D9822B');
		expect(decodeXml(chartXml(3))).toContain(
			'formatCode="#,##0.0&quot; qtrs&quot;"'.replace(/&quot;/g, '"'),
		);
		expect(decodeXml(chartXml(4))).toContain('#,##0"%"');
	});

	it('format units on labels and axes', () => {
		const chart = (unit: string | undefined, values = [1, 2.5]) => ({
			kind: 'column' as const,
			title: 't',
			unit,
			labels: ['a', 'b'],
			series: [{ name: 's', values }],
		});
		expect(numberFormat(chart('%'))).toBe('#,##0.0"%"');
		expect(numberFormat(chart('$M'))).toBe('"$"#,##0.0"M"');
		expect(numberFormat(chart('days', [1, 2]))).toBe('#,##0" days"');
		expect(numberFormat(chart(undefined, [1.25, 2]))).toBe('#,##0.00');
		expect(numberFormat(chart('a"b\\', [1, 2]))).toBe('#,##0" ab"');
	});
});

describe('tokens', () => {
	it('are filled everywhere and none is left', () => {
		for (const deck of [sampleDeck, maxDeck, wideDeck]) {
			for (const [name, content] of deck.files) {
				if (!/\.xml$/.test(name)) continue;
				expect(strFromU8(content), name).not.toMatch(tokenLeft);
			}
		}
		const all = sampleDeck.slides
			.map((_, index) => `${sampleDeck.slideText(index)} ${sampleDeck.notesText(index)}`)
			.join(' ');
		expect(all).toContain('Acme Industrial');
		expect(all).toContain('Industrial manufacturing');
		expect(all).toContain('CFO and COO');
	});
});

describe('layout', () => {
	it('fits every text of the fixtures at schema maximum (words, and wide letters) and of the sample', () => {
		for (const input of [sampleInput(), maxInput(), maxInput({ wide: true })]) {
			expect(planDeck(input).overflows).toEqual([]);
		}
	});

	it('keeps every element on the slide and text boxes apart from each other', () => {
		for (const input of [sampleInput(), maxInput(), maxInput({ wide: true })]) {
			for (const slide of planDeck(input).slides) {
				const boxes = slide.frames.filter(
					(element) => element.kind === 'text' || element.kind === 'chart',
				);
				for (const box of boxes) {
					expect(box.x).toBeGreaterThanOrEqual(0);
					expect(box.y).toBeGreaterThanOrEqual(0);
					expect(box.x + box.w).toBeLessThanOrEqual(13.334);
					// Above the footer rule on content slides; inside the bottom margin on dark ones.
					expect(box.y + box.h).toBeLessThanOrEqual(slide.master === 'content' ? 6.86 : 7.2);
				}
				for (let i = 0; i < boxes.length; i++) {
					for (let j = i + 1; j < boxes.length; j++) {
						const [a, b] = [boxes[i]!, boxes[j]!];
						const overlap =
							a.x < b.x + b.w - 1e-6 &&
							b.x < a.x + a.w - 1e-6 &&
							a.y < b.y + b.h - 1e-6 &&
							b.y < a.y + a.h - 1e-6;
						expect(
							overlap,
							`${slide.kind} "${slide.title.slice(0, 30)}": ${'name' in a ? a.name : a.kind} / ${'name' in b ? b.name : b.kind}`,
						).toBe(false);
					}
				}
			}
		}
	});
});

describe('package', () => {
	it('compresses every XML entry with DEFLATE, stores images and workbooks, lists no directories', () => {
		const entries = zipEntries(sample);
		expect(entries.length).toBeGreaterThan(40);
		const stored = entries.filter((entry) => /\.(png|xlsx)$/.test(entry.name));
		// The sample has a logo and charts: both kinds of part compressed already are in it.
		expect(stored.some((entry) => entry.name.endsWith('.png'))).toBe(true);
		expect(stored.some((entry) => entry.name.endsWith('.xlsx'))).toBe(true);
		for (const entry of entries) {
			// Deflating a PNG or a workbook (a zip) again only costs time: they are stored.
			expect(entry.method, entry.name).toBe(stored.includes(entry) ? 0 : 8);
			expect(entry.name.endsWith('/')).toBe(false);
		}
		expect(entries[0]!.name).toBe('[Content_Types].xml');
	});

	it('has well-formed XML in every part, embedded workbooks included', () => {
		for (const deck of [sampleDeck, maxDeck, wideDeck]) {
			for (const [name, content] of deck.files) {
				if (/\.(xml|rels)$/.test(name)) expect(xmlError(strFromU8(content)), name).toBeUndefined();
				if (name.endsWith('.xlsx')) {
					for (const [inner, part] of Object.entries(unzipSync(content))) {
						if (/\.(xml|rels)$/.test(inner))
							expect(xmlError(strFromU8(part)), `${name}/${inner}`).toBeUndefined();
					}
				}
			}
		}
	});

	it('writes one paragraph-properties element per paragraph', () => {
		for (const [name, content] of sampleDeck.files) {
			if (!/^ppt\/slides\/slide\d+\.xml$/.test(name)) continue;
			for (const paragraph of strFromU8(content).match(/<a:p>[\s\S]*?<\/a:p>/g) ?? []) {
				expect((paragraph.match(/<a:pPr[ >/]/g) ?? []).length, name).toBeLessThanOrEqual(1);
			}
		}
	});

	it('has every relationship target, every override part and one slide master entry per master', () => {
		for (const deck of [sampleDeck, maxDeck]) {
			for (const name of deck.files.keys()) {
				if (!name.endsWith('.rels')) continue;
				const part = name
					.replace(/_rels\/([^/]+)\.rels$/, '$1')
					.replace(/^\.rels$|^_rels\/\.rels$/, '');
				const source = name === '_rels/.rels' ? '' : part;
				for (const rel of source ? deck.rels(source) : []) {
					if (!rel.external)
						expect(deck.files.has(rel.target), `${name}: ${rel.target}`).toBe(true);
				}
			}
			const root = [...deck.text('_rels/.rels').matchAll(/Target="([^"]+)"/g)].map((m) =>
				m[1]!.replace(/^\//, ''),
			);
			for (const target of root) expect(deck.files.has(target), target).toBe(true);
			const types = deck.text('[Content_Types].xml');
			const overrides = [
				...types.matchAll(/<Override PartName="\/([^"]+)" ContentType="([^"]+)"/g),
			];
			for (const [, part] of overrides)
				expect(deck.files.has(part!), `override ${part}`).toBe(true);
			const masterOverrides = overrides.filter(([, , type]) => type!.endsWith('slideMaster+xml'));
			const masters = [...deck.files.keys()].filter((name) =>
				/^ppt\/slideMasters\/slideMaster\d+\.xml$/.test(name),
			);
			expect(masterOverrides.length).toBe(masters.length);
			expect(new Set(overrides.map(([, part]) => part)).size).toBe(overrides.length);
			const defaults = new Set(
				[...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]!),
			);
			for (const name of deck.files.keys()) {
				if (name === '[Content_Types].xml') continue;
				const ext = name.split('.').pop()!;
				expect(
					defaults.has(ext) || overrides.some(([, part]) => part === name),
					`content type of ${name}`,
				).toBe(true);
			}
			// Slide parts are the ones presentation.xml lists, numbered in order; each has a notes slide.
			expect(deck.slides).toEqual(
				deck.slides.map((_, index) => `ppt/slides/slide${index + 1}.xml`),
			);
		}
	});

	it('numbers charts 1..n whatever was built before in the process', async () => {
		// pptxgenjs numbers charts with a counter global to the process: decks with charts built
		// before this one (here maxInput's, after sampleInput's first build) move it on.
		const before = openDeck(await buildDeck(maxInput()));
		expect([...before.files.keys()].some((name) => name.startsWith('ppt/charts/'))).toBe(true);
		const bytes = await buildDeck(sampleInput());
		const names = [...openDeck(bytes).files.keys()]
			.filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name))
			.sort();
		expect(Buffer.from(bytes).equals(Buffer.from(sample))).toBe(true);
		expect(names).toEqual([
			'ppt/charts/chart1.xml',
			'ppt/charts/chart2.xml',
			'ppt/charts/chart3.xml',
			'ppt/charts/chart4.xml',
			'ppt/charts/chart5.xml',
		]);
	});

	it('escapes metadata and text: a company named with & < > " \'', async () => {
		const name = `Smith & <Sons> "Quoted" 'Ltd'`;
		const input = sampleInput({ company: name, presenterCompany: name });
		const deck = openDeck(await buildDeck(input));
		for (const [part, content] of deck.files) {
			if (/\.(xml|rels)$/.test(part)) expect(xmlError(strFromU8(content)), part).toBeUndefined();
		}
		const app = deck.text('docProps/app.xml');
		expect(app).toContain(
			'<Company>Smith &amp; &lt;Sons&gt; &quot;Quoted&quot; &apos;Ltd&apos;</Company>',
		);
		expect(decodeXml(/<dc:subject>([^<]*)</.exec(deck.text('docProps/core.xml'))![1]!)).toBe(
			`Executive briefing for ${name}`,
		);
		expect(deck.slideText(0)).toContain(`Executive briefing for ${name}`);
		expect(deck.slideText(deck.slides.length - 1)).toContain(name);
	});
});

describe('determinism', () => {
	it('builds byte-identical decks from the same input', async () => {
		const again = await buildDeck(sampleInput());
		expect(Buffer.from(again).equals(Buffer.from(sample))).toBe(true);
		const maxAgain = await buildDeck(maxInput());
		expect(Buffer.from(maxAgain).equals(Buffer.from(max))).toBe(true);
	});

	it('dates the package with the timestamp it is given, inside and out', async () => {
		const input: DeckInput = {
			...sampleInput(),
			modified: deckTimestamp('1767225600', new Date('2026-03-12T00:00:00Z')),
		};
		const bytes = await buildDeck(input);
		const deck = openDeck(bytes);
		expect(deck.text('docProps/core.xml')).toContain(
			'<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>',
		);
		expect(deck.text('docProps/core.xml')).toContain(
			'<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:modified>',
		);
		for (const entry of zipEntries(bytes))
			expect(dosDateTime(entry), entry.name).toBe('2026-01-01T00:00:00');
		for (const [name, content] of deck.files) {
			if (!name.endsWith('.xlsx')) continue;
			for (const entry of zipEntries(content))
				expect(dosDateTime(entry), `${name}/${entry.name}`).toBe('2026-01-01T00:00:00');
			expect(strFromU8(unzipSync(content)['docProps/core.xml']!)).toContain('2026-01-01T00:00:00Z');
		}
		// The default is the briefing's date.
		expect(sampleDeck.text('docProps/core.xml')).toContain('2026-03-12T00:00:00Z');
		expect(Buffer.from(bytes).equals(Buffer.from(sample))).toBe(false);
	});

	it("replaces pptxgenjs's random ids and clock dates in any deck it cleans", async () => {
		const raw = async () => {
			const pptx = new PptxGenJS();
			pptx.addSection({ title: 'Part one' });
			const slide = pptx.addSlide({ sectionTitle: 'Part one' });
			slide.addChart(
				pptx.ChartType.scatter,
				[
					{ name: 'X', values: [1, 2, 3] },
					{ name: 'Y', values: [3, 1, 2], labels: ['a', 'b', 'c'] },
				],
				{ x: 1, y: 1, w: 4, h: 3, showLabel: true, dataLabelFormatScatter: 'custom' },
			);
			slide.addNotes('n');
			return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
		};
		const [a, b] = [
			await raw(),
			await new Promise<Uint8Array>((resolve) => setTimeout(() => resolve(raw()), 1100)),
		];
		const ids = (bytes: Uint8Array) =>
			strFromU8(unzipSync(bytes)['ppt/presentation.xml']!).match(
				/<p14:section [^>]*id="([^"]+)"/,
			)?.[1];
		expect(ids(a)).toBeDefined();
		expect(ids(a)).not.toBe(ids(b));
		const meta = {
			title: 't',
			subject: 's',
			author: 'a',
			company: 'c',
			slideTitles: ['x'],
			fonts: ['Calibri'],
			timestamp: new Date('2026-01-01T00:00:00Z'),
		};
		const [cleanA, cleanB] = [normalizePackage(a, meta), normalizePackage(b, meta)];
		expect(Buffer.from(cleanA).equals(Buffer.from(cleanB))).toBe(true);
		expect(ids(cleanA)).toMatch(
			/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/,
		);
	});

	it('takes SOURCE_DATE_EPOCH, else the briefing date, and rejects a malformed one', () => {
		const date = new Date('2026-03-12T00:00:00Z');
		expect(deckTimestamp('0', date).toISOString()).toBe('1970-01-01T00:00:00.000Z');
		expect(deckTimestamp('1767225600', date).toISOString()).toBe('2026-01-01T00:00:00.000Z');
		expect(deckTimestamp(undefined, date)).toEqual(date);
		expect(deckTimestamp('', date)).toEqual(date);
		expect(() => deckTimestamp('yesterday', date)).toThrow(/SOURCE_DATE_EPOCH/);
		expect(() => deckTimestamp('-5', date)).toThrow(/SOURCE_DATE_EPOCH/);
	});

	it('does not depend on the time zone or the clock', () => {
		// The same deck built in another process, 14 hours east of UTC, with a clock stopped at a
		// moment on another day and year than this one's.
		const now = '2031-07-04T22:30:00.000Z';
		const child = spawnSync(
			process.execPath,
			[path.join(import.meta.dirname, 'fixtures/decks/build-elsewhere.ts'), now],
			{ env: { ...process.env, TZ: 'Pacific/Kiritimati' }, maxBuffer: 64 * 1024 * 1024 },
		);
		expect(child.status, child.stderr.toString()).toBe(0);
		const seen = JSON.parse(child.stderr.toString().trim().split('\n').pop()!) as {
			now: string;
			offsetMinutes: number;
			timeZone: string;
		};
		expect(seen).toEqual({ now, offsetMinutes: -14 * 60, timeZone: 'Pacific/Kiritimati' });
		expect(Buffer.from(child.stdout).equals(Buffer.from(sample))).toBe(true);
		// Zip times are written from UTC fields: the briefing's date, in every zone.
		for (const entry of zipEntries(child.stdout))
			expect(dosDateTime(entry)).toBe('2026-03-12T00:00:00');
	});
});

describe('unusual input', () => {
	it('builds a clean deck without a logo, with a wide logo, in another font, with stray control characters and line breaks', async () => {
		const base = sampleInput();
		const variants: DeckInput[] = [
			{ ...base, logo: undefined },
			{ ...base, logo: { ...base.logo!, aspectRatio: 4 } },
			{ ...base, brand: { ...base.brand, fonts: { heading: 'Georgia', body: 'Verdana' } } },
			{
				...base,
				briefing: {
					...base.briefing,
					title: 'Line one\nline\u0007 two',
					notes: 'First line.\nSecond line \u0001here.',
				},
				insights: base.insights.map((insight, index) =>
					index
						? insight
						: {
								...insight,
								data: { ...insight.data, points: ['A point\twith a tab and a\nbreak \u000b!'] },
							},
				),
			},
		];
		for (const input of variants) {
			const { bytes, plan } = await buildDeckWithPlan(input);
			expect(plan.overflows).toEqual([]);
			const deck = openDeck(bytes);
			for (const [name, content] of deck.files) {
				if (/\.(xml|rels)$/.test(name)) expect(xmlError(strFromU8(content)), name).toBeUndefined();
			}
			expect(deck.slides).toHaveLength(plan.slides.length);
		}
		const noLogo = openDeck(await buildDeck(variants[0]!));
		expect([...noLogo.files.keys()].some((name) => name.startsWith('ppt/media/'))).toBe(false);
		const cleaned = openDeck(await buildDeck(variants[3]!));
		expect(cleaned.slideText(0)).toContain('Line one line two');
		expect(cleaned.slideText(2)).toContain('A point with a tab and a break !');
		expect(cleaned.notesText(0)).toContain('Second line here.');
		const fonts = openDeck(await buildDeck(variants[2]!));
		expect(fonts.text(fonts.slides[2]!)).toContain('typeface="Verdana"');
		expect(fonts.text('ppt/theme/theme1.xml')).toContain('typeface="Georgia"');
	});
});

describe('what a deck may hold', () => {
	it('refuses a draft or an insight expired before the briefing date', async () => {
		const base = sampleInput();
		const [first, ...rest] = base.insights;
		const draft = {
			...base,
			insights: [{ ...first!, data: { ...first!.data, status: 'draft' as const } }, ...rest],
		};
		await expect(buildDeck(draft)).rejects.toThrow(`insight "${first!.id}" is a draft`);
		const day = 24 * 60 * 60 * 1000;
		const expired = {
			...base,
			insights: [
				{
					...first!,
					data: { ...first!.data, expires: new Date(base.briefing.date.getTime() - day) },
				},
				...rest,
			],
		};
		await expect(buildDeck(expired)).rejects.toThrow(
			/expired on \d{4}-\d{2}-\d{2}, before the briefing date/,
		);
		const sameDay = {
			...base,
			insights: [{ ...first!, data: { ...first!.data, expires: base.briefing.date } }, ...rest],
		};
		await expect(buildDeck(sameDay)).resolves.toBeInstanceOf(Uint8Array);
	});
});

describe('xmlError', () => {
	it('accepts well-formed XML and rejects what is not', () => {
		expect(
			xmlError(
				'<?xml version="1.0"?>\n<a x="1" y=\'2\'><b/>text &amp; &#x41;<![CDATA[<raw>]]><!-- c --></a>',
			),
		).toBeUndefined();
		const bad = [
			'<a><b></a></b>',
			'<a>',
			'<a></a><b></b>',
			'<a x="1" x="2"/>',
			'<a x=1/>',
			'<a>Tom & Jerry</a>',
			'<a>&nbsp;</a>',
			'<a>\u0001</a>',
			'<a x="<"/>',
			'text<a/>',
			'<a/>tail',
			'<!DOCTYPE a><a/>',
			'<a><b x="1"y="2"/></a>',
			'',
			'<a>x]]>y</a>',
			// "]]>" in text after a CDATA section and after other text nodes.
			'<a><![CDATA[1]]><b/>two<c/>three]]></a>',
			'<a><b/><b/><b/>]]></a>',
			'<a x="&amp;&bad;"/>',
			'<a x="1 &lt; 2 &amp"/>',
			'<a>&#65;&#x41;&amp &lt;</a>',
			'<a><!-- & --><b/>ok &amp; <c x="&amp;"/>then &bad;</a>',
		];
		expect(
			xmlError('<a><!-- & --><?p & ?><b x="&lt;"/>&amp;<![CDATA[&]]>&gt;</a>'),
		).toBeUndefined();
		expect(xmlError('<a x="&amp;&#x41;&#65;">&lt;&gt;&quot;&apos;</a>')).toBeUndefined();
		expect(xmlError('<a>one</a>\n<!-- -->\n<b/>')).toMatch(/second root element \(line 3,/);
		expect(xmlError('<a x="y<z"/>')).toMatch(/a "<" in the value of x/);
		for (const xml of bad) expect(xmlError(xml), JSON.stringify(xml)).toBeDefined();
	});

	it('reads names and white space by the same rules as before, with the same messages', () => {
		// Names start with a letter, "_", ":" or a character from U+00C0 on, and go on with those,
		// digits, "-", "." and U+00B7; white space is space, tab, newline and return.
		expect(
			xmlError('<a:b-c.d_1\u00b7\u00e9 \u00c0x="1"\t_y:z="2"\r\n>\u4e2d</a:b-c.d_1\u00b7\u00e9\n>'),
		).toBeUndefined();
		expect(xmlError('<\u00c0\ud83d\ude00/>')).toBeUndefined();
		expect(xmlError('<1a/>')).toBe('a malformed start tag (line 1, offset 1)');
		expect(xmlError('<-a/>')).toBe('a malformed start tag (line 1, offset 1)');
		expect(xmlError('<\u00b7/>')).toBe('a malformed start tag (line 1, offset 1)');
		expect(xmlError('<a\u00bf/>')).toBe('no space between attributes in <a> (line 1, offset 2)');
		expect(xmlError('<a \u00bfx="1"/>')).toBe('a malformed attribute in <a> (line 1, offset 3)');
		expect(xmlError('<a\f/>')).toBe('no space between attributes in <a> (line 1, offset 2)');
		expect(xmlError('<a></ a>')).toBe('a malformed end tag (line 1, offset 5)');
		expect(xmlError('<a></a b>')).toBe('a malformed end tag </a (line 1, offset 7)');
		expect(xmlError('<a></b>')).toBe('</b> closing <a> (line 1, offset 7)');
		expect(xmlError('<a x = "1" x="2"/>')).toBe('attribute x twice in <a> (line 1, offset 12)');
		expect(xmlError('<a x y="1"/>')).toBe('attribute x without a value in <a> (line 1, offset 5)');
	});
});
