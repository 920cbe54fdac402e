/**
 * Colours as the audit resolves them: explicit RGB, theme colours through the master's colour map,
 * system colours, with the luminance and alpha modifiers PowerPoint writes. WCAG contrast.
 */
import { kid, kids, type XmlElement } from './xml.ts';

/** An sRGB colour, 0-255 per channel, with opacity 0-1. */
export interface Rgba {
	r: number;
	g: number;
	b: number;
	a: number;
}

/** How theme colour names resolve: the master's colour map and the theme's colour scheme. */
export interface ColorContext {
	/** `bg1` -> `lt1` and so on (the master's `p:clrMap`, or a slide's override). */
	map: Record<string, string>;
	/** `dk1` -> its colour element in the theme's `a:clrScheme`. */
	scheme: Map<string, XmlElement>;
}

/** The colour context of a slide built on `master` with `theme`. */
export function colorContext(
	master: XmlElement | undefined,
	theme: XmlElement | undefined,
	slide?: XmlElement,
): ColorContext {
	const override = kid(slide, 'clrMapOvr', 'overrideClrMapping');
	const map = { ...(kid(master, 'clrMap')?.attrs ?? {}), ...(override?.attrs ?? {}) };
	const scheme = new Map<string, XmlElement>();
	for (const entry of kids(kid(theme, 'themeElements', 'clrScheme'))) {
		const value = kids(entry)[0];
		if (value) scheme.set(entry.local, value);
	}
	return { map, scheme };
}

function hex(value: string | undefined): Rgba | undefined {
	if (!value || !/^[0-9a-fA-F]{6}$/.test(value)) return undefined;
	const n = parseInt(value, 16);
	return { r: n >> 16, g: (n >> 8) & 255, b: n & 255, a: 1 };
}

function toHsl({ r, g, b }: Rgba): [number, number, number] {
	const [R, G, B] = [r / 255, g / 255, b / 255];
	const max = Math.max(R, G, B);
	const min = Math.min(R, G, B);
	const l = (max + min) / 2;
	if (max === min) return [0, 0, l];
	const d = max - min;
	const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
	const h =
		max === R
			? ((G - B) / d + (G < B ? 6 : 0)) / 6
			: max === G
				? ((B - R) / d + 2) / 6
				: ((R - G) / d + 4) / 6;
	return [h, s, l];
}

function fromHsl(h: number, s: number, l: number, a: number): Rgba {
	const channel = (t: number) => {
		const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
		const p = 2 * l - q;
		const u = (t + 1) % 1;
		const v =
			u < 1 / 6
				? p + (q - p) * 6 * u
				: u < 1 / 2
					? q
					: u < 2 / 3
						? p + (q - p) * (2 / 3 - u) * 6
						: p;
		return Math.round(v * 255);
	};
	if (s === 0) {
		const v = Math.round(l * 255);
		return { r: v, g: v, b: v, a };
	}
	return { r: channel(h + 1 / 3), g: channel(h), b: channel(h - 1 / 3), a };
}

/** Applies `lumMod`, `lumOff`, `tint`, `shade` and `alpha`; undefined for other modifiers. */
function modified(base: Rgba, el: XmlElement): Rgba | undefined {
	let color = base;
	for (const mod of kids(el)) {
		const value = Number(mod.attrs.val) / 100000;
		if (!Number.isFinite(value)) return undefined;
		if (mod.local === 'alpha') color = { ...color, a: value };
		else if (mod.local === 'lumMod' || mod.local === 'lumOff') {
			const [h, s, l] = toHsl(color);
			const lum = mod.local === 'lumMod' ? l * value : l + value;
			color = fromHsl(h, s, Math.min(1, Math.max(0, lum)), color.a);
		} else if (mod.local === 'tint' || mod.local === 'shade') {
			const to = mod.local === 'tint' ? 255 : 0;
			const mix = (c: number) => Math.round(to + (c - to) * value);
			color = { r: mix(color.r), g: mix(color.g), b: mix(color.b), a: color.a };
		} else return undefined;
	}
	return color;
}

/** The colour of a colour element (`a:srgbClr`, `a:schemeClr`, ...), or undefined when unknown. */
export function resolveColor(el: XmlElement | undefined, context: ColorContext): Rgba | undefined {
	if (!el) return undefined;
	let base: Rgba | undefined;
	if (el.local === 'srgbClr') base = hex(el.attrs.val);
	else if (el.local === 'sysClr') base = hex(el.attrs.lastClr);
	else if (el.local === 'schemeClr') {
		const name = el.attrs.val ?? '';
		const slot = context.map[name] ?? name;
		const target = context.scheme.get(slot);
		base = target && target.local !== 'schemeClr' ? resolveColor(target, context) : undefined;
	}
	return base && modified(base, el);
}

/** The colour of a fill's `a:solidFill` child, `'none'` for `a:noFill`, else undefined. */
export function fillColor(
	parent: XmlElement | undefined,
	context: ColorContext,
): Rgba | 'none' | undefined {
	if (kid(parent, 'noFill')) return 'none';
	const solid = kid(parent, 'solidFill');
	return solid ? resolveColor(kids(solid)[0], context) : undefined;
}

/** `top` painted over the opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
	const mix = (a: number, b: number) => Math.round(a * top.a + b * (1 - top.a));
	return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

function luminance({ r, g, b }: Rgba): number {
	const lin = (c: number) => {
		const v = c / 255;
		return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
	};
	return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio of two opaque colours (1 to 21). */
export function contrastRatio(a: Rgba, b: Rgba): number {
	const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
	return (x + 0.05) / (y + 0.05);
}

/** `#RRGGBB`. */
export function cssHex({ r, g, b }: Rgba): string {
	return `#${[r, g, b]
		.map((c) => c.toString(16).padStart(2, '0'))
		.join('')
		.toUpperCase()}`;
}
