/** The brand's colours as the plan uses them (`RRGGBB`, no `#`), plus derived tints. */
import type { Brand } from '../../schema/brand.ts';
import { contrast, mix } from '../color.ts';

/** The brand's colours plus derived tints. */
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
