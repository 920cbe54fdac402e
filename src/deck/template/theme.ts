/** Reads a theme part: its colour scheme and major/minor fonts. */
import type { TemplateTheme } from './model.ts';
import { child, path, type XmlElement } from './xml.ts';

const schemeSlots = [
	'dk1',
	'lt1',
	'dk2',
	'lt2',
	'accent1',
	'accent2',
	'accent3',
	'accent4',
	'accent5',
	'accent6',
	'hlink',
	'folHlink',
] as const;

/** Office's own defaults, for a scheme slot a theme leaves out. */
const fallback: TemplateTheme['colors'] = {
	dk1: '#000000',
	lt1: '#FFFFFF',
	dk2: '#44546A',
	lt2: '#E7E6E6',
	accent1: '#4472C4',
	accent2: '#ED7D31',
	accent3: '#A5A5A5',
	accent4: '#FFC000',
	accent5: '#5B9BD5',
	accent6: '#70AD47',
	hlink: '#0563C1',
	folHlink: '#954F72',
};

/** `#RRGGBB` of a colour-scheme entry (`a:srgbClr`, or `a:sysClr` by its last colour). */
function slotColor(slot: XmlElement | undefined): string | undefined {
	const srgb = child(slot, 'a:srgbClr')?.attrs.val;
	const sys = child(slot, 'a:sysClr');
	const hex = srgb ?? sys?.attrs.lastClr ?? (sys?.attrs.val === 'window' ? 'FFFFFF' : undefined);
	return hex && /^[0-9a-fA-F]{6}$/.test(hex) ? `#${hex.toUpperCase()}` : undefined;
}

/** The theme in a parsed theme part. */
export function readTheme(root: XmlElement): TemplateTheme {
	const elements = child(root, 'a:themeElements');
	const scheme = child(elements, 'a:clrScheme');
	const colors = { ...fallback };
	for (const slot of schemeSlots)
		colors[slot] = slotColor(child(scheme, `a:${slot}`)) ?? fallback[slot];
	const fonts = child(elements, 'a:fontScheme');
	const major = path(fonts, 'a:majorFont', 'a:latin')?.attrs.typeface || 'Calibri Light';
	const minor = path(fonts, 'a:minorFont', 'a:latin')?.attrs.typeface || 'Calibri';
	return { name: root.attrs.name ?? '', colors, fonts: { major, minor } };
}
