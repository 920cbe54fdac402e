/**
 * Slide geometry and colours. Everything is in inches on a 16:9 slide (13.333 x 7.5, PowerPoint's
 * "Widescreen"); colours are `RRGGBB` without `#`, as pptxgenjs takes them.
 */
import type { Brand } from '../schema/brand.ts';

/** Slide size in inches. */
export const SLIDE = { w: 13.333, h: 7.5 } as const;

/** Left and right margin. */
export const MARGIN_X = 0.65;

/** Width between the margins. */
export const CONTENT_W = SLIDE.w - 2 * MARGIN_X;

/** Where the parts of a content slide sit. */
export const FRAME = {
	/** Small label above the headline (stage, section). */
	eyebrow: { y: 0.42, h: 0.34 },
	/** The headline. */
	headline: { y: 0.8, h: 1.25 },
	/** The body area under the headline. */
	body: { y: 2.25, h: 4.4 },
	/** The footer line and text. */
	footerRule: { y: 6.88 },
	footer: { y: 6.95, h: 0.3 },
	/** The logo, top right. */
	logo: { y: 0.34, h: 0.42 },
} as const;

/** Gap between columns and stacked blocks. */
export const GAP = 0.35;

/** Font sizes (points): [min, max] per role. */
export const SIZES = {
	eyebrow: [10, 13],
	headline: [20, 30],
	body: [11, 20],
	caption: [8, 11],
	statValue: [20, 66],
	titleSlide: [26, 44],
} as const;

/** The brand's colours, ready for pptxgenjs, plus derived tints. */
export interface Palette {
	primary: string;
	accent: string;
	text: string;
	muted: string;
	background: string;
	surface: string;
	chart: string[];
	/** Hairlines and rules. */
	rule: string;
	/** Text on the primary colour. */
	onPrimary: string;
	/** Secondary text on the primary colour. */
	onPrimaryMuted: string;
	/** Accent that reads on the primary colour. */
	accentOnPrimary: string;
}

const hex = (color: string) => color.replace(/^#/, '').toUpperCase();

/** `a` mixed with `b`: `t` = 0 gives `a`, 1 gives `b`. */
export function mix(a: string, b: string, t: number): string {
	const channels = (color: string) =>
		[0, 2, 4].map((i) => parseInt(hex(color).slice(i, i + 2), 16));
	const [ca, cb] = [channels(a), channels(b)];
	return ca
		.map((value, i) => Math.round(value + ((cb[i] ?? 0) - value) * t))
		.map((value) => value.toString(16).padStart(2, '0'))
		.join('')
		.toUpperCase();
}

/** Relative luminance (WCAG), 0 black to 1 white. */
export function luminance(color: string): number {
	const [r, g, b] = [0, 2, 4].map((i) => {
		const c = parseInt(hex(color).slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
	const [la, lb] = [luminance(a), luminance(b)];
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The palette for a brand. */
export function palette(brand: Brand): Palette {
	const c = brand.colors;
	const primary = hex(c.primary);
	const onPrimary =
		contrast(primary, 'FFFFFF') >= contrast(primary, '000000') ? 'FFFFFF' : '000000';
	// The accent as it is when it reads on the primary colour, else lightened towards the text colour.
	let accentOnPrimary = hex(c.accent);
	for (let t = 0.1; contrast(accentOnPrimary, primary) < 3 && t <= 1; t += 0.1) {
		accentOnPrimary = mix(hex(c.accent), onPrimary, t);
	}
	return {
		primary,
		accent: hex(c.accent),
		text: hex(c.text),
		muted: hex(c.muted),
		background: hex(c.background),
		surface: hex(c.surface),
		chart: c.chart.map(hex),
		rule: mix(hex(c.surface), hex(c.muted), 0.25),
		onPrimary,
		onPrimaryMuted: mix(onPrimary, primary, 0.25),
		accentOnPrimary,
	};
}
