/**
 * Charts as vectors, for the preview and the PDF: the same data, colours, fonts, label size and
 * number format as the native chart in the .pptx, drawn the way PowerPoint lays such charts out
 * (plot area, category axis at the bottom or left, data labels where the .pptx shows them, legend
 * below, or to the right of a pie). PowerPoint places a native chart's inner parts itself, so
 * positions inside a chart are close to the .pptx, not identical.
 */
import { mix } from '../color.ts';
import type { ChartFrame, SceneChart } from '../scene.ts';
import { faceFor, PT_PER_IN, textWidth } from '../text.ts';
import type { DrawItem, PathSegment, TextItem } from './types.ts';

const line2 = (x1: number, y1: number, x2: number, y2: number): PathSegment[] => [
	{ op: 'M', x: x1, y: y1 },
	{ op: 'L', x: x2, y: y2 },
];

/** A value as the chart's number format shows it: decimals as in the data, the unit attached. */
export function formatValue(value: number, chart: SceneChart): string {
	const decimals = Math.min(
		2,
		Math.max(
			0,
			...chart.series.flatMap((series) =>
				series.values.map((v) => (String(v).split('.')[1] ?? '').length),
			),
		),
	);
	const negative = value < 0;
	const [int, frac] = Math.abs(value).toFixed(decimals).split('.');
	const number = `${negative ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
	const unit = (chart.unit ?? '').replace(/["\\]/g, '').trim();
	if (!unit) return number;
	if (unit === '%') return `${number}%`;
	const currency = /^([$€£¥])(.*)$/.exec(unit);
	if (currency) return `${currency[1]}${number}${currency[2] ?? ''}`;
	return `${number} ${unit}`;
}

/** One colour per category for pies: the chart colours, then lighter tints of them. */
function pieColors(colors: string[], count: number): string[] {
	const out: string[] = [];
	for (let i = 0; i < count; i++) {
		const base = colors[i % colors.length]!;
		const round = Math.floor(i / colors.length);
		out.push(round ? mix(base, 'FFFFFF', Math.min(0.7, 0.35 * round)) : base);
	}
	return out;
}

/** A nice axis maximum and step for values up to `max`. */
function niceScale(min: number, max: number): { lo: number; hi: number; step: number } {
	const span = Math.max(max - Math.min(0, min), 1e-9);
	const raw = span / 5;
	const power = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
	const hi = Math.ceil(max / step) * step || step;
	const lo = min < 0 ? Math.floor(min / step) * step : 0;
	return { lo, hi, step };
}

/** Draws a chart frame. */
export function chartItems(frame: ChartFrame): DrawItem[] {
	const chart = frame.chart;
	const size = frame.labelSize;
	const face = (bold: boolean) => faceFor(frame.font, bold);
	const inch = (text: string) => textWidth(text, size, face(false)) / PT_PER_IN;
	const line = (size * 1.25) / PT_PER_IN;
	const label = (
		text: string,
		x: number,
		y: number,
		anchor: TextItem['anchor'],
		color = frame.textColor,
	): TextItem => ({
		type: 'text',
		x,
		y,
		w: inch(text),
		size,
		family: frame.font,
		bold: false,
		color,
		text,
		anchor,
	});
	const items: DrawItem[] = [];
	const round = chart.kind === 'pie' || chart.kind === 'doughnut';
	const pad = 0.1;
	const box = { x: frame.x + pad, y: frame.y + pad, w: frame.w - 2 * pad, h: frame.h - 2 * pad };

	if (round) {
		const colors = pieColors(frame.colors, chart.labels.length);
		const legendW = Math.min(box.w * 0.45, Math.max(...chart.labels.map(inch)) + 0.35);
		const legendH = chart.labels.length * line;
		const legendX = box.x + box.w - legendW;
		chart.labels.forEach((name, i) => {
			const y = box.y + (box.h - legendH) / 2 + i * line;
			items.push({ type: 'rect', x: legendX, y: y + line * 0.2, w: 0.1, h: 0.1, fill: colors[i]! });
			items.push(label(name, legendX + 0.17, y + line * 0.2 + 0.1, 'start'));
		});
		const r = Math.min(box.h, box.w - legendW - 0.2) / 2;
		const cx = box.x + (box.w - legendW - 0.2) / 2;
		const cy = box.y + box.h / 2;
		const values = chart.series[0]?.values ?? [];
		const total = values.reduce((a, b) => a + Math.max(0, b), 0) || 1;
		const inner = chart.kind === 'doughnut' ? r * 0.55 : 0;
		let angle = -Math.PI / 2;
		values.forEach((value, i) => {
			const sweep = (Math.max(0, value) / total) * 2 * Math.PI;
			if (sweep <= 0) return;
			const end = angle + Math.min(sweep, 2 * Math.PI - 1e-4);
			const large = sweep > Math.PI ? 1 : 0;
			const at = (a: number, radius: number) => ({
				x: cx + radius * Math.cos(a),
				y: cy + radius * Math.sin(a),
			});
			const big = large === 1;
			const segments: PathSegment[] = inner
				? [
						{ op: 'M', ...at(angle, r) },
						{ op: 'A', r, large: big, sweep: true, ...at(end, r) },
						{ op: 'L', ...at(end, inner) },
						{ op: 'A', r: inner, large: big, sweep: false, ...at(angle, inner) },
						{ op: 'Z' },
					]
				: [
						{ op: 'M', x: cx, y: cy },
						{ op: 'L', ...at(angle, r) },
						{ op: 'A', r, large: big, sweep: true, ...at(end, r) },
						{ op: 'Z' },
					];
			items.push({ type: 'path', segments, fill: colors[i]!, stroke: 'FFFFFF', strokeWidth: 0.75 });
			if (chart.labels.length <= 8) {
				const mid = angle + sweep / 2;
				const at = inner ? (r + inner) / 2 : r * 0.62;
				items.push(
					label(
						formatValue(value, chart),
						cx + at * Math.cos(mid),
						cy + at * Math.sin(mid) + (size * 0.35) / PT_PER_IN,
						'middle',
						'FFFFFF',
					),
				);
			}
			angle += sweep;
		});
		return items;
	}

	// Legend below when there are several series.
	const series = chart.series;
	let legendH = 0;
	if (series.length > 1) {
		const widths = series.map((s) => inch(s.name) + 0.35);
		const rows: number[][] = [[]];
		let used = 0;
		widths.forEach((w, i) => {
			if (used && used + w > box.w - 0.2) {
				rows.push([]);
				used = 0;
			}
			rows[rows.length - 1]!.push(i);
			used += w;
		});
		legendH = rows.length * line + 0.1;
		rows.forEach((row, r) => {
			const rowW = row.reduce((sum, i) => sum + widths[i]!, 0);
			let x = box.x + (box.w - rowW) / 2;
			const y = box.y + box.h - legendH + 0.1 + r * line;
			for (const i of row) {
				items.push({
					type: 'rect',
					x,
					y: y + line * 0.2,
					w: 0.1,
					h: 0.1,
					fill: frame.colors[i % frame.colors.length]!,
				});
				items.push(label(series[i]!.name, x + 0.17, y + line * 0.2 + 0.1, 'start'));
				x += widths[i]!;
			}
		});
	}
	const all = series.flatMap((s) => s.values);
	const scale = niceScale(Math.min(0, ...all), Math.max(0, ...all));
	const points = chart.labels.length * series.length;
	const plot = { x: box.x, y: box.y, w: box.w, h: box.h - legendH };
	const color = (i: number) => frame.colors[i % frame.colors.length]!;

	if (chart.kind === 'bar') {
		// Horizontal bars, categories top to bottom, labels on the left.
		const labelW = Math.min(plot.w * 0.4, Math.max(...chart.labels.map(inch)) + 0.1);
		const valueW =
			points <= 16 ? Math.max(...all.map((v) => inch(formatValue(v, chart)))) + 0.1 : 0;
		const area = {
			x: plot.x + labelW,
			y: plot.y,
			w: plot.w - labelW - valueW,
			h: plot.h - (points <= 16 ? 0 : line),
		};
		const slot = area.h / chart.labels.length;
		const barH = slot / (1 + 0.6) / series.length;
		const xOf = (v: number) => area.x + ((v - scale.lo) / (scale.hi - scale.lo)) * area.w;
		if (points > 16) {
			for (let v = scale.lo; v <= scale.hi + 1e-9; v += scale.step) {
				items.push({
					type: 'path',
					segments: line2(xOf(v), area.y, xOf(v), area.y + area.h),
					stroke: frame.gridColor,
					strokeWidth: 0.75,
				});
				items.push(
					label(
						formatValue(v, chart),
						xOf(v),
						area.y + area.h + line * 0.8,
						'middle',
						frame.mutedColor,
					),
				);
			}
		}
		chart.labels.forEach((name, c) => {
			const top = area.y + c * slot + (slot - barH * series.length) / 2;
			items.push(
				label(name, area.x - 0.08, area.y + (c + 0.5) * slot + (size * 0.35) / PT_PER_IN, 'end'),
			);
			series.forEach((s, i) => {
				const v = s.values[c] ?? 0;
				const x0 = xOf(Math.max(0, scale.lo));
				const x1 = xOf(v);
				items.push({
					type: 'rect',
					x: Math.min(x0, x1),
					y: top + i * barH,
					w: Math.abs(x1 - x0),
					h: barH,
					fill: color(i),
				});
				if (points <= 16)
					items.push(
						label(
							formatValue(v, chart),
							Math.max(x0, x1) + 0.05,
							top + (i + 0.5) * barH + (size * 0.35) / PT_PER_IN,
							'start',
						),
					);
			});
		});
		items.push({
			type: 'path',
			segments: line2(
				xOf(Math.max(0, scale.lo)),
				area.y,
				xOf(Math.max(0, scale.lo)),
				area.y + area.h,
			),
			stroke: frame.gridColor,
			strokeWidth: 0.75,
		});
		return items;
	}

	// Columns and lines: categories along the bottom.
	const labelled = chart.kind === 'line' ? points <= 12 : points <= 16;
	const axisW =
		chart.kind === 'column' && labelled
			? 0
			: Math.max(...[scale.lo, scale.hi].map((v) => inch(formatValue(v, chart)))) + 0.1;
	const slotW = (plot.w - axisW) / chart.labels.length;
	const longest = Math.max(...chart.labels.map(inch));
	const catH = longest <= slotW ? line : line * 2;
	const area = {
		x: plot.x + axisW,
		y: plot.y + (labelled ? line : 0),
		w: plot.w - axisW,
		h: plot.h - catH - (labelled ? line : 0),
	};
	const yOf = (v: number) => area.y + area.h - ((v - scale.lo) / (scale.hi - scale.lo)) * area.h;
	if (!(chart.kind === 'column' && labelled)) {
		for (let v = scale.lo; v <= scale.hi + 1e-9; v += scale.step) {
			items.push({
				type: 'path',
				segments: line2(area.x, yOf(v), area.x + area.w, yOf(v)),
				stroke: frame.gridColor,
				strokeWidth: 0.75,
			});
			items.push(
				label(
					formatValue(v, chart),
					area.x - 0.06,
					yOf(v) + (size * 0.35) / PT_PER_IN,
					'end',
					frame.mutedColor,
				),
			);
		}
	}
	chart.labels.forEach((name, c) => {
		const words = longest <= slotW ? [name] : splitTwo(name);
		words.forEach((part, k) =>
			items.push(
				label(part, area.x + (c + 0.5) * slotW, area.y + area.h + line * (0.85 + k), 'middle'),
			),
		);
	});
	if (chart.kind === 'column') {
		const barW = slotW / (1 + 0.6) / series.length;
		chart.labels.forEach((_, c) => {
			const left = area.x + c * slotW + (slotW - barW * series.length) / 2;
			series.forEach((s, i) => {
				const v = s.values[c] ?? 0;
				const y0 = yOf(Math.max(0, scale.lo));
				const y1 = yOf(v);
				items.push({
					type: 'rect',
					x: left + i * barW,
					y: Math.min(y0, y1),
					w: barW,
					h: Math.abs(y1 - y0),
					fill: color(i),
				});
				if (labelled)
					items.push(
						label(
							formatValue(v, chart),
							left + (i + 0.5) * barW,
							Math.min(y0, y1) - 0.05,
							'middle',
						),
					);
			});
		});
	} else {
		series.forEach((s, i) => {
			const pts = s.values.map((v, c) => [area.x + (c + 0.5) * slotW, yOf(v)] as const);
			items.push({
				type: 'path',
				segments: pts.map(([x, y], k): PathSegment => ({ op: k ? 'L' : 'M', x, y })),
				stroke: color(i),
				strokeWidth: 2.5,
			});
			pts.forEach(([x, y], c) => {
				items.push({ type: 'ellipse', cx: x, cy: y, rx: 0.05, ry: 0.05, fill: color(i) });
				if (labelled)
					items.push(label(formatValue(s.values[c] ?? 0, chart), x, y - 0.09, 'middle'));
			});
		});
	}
	items.push({
		type: 'path',
		segments: line2(
			area.x,
			yOf(Math.max(0, scale.lo)),
			area.x + area.w,
			yOf(Math.max(0, scale.lo)),
		),
		stroke: frame.gridColor,
		strokeWidth: 0.75,
	});
	return items;
}

/** A long category label on two lines, split at the space nearest its middle. */
function splitTwo(text: string): string[] {
	const spaces = [...text.matchAll(/ /g)].map((m) => m.index!);
	if (!spaces.length) return [text];
	const mid = text.length / 2;
	const at = spaces.reduce((best, i) => (Math.abs(i - mid) < Math.abs(best - mid) ? i : best));
	return [text.slice(0, at), text.slice(at + 1)];
}
