/**
 * The storyline and layout of a briefing deck, as plain data (see `elements.ts`): title, agenda,
 * one slide per insight, questions to explore, sources, the proposed next step and the closing.
 * Every text is sized here so that the longest text the schemas allow fits its box.
 */
import { stageIds, stages, type Stage } from '../schema/stage.ts';
import type { InsightChart, InsightSource, InsightStat } from '../schema/insight.ts';
import {
	fitted,
	lineHeight,
	measure,
	paragraphs,
	textAt,
	type Element,
	type Frame,
	type PlanParagraph,
	type Run,
	type SlidePlan,
	type TextElement,
	type TextSpec,
} from './elements.ts';
import {
	audienceRoles,
	longDate,
	monthYear,
	tokenFiller,
	tokenValues,
	weekdayDate,
} from './format.ts';
import { notesFor } from './notes.ts';
import { faceFor, isMeasuredFont, largestSize, textWidth } from './text.ts';
import { stripInvalidXmlChars } from './xml.ts';
import { CONTENT_W, FRAME, GAP, MARGIN_X, palette, SIZES, SLIDE, type Palette } from './theme.ts';
import type { DeckInput, DeckInsight } from './types.ts';

/** A planned deck. */
export interface DeckPlan {
	slides: SlidePlan[];
	/** Text elements that did not fit their box ("slide 4 (insight): points"); empty when all fit. */
	overflows: string[];
	/** Things an author should know, e.g. a brand font whose widths are only estimated. */
	warnings: string[];
	/** Fonts the deck names. */
	fonts: string[];
	/** What the two slide masters carry: the brand (logo, name, rules). */
	masters: { dark: Element[]; content: Element[] };
	/** Where the content master shows the slide number. */
	slideNumber: Frame & { font: string; size: number; color: string };
}

/** What every slide builder needs. */
interface Context {
	input: DeckInput;
	pal: Palette;
	heading: string;
	body: string;
	fill: (text: string) => string;
	company: string;
	/** Logo size on content slides (0 x 0 without a logo). */
	logo: { w: number; h: number };
}

/** An insight with its tokens filled, as slides show it. */
interface FilledInsight {
	id: string;
	number: number;
	stage: Stage;
	title: string;
	points: string[];
	implication: string;
	questions: string[];
	stat?: InsightStat & { label: string };
	chart?: DeckInsight['data']['chart'];
	sources: InsightSource[];
	source: DeckInsight;
}

const BULLET_INDENT = 0.3;

function fillInsight(ctx: Context, insight: DeckInsight, index: number): FilledInsight {
	const data = insight.data;
	const chart = data.chart
		? {
				...data.chart,
				title: ctx.fill(data.chart.title),
				labels: data.chart.labels.map(ctx.fill),
				series: data.chart.series.map((series) => ({ ...series, name: ctx.fill(series.name) })),
			}
		: undefined;
	return {
		id: insight.id,
		number: index + 1,
		stage: data.stage,
		title: ctx.fill(data.title),
		points: data.points.map(ctx.fill),
		implication: ctx.fill(data.implication),
		questions: data.questions.map(ctx.fill),
		stat: data.stat ? { ...data.stat, label: ctx.fill(data.stat.label) } : undefined,
		chart,
		sources: data.sources,
		source: insight,
	};
}

/** `Source: McKinsey & Company, "Title", March 2024` (with the title when given). */
function attribution(source: InsightSource, withTitle: boolean): string {
	const title = withTitle ? `, ${source.title}` : '';
	return `${source.publisher}${title}, ${monthYear(source.published)}`;
}

// ---------------------------------------------------------------------------------------------
// Shared chrome

function headerElements(
	ctx: Context,
	eyebrow: string,
	headline: string,
	compact = false,
): TextElement[] {
	const eyebrowW = CONTENT_W - (ctx.logo.w ? ctx.logo.w + GAP : 0);
	return [
		fitted(
			{ x: MARGIN_X, y: FRAME.eyebrow.y, w: eyebrowW, h: FRAME.eyebrow.h },
			paragraphs([eyebrow.toUpperCase()]),
			{
				role: 'eyebrow',
				font: ctx.body,
				color: ctx.pal.accent,
				bold: true,
				min: SIZES.eyebrow[0],
				max: SIZES.eyebrow[1],
				maxLines: 1,
			},
		),
		// A compact headline (for content-heavy slides) stays within two lines and gives the body room.
		fitted(
			{ x: MARGIN_X, y: FRAME.headline.y, w: CONTENT_W, h: compact ? 0.75 : FRAME.headline.h },
			paragraphs([headline]),
			{
				role: 'headline',
				font: ctx.heading,
				color: ctx.pal.primary,
				bold: true,
				min: compact ? 18 : SIZES.headline[0],
				max: compact ? 24 : SIZES.headline[1],
				lineSpacing: 1.1,
			},
		),
	];
}

const bodyText = (ctx: Context, role: string, extra: Partial<TextSpec> = {}): TextSpec => ({
	role,
	font: ctx.body,
	color: ctx.pal.text,
	min: SIZES.body[0],
	max: SIZES.body[1],
	...extra,
});

/** Bulleted paragraphs. */
function bullets(texts: readonly string[], spaceBefore = 0.45): PlanParagraph[] {
	return texts.map((text) => ({
		runs: [{ text }],
		bullet: { kind: 'bullet' },
		indent: BULLET_INDENT,
		spaceBefore,
	}));
}

// ---------------------------------------------------------------------------------------------
// Title and closing (dark master)

function logoChip(ctx: Context, x: number, y: number, size: number): Element[] {
	const logo = ctx.input.logo;
	if (!logo) return [];
	const inner = size * 0.78;
	const w = logo.aspectRatio >= 1 ? inner : inner * logo.aspectRatio;
	const h = logo.aspectRatio >= 1 ? inner / logo.aspectRatio : inner;
	const chipW = Math.max(size, w + size - inner);
	return [
		{ kind: 'roundRect', x, y, w: chipW, h: size, fill: 'FFFFFF' },
		{
			kind: 'image',
			x: x + (chipW - w) / 2,
			y: y + (size - h) / 2,
			w,
			h,
			data: logo.dataUrl,
			alt: ctx.input.brand.logo.alt,
		},
	];
}

function brandLockup(ctx: Context): Element[] {
	const chip = logoChip(ctx, MARGIN_X, 0.55, 0.8);
	const chipW = chip.length ? (chip[0] as Frame).w + 0.25 : 0;
	return [
		...chip,
		fitted({ x: MARGIN_X + chipW, y: 0.55, w: 6, h: 0.8 }, paragraphs([ctx.input.brand.name]), {
			role: 'brand',
			font: ctx.heading,
			color: ctx.pal.onPrimary,
			bold: true,
			min: 12,
			max: 18,
			maxLines: 1,
			valign: 'middle',
		}),
	];
}

/** The content master: logo top right, a rule and the brand name in the footer. */
function contentMaster(ctx: Context): Element[] {
	const elements: Element[] = [];
	const logo = ctx.input.logo;
	if (logo) {
		elements.push({
			kind: 'image',
			x: SLIDE.w - MARGIN_X - ctx.logo.w,
			y: FRAME.logo.y,
			w: ctx.logo.w,
			h: ctx.logo.h,
			data: logo.dataUrl,
			alt: ctx.input.brand.logo.alt,
		});
	}
	elements.push(
		{
			kind: 'rect',
			x: MARGIN_X,
			y: FRAME.footerRule.y,
			w: CONTENT_W,
			h: 0.012,
			fill: ctx.pal.rule,
		},
		fitted(
			{ x: MARGIN_X, y: FRAME.footer.y, w: 8, h: FRAME.footer.h },
			paragraphs([ctx.input.brand.name]),
			{
				role: 'footer',
				font: ctx.body,
				color: ctx.pal.muted,
				min: 8,
				max: 10,
				maxLines: 1,
				valign: 'middle',
			},
		),
	);
	return elements;
}

function titleSlide(ctx: Context): SlidePlan {
	const { briefing } = ctx.input;
	const w = CONTENT_W - 1.5;
	const elements: Element[] = [
		fitted(
			{ x: MARGIN_X, y: 1.65, w, h: 0.8 },
			paragraphs([`Executive briefing for ${briefing.prospect.company}`]),
			{
				role: 'prospect',
				font: ctx.body,
				color: ctx.pal.accentOnPrimary,
				bold: true,
				min: 14,
				max: 22,
				maxLines: 2,
				valign: 'bottom',
			},
		),
		fitted({ x: MARGIN_X, y: 2.55, w, h: 1.95 }, paragraphs([briefing.title]), {
			role: 'title',
			font: ctx.heading,
			color: ctx.pal.onPrimary,
			bold: true,
			min: SIZES.titleSlide[0],
			max: SIZES.titleSlide[1],
			lineSpacing: 1.05,
		}),
	];
	if (briefing.subtitle) {
		elements.push(
			fitted({ x: MARGIN_X, y: 4.6, w, h: 0.95 }, paragraphs([briefing.subtitle]), {
				role: 'subtitle',
				font: ctx.body,
				color: ctx.pal.onPrimaryMuted,
				min: 15,
				max: 22,
			}),
		);
	}
	const presenter = briefing.presenter;
	elements.push(
		{ kind: 'rect', x: MARGIN_X, y: 5.75, w: 1.1, h: 0.06, fill: ctx.pal.accentOnPrimary },
		fitted(
			{ x: MARGIN_X, y: 5.95, w, h: 1.2 },
			[
				{ runs: [{ text: presenter.name, bold: true }, { text: `, ${presenter.title}` }] },
				{ runs: [{ text: longDate(briefing.date) }], spaceBefore: 0.25, scale: 0.9 },
			],
			{ role: 'presenter', font: ctx.body, color: ctx.pal.onPrimary, min: 11, max: 16 },
		),
	);
	return {
		master: 'dark',
		kind: 'title',
		title: briefing.title,
		notes: notesFor.title(ctx.input, ctx.fill),
		elements,
	};
}

function closingSlide(ctx: Context): SlidePlan {
	const presenter = ctx.input.briefing.presenter;
	const company = presenter.company ?? ctx.input.brand.name;
	const contact: PlanParagraph[] = [
		{ runs: [{ text: presenter.name, bold: true }], scale: 1.25 },
		{ runs: [{ text: presenter.title }], spaceBefore: 0.3 },
		{ runs: [{ text: company }] },
	];
	if (presenter.email) contact.push({ runs: [{ text: presenter.email }], spaceBefore: 0.6 });
	if (presenter.phone)
		contact.push({ runs: [{ text: presenter.phone }], spaceBefore: presenter.email ? 0 : 0.6 });
	const elements: Element[] = [
		fitted({ x: MARGIN_X, y: 2.0, w: CONTENT_W, h: 1.0 }, paragraphs(['Thank you']), {
			role: 'thanks',
			font: ctx.heading,
			color: ctx.pal.onPrimary,
			bold: true,
			min: 32,
			max: 48,
			maxLines: 1,
		}),
		fitted(
			{ x: MARGIN_X, y: 3.05, w: CONTENT_W, h: 0.8 },
			paragraphs([`We look forward to continuing the conversation with ${ctx.company}.`]),
			{
				role: 'closing-line',
				font: ctx.body,
				color: ctx.pal.onPrimaryMuted,
				min: 14,
				max: 22,
				maxLines: 2,
			},
		),
		{ kind: 'rect', x: MARGIN_X, y: 4.05, w: 1.1, h: 0.06, fill: ctx.pal.accentOnPrimary },
		fitted({ x: MARGIN_X, y: 4.3, w: 9, h: 2.45 }, contact, {
			role: 'contact',
			font: ctx.body,
			color: ctx.pal.onPrimary,
			min: 12,
			max: 20,
		}),
	];
	return {
		master: 'dark',
		kind: 'closing',
		title: 'Thank you',
		notes: notesFor.closing(ctx.input, ctx.fill),
		elements,
	};
}

// ---------------------------------------------------------------------------------------------
// Agenda

function agendaSlides(ctx: Context, insights: FilledInsight[]): SlidePlan[] {
	const leftW = 3.2;
	const rightX = MARGIN_X + leftW + GAP;
	const rightW = CONTENT_W - leftW - GAP;
	const pad = 0.14;
	const spec = bodyText(ctx, 'agenda', { min: 11, max: 20 });
	const left = (stage: Stage, continued: boolean): PlanParagraph[] => [
		{
			runs: [
				{
					text: stages[stage].name + (continued ? ' (continued)' : ''),
					bold: true,
					color: ctx.pal.primary,
				},
			],
		},
		{
			runs: [{ text: stages[stage].question, color: ctx.pal.muted }],
			scale: 0.8,
			spaceBefore: 0.15,
		},
	];
	const right = (items: FilledInsight[]) =>
		items.map((insight, index): PlanParagraph => ({
			runs: [{ text: insight.title }],
			bullet: { kind: 'bullet' },
			indent: BULLET_INDENT,
			spaceBefore: index ? 0.35 : 0,
		}));
	// Insights in stage order (presenting order within a stage).
	const ordered = stageIds.flatMap((stage) =>
		insights.filter((insight) => insight.stage === stage),
	);
	type Row = { stage: Stage; items: FilledInsight[]; continued: boolean };
	const rowsOf = (page: FilledInsight[], previous: FilledInsight | undefined): Row[] => {
		const rows: Row[] = [];
		for (const insight of page) {
			const last = rows[rows.length - 1];
			if (last && last.stage === insight.stage) last.items.push(insight);
			else
				rows.push({
					stage: insight.stage,
					items: [insight],
					continued: !rows.length && previous?.stage === insight.stage,
				});
		}
		return rows;
	};
	const rowHeight = (row: Row, size: number) =>
		Math.max(
			measure(left(row.stage, row.continued), leftW, size, spec).height,
			measure(right(row.items), rightW, size, spec).height,
		) +
		2 * pad;
	const pageHeight = (page: FilledInsight[], previous: FilledInsight | undefined, size: number) =>
		rowsOf(page, previous).reduce((sum, row) => sum + rowHeight(row, size), 0);
	// Fewest pages at the smallest size, then the largest size that keeps that many.
	const paginateAt = (size: number) => {
		const pages: FilledInsight[][] = [];
		let current: FilledInsight[] = [];
		for (const insight of ordered) {
			const previous = pages.length ? pages[pages.length - 1]!.at(-1) : undefined;
			if (current.length && pageHeight([...current, insight], previous, size) > FRAME.body.h) {
				pages.push(current);
				current = [];
			}
			current.push(insight);
		}
		pages.push(current);
		return pages;
	};
	const fewest = paginateAt(spec.min).length;
	const { size } = largestSize(spec.min, spec.max, (s) => paginateAt(s).length <= fewest);
	const pages = paginateAt(size);
	return pages.map((page, index) => {
		const previous = index ? pages[index - 1]!.at(-1) : undefined;
		const rows = rowsOf(page, previous);
		const fits = pageHeight(page, previous, size) <= FRAME.body.h + 1e-6;
		const label = pageLabel('Agenda', index, pages.length);
		const elements: Element[] = [...headerElements(ctx, label, ctx.input.briefing.title)];
		let y = FRAME.body.y;
		rows.forEach((row, r) => {
			if (r > 0)
				elements.push({ kind: 'rect', x: MARGIN_X, y, w: CONTENT_W, h: 0.015, fill: ctx.pal.rule });
			elements.push(
				{
					...textAt(
						{ x: MARGIN_X, y: y + pad, w: leftW },
						left(row.stage, row.continued),
						size,
						spec,
					),
					fits,
				},
				{ ...textAt({ x: rightX, y: y + pad, w: rightW }, right(row.items), size, spec), fits },
			);
			y += rowHeight(row, size);
		});
		return {
			master: 'content',
			kind: 'agenda',
			title: label,
			notes: notesFor.agenda(ctx.input, ctx.fill),
			elements,
		};
	});
}

// ---------------------------------------------------------------------------------------------
// Insight slides
//
// An insight slide is laid out from blocks (stat callout, points, implication panel, chart, big
// number panel) stacked in columns. Several arrangements are tried, each at the largest body size
// that fits; the first arrangement that fits at a comfortable size wins, else the one that fits at
// the largest size. Long content therefore changes the arrangement before it shrinks the type.

/** A comfortable body size: the first arrangement that fits at this size or more is taken. */
const COMFORTABLE = 14;

/** The smallest body size of an insight slide whose content fits no other way. */
const DENSE_MIN = 9;

/** `fn` remembering its results: block heights are asked for many times during the search. */
function memo(fn: (a: number, b: number) => number): (a: number, b: number) => number {
	const cache = new Map<string, number>();
	return (a, b) => {
		const key = `${a}|${b}`;
		let value = cache.get(key);
		if (value === undefined) cache.set(key, (value = fn(a, b)));
		return value;
	};
}

/** Something stacked in a column. */
interface Block {
	/** Height at a body size and column width; undefined for a block that fills what is left. */
	height?: (size: number, w: number) => number;
	/** Minimum height of a filling block at a column width and body size. */
	minHeight?: (w: number, size: number) => number;
	/** Placed at the bottom of its column instead of after the block above. */
	bottom?: boolean;
	render: (frame: Frame, size: number) => Element[];
}

/** A column of blocks. */
interface Column {
	x: number;
	y: number;
	w: number;
	h: number;
	blocks: Block[];
}

const PANEL_PAD = { x: 0.25, y: 0.18, bar: 0.07 };

/** Space between blocks in a column, and above a full-width band. */
const STACK_GAP = 0.25;

function columnHeight(column: Column, size: number): number {
	const heights = column.blocks.map((block) =>
		block.height ? block.height(size, column.w) : (block.minHeight?.(column.w, size) ?? 0),
	);
	return heights.reduce((a, b) => a + b, 0) + STACK_GAP * Math.max(0, column.blocks.length - 1);
}

function renderColumn(column: Column, size: number): Element[] {
	const fixed = column.blocks.filter((block) => block.height);
	const fixedH =
		fixed.reduce((sum, block) => sum + block.height!(size, column.w), 0) +
		STACK_GAP * Math.max(0, column.blocks.length - 1);
	const fillers = column.blocks.filter((block) => !block.height);
	const fillH = fillers.length ? (column.h - fixedH) / fillers.length : 0;
	const elements: Element[] = [];
	let y = column.y;
	let bottom = column.y + column.h;
	for (const block of [...column.blocks].reverse()) {
		if (!block.bottom) break;
		const h = block.height!(size, column.w);
		bottom -= h;
		elements.push(...block.render({ x: column.x, y: bottom, w: column.w, h }, size));
		bottom -= STACK_GAP;
	}
	for (const block of column.blocks) {
		if (block.bottom) break;
		const h = block.height ? block.height(size, column.w) : fillH;
		elements.push(...block.render({ x: column.x, y, w: column.w, h }, size));
		y += h + STACK_GAP;
	}
	return elements;
}

/** `Source: ...` line, led by an "Illustrative" mark when the figure is an illustration. */
function sourceCaption(ctx: Context, source: InsightSource, withTitle: boolean): PlanParagraph[] {
	const runs: Run[] = [{ text: 'Source: ', bold: true }, { text: attribution(source, withTitle) }];
	if (source.illustrative) {
		runs.unshift(
			{ text: 'Illustrative figure', bold: true, color: ctx.pal.accent },
			{ text: ' (not a published finding). ' },
		);
	}
	return [{ runs }];
}

const captionSize = (size: number) =>
	Math.max(SIZES.caption[0], Math.min(SIZES.caption[1], Math.round(size * 1.5) / 2));

function pointsBlock(ctx: Context, insight: FilledInsight): Block {
	const spec = bodyText(ctx, 'points');
	const list = normalizeFirst(bullets(insight.points));
	return {
		height: memo((size, w) => measure(list, w, size, spec).height),
		render: (frame, size) => [textAt(frame, list, size, spec)],
	};
}

function implicationBlock(ctx: Context, insight: FilledInsight, bottom: boolean): Block {
	const spec = bodyText(ctx, 'implication');
	const list: PlanParagraph[] = [
		{
			runs: [{ text: `What this means for ${ctx.company}`, bold: true, color: ctx.pal.primary }],
			scale: 0.8,
		},
		{ runs: [{ text: insight.implication }], spaceBefore: 0.3 },
	];
	const innerW = (w: number) => w - PANEL_PAD.bar - 2 * PANEL_PAD.x;
	return {
		bottom,
		height: memo((size, w) => measure(list, innerW(w), size, spec).height + 2 * PANEL_PAD.y),
		render: (frame, size) => [
			{ kind: 'rect', ...frame, fill: ctx.pal.surface },
			{ kind: 'rect', x: frame.x, y: frame.y, w: PANEL_PAD.bar, h: frame.h, fill: ctx.pal.accent },
			textAt(
				{ x: frame.x + PANEL_PAD.bar + PANEL_PAD.x, y: frame.y + PANEL_PAD.y, w: innerW(frame.w) },
				list,
				size,
				spec,
			),
		],
	};
}

/**
 * The stat as a small callout (when the slide's main figure is a chart): the value large over its
 * label, or, `inline`, the value leading the label in one paragraph (for crowded slides).
 */
function calloutBlock(
	ctx: Context,
	insight: FilledInsight,
	stat: InsightStat & { label: string },
	inline = false,
): Block {
	const source = insight.sources[stat.source];
	const caption = source ? sourceCaption(ctx, source, false) : [];
	const label: PlanParagraph[] = inline
		? [
				{
					runs: [
						{ text: `${stat.value} `, bold: true, color: ctx.pal.accent },
						{ text: stat.label },
					],
					scale: 1.15,
				},
			]
		: paragraphs([stat.label]);
	const value = paragraphs([stat.value]);
	const spec = bodyText(ctx, 'stat-label');
	const valueSpec: TextSpec = {
		role: 'stat-value',
		font: ctx.heading,
		color: ctx.pal.accent,
		bold: true,
		min: 0,
		max: 0,
		maxLines: 1,
		lineSpacing: 1.1,
	};
	const captionSpec: TextSpec = { ...spec, role: 'stat-source', color: ctx.pal.muted };
	const pad = inline ? { x: 0.2, y: 0.12 } : PANEL_PAD;
	const innerW = (w: number) => w - 2 * pad.x;
	// The value is set large but stays on one line: at most 1.9 x the body size, less if it is wide.
	const valueSize = (size: number, w: number) =>
		inline
			? 0
			: largestSize(
					size,
					Math.min(36, size * 1.9),
					(s) => measure(value, innerW(w), s, valueSpec).lineCount <= 1,
				).size;
	const parts = (size: number, w: number) => {
		const vs = valueSize(size, w);
		const valueH = inline ? 0 : measure(value, innerW(w), vs, valueSpec).height;
		const labelH = measure(label, innerW(w), size, spec).height;
		const captionH = caption.length
			? measure(caption, innerW(w), captionSize(size), captionSpec).height + 0.06
			: 0;
		return { vs, valueH, labelH, captionH, h: valueH + labelH + captionH + 2 * pad.y };
	};
	return {
		height: memo((size, w) => parts(size, w).h),
		render: (frame, size) => {
			const p = parts(size, frame.w);
			const x = frame.x + pad.x;
			const w = innerW(frame.w);
			let y = frame.y + pad.y;
			const elements: Element[] = [{ kind: 'rect', ...frame, fill: ctx.pal.surface }];
			if (!inline) elements.push(textAt({ x, y, w }, value, p.vs, valueSpec));
			y += p.valueH;
			elements.push(textAt({ x, y, w }, label, size, spec));
			y += p.labelH;
			if (caption.length)
				elements.push(textAt({ x, y: y + 0.06, w }, caption, captionSize(size), captionSpec));
			return elements;
		},
	};
}

/** The big number panel of a slide without a chart. */
function statPanelBlock(
	ctx: Context,
	insight: FilledInsight,
	stat: InsightStat & { label: string },
): Block {
	return {
		minHeight: () => 3,
		render: (frame) => {
			const pad = 0.3;
			const innerW = frame.w - 2 * pad;
			const x = frame.x + pad;
			const source = insight.sources[stat.source];
			const caption = source ? sourceCaption(ctx, source, true) : [];
			const captionSpec: TextSpec = {
				role: 'stat-source',
				font: ctx.body,
				color: ctx.pal.muted,
				min: SIZES.caption[0],
				max: SIZES.caption[1],
			};
			const captionEl = caption.length
				? fitted({ x, y: 0, w: innerW, h: Math.min(1.15, frame.h * 0.3) }, caption, captionSpec)
				: undefined;
			const captionH = captionEl ? measure(caption, innerW, captionEl.size, captionSpec).height : 0;
			const value = fitted({ x, y: frame.y + pad, w: innerW, h: 1.3 }, paragraphs([stat.value]), {
				role: 'stat-value',
				font: ctx.heading,
				color: ctx.pal.accent,
				bold: true,
				min: SIZES.statValue[0],
				max: SIZES.statValue[1],
				maxLines: 1,
				lineSpacing: 1.1,
			});
			const valueH = lineHeight(value.size, 1.1);
			const labelY = frame.y + pad + valueH + 0.15;
			const labelH = frame.y + frame.h - pad - captionH - 0.25 - labelY;
			const label = fitted({ x, y: labelY, w: innerW, h: labelH }, paragraphs([stat.label]), {
				role: 'stat-label',
				font: ctx.body,
				color: ctx.pal.text,
				min: 12,
				max: 22,
			});
			const elements: Element[] = [
				{ kind: 'rect', ...frame, fill: ctx.pal.surface },
				{ ...value, h: valueH },
				label,
			];
			if (captionEl)
				elements.push({ ...captionEl, y: frame.y + frame.h - pad - captionH, h: captionH });
			return elements;
		},
	};
}

/** Label size of a chart's axes, legend and data labels (points). */
function chartLabelSize(chart: InsightChart): number {
	const many = chart.labels.length > 8;
	const several = chart.series.length > 2;
	return many && several ? 9 : many || several ? 10 : 11;
}

/**
 * The height a chart needs to stay legible at width `w`: a plot area, category labels (rotated when
 * they do not fit side by side) and the legend's rows. An estimate on the safe side; the chart's
 * inner layout is left to PowerPoint.
 */
export function chartMinHeight(chart: InsightChart, w: number, font: string): number {
	const size = chartLabelSize(chart);
	const face = faceFor(font);
	const inch = (text: string) => textWidth(text, size, face) / 72;
	const line = (size * 1.25) / 72;
	const round = chart.kind === 'pie' || chart.kind === 'doughnut';
	if (round) return Math.max(2.2, chart.labels.length * line + 0.4);
	let legend = 0;
	if (chart.series.length > 1) {
		let rows = 1;
		let used = 0;
		for (const series of chart.series) {
			const item = inch(series.name) + 0.35;
			if (used && used + item > w - 0.2) {
				rows++;
				used = 0;
			}
			used += item;
		}
		legend = rows * line + 0.1;
	}
	const longest = Math.max(...chart.labels.map(inch));
	if (chart.kind === 'bar') {
		// Horizontal bars: every category needs room for its bars and its label.
		return (
			Math.max(1.8, chart.labels.length * Math.max(line, chart.series.length * 0.06)) + legend + 0.3
		);
	}
	const slot = (w - 0.8) / chart.labels.length;
	const labels = longest <= slot ? line : Math.min(longest, 1.6) * 0.75 + line;
	return (chart.labels.length * chart.series.length > 24 ? 1.3 : 1.7) + labels + legend + 0.2;
}

/** Chart title and the native chart; fills the height it is given (its source is a footnote). */
function chartBlock(ctx: Context, insight: FilledInsight): Block {
	const chart = insight.chart!;
	const title = paragraphs([chart.title]);
	// The chart title is set a little larger than the body text, so it groups with the chart.
	const titleSpec = (size: number): TextSpec => {
		const titleSize = Math.min(16, Math.max(11, size + 1));
		return {
			role: 'chart-title',
			font: ctx.heading,
			color: ctx.pal.primary,
			bold: true,
			min: titleSize,
			max: titleSize,
		};
	};
	const titleH = (w: number, size: number) =>
		measure(title, w, titleSpec(size).max, titleSpec(size)).height;
	return {
		minHeight: memo((w, size) => titleH(w, size) + 0.1 + chartMinHeight(chart, w, ctx.body)),
		render: (frame, size) => {
			const h = titleH(frame.w, size);
			const chartY = frame.y + h + 0.1;
			return [
				textAt({ x: frame.x, y: frame.y, w: frame.w }, title, titleSpec(size).max, titleSpec(size)),
				{
					kind: 'chart',
					x: frame.x,
					y: chartY,
					w: frame.w,
					h: frame.y + frame.h - chartY,
					chart,
					font: ctx.body,
					colors: ctx.pal.chart,
					textColor: ctx.pal.text,
					mutedColor: ctx.pal.muted,
					gridColor: ctx.pal.rule,
					labelSize: chartLabelSize(chart),
				},
			];
		},
	};
}

/** The chart's source as a footnote across the bottom of the body, or undefined. */
function chartFootnote(ctx: Context, insight: FilledInsight): TextElement | undefined {
	const chart = insight.chart;
	const source = chart?.source !== undefined ? insight.sources[chart.source] : undefined;
	if (!source) return undefined;
	const list = sourceCaption(ctx, source, true);
	const spec: TextSpec = {
		role: 'chart-source',
		font: ctx.body,
		color: ctx.pal.muted,
		min: SIZES.caption[0],
		max: 10,
	};
	const element = fitted({ x: MARGIN_X, y: 0, w: CONTENT_W, h: 0.5 }, list, spec);
	const h = measure(list, CONTENT_W, element.size, spec).height;
	return { ...element, y: FRAME.body.y + FRAME.body.h - h, h };
}

/** One arrangement: the columns for a body frame at a body size. */
type Arrangement = (body: Frame, size: number) => Column[];

/** A column on the left (`w` wide) and one on the right, optionally over a full-width band. */
function split(leftW: number, left: Block[], right: Block[], band?: Block): Arrangement {
	return (body, size) => {
		const bandH = band ? band.height!(size, body.w) : 0;
		const h = body.h - (band ? bandH + STACK_GAP : 0);
		const columns: Column[] = [
			{ x: body.x, y: body.y, w: leftW, h, blocks: left },
			{ x: body.x + leftW + GAP, y: body.y, w: body.w - leftW - GAP, h, blocks: right },
		];
		if (band)
			columns.push({ x: body.x, y: body.y + h + STACK_GAP, w: body.w, h: bandH, blocks: [band] });
		return columns;
	};
}

/** An arrangement and how much less it is liked, in points of body size given up for it. */
interface Option {
	arrange: Arrangement;
	penalty: number;
}

function arrangements(ctx: Context, insight: FilledInsight): Option[] {
	const points = pointsBlock(ctx, insight);
	const panel = implicationBlock(ctx, insight, true);
	const band = implicationBlock(ctx, insight, false);
	const option =
		(penalty: number) =>
		(arrange: Arrangement): Option => ({ arrange, penalty });
	if (insight.chart) {
		const chart = chartBlock(ctx, insight);
		if (!insight.stat) {
			return [
				...[6.6, 6.0].map((w) => option(0)(split(w, [chart], [points, panel]))),
				...[5.4, 4.8].map((w) => option(0.5)(split(w, [chart], [points, panel]))),
				...[6.0, 5.4, 4.8].map((w) => option(1)(split(w, [chart], [points], band))),
			];
		}
		const callout = calloutBlock(ctx, insight, insight.stat);
		const inline = calloutBlock(ctx, insight, insight.stat, true);
		return [
			...[6.6, 6.0].map((w) => option(0)(split(w, [chart], [callout, points, panel]))),
			...[5.4, 4.8].map((w) => option(0.5)(split(w, [chart], [callout, points, panel]))),
			...[6.0, 5.4, 4.8].map((w) => option(1)(split(w, [chart], [callout, points], band))),
			...[6.6, 6.0, 5.4].map((w) => option(1.5)(split(w, [chart], [inline, points, panel]))),
			...[5.4, 4.8].map((w) => option(1.5)(split(w, [callout, chart], [points], band))),
			...[6.6, 6.0].map((w) => option(2)(split(w, [chart, inline], [points, panel]))),
			...[6.6, 6.0, 5.4].map((w) => option(2)(split(w, [chart], [inline, points], band))),
		];
	}
	if (insight.stat) {
		const stat = statPanelBlock(ctx, insight, insight.stat);
		return [
			option(0)(split(4.1, [stat], [points, panel])),
			option(0.5)(split(3.5, [stat], [points, panel])),
			option(0.5)(split(4.1, [stat], [points], band)),
			option(1)(split(3.5, [stat], [points], band)),
		];
	}
	return [
		option(0)(split(7.3, [points], [band])),
		option(0.5)(split(CONTENT_W - 4, [points], [band])),
	];
}

function insightSlide(ctx: Context, insight: FilledInsight, total: number): SlidePlan {
	const stage = stages[insight.stage];
	const eyebrow = `${stage.name} · Insight ${insight.number} of ${total}`;
	type Candidate = { elements: Element[]; score: number; fits: boolean };
	let best: Candidate | undefined;
	const spec = bodyText(ctx, 'points');
	// The normal header and body size first; a compact header next; the dense minimum only when
	// nothing else fits.
	const passes = [
		{ compact: false, min: spec.min, penalty: 0 },
		{ compact: true, min: spec.min, penalty: 1 },
		{ compact: true, min: DENSE_MIN, penalty: 1 },
	];
	const options = arrangements(ctx, insight);
	const footnote = chartFootnote(ctx, insight);
	for (const pass of passes) {
		if (pass.min === DENSE_MIN && best?.fits) break;
		const header = headerElements(ctx, eyebrow, insight.title, pass.compact);
		const headline = header[1]!;
		const top = pass.compact
			? headline.y +
				measure(headline.paragraphs, headline.w, headline.size, {
					font: ctx.heading,
					bold: true,
					lineSpacing: headline.lineSpacing,
				}).height +
				0.3
			: FRAME.body.y;
		const bottom = FRAME.body.y + FRAME.body.h - (footnote ? footnote.h + 0.15 : 0);
		const body = { x: MARGIN_X, y: top, w: CONTENT_W, h: bottom - top };
		if (footnote) header.push(footnote);
		for (const { arrange, penalty } of options) {
			const fitsAt = (size: number) =>
				arrange(body, size).every((column) => columnHeight(column, size) <= column.h + 1e-6);
			const { size, found } = largestSize(pass.min, spec.max, fitsAt);
			const bodyElements = arrange(body, size)
				.flatMap((column) => renderColumn(column, size))
				.map((element) =>
					element.kind === 'text' && !found ? { ...element, fits: false } : element,
				);
			const elements = [...header, ...bodyElements];
			const fits = elements.every((element) => element.kind !== 'text' || element.fits);
			const candidate = { elements, score: size - penalty - pass.penalty, fits };
			if (!best || (fits && (!best.fits || candidate.score > best.score))) best = candidate;
		}
		// The best arrangement with the normal header reads comfortably: no need to squeeze.
		if (best?.fits && best.score >= COMFORTABLE) break;
	}
	return {
		master: 'content',
		kind: 'insight',
		title: insight.title,
		notes: notesFor.insight(ctx.input, insight.source, ctx.fill),
		elements: best!.elements,
	};
}

// ---------------------------------------------------------------------------------------------
// Paginated lists: questions and sources

/**
 * Splits groups of paragraphs over as few pages as the minimum size allows, then uses the largest
 * size that keeps that page count. A group stays on one page unless it alone is too tall.
 */
function paginate(
	groups: PlanParagraph[][],
	box: { w: number; h: number },
	spec: TextSpec,
): { pages: PlanParagraph[][]; size: number; fits: boolean } {
	// Heights add up paragraph by paragraph (the first on a page drops its space before).
	const heightsAt = new Map<number, Map<PlanParagraph, number>>();
	const heightOf = (paragraph: PlanParagraph, size: number) => {
		let cache = heightsAt.get(size);
		if (!cache) heightsAt.set(size, (cache = new Map()));
		let h = cache.get(paragraph);
		if (h === undefined) {
			h = measure([{ ...paragraph, spaceBefore: 0 }], box.w, size, spec).height;
			cache.set(paragraph, h);
		}
		return h;
	};
	const space = (paragraph: PlanParagraph, size: number) =>
		((paragraph.spaceBefore ?? spec.paragraphSpacing ?? 0) * size) / 72;
	const split = (size: number) => {
		const pages: PlanParagraph[][] = [];
		let current: PlanParagraph[] = [];
		let used = 0;
		const add = (paragraph: PlanParagraph) => {
			used += heightOf(paragraph, size) + (current.length ? space(paragraph, size) : 0);
			current.push(paragraph);
		};
		const next = () => {
			if (current.length) pages.push(current);
			current = [];
			used = 0;
		};
		for (const group of groups) {
			const groupH = group.reduce(
				(sum, p, i) => sum + heightOf(p, size) + (i || current.length ? space(p, size) : 0),
				0,
			);
			if (current.length && used + groupH > box.h) next();
			for (const paragraph of group) {
				if (current.length && used + heightOf(paragraph, size) + space(paragraph, size) > box.h)
					next();
				add(paragraph);
			}
		}
		next();
		return {
			pages,
			fits: pages.every(
				(page) =>
					page.reduce((sum, p, i) => sum + heightOf(p, size) + (i ? space(p, size) : 0), 0) <=
					box.h + 1e-6,
			),
		};
	};
	const fewest = split(spec.min).pages.length;
	const { size } = largestSize(spec.min, spec.max, (s) => {
		const result = split(s);
		return result.fits && result.pages.length <= fewest;
	});
	const result = split(size);
	return { pages: result.pages.map(normalizeFirst), size, fits: result.fits };
}

/** The first paragraph of a box takes no space before it. */
function normalizeFirst(list: PlanParagraph[]): PlanParagraph[] {
	if (!list.length || !list[0]!.spaceBefore) return list;
	return [{ ...list[0]!, spaceBefore: 0 }, ...list.slice(1)];
}

function pageLabel(base: string, index: number, count: number): string {
	return count > 1 ? `${base} (${index + 1} of ${count})` : base;
}

function questionSlides(ctx: Context, insights: FilledInsight[]): SlidePlan[] {
	let number = 0;
	const groups = insights.map((insight) =>
		insight.questions.map((question): PlanParagraph => {
			number++;
			return {
				runs: [{ text: question }],
				bullet: { kind: 'number', startAt: number },
				indent: 0.45,
				spaceBefore: 0.55,
			};
		}),
	);
	const box = { x: MARGIN_X, y: FRAME.body.y, w: CONTENT_W - 0.6, h: FRAME.body.h };
	const spec = bodyText(ctx, 'questions', { min: 13, max: 22 });
	const { pages, size, fits } = paginate(groups, box, spec);
	return pages.map((page, index) => {
		const first = page[0]!.bullet;
		const startAt = first?.kind === 'number' ? first.startAt : 1;
		const list = page.map((p): PlanParagraph => ({ ...p, bullet: { kind: 'number', startAt } }));
		return {
			master: 'content',
			kind: 'questions',
			title: pageLabel('Questions to explore', index, pages.length),
			notes: notesFor.questions(
				ctx.input,
				insights.map((i) => i.source),
				ctx.fill,
				index,
				pages.length,
			),
			elements: [
				...headerElements(
					ctx,
					pageLabel('Questions to explore', index, pages.length),
					`Questions to explore together`,
				),
				{ ...textAt(box, list, size, spec), fits },
			],
		};
	});
}

function sourceSlides(ctx: Context, insights: FilledInsight[]): SlidePlan[] {
	const groups = insights.map((insight): PlanParagraph[] => [
		{
			runs: [{ text: `${insight.number}. ${insight.title}`, bold: true, color: ctx.pal.primary }],
			scale: 0.9,
			spaceBefore: 0.9,
		},
		...insight.sources.map((source, index): PlanParagraph => {
			const runs: Run[] = [
				{ text: source.title, hyperlink: source.url },
				{ text: ` · ${source.publisher}, ${monthYear(source.published)}`, color: ctx.pal.muted },
			];
			if (source.illustrative)
				runs.push({ text: ' · Illustrative', bold: true, color: ctx.pal.accent });
			return {
				runs,
				bullet: { kind: 'bullet' },
				indent: 0.25,
				scale: 0.9,
				spaceBefore: index ? 0.2 : 0.25,
			};
		}),
	]);
	const box = { x: MARGIN_X, y: FRAME.body.y - 0.15, w: CONTENT_W, h: FRAME.body.h + 0.15 };
	const spec = bodyText(ctx, 'sources', { min: 11, max: 16 });
	const { pages, size, fits } = paginate(groups, box, spec);
	return pages.map((page, index) => ({
		master: 'content',
		kind: 'sources',
		title: pageLabel('Sources', index, pages.length),
		notes: notesFor.sources(ctx.input, index, pages.length),
		elements: [
			...headerElements(
				ctx,
				pageLabel('Sources', index, pages.length),
				'Where the evidence comes from',
			),
			{ ...textAt(box, page, size, spec), fits },
		],
	}));
}

// ---------------------------------------------------------------------------------------------
// Next step

function nextStepSlide(ctx: Context): SlidePlan {
	const { briefing } = ctx.input;
	const next = briefing.nextStep;
	const panelW = 4.8;
	const leftW = CONTENT_W - panelW - GAP;
	const body = FRAME.body;
	const elements: Element[] = [...headerElements(ctx, 'Proposed next step', next.ask)];
	const agenda = next.agenda?.length ? next.agenda : undefined;
	const leftParas: PlanParagraph[] = [
		{
			runs: [
				{
					text: agenda ? 'What we would cover' : 'How we would use the time',
					bold: true,
					color: ctx.pal.primary,
				},
			],
			scale: 0.85,
		},
		...(agenda
			? bullets(agenda.map(ctx.fill), 0.5).map((p, i) => (i === 0 ? { ...p, spaceBefore: 0.5 } : p))
			: paragraphs(
					[
						`Go deeper on the insights that matter most to ${ctx.company}, and agree what to test first.`,
					],
					{ spaceBefore: 0.5 },
				)),
	];
	elements.push(
		fitted(
			{ x: MARGIN_X, y: body.y, w: leftW, h: body.h },
			leftParas,
			bodyText(ctx, 'next-step-agenda', { min: 13, max: 24 }),
		),
	);
	const panelX = MARGIN_X + leftW + GAP;
	const who = audienceRoles(briefing);
	const panel: PlanParagraph[] = [
		{ runs: [{ text: 'PROPOSED DATE', bold: true, color: ctx.pal.muted }], scale: 0.7 },
		{
			runs: [
				{
					text: next.proposedDate ? weekdayDate(next.proposedDate) : 'To be agreed together',
					bold: true,
					color: ctx.pal.primary,
				},
			],
			scale: 1.15,
			spaceBefore: 0.2,
		},
		{ runs: [{ text: 'WITH', bold: true, color: ctx.pal.muted }], scale: 0.7, spaceBefore: 1.1 },
		{ runs: [{ text: `${who}, ${briefing.prospect.company}` }], spaceBefore: 0.2 },
		{
			runs: [{ text: 'PRESENTED BY', bold: true, color: ctx.pal.muted }],
			scale: 0.7,
			spaceBefore: 1.1,
		},
		{
			runs: [{ text: `${briefing.presenter.name}, ${briefing.presenter.title}` }],
			spaceBefore: 0.2,
		},
	];
	elements.push(
		{ kind: 'rect', x: panelX, y: body.y, w: panelW, h: body.h, fill: ctx.pal.surface },
		{ kind: 'rect', x: panelX, y: body.y, w: panelW, h: 0.07, fill: ctx.pal.accent },
		fitted(
			{ x: panelX + 0.3, y: body.y + 0.35, w: panelW - 0.6, h: body.h - 0.6 },
			panel,
			bodyText(ctx, 'next-step-panel', { min: 9, max: 20 }),
		),
	);
	return {
		master: 'content',
		kind: 'next-step',
		title: 'Proposed next step',
		notes: notesFor.nextStep(ctx.input, ctx.fill),
		elements,
	};
}

// ---------------------------------------------------------------------------------------------

/** Fields whose line breaks are kept (speaker notes); every other text is one line. */
const multiline = new Set(['talkTrack', 'notes']);

/**
 * The input with text safe for slides: characters XML cannot hold removed, and runs of white space
 * (line breaks a YAML block may carry) in one-line fields made single spaces, as they are measured.
 */
function cleanInput<T>(value: T, key = ''): T {
	if (typeof value === 'string') {
		const text = stripInvalidXmlChars(value);
		return (multiline.has(key) ? text : text.replace(/\s+/g, ' ').trim()) as T;
	}
	if (Array.isArray(value)) return value.map((item) => cleanInput(item, key)) as T;
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanInput(v, k)])) as T;
	}
	return value;
}

/** Plans every slide of a briefing's deck. */
export function planDeck(raw: DeckInput): DeckPlan {
	if (!raw.insights.length) throw new Error('a deck needs at least one insight');
	const input = cleanInput(raw);
	const pal = palette(input.brand);
	const fill = tokenFiller(tokenValues(input.briefing, input.industryName));
	const logoH = FRAME.logo.h;
	const ctx: Context = {
		input,
		pal,
		heading: input.brand.fonts.heading,
		body: input.brand.fonts.body,
		fill,
		company: input.briefing.prospect.company,
		logo: input.logo ? { w: logoH * input.logo.aspectRatio, h: logoH } : { w: 0, h: 0 },
	};
	// Briefing text may carry tokens too; fill them once for every slide.
	const briefing = input.briefing;
	ctx.input = {
		...input,
		briefing: {
			...briefing,
			title: fill(briefing.title),
			subtitle: briefing.subtitle === undefined ? undefined : fill(briefing.subtitle),
			nextStep: {
				...briefing.nextStep,
				ask: fill(briefing.nextStep.ask),
				agenda: briefing.nextStep.agenda?.map(fill),
			},
			notes: briefing.notes === undefined ? undefined : fill(briefing.notes),
		},
	};
	const insights = input.insights.map((insight, index) => fillInsight(ctx, insight, index));
	const slides: SlidePlan[] = [
		titleSlide(ctx),
		...agendaSlides(ctx, insights),
		...insights.map((insight) => insightSlide(ctx, insight, insights.length)),
		...questionSlides(ctx, insights),
		...sourceSlides(ctx, insights),
		nextStepSlide(ctx),
		closingSlide(ctx),
	];
	const masters = {
		dark: brandLockup(ctx),
		content: contentMaster(ctx),
	};
	const overflows: string[] = [];
	const all = [{ kind: 'master', elements: [...masters.dark, ...masters.content] }, ...slides];
	all.forEach((slide, index) => {
		for (const element of slide.elements) {
			if (element.kind === 'text' && !element.fits)
				overflows.push(`slide ${index} (${slide.kind}): ${element.role}`);
			if (
				element.x < -1e-6 ||
				element.y < -1e-6 ||
				element.x + element.w > SLIDE.w + 1e-6 ||
				element.y + element.h > SLIDE.h + 1e-6
			) {
				overflows.push(
					`slide ${index} (${slide.kind}): ${element.kind === 'text' ? element.role : element.kind} is off the slide`,
				);
			}
		}
	});
	const warnings = [...new Set([input.brand.fonts.heading, input.brand.fonts.body])]
		.filter((font) => !isMeasuredFont(font))
		.map(
			(font) =>
				`the brand font "${font}" is measured with estimated widths (Calibri and Arial are measured exactly): check the slides`,
		);
	return {
		slides,
		warnings,
		overflows: overflows.map((line) => line.replace(/^slide 0 \(master\)/, 'slide master')),
		fonts: [...new Set([input.brand.fonts.heading, input.brand.fonts.body])],
		masters,
		slideNumber: {
			x: SLIDE.w - MARGIN_X - 1.5,
			y: FRAME.footer.y,
			w: 1.5,
			h: FRAME.footer.h,
			font: ctx.body,
			size: 10,
			color: pal.muted,
		},
	};
}
