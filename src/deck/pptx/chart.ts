/**
 * Native charts: a scene chart as a pptxgenjs chart (bar, column, line, pie, doughnut) with the
 * scene's colours, fonts and label size, and a number format that shows the unit.
 */
import PptxGenJS from 'pptxgenjs';
import { mix } from '../color.ts';
import type { ChartFrame, SceneChart } from '../scene.ts';
import { fontAttr } from './fonts.ts';

/** `#,##0.0"%"`-style number format showing the chart's unit. */
export function numberFormat(chart: SceneChart): string {
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

export function addChart(pptx: PptxGenJS, slide: PptxGenJS.Slide, element: ChartFrame): void {
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
		altText: element.alt,
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
