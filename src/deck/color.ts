/** Colour arithmetic on `RRGGBB` colours (with or without `#`), shared by the plan and the writers. */

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

/**
 * Luminances worked out before: a deck asks for the same few colours' contrast for every frame it
 * recolours or audits. Bounded, in case colours never repeat.
 */
const luminances = new Map<string, number>();

/** Relative luminance (WCAG), 0 black to 1 white. */
export function luminance(color: string): number {
	let known = luminances.get(color);
	if (known === undefined) {
		const [r, g, b] = [0, 2, 4].map((i) => {
			const c = parseInt(hex(color).slice(i, i + 2), 16) / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		if (luminances.size >= 1024) luminances.clear();
		luminances.set(color, (known = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!));
	}
	return known;
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
	const [la, lb] = [luminance(a), luminance(b)];
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
