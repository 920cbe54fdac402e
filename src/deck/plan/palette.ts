/** The brand's colours as the plan uses them (`RRGGBB`, no `#`), plus derived tints. */
import type { Brand } from '../../schema/brand.ts';
import { contrast, mix } from '../color.ts';

/** The brand's colours plus derived tints. */
export interface Palette {
	primary: string;
	accent: string;
	/** Body text (the brand's, adjusted to 4.5:1 when it falls short; `npm run check` says so). */
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
	/** Accent for small text on the background (4.5:1; the accent itself when it reads). */
	accentText: string;
	/** Accent for small text that may sit on the background or a surface panel (4.5:1 on both). */
	accentOnSurface: string;
}

/** Contrast small text needs (WCAG AA; PowerPoint's Accessibility Checker). */
export const TEXT_CONTRAST = 4.5;

/**
 * `color` as it is when it reaches `ratio` against every one of `backgrounds`, else mixed a step at
 * a time towards black or white (whichever the backgrounds allow) until it does.
 */
export function readable(color: string, backgrounds: string[], ratio = TEXT_CONTRAST): string {
	const worst = (c: string) => Math.min(...backgrounds.map((b) => contrast(c, b)));
	if (worst(color) >= ratio) return color;
	const towards = ['000000', 'FFFFFF'].sort((a, b) => worst(b) - worst(a))[0]!;
	for (let t = 0.05; t < 1; t += 0.05) {
		const mixed = mix(color, towards, t);
		if (worst(mixed) >= ratio) return mixed;
	}
	return towards;
}

const hex = (color: string) => color.replace(/^#/, '').toUpperCase();

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
		// Text as the brand gives it when it reads on the background and panels, else darkened.
		text: readable(hex(c.text), [hex(c.background), hex(c.surface)]),
		muted: readable(hex(c.muted), [hex(c.background), hex(c.surface)]),
		background: hex(c.background),
		surface: hex(c.surface),
		chart: c.chart.map(hex),
		rule: mix(hex(c.surface), hex(c.muted), 0.25),
		onPrimary,
		onPrimaryMuted: mix(onPrimary, primary, 0.25),
		accentOnPrimary,
		accentText: readable(hex(c.accent), [hex(c.background)]),
		accentOnSurface: readable(hex(c.accent), [hex(c.background), hex(c.surface)]),
	};
}
