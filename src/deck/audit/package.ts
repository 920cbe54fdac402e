/**
 * Opens a .pptx for the audit: its parts, relationships, and the slides in presentation order,
 * each with the layout and master it is built on.
 */
import { unzipSync } from 'fflate';
import { partText } from '../pptx/part-text.ts';
import type { PartReader } from '../pptx/problems.ts';
import { kid, kids, parseXml, TreeBuilder, type XmlElement } from './xml.ts';

/** A relationship of a part, with its target resolved to a part name. */
export interface Relationship {
	id: string;
	/** Last segment of the relationship type (`slideLayout`, `notesSlide`, `image`, ...). */
	type: string;
	target: string;
	external: boolean;
}

/** A slide as the audit reads it. */
export interface AuditSlide {
	/** 1-based position in the presentation. */
	number: number;
	part: string;
	xml: XmlElement;
	layout?: XmlElement;
	master?: XmlElement;
	/** The master's theme. */
	theme?: XmlElement;
}

/** An opened deck. */
export interface OpenedDeck {
	files: Map<string, Uint8Array>;
	/** Parsed part (cached); undefined when missing or unreadable. */
	xml(part: string): XmlElement | undefined;
	rels(part: string): Relationship[];
	presentation?: XmlElement;
	slides: AuditSlide[];
	/** The slide size in EMU. */
	size: { cx: number; cy: number };
	/** Parts that could not be parsed, with the reason. */
	unreadable: Array<{ part: string; message: string }>;
}

/** The part a relationship target points to, seen from `part`. */
export function resolvePart(part: string, target: string): string {
	if (target.startsWith('/')) return target.slice(1);
	const out = part.split('/').slice(0, -1);
	for (const segment of target.split('/')) {
		if (segment === '..') out.pop();
		else if (segment !== '.' && segment !== '') out.push(segment);
	}
	return out.join('/');
}

/** The relationships part of `part` (`ppt/slides/slide1.xml` -> `ppt/slides/_rels/slide1.xml.rels`). */
export function relsPart(part: string): string {
	const slash = part.lastIndexOf('/');
	return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Media and embedded workbooks: the audit does not read them. */
const unread = (name: string) =>
	/\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|mp4|m4v|xlsx|bin|fntdata|ttf)$/i.test(name);

/** The parts of a .pptx; media and workbooks are there (others point at them) but empty. */
function partsOf(pptx: Uint8Array | ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
	const files = new Map<string, Uint8Array>();
	if (!(pptx instanceof Uint8Array)) {
		// Parts at hand (a deck just built), in the map's order (a zip's entry order).
		for (const name of pptx.keys()) {
			if (!name.endsWith('/')) files.set(name, unread(name) ? new Uint8Array(0) : pptx.get(name)!);
		}
		return files;
	}
	// Leaving media and workbooks compressed saves most of the unzipping.
	const skipped: string[] = [];
	const entries = unzipSync(pptx, {
		filter: (file) => (unread(file.name) ? (skipped.push(file.name), false) : true),
	});
	for (const name of skipped) files.set(name, new Uint8Array(0));
	for (const [name, content] of Object.entries(entries)) {
		if (!name.endsWith('/')) files.set(name, content);
	}
	return files;
}

/**
 * Parts read before, by part object: the decks of a batch share their theme, masters and layouts
 * (the same bytes objects, see `pptx/part-text.ts`), read once. The trees are never changed.
 */
const readParts = new WeakMap<Uint8Array, XmlElement | string>();

/**
 * The parts {@link openPackage} reads: the package's and the presentation's relationships, the
 * presentation, slides, layouts, masters and themes, and the relationships of those and of the
 * notes master.
 */
const auditedPart =
	/^(?:_rels\/\.rels|ppt\/presentation\.xml|ppt\/_rels\/presentation\.xml\.rels|ppt\/(?:slides|slideLayouts|slideMasters|theme)\/[^/]+\.xml|ppt\/(?:slides|slideLayouts|slideMasters|notesMasters)\/_rels\/[^/]+\.xml\.rels)$/;

/**
 * Give to the .pptx writer (`PptxOptions.reader`) to audit a deck just built: the parts the audit
 * reads are made into their trees while the writer checks that they are well-formed, in the same
 * pass, instead of being parsed again (the same trees `parseXml` makes: see `TreeBuilder`). A part
 * the check did not read (found well-formed before, as a text) is parsed as any other.
 */
export const auditReader: PartReader = {
	sinkFor(name, content, text) {
		if (!auditedPart.test(name) || readParts.has(content)) return undefined;
		return new TreeBuilder(text, (tree) => readParts.set(content, tree));
	},
};

/** A part's XML tree, or why it cannot be read. */
function readPart(content: Uint8Array): XmlElement | string {
	let read = readParts.get(content);
	if (read === undefined) {
		try {
			read = parseXml(partText(content));
		} catch (error) {
			read = (error as Error).message;
		}
		readParts.set(content, read);
	}
	return read;
}

/**
 * Opens a .pptx, its bytes or its parts by name. Throws when it is not a zip or has no
 * presentation part.
 */
export function openPackage(pptx: Uint8Array | ReadonlyMap<string, Uint8Array>): OpenedDeck {
	const files = partsOf(pptx);
	const cache = new Map<string, XmlElement | undefined>();
	const unreadable: OpenedDeck['unreadable'] = [];
	const xml = (part: string) => {
		if (cache.has(part)) return cache.get(part);
		const content = files.get(part);
		let parsed: XmlElement | undefined;
		if (content) {
			const read = readPart(content);
			if (typeof read === 'string') unreadable.push({ part, message: read });
			else parsed = read;
		}
		cache.set(part, parsed);
		return parsed;
	};
	const rels = (part: string): Relationship[] =>
		kids(xml(relsPart(part)), 'Relationship').map((rel) => {
			const external = rel.attrs.TargetMode === 'External';
			const target = rel.attrs.Target ?? '';
			return {
				id: rel.attrs.Id ?? '',
				type: (rel.attrs.Type ?? '').split('/').pop() ?? '',
				target: external ? target : resolvePart(part, target),
				external,
			};
		});

	const root = kids(xml('_rels/.rels'), 'Relationship').find((rel) =>
		(rel.attrs.Type ?? '').endsWith('/officeDocument'),
	);
	const presentationPart = resolvePart('', root?.attrs.Target ?? 'ppt/presentation.xml');
	const presentation = xml(presentationPart);
	if (!presentation) throw new Error(`no readable presentation part (${presentationPart})`);
	const presentationRels = new Map(rels(presentationPart).map((rel) => [rel.id, rel.target]));
	const relId = (el: XmlElement) =>
		Object.entries(el.attrs).find(([name]) => name === 'r:id' || name.endsWith(':id'))?.[1] ?? '';
	const slides = kids(kid(presentation, 'sldIdLst'), 'sldId').flatMap((sldId, index) => {
		const part = presentationRels.get(relId(sldId));
		const slideXml = part ? xml(part) : undefined;
		if (!part || !slideXml) return [];
		const layoutPart = rels(part).find((rel) => rel.type === 'slideLayout')?.target;
		const masterPart = layoutPart
			? rels(layoutPart).find((rel) => rel.type === 'slideMaster')?.target
			: undefined;
		const themePart = masterPart
			? rels(masterPart).find((rel) => rel.type === 'theme')?.target
			: undefined;
		return [
			{
				number: index + 1,
				part,
				xml: slideXml,
				layout: layoutPart ? xml(layoutPart) : undefined,
				master: masterPart ? xml(masterPart) : undefined,
				theme: themePart ? xml(themePart) : undefined,
			},
		];
	});
	const sldSz = kid(presentation, 'sldSz');
	return {
		files,
		xml,
		rels,
		presentation,
		slides,
		size: { cx: Number(sldSz?.attrs.cx ?? 12192000), cy: Number(sldSz?.attrs.cy ?? 6858000) },
		unreadable,
	};
}
