// One formatter each, made once: `toLocaleString` with options builds a new formatter per call,
// a measurable share of the site build on large libraries (see docs/benchmarks.md).
const integerFormat = new Intl.NumberFormat('en-US');
const decimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * How chart values read with their unit, the same on the site and in decks: "%" and short units
 * follow the number ("42%", "3.1x"), currency symbols lead it ("$12M"), longer units follow a space.
 */
export function formatChartValue(value: number, unit?: string): string {
	const number = Number.isInteger(value)
		? integerFormat.format(value)
		: decimalFormat.format(value);
	if (!unit) return number;
	const currency = /^[$€£¥]/.exec(unit);
	if (currency) {
		const sign = value < 0 ? '-' : '';
		return `${sign}${currency[0]}${number.replace(/^-/, '')}${unit.slice(1)}`;
	}
	return unit.length <= 2 ? `${number}${unit}` : `${number} ${unit}`;
}
