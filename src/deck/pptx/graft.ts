/**
 * Template grafting: pptxgenjs's slides moved onto a company template's package. The result keeps
 * the template's masters, layouts (used or not), themes, backgrounds and pictures, and carries our
 * slides, notes and charts; the template's own slides are dropped. Runs before `normalizePackage`,
 * which makes the whole deterministic and checks it.
 */
import { partText, type PartData } from './part-text.ts';
import type { Scene, TextFrame } from '../scene.ts';
import type { Template } from '../template/model.ts';
import { escapeXml } from '../xml.ts';
import { graftSlideXml } from './graft-slide.ts';
import { relationships, resolveTarget } from './problems.ts';
import { sortedNames } from './zip.ts';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PRESENTATION_TYPE =
	'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml';

const relsPathOf = (part: string) => {
	const slash = part.lastIndexOf('/');
	return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

function relsXml(items: Array<{ id: string; type: string; target: string; external?: boolean }>) {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
		.map(
			(r) =>
				`<Relationship Id="${r.id}" Type="${r.type.includes('/') ? r.type : `${REL}/${r.type}`}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
		)
		.join('')}</Relationships>`;
}

/** `to` relative to the folder of `from` (`ppt/slides/slide1.xml`, `ppt/slideLayouts/x.xml` -> `../slideLayouts/x.xml`). */
function relativeTarget(from: string, to: string): string {
	const fromDir = from.split('/').slice(0, -1);
	const toParts = to.split('/');
	let common = 0;
	while (common < fromDir.length && fromDir[common] === toParts[common]) common++;
	return [...fromDir.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

/** Every part reachable from `roots` through relationships (the parts themselves included). */
function closure(parts: ReadonlyMap<string, Uint8Array>, roots: string[]): Set<string> {
	const seen = new Set<string>();
	const queue = [...roots];
	while (queue.length) {
		const part = queue.pop()!;
		if (seen.has(part) || !parts.has(part)) continue;
		seen.add(part);
		const rels = parts.get(relsPathOf(part));
		if (!rels) continue;
		seen.add(relsPathOf(part));
		for (const rel of relationships(partText(rels))) {
			// Layouts point back to masters and slides are not ours to keep.
			if (rel.external || rel.type.endsWith('/slide') || rel.type.endsWith('/notesSlide')) continue;
			queue.push(resolveTarget(relsPathOf(part), rel.target));
		}
	}
	return seen;
}

/** `<Default>` and `<Override>` entries of a `[Content_Types].xml`. */
function contentTypes(xml: string) {
	const defaults = new Map(
		[...xml.matchAll(/<Default Extension="([^"]+)" ContentType="([^"]+)"/g)].map((m) => [
			m[1]!.toLowerCase(),
			m[2]!,
		]),
	);
	const overrides = new Map(
		[...xml.matchAll(/<Override PartName="([^"]+)" ContentType="([^"]+)"/g)].map((m) => [
			m[1]!,
			m[2]!,
		]),
	);
	return { defaults, overrides };
}

/** The element `name` in `xml` (first occurrence), whole, or ''. */
const elementIn = (xml: string, name: string) =>
	new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`).exec(xml)?.[0] ?? '';

/** What every deck takes from a template, worked out once per template. */
interface TemplateShare {
	/** The parts kept (its masters' closure). */
	kept: Set<string>;
	/** Its masters' ids, its slide size and default text style, from its presentation part. */
	masterIds: string[];
	slideSize: string;
	defaultTextStyle: string;
	/** Its `[Content_Types].xml` entries. */
	types: ReturnType<typeof contentTypes>;
}

const shares = new WeakMap<Template, TemplateShare>();

function templateShare(template: Template): TemplateShare {
	const known = shares.get(template);
	if (known) return known;
	const theirs = template.parts;
	const text = (name: string) => partText(theirs.get(name)!);
	const main = resolveTarget(
		'_rels/.rels',
		relationships(text('_rels/.rels')).find((r) => r.type.endsWith('/officeDocument'))!.target,
	);
	const presentation = text(main);
	const share: TemplateShare = {
		kept: closure(
			theirs,
			template.masters.map((m) => m.part),
		),
		masterIds: [...presentation.matchAll(/<p:sldMasterId\b[^>]*\bid="(\d+)"/g)].map((m) => m[1]!),
		slideSize: elementIn(presentation, 'p:sldSz'),
		defaultTextStyle: elementIn(presentation, 'p:defaultTextStyle'),
		types: contentTypes(text('[Content_Types].xml')),
	};
	shares.set(template, share);
	return share;
}

/** pptxgenjs's parts (`ours`) grafted onto `template`; returns the parts of the result. */
export function graftOnTemplate(
	ours: ReadonlyMap<string, PartData>,
	scene: Scene,
	template: Template,
): Map<string, PartData> {
	const theirs = template.parts;
	const text = (parts: ReadonlyMap<string, PartData>, name: string) => partText(parts.get(name)!);
	// New parts stay text: normalizePackage rewrites them again and encodes each once.
	const out = new Map<string, PartData>();

	// The template's masters, layouts, themes and what they use (the same for every deck).
	const masters = template.masters.map((m) => m.part);
	const share = templateShare(template);
	for (const part of share.kept) out.set(part, theirs.get(part)!);

	// Our slides, notes, charts and media; layouts re-pointed at the template's.
	const slideParts = [...ours.keys()]
		.filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
		.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
	const notesMaster = 'ppt/notesMasters/notesMaster1.xml';
	const firstTheme = template.masters[0]!.theme;
	for (const [name, data] of ours) {
		if (/^ppt\/(notesSlides|charts|embeddings|media)\//.test(name)) out.set(name, data);
	}
	out.set(notesMaster, ours.get(notesMaster)!);
	out.set(
		relsPathOf(notesMaster),
		relsXml([{ id: 'rId1', type: 'theme', target: relativeTarget(notesMaster, firstTheme) }]),
	);
	const layoutsByPart = new Map(template.layouts.map((l) => [l.part, l]));
	slideParts.forEach((part, i) => {
		const slide = scene.slides[i]!;
		const layout = layoutsByPart.get(slide.layout ?? '')!;
		const titleIndex = slide.frames.findIndex((f) => f.kind === 'text' && f.placeholder);
		const title = titleIndex >= 0 ? (slide.frames[titleIndex] as TextFrame) : undefined;
		out.set(
			part,
			graftSlideXml(text(ours, part), {
				...(title ? { titleIndex } : {}),
				titleType: title?.placeholder?.type ?? 'title',
				titleKeepsBox: !(title?.placeholder?.inherit ?? true),
				layout,
				footer: scene.meta.company,
				number: i + 1,
			}),
		);
		const rels = relationships(text(ours, relsPathOf(part))).map((rel) =>
			rel.type.endsWith('/slideLayout')
				? { ...rel, target: relativeTarget(part, layout.part) }
				: rel,
		);
		out.set(relsPathOf(part), relsXml(rels));
	});

	// The presentation: the template's masters and size, our slides and notes master.
	const presentationRels = [
		...masters.map((target, i) => ({
			id: `rId${i + 1}`,
			type: 'slideMaster',
			target: relativeTarget('ppt/presentation.xml', target),
		})),
		...slideParts.map((target, i) => ({
			id: `rId${masters.length + i + 1}`,
			type: 'slide',
			target: target.slice(4),
		})),
	];
	const next = presentationRels.length + 1;
	presentationRels.push(
		{ id: `rId${next}`, type: 'notesMaster', target: 'notesMasters/notesMaster1.xml' },
		{ id: `rId${next + 1}`, type: 'presProps', target: 'presProps.xml' },
		{ id: `rId${next + 2}`, type: 'viewProps', target: 'viewProps.xml' },
		{
			id: `rId${next + 3}`,
			type: 'theme',
			target: relativeTarget('ppt/presentation.xml', firstTheme),
		},
		{ id: `rId${next + 4}`, type: 'tableStyles', target: 'tableStyles.xml' },
	);
	for (const part of ['ppt/presProps.xml', 'ppt/viewProps.xml', 'ppt/tableStyles.xml'])
		out.set(part, ours.get(part)!);
	out.set('ppt/_rels/presentation.xml.rels', relsXml(presentationRels));
	const masterIds = share.masterIds;
	const ourPresentation = text(ours, 'ppt/presentation.xml');
	const head = /^[\s\S]*?<p:presentation\b[^>]*>/.exec(ourPresentation)![0];
	const defaultTextStyle =
		share.defaultTextStyle || elementIn(ourPresentation, 'p:defaultTextStyle');
	out.set(
		'ppt/presentation.xml',
		`${head}<p:sldMasterIdLst>${masters
			.map(
				(_, i) =>
					`<p:sldMasterId id="${masterIds[i] ?? 2147483648 + i * 100}" r:id="rId${i + 1}"/>`,
			)
			.join(
				'',
			)}</p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId${next}"/></p:notesMasterIdLst><p:sldIdLst>${slideParts
			.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${masters.length + i + 1}"/>`)
			.join(
				'',
			)}</p:sldIdLst>${share.slideSize}${elementIn(ourPresentation, 'p:notesSz')}${defaultTextStyle}</p:presentation>`,
	);
	for (const part of ['_rels/.rels', 'docProps/app.xml', 'docProps/core.xml'])
		out.set(part, ours.get(part)!);

	// Content types: both packages' entries, for the parts there are; the main part a presentation.
	const a = share.types;
	const b = contentTypes(text(ours, '[Content_Types].xml'));
	const defaults = new Map([...a.defaults, ...b.defaults]);
	const overrides = new Map([...a.overrides, ...b.overrides]);
	overrides.set('/ppt/presentation.xml', PRESENTATION_TYPE);
	const entries: string[] = [];
	const extensions = new Set(
		[...out.keys()].map((p) => p.slice(p.lastIndexOf('.') + 1).toLowerCase()),
	);
	for (const [ext, type] of [...defaults].sort())
		if (extensions.has(ext)) entries.push(`<Default Extension="${ext}" ContentType="${type}"/>`);
	// Natural order: chart parts are renumbered later, and chart10 must stay after chart9.
	for (const part of sortedNames(out.keys(), true)) {
		const type = overrides.get(`/${part}`);
		if (type) entries.push(`<Override PartName="/${part}" ContentType="${type}"/>`);
	}
	out.set(
		'[Content_Types].xml',
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${entries.join('')}</Types>`,
	);
	// normalizePackage sets entry order, times and compression.
	return out;
}
