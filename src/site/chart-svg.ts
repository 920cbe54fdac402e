/**
 * Geometry for the site's build-time SVG charts: pure numbers, so the component only draws.
 */
import type { InsightChart } from '../schema/insight.ts';

/** Axis ticks from `min` to `max`, at a round step, always including zero. */
export function niceTicks(min: number, max: number, count = 5): number[] {
	const low = Math.min(0, min);
	const high = Math.max(0, max);
	const span = high - low || 1;
	const raw = span / count;
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	const step = ([1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
	const start = Math.floor(low / step) * step;
	const ticks: number[] = [];
	for (let tick = start; tick <= high + step * 1e-9; tick += step)
		ticks.push(Number(tick.toFixed(10)));
	if (ticks[ticks.length - 1]! < high)
		ticks.push(Number((ticks[ticks.length - 1]! + step).toFixed(10)));
	return ticks;
}

/** Every value of every series, for scale calculations. */
export function allValues(chart: InsightChart): number[] {
	return chart.series.flatMap((series) => series.values);
}

/** A pie or doughnut slice as an SVG path, angles in radians from 12 o'clock, clockwise. */
export function arcPath(
	cx: number,
	cy: number,
	r: number,
	inner: number,
	from: number,
	to: number,
): string {
	const point = (radius: number, angle: number) =>
		`${(cx + radius * Math.sin(angle)).toFixed(2)} ${(cy - radius * Math.cos(angle)).toFixed(2)}`;
	// A full circle cannot be one arc: split it in two halves.
	if (to - from >= Math.PI * 2 - 1e-9) {
		const mid = from + Math.PI;
		return arcPath(cx, cy, r, inner, from, mid) + ' ' + arcPath(cx, cy, r, inner, mid, to);
	}
	const large = to - from > Math.PI ? 1 : 0;
	if (inner > 0) {
		return `M ${point(r, from)} A ${r} ${r} 0 ${large} 1 ${point(r, to)} L ${point(inner, to)} A ${inner} ${inner} 0 ${large} 0 ${point(inner, from)} Z`;
	}
	return `M ${cx} ${cy} L ${point(r, from)} A ${r} ${r} 0 ${large} 1 ${point(r, to)} Z`;
}

/** Splits a category label into at most two lines of about `width` characters. */
export function wrapLabel(label: string, width: number): string[] {
	if (label.length <= width) return [label];
	const words = label.split(' ');
	let first = '';
	while (words.length && (first + ' ' + words[0]).trim().length <= width)
		first = (first + ' ' + words.shift()).trim();
	if (!first) return [label.slice(0, width), label.slice(width)];
	return [first, words.join(' ')];
}
