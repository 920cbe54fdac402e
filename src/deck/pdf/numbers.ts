/**
 * Numbers and colours as a page's content stream writes them: rounded to what a reader can show,
 * with no exponent and no minus zero, so the same drawing gives the same bytes everywhere.
 */

/** `value` with at most `places` decimals, as PDF writes numbers: no exponent, no `-0`. */
export function pdfNum(value: number, places = 2): string {
	const scale = 10 ** places;
	const rounded = Math.round(value * scale) / scale;
	return rounded === 0 ? '0' : String(rounded);
}

/** Colour components already written, by `RRGGBB` (a deck uses a handful of colours). */
const components = new Map<string, string>();

/** `RRGGBB` as the three components PDF's `rg` and `RG` take, each 0 to 1. */
export function pdfRgb(hex: string): string {
	let text = components.get(hex);
	if (text === undefined) {
		const part = (at: number) => pdfNum(parseInt(hex.slice(at, at + 2), 16) / 255, 4);
		text = `${part(0)} ${part(2)} ${part(4)}`;
		if (components.size < 4096) components.set(hex, text);
	}
	return text;
}
