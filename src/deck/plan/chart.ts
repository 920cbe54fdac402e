/** Charts as the scene carries them: their data, label size, least legible height and alt text. */
import type { InsightChart } from '../../schema/insight.ts';
import type { SceneChart } from '../scene.ts';
import { faceFor, textWidth } from '../text.ts';

/** The chart's data without its source reference (the footnote carries the source). */
export function sceneChart(chart: InsightChart): SceneChart {
	const out: SceneChart = {
		kind: chart.kind,
		title: chart.title,
		labels: chart.labels,
		series: chart.series.map((series) => ({ name: series.name, values: series.values })),
	};
	if (chart.unit !== undefined) out.unit = chart.unit;
	return out;
}

/** Label size of a chart's axes, legend and data labels (points). */
export function chartLabelSize(chart: SceneChart): number {
	const many = chart.labels.length > 8;
	const several = chart.series.length > 2;
	return many && several ? 9 : many || several ? 10 : 11;
}

const kindNames: Record<SceneChart['kind'], string> = {
	bar: 'Bar chart',
	column: 'Column chart',
	line: 'Line chart',
	pie: 'Pie chart',
	doughnut: 'Doughnut chart',
};

/** A value with the chart's unit: `42%`, `$3.1M`, `12 hours`. */
function withUnit(value: number, unit: string | undefined): string {
	const u = (unit ?? '').trim();
	if (!u) return String(value);
	if (u === '%') return `${value}%`;
	const currency = /^([$€£¥])(.*)$/.exec(u);
	if (currency) return `${currency[1]}${value}${currency[2]}`;
	return `${value} ${u}`;
}

/**
 * What the chart shows, for alt text: kind and title, then every value by label (and series). The
 * values are the whole content of a chart, so a reader who cannot see it misses nothing.
 */
export function chartAlt(chart: SceneChart): string {
	const series = chart.series.map((s) => {
		const values = chart.labels
			.map((label, i) => `${label} ${withUnit(s.values[i] ?? 0, chart.unit)}`)
			.join(', ');
		return chart.series.length > 1 ? `${s.name}: ${values}` : values;
	});
	return `${kindNames[chart.kind]}: ${chart.title}. ${series.join('; ')}.`;
}

/**
 * The height a chart needs to stay legible at width `w`: a plot area, category labels (rotated when
 * they do not fit side by side) and the legend's rows. An estimate on the safe side; the chart's
 * inner layout is left to the writer (PowerPoint, for a native chart).
 */
export function chartMinHeight(chart: SceneChart, w: number, font: string): number {
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
