/**
 * Reads the drawing of a master or layout: placeholder boxes and text styles, pictures and
 * backgrounds, with scheme colours resolved through the master's colour map.
 */
import type {
	PlaceholderType,
	TemplateBox,
	TemplateRect,
	TemplateFill,
	TemplatePicture,
	TemplateTheme,
} from './model.ts';
import type { PartReader } from './package.ts';
import { child, descendants, path, type XmlElement } from './xml.ts';

const emuPerInch = 914400;

/** Resolves colours and fonts the way the master's colour map and theme say. */
export interface StyleContext {
	theme: TemplateTheme;
	/** `p:clrMap` of the master: `bg1` -> `lt1`, `tx1` -> `dk1`, ... */
	colorMap: Record<string, string>;
}

/** `#RRGGBB` of a DrawingML colour element's parent (`a:solidFill`, `a:gs`, ...), if plain enough. */
export function colorOf(fill: XmlElement | undefined, style: StyleContext): string | undefined {
	const srgb = child(fill, 'a:srgbClr')?.attrs.val;
	if (srgb && /^[0-9a-fA-F]{6}$/.test(srgb)) return `#${srgb.toUpperCase()}`;
	const scheme = child(fill, 'a:schemeClr')?.attrs.val;
	if (scheme) {
		const slot = style.colorMap[scheme] ?? scheme;
		return style.theme.colors[slot as keyof TemplateTheme['colors']];
	}
	const sys = child(fill, 'a:sysClr')?.attrs.lastClr;
	return sys && /^[0-9a-fA-F]{6}$/.test(sys) ? `#${sys.toUpperCase()}` : undefined;
}

/** The box of a shape's `a:xfrm` in inches, if it has one. */
export function boxOf(shape: XmlElement): TemplateBox | undefined {
	const xfrm = path(shape, 'p:spPr', 'a:xfrm') ?? path(shape, 'p:xfrm');
	const off = child(xfrm, 'a:off');
	const ext = child(xfrm, 'a:ext');
	if (!off || !ext) return undefined;
	const inches = (value: string | undefined) => Number(value ?? 0) / emuPerInch;
	return {
		x: inches(off.attrs.x),
		y: inches(off.attrs.y),
		w: inches(ext.attrs.cx),
		h: inches(ext.attrs.cy),
	};
}

/** A shape's placeholder element (`p:nvPr/p:ph`), if it is a placeholder. */
export function placeholderOf(shape: XmlElement): XmlElement | undefined {
	return path(shape, 'p:nvSpPr', 'p:nvPr', 'p:ph');
}

/** The placeholder's type (`obj` when the attribute is absent, as the schema says). */
export function placeholderType(ph: XmlElement): PlaceholderType {
	return (ph.attrs.type ?? 'obj') as PlaceholderType;
}

/** A fill element (`a:solidFill`, `a:gradFill`, `a:blipFill`) as a preview simplifies it. */
function fillOf(
	owner: XmlElement | undefined,
	style: StyleContext,
	reader: PartReader,
	part: string,
): TemplateFill | undefined {
	if (!owner) return undefined;
	const solid = child(owner, 'a:solidFill');
	if (solid) return { color: colorOf(solid, style) };
	const gradient = child(owner, 'a:gradFill');
	if (gradient) return { color: colorOf(path(gradient, 'a:gsLst', 'a:gs'), style) };
	const blip = child(owner, 'a:blipFill') ?? child(owner, 'p:blipFill');
	const embed = child(blip, 'a:blip')?.attrs['r:embed'];
	if (embed) return { image: reader.target(part, embed) };
	return undefined;
}

/** The background of a master or layout's `p:cSld`: `p:bg`, else a shape covering the slide. */
export function backgroundOf(
	cSld: XmlElement | undefined,
	style: StyleContext,
	reader: PartReader,
	part: string,
	slide: { width: number; height: number },
): TemplateFill | undefined {
	const bg = child(cSld, 'p:bg');
	const own = fillOf(child(bg, 'p:bgPr'), style, reader, part);
	if (own) return own;
	const ref = child(bg, 'p:bgRef');
	if (ref) return { color: colorOf(ref, style) };
	// Templates (LibreOffice's among them) often paint the background as a full-slide shape.
	for (const shape of child(cSld, 'p:spTree')?.children ?? []) {
		if ((shape.name !== 'p:sp' && shape.name !== 'p:pic') || placeholderOf(shape)) continue;
		const box = boxOf(shape);
		if (!box || box.w < slide.width * 0.9 || box.h < slide.height * 0.9) continue;
		const fill =
			shape.name === 'p:pic'
				? fillOf(shape, style, reader, part)
				: fillOf(child(shape, 'p:spPr'), style, reader, part);
		if (fill) return fill;
	}
	return undefined;
}

/** Pictures drawn on a master or layout (not placeholders), e.g. a logo. */
export function picturesOf(
	cSld: XmlElement | undefined,
	reader: PartReader,
	part: string,
): TemplatePicture[] {
	const pictures: TemplatePicture[] = [];
	const tree = child(cSld, 'p:spTree');
	if (!tree) return pictures;
	for (const pic of descendants(tree, 'p:pic')) {
		const embed = path(pic, 'p:blipFill', 'a:blip')?.attrs['r:embed'];
		const target = embed ? reader.target(part, embed) : undefined;
		const box = boxOf(pic);
		if (!target || !box) continue;
		const description = path(pic, 'p:nvPicPr', 'p:cNvPr')?.attrs.descr ?? '';
		pictures.push({ part: target, box, description });
	}
	return pictures;
}

const alignments: Record<string, 'left' | 'center' | 'right'> = {
	l: 'left',
	ctr: 'center',
	r: 'right',
};

/** Font, colour, size and alignment a placeholder's text shows: its first run's, else the fallback's. */
export function textStyleOf(
	shape: XmlElement | undefined,
	style: StyleContext,
): { font?: string; color?: string; size?: number; align?: 'left' | 'center' | 'right' } {
	const body = child(shape, 'p:txBody');
	if (!body) return {};
	const candidates = [
		...descendants(body, 'a:rPr'),
		...descendants(body, 'a:defRPr'),
		...descendants(body, 'a:endParaRPr'),
	];
	const algn = [...descendants(body, 'a:lvl1pPr'), ...descendants(body, 'a:pPr')].find(
		(pPr) => pPr.attrs.algn,
	)?.attrs.algn;
	const align = algn ? alignments[algn] : undefined;
	return { ...textStyleFrom(candidates, style), ...(align ? { align } : {}) };
}

/** The first font, colour and size among run-property elements (`a:rPr`, `a:defRPr`). */
export function textStyleFrom(
	runProperties: XmlElement[],
	style: StyleContext,
): { font?: string; color?: string; size?: number } {
	const result: { font?: string; color?: string; size?: number } = {};
	for (const rPr of runProperties) {
		const typeface = child(rPr, 'a:latin')?.attrs.typeface;
		if (!result.font && typeface) result.font = resolveFont(typeface, style.theme);
		const color = colorOf(child(rPr, 'a:solidFill'), style);
		if (!result.color && color) result.color = color;
		if (result.size === undefined && rPr.attrs.sz) result.size = Number(rPr.attrs.sz) / 100;
	}
	return result;
}

/** A typeface name with the theme's `+mj-lt`/`+mn-lt` references resolved. */
export function resolveFont(typeface: string, theme: TemplateTheme): string {
	if (typeface.startsWith('+mj')) return theme.fonts.major;
	if (typeface.startsWith('+mn')) return theme.fonts.minor;
	return typeface;
}

/** Solid-filled rectangles drawn on a master or layout (not placeholders), opaque ones only. */
export function rectsOf(cSld: XmlElement | undefined, style: StyleContext): TemplateRect[] {
	const rects: TemplateRect[] = [];
	for (const shape of child(cSld, 'p:spTree')?.children ?? []) {
		if (shape.name !== 'p:sp' || placeholderOf(shape)) continue;
		const spPr = child(shape, 'p:spPr');
		if (child(spPr, 'a:prstGeom')?.attrs.prst !== 'rect') continue;
		const solid = child(spPr, 'a:solidFill');
		const colorElement = solid?.children[0];
		if (!solid || colorElement?.children.some((c) => c.name === 'a:alpha')) continue;
		const color = colorOf(solid, style);
		const box = boxOf(shape);
		if (color && box) rects.push({ box, color });
	}
	return rects;
}
