/**
 * Reads a .potx/.pptx package into a {@link Template}: slide size, theme, masters and layouts with
 * their placeholders resolved (a layout placeholder without a box inherits its master's).
 */
import type {
	Template,
	TemplateLayout,
	TemplateMaster,
	TemplatePlaceholder,
	TemplateSlideSize,
} from './model.ts';
import { PartReader, TemplateError, unzipParts } from './package.ts';
import {
	backgroundOf,
	boxOf,
	picturesOf,
	placeholderOf,
	placeholderType,
	rectsOf,
	textStyleFrom,
	textStyleOf,
	type StyleContext,
} from './shapes.ts';
import { readTheme } from './theme.ts';
import { child, childrenNamed, descendants, path, type XmlElement } from './xml.ts';

const emuPerInch = 914400;

/** The shape a slide size has, by its width / height. */
function aspectOf(width: number, height: number): TemplateSlideSize['aspect'] {
	const ratio = width / height;
	if (Math.abs(ratio - 16 / 9) < 0.02) return '16:9';
	if (Math.abs(ratio - 4 / 3) < 0.02) return '4:3';
	if (Math.abs(ratio - 16 / 10) < 0.02) return '16:10';
	return 'custom';
}

/** The placeholder family a layout placeholder inherits from on its master. */
function masterFamily(type: string): string {
	if (type === 'title' || type === 'ctrTitle') return 'title';
	if (type === 'dt' || type === 'ftr' || type === 'sldNum') return type;
	return 'body';
}

/** The shapes of a `p:cSld` that are placeholders. */
function placeholderShapes(cSld: XmlElement | undefined): XmlElement[] {
	return descendants(
		child(cSld, 'p:spTree') ?? { name: '', attrs: {}, children: [], text: '' },
		'p:sp',
	).filter((shape) => placeholderOf(shape));
}

/** `{ [key]: box }` of a shape that has one, else nothing. */
function boxEntry(key: 'title' | 'body', shape: XmlElement | undefined) {
	const box = shape ? boxOf(shape) : undefined;
	return box ? { [key]: box } : {};
}

/** `style` without its undefined entries. */
function definedOnly<T extends object>(style: T): Partial<T> {
	return Object.fromEntries(Object.entries(style).filter(([, v]) => v !== undefined)) as Partial<T>;
}

interface MasterRead {
	master: TemplateMaster;
	style: StyleContext;
	/** The master's placeholder shapes by family (`title`, `body`, `dt`, `ftr`, `sldNum`). */
	shapes: Map<string, XmlElement>;
	/** Run properties of `p:txStyles` titleStyle / bodyStyle, first level. */
	textStyles: { title: XmlElement[]; body: XmlElement[] };
	layoutParts: string[];
}

function readMaster(reader: PartReader, part: string, slide: TemplateSlideSize): MasterRead {
	const root = reader.xml(part);
	const rels = reader.rels(part);
	const themePart = rels.find((rel) => rel.type === 'theme')?.part;
	if (!themePart) throw new TemplateError(`${part} has no theme`);
	const theme = readTheme(reader.xml(themePart));
	const colorMap = { ...(child(root, 'p:clrMap')?.attrs ?? {}) };
	const style: StyleContext = { theme, colorMap };
	const cSld = child(root, 'p:cSld');
	const shapes = new Map<string, XmlElement>();
	for (const shape of placeholderShapes(cSld)) {
		const family = masterFamily(placeholderType(placeholderOf(shape)!));
		if (!shapes.has(family)) shapes.set(family, shape);
	}
	const txStyles = child(root, 'p:txStyles');
	const levelOne = (name: string) => {
		const defRPr = path(txStyles, name, 'a:lvl1pPr', 'a:defRPr');
		return defRPr ? [defRPr] : [];
	};
	const footerShape = shapes.get('ftr');
	const footer = footerShape
		? descendants(footerShape, 'a:t')
				.map((t) => t.text)
				.join('')
				.trim() || undefined
		: undefined;
	const layoutParts = childrenNamed(child(root, 'p:sldLayoutIdLst'), 'p:sldLayoutId')
		.map((entry) => reader.target(part, entry.attrs['r:id'] ?? ''))
		.filter((target): target is string => Boolean(target));
	return {
		master: {
			part,
			theme: themePart,
			background: backgroundOf(cSld, style, reader, part, slide) ?? { color: theme.colors.lt1 },
			pictures: picturesOf(cSld, reader, part),
			rects: rectsOf(cSld, style),
			...(footer ? { footer } : {}),
			...boxEntry('title', shapes.get('title')),
			titleStyle: {
				...textStyleFrom(levelOne('p:titleStyle'), style),
				...definedOnly(shapes.get('title') ? textStyleOf(shapes.get('title'), style) : {}),
			},
			...boxEntry('body', shapes.get('body')),
		},
		style,
		shapes,
		textStyles: { title: levelOne('p:titleStyle'), body: levelOne('p:bodyStyle') },
		layoutParts,
	};
}

function readLayout(
	reader: PartReader,
	part: string,
	master: MasterRead,
	slide: TemplateSlideSize,
): TemplateLayout {
	const root = reader.xml(part);
	const cSld = child(root, 'p:cSld');
	const placeholders: TemplatePlaceholder[] = [];
	for (const shape of placeholderShapes(cSld)) {
		const ph = placeholderOf(shape)!;
		const type = placeholderType(ph);
		const family = masterFamily(type);
		const inherited = master.shapes.get(family);
		const box = boxOf(shape) ?? (inherited ? boxOf(inherited) : undefined);
		const own = textStyleOf(shape, master.style);
		const fromMaster = inherited ? textStyleOf(inherited, master.style) : {};
		const fromStyles = textStyleFrom(
			family === 'title' ? master.textStyles.title : master.textStyles.body,
			master.style,
		);
		const font = own.font ?? fromMaster.font ?? fromStyles.font;
		const color = own.color ?? fromMaster.color ?? fromStyles.color;
		const size = own.size ?? fromMaster.size ?? fromStyles.size;
		const align = own.align ?? fromMaster.align;
		placeholders.push({
			type,
			idx: Number(ph.attrs.idx ?? 0),
			...(box ? { box } : {}),
			font:
				font ??
				(family === 'title' ? master.style.theme.fonts.major : master.style.theme.fonts.minor),
			...(color ? { color } : {}),
			...(size !== undefined ? { size } : {}),
			...(align ? { align } : {}),
		});
	}
	const showMaster = root.attrs.showMasterSp !== '0';
	return {
		name: cSld?.attrs.name ?? '',
		type: root.attrs.type ?? 'cust',
		part,
		master: master.master.part,
		placeholders,
		background: backgroundOf(cSld, master.style, reader, part, slide) ?? master.master.background,
		pictures: [...(showMaster ? master.master.pictures : []), ...picturesOf(cSld, reader, part)],
		rects: [...(showMaster ? master.master.rects : []), ...rectsOf(cSld, master.style)],
	};
}

/** The package's main part (`ppt/presentation.xml` in practice), from the root relationships. */
function mainPart(reader: PartReader): string {
	const main = reader.rels('').length
		? reader.rels('').find((rel) => rel.type === 'officeDocument')?.part
		: undefined;
	const part =
		main ?? (reader.parts.has('ppt/presentation.xml') ? 'ppt/presentation.xml' : undefined);
	if (!part) throw new TemplateError('no presentation part (not a PowerPoint package)');
	return part;
}

/**
 * Reads a template package. Throws a {@link TemplateError} naming what is missing when the
 * package cannot serve as a template: unreadable, no slide size, no layout with a title placeholder.
 */
export function readTemplate(bytes: Uint8Array): Template {
	const reader = new PartReader(unzipParts(bytes));
	if (!reader.parts.has('[Content_Types].xml')) {
		throw new TemplateError('no [Content_Types].xml (not an Office package)');
	}
	const presentationPart = mainPart(reader);
	const presentation = reader.xml(presentationPart);
	const size = child(presentation, 'p:sldSz');
	const cx = Number(size?.attrs.cx);
	const cy = Number(size?.attrs.cy);
	if (!size || !(cx > 0) || !(cy > 0)) {
		throw new TemplateError(`no slide size (p:sldSz in ${presentationPart})`);
	}
	const width = cx / emuPerInch;
	const height = cy / emuPerInch;
	const slideSize: TemplateSlideSize = { width, height, aspect: aspectOf(width, height) };
	const masterParts = childrenNamed(child(presentation, 'p:sldMasterIdLst'), 'p:sldMasterId')
		.map((entry) => reader.target(presentationPart, entry.attrs['r:id'] ?? ''))
		.filter((target): target is string => Boolean(target));
	if (!masterParts.length) throw new TemplateError('no slide master');
	const masters: MasterRead[] = masterParts.map((part) => readMaster(reader, part, slideSize));
	const layouts = masters.flatMap((master) =>
		master.layoutParts.map((part) => readLayout(reader, part, master, slideSize)),
	);
	if (!layouts.some((layout) => layout.placeholders.some((ph) => isTitle(ph) && ph.box))) {
		throw new TemplateError('no layout with a title placeholder');
	}
	return {
		slideSize,
		theme: masters[0]!.style.theme,
		masters: masters.map((read) => read.master),
		layouts,
		parts: reader.parts,
	};
}

/** A title placeholder (`title` or `ctrTitle`). */
export function isTitle(placeholder: TemplatePlaceholder): boolean {
	return placeholder.type === 'title' || placeholder.type === 'ctrTitle';
}
