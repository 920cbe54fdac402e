/**
 * Turns a deck plan into pptxgenjs calls and returns pptxgenjs's raw package (cleaned afterwards
 * by `package.ts`). Text sizes come from the plan; nothing here measures or decides layout.
 */
import PptxGenJS from 'pptxgenjs';
import type { InsightChart } from '../schema/insight.ts';
import type { ChartElement, Element, PlanParagraph, TextElement } from './elements.ts';
import type { DeckPlan } from './plan.ts';
import { mix } from './theme.ts';
import { linePitch } from './text.ts';
import { escapeXml } from './xml.ts';

/**
 * A font name as pptxgenjs needs it: it writes font names into XML attributes (`typeface="..."`,
 * theme and chart parts included) without escaping them, so they are escaped here.
 */
const fontAttr = (font: string) => escapeXml(font);

/** Master names. */
const MASTER = { dark: 'BRIEFING_DARK', content: 'BRIEFING_CONTENT' } as const;

type TextRun = PptxGenJS.TextProps;

function textRuns(element: TextElement): TextRun[] {
	const runs: TextRun[] = [];
	element.paragraphs.forEach((paragraph: PlanParagraph, p) => {
		const size = element.size * (paragraph.scale ?? 1);
		const last = p === element.paragraphs.length - 1;
		paragraph.runs.forEach((run, r) => {
			const options: PptxGenJS.TextPropsOptions = {
				fontFace: fontAttr(element.font),
				fontSize: size,
				bold: run.bold ?? element.bold,
				color: run.color ?? element.color,
				align: element.align,
				lineSpacing: linePitch(size, { lineSpacing: element.lineSpacing }),
				breakLine: r === paragraph.runs.length - 1 && !last,
			};
			if (p > 0 && paragraph.spaceBefore)
				options.paraSpaceBefore = paragraph.spaceBefore * element.size;
			if (run.hyperlink) options.hyperlink = { url: run.hyperlink };
			if (r === 0 && paragraph.bullet) {
				const indent = (paragraph.indent ?? 0.3) * 72;
				options.bullet =
					paragraph.bullet.kind === 'number'
						? { type: 'number', numberStartAt: paragraph.bullet.startAt, indent }
						: { characterCode: '2022', indent };
			}
			runs.push({ text: run.text, options });
		});
	});
	return runs;
}

function textOptions(element: TextElement): PptxGenJS.TextPropsOptions {
	return {
		x: element.x,
		y: element.y,
		w: element.w,
		h: element.h,
		margin: 0,
		valign: element.valign,
		align: element.align,
		fontFace: fontAttr(element.font),
		fontSize: element.size,
		color: element.color,
		bold: element.bold,
		lineSpacing: linePitch(element.size, { lineSpacing: element.lineSpacing }),
		wrap: true,
		fit: 'none',
	};
}

/** `#,##0.0"%"`-style number format showing the chart's unit. */
export function numberFormat(chart: InsightChart): string {
	const decimals = Math.min(
		2,
		Math.max(
			0,
			...chart.series.flatMap((series) =>
				series.values.map((value) => (String(value).split('.')[1] ?? '').length),
			),
		),
	);
	const number = `#,##0${decimals ? `.${'0'.repeat(decimals)}` : ''}`;
	const unit = (chart.unit ?? '').replace(/["\\]/g, '').trim();
	if (!unit) return number;
	if (unit === '%') return `${number}"%"`;
	const currency = /^([$€£¥])(.*)$/.exec(unit);
	if (currency) return `"${currency[1]}"${number}${currency[2] ? `"${currency[2]}"` : ''}`;
	return `${number}" ${unit}"`;
}

/** One colour per category for pies: the brand's chart colours, then lighter tints of them. */
function pieColors(colors: string[], count: number): string[] {
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		const base = colors[i % colors.length]!;
		const round = Math.floor(i / colors.length);
		out.push(round ? mix(base, 'FFFFFF', Math.min(0.7, 0.35 * round)) : base);
	}
	return out;
}

function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, element: ChartElement): void {
	const chart = element.chart;
	const data = chart.series.map((series) => ({
		name: series.name,
		labels: chart.labels,
		values: series.values,
	}));
	const format = numberFormat(chart);
	const round = chart.kind === 'pie' || chart.kind === 'doughnut';
	const points = chart.labels.length * chart.series.length;
	const base: PptxGenJS.IChartOpts = {
		x: element.x,
		y: element.y,
		w: element.w,
		h: element.h,
		// One series takes one colour (pptxgenjs would colour each bar differently).
		chartColors: round
			? pieColors(element.colors, chart.labels.length)
			: element.colors.slice(0, Math.max(1, chart.series.length)),
		showLegend: round || chart.series.length > 1,
		legendPos: round ? 'r' : 'b',
		legendFontFace: fontAttr(element.font),
		legendFontSize: element.labelSize,
		legendColor: element.textColor,
		dataLabelFormatCode: format,
		dataLabelFontFace: fontAttr(element.font),
		dataLabelFontSize: element.labelSize,
		dataLabelColor: element.textColor,
		catAxisLabelFontFace: fontAttr(element.font),
		catAxisLabelFontSize: element.labelSize,
		catAxisLabelColor: element.textColor,
		catAxisLineShow: true,
		// Category labels at the low end of the value axis: clear of bars that go below zero.
		catAxisLabelPos: 'low',
		valAxisLabelFontFace: fontAttr(element.font),
		valAxisLabelFontSize: element.labelSize,
		valAxisLabelColor: element.mutedColor,
		valAxisLabelFormatCode: format,
		valGridLine: { color: element.gridColor, size: 0.75 },
		catGridLine: { style: 'none' },
		valAxisLineShow: false,
	};
	if (round) {
		slide.addChart(chart.kind === 'pie' ? pptx.ChartType.pie : pptx.ChartType.doughnut, data, {
			...base,
			// Values on the slices, unless there are too many to label without collisions.
			showValue: chart.labels.length <= 8,
			showPercent: false,
			showLabel: false,
			dataLabelPosition: chart.kind === 'pie' ? 'bestFit' : undefined,
			dataLabelColor: 'FFFFFF',
			holeSize: chart.kind === 'doughnut' ? 55 : undefined,
			firstSliceAng: 0,
		});
		return;
	}
	if (chart.kind === 'line') {
		slide.addChart(pptx.ChartType.line, data, {
			...base,
			lineSize: 2.5,
			lineDataSymbol: 'circle',
			lineDataSymbolSize: 7,
			showValue: points <= 12,
			dataLabelPosition: 't',
		});
		return;
	}
	// Bars and columns: values on the bars when there are few enough, else a value axis.
	const labelled = points <= 16;
	slide.addChart(pptx.ChartType.bar, data, {
		...base,
		barDir: chart.kind === 'bar' ? 'bar' : 'col',
		barGapWidthPct: 60,
		showValue: labelled,
		dataLabelPosition: 'outEnd',
		valAxisHidden: labelled,
		valGridLine: labelled ? { style: 'none' } : base.valGridLine,
		// Horizontal bars read top to bottom in label order.
		// (pptxgenjs writes any value; its types only list 'minMax'.)
		catAxisOrientation: (chart.kind === 'bar' ? 'maxMin' : 'minMax') as 'minMax',
	});
}

function addElement(pptx: PptxGenJS, slide: PptxGenJS.Slide, element: Element): void {
	switch (element.kind) {
		case 'text':
			slide.addText(textRuns(element), textOptions(element));
			return;
		case 'rect':
		case 'roundRect':
		case 'ellipse':
			slide.addShape(
				element.kind === 'rect'
					? pptx.ShapeType.rect
					: element.kind === 'ellipse'
						? pptx.ShapeType.ellipse
						: pptx.ShapeType.roundRect,
				{
					x: element.x,
					y: element.y,
					w: element.w,
					h: element.h,
					fill: { color: element.fill },
					line: element.line ? { color: element.line, width: 0.75 } : { type: 'none' },
					rectRadius: element.kind === 'roundRect' ? 0.12 : undefined,
				},
			);
			return;
		case 'image':
			slide.addImage({
				data: element.data,
				x: element.x,
				y: element.y,
				w: element.w,
				h: element.h,
				altText: element.alt,
			});
			return;
		case 'chart':
			addChart(pptx, slide, element);
			return;
	}
}

/** Master objects: pptxgenjs masters take one-run text, rectangles, shapes and images. */
function masterObject(
	pptx: PptxGenJS,
	element: Element,
): NonNullable<PptxGenJS.SlideMasterProps['objects']>[number] {
	switch (element.kind) {
		case 'text':
			return {
				text: {
					text: element.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n'),
					options: textOptions(element),
				},
			};
		case 'rect':
			return {
				rect: {
					x: element.x,
					y: element.y,
					w: element.w,
					h: element.h,
					fill: { color: element.fill },
					line: { type: 'none' },
				},
			};
		case 'roundRect':
		case 'ellipse':
			return {
				text: {
					text: '',
					options: {
						shape: element.kind === 'ellipse' ? pptx.ShapeType.ellipse : pptx.ShapeType.roundRect,
						x: element.x,
						y: element.y,
						w: element.w,
						h: element.h,
						fill: { color: element.fill },
						line: { type: 'none' },
						rectRadius: element.kind === 'roundRect' ? 0.12 : undefined,
					},
				},
			};
		case 'image':
			return {
				image: {
					data: element.data,
					x: element.x,
					y: element.y,
					w: element.w,
					h: element.h,
					altText: element.alt,
				},
			};
		case 'chart':
			throw new Error('charts cannot go on a slide master');
	}
}

/** Document-level settings for {@link renderDeck}. */
export interface RenderOptions {
	title: string;
	subject: string;
	author: string;
	company: string;
	primary: string;
	background: string;
	headingFont: string;
	bodyFont: string;
}

/** Builds the deck with pptxgenjs; returns its (unclean) zip. */
export async function renderDeck(plan: DeckPlan, options: RenderOptions): Promise<Uint8Array> {
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = options.title;
	pptx.subject = options.subject;
	pptx.author = options.author;
	// Written unescaped by pptxgenjs; docProps/app.xml is rewritten with the escaped value afterwards.
	pptx.company = '';
	pptx.theme = {
		headFontFace: fontAttr(options.headingFont),
		bodyFontFace: fontAttr(options.bodyFont),
	};
	pptx.defineSlideMaster({
		title: MASTER.dark,
		background: { color: options.primary },
		objects: plan.masters.dark.map((element) => masterObject(pptx, element)),
	});
	pptx.defineSlideMaster({
		title: MASTER.content,
		background: { color: options.background },
		objects: plan.masters.content.map((element) => masterObject(pptx, element)),
		slideNumber: {
			x: plan.slideNumber.x,
			y: plan.slideNumber.y,
			w: plan.slideNumber.w,
			h: plan.slideNumber.h,
			fontFace: fontAttr(plan.slideNumber.font),
			fontSize: plan.slideNumber.size,
			color: plan.slideNumber.color,
			align: 'right',
			valign: 'middle',
			margin: 0,
		},
	});
	for (const slidePlan of plan.slides) {
		const slide = pptx.addSlide({ masterName: MASTER[slidePlan.master] });
		for (const element of slidePlan.elements) addElement(pptx, slide, element);
		slide.addNotes(slidePlan.notes);
	}
	const data = await pptx.write({ outputType: 'uint8array' });
	return data as Uint8Array;
}
