/** Small pure helpers for the benchmark: statistics, growth with N, and number formatting. */

/** The median of `values` (the mean of the middle two for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
	if (!values.length) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The `p`-th percentile (0-100) of `values`, nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
	if (!values.length) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
	return sorted[Math.max(0, rank - 1)]!;
}

/** `value / floor`, or NaN when either is missing or the floor is not positive. */
export function ratio(value: number, floor: number): number {
	return Number.isFinite(value) && Number.isFinite(floor) && floor > 0 ? value / floor : Number.NaN;
}

/**
 * Least-squares line cost = fixed + perUnit * size through the points, and how well it fits
 * (r², 1 is a perfect line). With fewer than two distinct sizes the slope is NaN.
 */
export function linearFit(points: ReadonlyArray<{ size: number; cost: number }>): {
	fixed: number;
	perUnit: number;
	r2: number;
} {
	const n = points.length;
	const meanX = points.reduce((sum, p) => sum + p.size, 0) / n;
	const meanY = points.reduce((sum, p) => sum + p.cost, 0) / n;
	const sxx = points.reduce((sum, p) => sum + (p.size - meanX) ** 2, 0);
	const sxy = points.reduce((sum, p) => sum + (p.size - meanX) * (p.cost - meanY), 0);
	if (!n || sxx === 0) return { fixed: Number.NaN, perUnit: Number.NaN, r2: Number.NaN };
	const perUnit = sxy / sxx;
	const fixed = meanY - perUnit * meanX;
	const total = points.reduce((sum, p) => sum + (p.cost - meanY) ** 2, 0);
	const residual = points.reduce((sum, p) => sum + (p.cost - (fixed + perUnit * p.size)) ** 2, 0);
	return { fixed, perUnit, r2: total === 0 ? 1 : 1 - residual / total };
}

/** Seconds with one decimal (two below 10 s), e.g. "9.21 s", "42.7 s"; "n/a" when not a number. */
export function formatSeconds(ms: number): string {
	if (!Number.isFinite(ms)) return 'n/a';
	const seconds = ms / 1000;
	return `${seconds < 10 ? seconds.toFixed(2) : seconds.toFixed(1)} s`;
}

/** Milliseconds: one decimal below 100 ms, else whole, e.g. "18.4 ms", "412 ms". */
export function formatMs(ms: number): string {
	if (!Number.isFinite(ms)) return 'n/a';
	return `${ms < 100 ? ms.toFixed(1) : Math.round(ms).toLocaleString('en-US')} ms`;
}

/** Bytes in binary units, e.g. "812 B", "9.4 KB", "1.25 MB", "2.10 GB". */
export function formatBytes(bytes: number): string {
	if (!Number.isFinite(bytes)) return 'n/a';
	const units = ['B', 'KB', 'MB', 'GB'];
	let value = bytes;
	let unit = 0;
	while (Math.abs(value) >= 1024 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}
	if (unit === 0) return `${Math.round(value)} B`;
	return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** A ratio as "1.42x"; "n/a" when not a number. */
export function formatRatio(value: number): string {
	return Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a';
}

/** A whole count with thousands separators, e.g. "5,000". */
export function formatCount(value: number): string {
	return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}

/**
 * Lays out rows as a plain-text table: first row is the header, columns padded; cells that are
 * numbers (with a unit) right-aligned unless `alignNumbers` is false.
 */
export function table(
	rows: ReadonlyArray<ReadonlyArray<string>>,
	{ alignNumbers = true } = {},
): string {
	const widths: number[] = [];
	for (const row of rows)
		row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
	const numeric = (cell: string) => /^[-+]?[\d.,]+(\s?[a-zA-Z%]+)?$|^n\/a$/.test(cell);
	const line = (row: ReadonlyArray<string>) =>
		row
			.map((cell, i) =>
				alignNumbers && i > 0 && numeric(cell)
					? cell.padStart(widths[i]!)
					: cell.padEnd(widths[i]!),
			)
			.join('  ')
			.trimEnd();
	const [head, ...body] = rows;
	if (!head) return '';
	return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
