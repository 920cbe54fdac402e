/**
 * The shapes of a slide as the audit sees them, in reading order (the order of the shape tree):
 * kind, name and alternative text, whether decorative, placeholder, position on the slide (group
 * transforms and placeholder inheritance applied), fill and text runs.
 */
import { descendants, kid, kids, textOf, type XmlElement } from './xml.ts';

/** The extension PowerPoint reads to mark a shape decorative (spelled exactly so). */
export const DECORATIVE_EXTENSION = '{C183D7F6-B498-43B3-948B-1728B52AA6E4}';

/** A box in EMU. */
export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** One text run (or field) with its properties element. */
export interface Run {
	text: string;
	props?: XmlElement;
}

/** A shape of the slide. */
export interface Shape {
	kind: 'sp' | 'pic' | 'graphicFrame' | 'grpSp' | 'cxnSp' | 'contentPart';
	id: string;
	name: string;
	descr: string;
	decorative: boolean;
	hidden: boolean;
	placeholder?: { type: string; idx?: string };
	box?: Box;
	/** `spPr` (for fills). */
	properties?: XmlElement;
	/** Runs by paragraph; `rtl` when the paragraph is right-to-left. */
	paragraphs: Array<{ rtl: boolean; runs: Run[] }>;
	/** All the shape's text, trimmed. */
	text: string;
	/** What a graphic frame holds: `chart`, `table`, `diagram`, or the data URI. */
	graphic?: string;
	/** A group's members. */
	members: Shape[];
	element: XmlElement;
}

const kinds = new Set(['sp', 'pic', 'graphicFrame', 'grpSp', 'cxnSp', 'contentPart']);

function nonVisual(el: XmlElement): XmlElement | undefined {
	return kids(el).find((c) => c.local.startsWith('nv'));
}

function xfrmBox(xfrm: XmlElement | undefined): Box | undefined {
	const off = kid(xfrm, 'off');
	const ext = kid(xfrm, 'ext');
	if (!off || !ext) return undefined;
	return {
		x: Number(off.attrs.x),
		y: Number(off.attrs.y),
		w: Number(ext.attrs.cx),
		h: Number(ext.attrs.cy),
	};
}

/** A coordinate mapping from a group's child space to the slide. */
type Transform = (box: Box) => Box;
const identity: Transform = (box) => box;

function groupTransform(group: XmlElement, outer: Transform): Transform {
	const xfrm = kid(group, 'grpSpPr', 'xfrm');
	const box = xfrmBox(xfrm);
	const chOff = kid(xfrm, 'chOff');
	const chExt = kid(xfrm, 'chExt');
	if (!box || !chOff || !chExt) return outer;
	const [cx, cy] = [Number(chOff.attrs.x), Number(chOff.attrs.y)];
	const sx = Number(chExt.attrs.cx) ? box.w / Number(chExt.attrs.cx) : 1;
	const sy = Number(chExt.attrs.cy) ? box.h / Number(chExt.attrs.cy) : 1;
	return (child) =>
		outer({
			x: box.x + (child.x - cx) * sx,
			y: box.y + (child.y - cy) * sy,
			w: child.w * sx,
			h: child.h * sy,
		});
}

function paragraphsOf(body: XmlElement | undefined): Shape['paragraphs'] {
	return kids(body, 'p').map((p) => ({
		rtl: kid(p, 'pPr')?.attrs.rtl === '1',
		runs: kids(p)
			.filter((c) => c.local === 'r' || c.local === 'fld')
			.map((r) => ({ text: textOf(kid(r, 't')), props: kid(r, 'rPr') })),
	}));
}

/** Placeholder position from the layout, else the master, when the slide's shape has none. */
function inheritedBox(
	placeholder: { type: string; idx?: string },
	sources: Array<XmlElement | undefined>,
): Box | undefined {
	for (const source of sources) {
		for (const ph of descendants(kid(source, 'cSld', 'spTree'), 'ph')) {
			const type = ph.attrs.type ?? 'body';
			const sameIdx = placeholder.idx !== undefined && ph.attrs.idx === placeholder.idx;
			const sameType =
				type === placeholder.type || (placeholder.type === 'ctrTitle' && type === 'title');
			if (!sameIdx && !sameType) continue;
			// The position is in the shape's own properties (spPr), not its non-visual ones (nvSpPr).
			const box = xfrmBox(kid(findShapeOf(source!, ph), 'spPr', 'xfrm'));
			if (box) return box;
		}
	}
	return undefined;
}

function findShapeOf(root: XmlElement, ph: XmlElement): XmlElement | undefined {
	for (const shape of descendants(kid(root, 'cSld', 'spTree'), 'sp')) {
		if (descendants(shape, 'ph').includes(ph)) return shape;
	}
	return undefined;
}

function readShape(
	el: XmlElement,
	transform: Transform,
	inherit: Array<XmlElement | undefined>,
): Shape {
	const nv = nonVisual(el);
	const cNvPr = kid(nv, 'cNvPr');
	const ph = kid(nv, 'nvPr', 'ph');
	const placeholder = ph ? { type: ph.attrs.type ?? 'body', idx: ph.attrs.idx } : undefined;
	const properties = kids(el).find((c) => c.local === 'spPr' || c.local === 'grpSpPr');
	const xfrm = el.local === 'graphicFrame' ? kid(el, 'xfrm') : kid(properties, 'xfrm');
	const own = xfrmBox(xfrm);
	const raw = own ?? (placeholder ? inheritedBox(placeholder, inherit) : undefined);
	const paragraphs = paragraphsOf(kid(el, 'txBody'));
	const uri = kid(el, 'graphic', 'graphicData')?.attrs.uri ?? '';
	const decorative = kids(kid(cNvPr, 'extLst'), 'ext').some(
		(ext) =>
			ext.attrs.uri === DECORATIVE_EXTENSION &&
			kids(ext).some(
				(c) => c.local === 'decorative' && c.attrs.val !== '0' && c.attrs.val !== 'false',
			),
	);
	const transformInside = el.local === 'grpSp' ? groupTransform(el, transform) : transform;
	return {
		kind: el.local as Shape['kind'],
		id: cNvPr?.attrs.id ?? '',
		name: cNvPr?.attrs.name ?? '',
		descr: (cNvPr?.attrs.descr ?? '').trim(),
		decorative,
		hidden: cNvPr?.attrs.hidden === '1' || cNvPr?.attrs.hidden === 'true',
		placeholder,
		box: raw && transform(raw),
		properties,
		paragraphs,
		text: paragraphs
			.map((p) => p.runs.map((r) => r.text).join(''))
			.join('\n')
			.trim(),
		graphic: uri.endsWith('/chart')
			? 'chart'
			: uri.endsWith('/table')
				? 'table'
				: uri.endsWith('/diagram')
					? 'diagram'
					: uri || undefined,
		members: el.local === 'grpSp' ? shapesIn(el, transformInside, inherit) : [],
		element: el,
	};
}

function shapesIn(
	tree: XmlElement,
	transform: Transform,
	inherit: Array<XmlElement | undefined>,
): Shape[] {
	const out: Shape[] = [];
	for (const child of kids(tree)) {
		if (kinds.has(child.local)) out.push(readShape(child, transform, inherit));
		else if (child.local === 'AlternateContent') {
			const choice = kid(child, 'Choice') ?? kid(child, 'Fallback');
			if (choice) out.push(...shapesIn(choice, transform, inherit));
		}
	}
	return out;
}

/**
 * Shapes read before, by part tree, with the parts they inherited from: every rule reads a
 * slide's shapes, and every slide its layout's and master's, which the decks of a batch share.
 * The shapes are never changed.
 */
const shapesRead = new WeakMap<
	XmlElement,
	{ inherit: Array<XmlElement | undefined>; shapes: Shape[] }
>();

function sameParts(a: Array<XmlElement | undefined>, b: Array<XmlElement | undefined>): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/**
 * The shapes of a slide, layout or master, in shape-tree order; a placeholder without a position
 * of its own takes it from the first of `inherit` (layout, then master) that has one.
 */
export function shapesOf(
	part: XmlElement | undefined,
	inherit: Array<XmlElement | undefined> = [],
): Shape[] {
	if (!part) return [];
	const known = shapesRead.get(part);
	if (known && sameParts(known.inherit, inherit)) return known.shapes;
	const tree = kid(part, 'cSld', 'spTree');
	const shapes = tree ? shapesIn(tree, identity, inherit) : [];
	shapesRead.set(part, { inherit, shapes });
	return shapes;
}

/** Every shape including group members, depth first, in reading order. */
export function flatten(shapes: Shape[]): Shape[] {
	return shapes.flatMap((shape) => [shape, ...flatten(shape.members)]);
}
