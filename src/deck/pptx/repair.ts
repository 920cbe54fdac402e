/**
 * Repairs of pptxgenjs 4.0.1 output that PowerPoint would otherwise "repair" itself (and say so):
 * schema order and the known triggers that pass the schema (PptxGenJS PRs #1457 and #1458).
 * Every function takes one part's XML and returns it fixed; none changes how a slide looks.
 */
import { rememberedRewrite } from './part-text.ts';
import { childSpans, replaceElements } from './element-spans.ts';

/** The local name of the element starting at `xml[start]` (`p:sldSz` -> `sldSz`). */
function localName(xml: string, start: number): string {
	const name = /^<([\w:.-]+)/.exec(xml.slice(start, start + 80))?.[1] ?? '';
	return name.slice(name.indexOf(':') + 1);
}

/** `CT_Presentation`'s children in schema order. */
const presentationOrder = [
	'sldMasterIdLst',
	'notesMasterIdLst',
	'handoutMasterIdLst',
	'sldIdLst',
	'sldSz',
	'notesSz',
	'smartTags',
	'embeddedFontLst',
	'custShowLst',
	'photoAlbum',
	'custDataLst',
	'kinsoku',
	'defaultTextStyle',
	'modifyVerifier',
	'extLst',
];

/**
 * `ppt/presentation.xml` with its children in schema order (pptxgenjs writes `notesMasterIdLst`
 * after `sldIdLst`; it belongs right after `sldMasterIdLst`). A stable sort: unknown children keep
 * their place relative to each other, after the known ones.
 */
export function orderPresentation(xml: string): string {
	const open = /<p:presentation\b[^>]*>/.exec(xml);
	const close = xml.lastIndexOf('</p:presentation>');
	if (!open || close < 0) return xml;
	const from = open.index + open[0].length;
	const spans = childSpans(xml, from, close);
	const rank = (span: [number, number]) => {
		const index = presentationOrder.indexOf(localName(xml, span[0]));
		return index < 0 ? presentationOrder.length : index;
	};
	const sorted = spans
		.map((span, index) => ({ span, index, rank: rank(span) }))
		.sort((a, b) => a.rank - b.rank || a.index - b.index);
	if (sorted.every((entry, index) => entry.index === index)) return xml;
	return (
		xml.slice(0, from) +
		sorted.map(({ span }) => xml.slice(span[0], span[1])).join('') +
		xml.slice(close)
	);
}

/** Children of chart elements in schema order (`CT_BarChart`, `CT_LineSer`, ...). */
const chartOrders: Record<string, string[]> = {
	barChart: [
		'barDir',
		'grouping',
		'varyColors',
		'ser',
		'dLbls',
		'gapWidth',
		'overlap',
		'serLines',
		'axId',
		'extLst',
	],
	lineChart: [
		'grouping',
		'varyColors',
		'ser',
		'dLbls',
		'dropLines',
		'hiLowLines',
		'upDownBars',
		'marker',
		'smooth',
		'axId',
		'extLst',
	],
	pieChart: ['varyColors', 'ser', 'dLbls', 'firstSliceAng', 'extLst'],
	doughnutChart: ['varyColors', 'ser', 'dLbls', 'firstSliceAng', 'holeSize', 'extLst'],
	barSer: [
		'idx',
		'order',
		'tx',
		'spPr',
		'invertIfNegative',
		'pictureOptions',
		'dPt',
		'dLbls',
		'trendline',
		'errBars',
		'cat',
		'val',
		'shape',
		'extLst',
	],
	lineSer: [
		'idx',
		'order',
		'tx',
		'spPr',
		'marker',
		'dPt',
		'dLbls',
		'trendline',
		'errBars',
		'cat',
		'val',
		'smooth',
		'extLst',
	],
	pieSer: ['idx', 'order', 'tx', 'spPr', 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
};

/**
 * The element content `[from, to)` with its children in `order` (stable; unknown ones last);
 * `drop` removes children by local name.
 */
function reorder(
	xml: string,
	from: number,
	to: number,
	order: string[],
	drop: string[] = [],
): string {
	const spans = childSpans(xml, from, to).filter(
		([start]) => !drop.includes(localName(xml, start)),
	);
	const rank = (start: number) => {
		const index = order.indexOf(localName(xml, start));
		return index < 0 ? order.length : index;
	};
	return spans
		.map((span, index) => ({ span, index, rank: rank(span[0]) }))
		.sort((a, b) => a.rank - b.rank || a.index - b.index)
		.map(({ span }) => xml.slice(span[0], span[1]))
		.join('');
}

/**
 * Charts as the schema orders them. pptxgenjs 4.0.1 writes a third `c:axId` (its 3-D series
 * axis) in 2-D bar and line charts, no `c:grouping` in line charts, `c:invertIfNegative` (a bar
 * property) in line series, and line series' data labels before their markers.
 */
export function fixChart(xml: string): string {
	const defined = new Set(
		[...xml.matchAll(/<c:(?:catAx|valAx|dateAx|serAx)>\s*<c:axId val="(\d+)"\/>/g)].map(
			(m) => m[1]!,
		),
	);
	return xml.replace(
		/<c:(barChart|lineChart|pieChart|doughnutChart)>([\s\S]*?)<\/c:\1>/g,
		(_whole, kind: string, content: string) => {
			let inner = content;
			if (kind === 'lineChart' && !/<c:grouping\b/.test(inner))
				inner = `<c:grouping val="standard"/>${inner}`;
			const serOrder =
				kind === 'barChart'
					? chartOrders.barSer!
					: kind === 'lineChart'
						? chartOrders.lineSer!
						: chartOrders.pieSer!;
			const drop = kind === 'barChart' ? [] : ['invertIfNegative'];
			inner = inner.replace(
				/<c:ser>([\s\S]*?)<\/c:ser>/g,
				(_ser, series: string) =>
					`<c:ser>${reorder(series, 0, series.length, serOrder, drop)}</c:ser>`,
			);
			let kept = 0;
			inner = inner.replace(/<c:axId val="(\d+)"\/>/g, (axis, id: string) => {
				if (!defined.has(id) || kept === 2) return '';
				kept++;
				return axis;
			});
			return `<c:${kind}>${reorder(inner, 0, inner.length, chartOrders[kind]!)}</c:${kind}>`;
		},
	);
}

/**
 * Every `p:sp` gets a text body: PowerPoint adds an empty one to each shape without (pptxgenjs
 * #1441) and reports that it repaired the file.
 */
export function ensureTextBodies(xml: string, lang: string): string {
	return replaceElements(xml, '<p:sp>', '</p:sp>', (shape, inner) => {
		if (inner.includes('<p:txBody>')) return shape;
		const body = `<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="${lang}"/></a:p></p:txBody>`;
		const ext = inner.lastIndexOf('<p:extLst>');
		const at = ext >= 0 && !inner.slice(ext).includes('</p:spPr>') ? ext : inner.length;
		return `<p:sp>${inner.slice(0, at)}${body}${inner.slice(at)}</p:sp>`;
	});
}

/**
 * Empty elements PowerPoint fills in: an outline without content (`<a:ln></a:ln>`, "no line"
 * when there is no shape style) becomes an explicit `<a:noFill/>`, and a paragraph without runs
 * or end properties gets its end properties.
 */
export function fixEmptyElements(xml: string, lang: string): string {
	// One pass for both (neither's replacement holds the other's pattern): a slide is scanned once.
	return xml.replace(
		/<a:ln(\s[^>]*)?(?:\/>|><\/a:ln>)|<a:p(?:\/>|><\/a:p>)/g,
		(whole, attrs: string | undefined) =>
			whole.startsWith('<a:ln')
				? `<a:ln${attrs ?? ''}><a:noFill/></a:ln>`
				: `<a:p><a:endParaRPr lang="${lang}"/></a:p>`,
	);
}

/**
 * Shapes with a negative width or height (`ST_PositiveCoordinate` forbids them): the box is
 * moved to its real top-left corner and flipped, which draws the same thing.
 */
export function fixNegativeSizes(xml: string): string {
	// Most parts have no negative size: then every match below would be kept as it is.
	if (!xml.includes('cx="-') && !xml.includes('cy="-')) return xml;
	return xml.replace(
		/<a:xfrm\b([^>]*)>\s*<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(-?\d+)" cy="(-?\d+)"\/>/g,
		(whole, attrs: string, x: string, y: string, cx: string, cy: string) => {
			let [ox, oy, w, h] = [Number(x), Number(y), Number(cx), Number(cy)];
			if (w >= 0 && h >= 0) return whole;
			let flips = attrs;
			const toggle = (name: string) => {
				const match = new RegExp(`\\s${name}="(1|true)"`).exec(flips);
				flips = match ? flips.replace(match[0], '') : `${flips} ${name}="1"`;
			};
			if (w < 0) {
				ox += w;
				w = -w;
				toggle('flipH');
			}
			if (h < 0) {
				oy += h;
				h = -h;
				toggle('flipV');
			}
			return `<a:xfrm${flips}><a:off x="${ox}" y="${oy}"/><a:ext cx="${w}" cy="${h}"/>`;
		},
	);
}

/** A solid background gets the `<a:effectLst/>` PowerPoint adds to it (pptxgenjs #1442). */
export function fixBackgroundEffects(xml: string): string {
	return replaceElements(xml, '<p:bgPr>', '</p:bgPr>', (whole, inner) =>
		/<a:effect(?:Lst|Dag)\b/.test(inner) ? whole : `<p:bgPr>${inner}<a:effectLst/></p:bgPr>`,
	);
}

/**
 * A theme's four style lists hold exactly three styles each (the schema's minimum and maximum;
 * PowerPoint refuses a theme with fewer): a short list repeats its last style, a long one is cut.
 */
export function fixThemeStyleLists(xml: string): string {
	return xml.replace(
		/<a:(fillStyleLst|lnStyleLst|effectStyleLst|bgFillStyleLst)>([\s\S]*?)<\/a:\1>/g,
		(whole, name: string, inner: string) => {
			const spans = childSpans(inner, 0, inner.length);
			if (spans.length === 3 || spans.length === 0) return whole;
			const styles = spans.map(([start, end]) => inner.slice(start, end));
			while (styles.length < 3) styles.push(styles[styles.length - 1]!);
			return `<a:${name}>${styles.slice(0, 3).join('')}</a:${name}>`;
		},
	);
}

/** How many styles each of a theme's style lists holds (for checks). */
export function themeStyleCounts(xml: string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const m of xml.matchAll(
		/<a:(fillStyleLst|lnStyleLst|effectStyleLst|bgFillStyleLst)>([\s\S]*?)<\/a:\1>/g,
	)) {
		counts[m[1]!] = childSpans(m[2]!, 0, m[2]!.length).length;
	}
	return counts;
}

/**
 * A notes slide's placeholders point at the notes master's: pptxgenjs gives the slide number
 * `idx="10"` on every notes slide, the master's is 5. (The body stays idx 1, as in PowerPoint's
 * own files.)
 */
export function fixNotesSlide(xml: string, masterXml: string): string {
	const masterIdx = (type: string) =>
		new RegExp(`<p:ph type="${type}"[^>]*?\\bidx="(\\d+)"`).exec(masterXml)?.[1];
	return xml.replace(/<p:ph type="(sldNum|body)"([^>]*?)\bidx="(\d+)"/g, (whole, type: string) => {
		if (type === 'body') return whole;
		const idx = masterIdx(type);
		return idx ? whole.replace(/\bidx="\d+"/, `idx="${idx}"`) : whole;
	});
}

/** Attribute values that are not numbers where numbers belong (pptxgenjs #1440 writes `NaN`). */
export function nonNumericValues(xml: string): string[] {
	// Looked for without the name first: the full pattern is tried at every attribute of the part.
	if (!/="(?:NaN|-?Infinity|undefined|null)"/.test(xml)) return [];
	return [...xml.matchAll(/\s([\w:]+)="(NaN|-?Infinity|undefined|null)"/g)].map(
		(m) => `${m[1]}="${m[2]}"`,
	);
}

const themeType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';
const themeContentType = 'application/vnd.openxmlformats-officedocument.theme+xml';

/**
 * Gives the notes master a theme of its own. PowerPoint pairs every master with its own theme
 * part; pptxgenjs points the notes master at the slide master's `theme1.xml`. Returns the new
 * part's name (its content type override is for the caller), or undefined when nothing changed.
 */
export function ownNotesMasterTheme<Part>(
	files: Map<string, Part>,
	text: (part: Part) => string,
	bytes: (text: string) => Part,
): string | undefined {
	const relsName = 'ppt/notesMasters/_rels/notesMaster1.xml.rels';
	const rels = files.get(relsName);
	if (!rels) return undefined;
	const relsXml = text(rels);
	const target = new RegExp(`Type="${themeType}" Target="\\.\\./theme/(theme\\d+\\.xml)"`).exec(
		relsXml,
	)?.[1];
	if (!target) return undefined;
	const shared = [...files.keys()].some(
		(name) =>
			name.startsWith('ppt/slideMasters/_rels/') &&
			text(files.get(name)!).includes(`../theme/${target}"`),
	);
	const theme = files.get(`ppt/theme/${target}`);
	if (!shared || !theme) return undefined;
	let n = 1;
	while (files.has(`ppt/theme/theme${n}.xml`)) n++;
	const name = `ppt/theme/theme${n}.xml`;
	files.set(name, theme);
	files.set(relsName, bytes(relsXml.replace(`../theme/${target}"`, `../theme/theme${n}.xml"`)));
	return name;
}

/** The `[Content_Types].xml` override of a theme part. */
export function themeOverride(part: string): string {
	return `<Override PartName="/${part}" ContentType="${themeContentType}"/>`;
}

/**
 * Applies every repair to the parts it concerns, in place. Returns content type overrides for the
 * parts it added.
 */
export function repairParts<Part>(
	files: Map<string, Part>,
	lang: string,
	text: (part: Part) => string,
	bytes: (text: string) => Part,
): string[] {
	const update = (name: string, fix: (xml: string) => string) => {
		const content = files.get(name);
		if (!content) return;
		const xml = text(content);
		const fixed = fix(xml);
		if (fixed !== xml) files.set(name, bytes(fixed));
	};
	const added: string[] = [];
	const theme = ownNotesMasterTheme(files, text, bytes);
	if (theme) added.push(themeOverride(theme));
	const notesMaster = files.get('ppt/notesMasters/notesMaster1.xml');
	for (const name of [...files.keys()]) {
		if (name === 'ppt/presentation.xml') update(name, orderPresentation);
		else if (/^ppt\/charts\/chart\d+\.xml$/.test(name))
			update(name, (xml) => fixEmptyElements(fixChart(xml), lang));
		else if (/^ppt\/theme\/theme\d+\.xml$/.test(name))
			update(name, (xml) => rememberedRewrite('theme', xml, fixThemeStyleLists));
		else if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name) && notesMaster) {
			const masterXml = text(notesMaster);
			update(name, (xml) => fixNotesSlide(xml, masterXml));
		} else if (/^ppt\/(slides|slideLayouts|slideMasters|notesMasters)\/[^/]+\.xml$/.test(name)) {
			const fix = (xml: string) =>
				fixBackgroundEffects(fixNegativeSizes(fixEmptyElements(ensureTextBodies(xml, lang), lang)));
			// Masters and layouts are the same in every deck of a brand or template: fixed once.
			update(
				name,
				name.startsWith('ppt/slides/')
					? fix
					: (xml) => rememberedRewrite(`shapes ${lang}`, xml, fix),
			);
		}
	}
	return added;
}
