/**
 * Turns pptxgenjs's output into a clean package: DEFLATE-compressed, byte-identical for the same
 * input, with exact content types, complete relationships, escaped metadata and well-formed XML.
 *
 * What pptxgenjs 4.0.1 gets wrong, and what is done about it here:
 * - `write()` ignores `compression`: every entry is recompressed with DEFLATE.
 * - zip entry times, `docProps/core.xml` dates and the embedded chart workbooks (zips of their own,
 *   with their own dates) come from the clock: all are set to the deck's timestamp.
 * - chart and workbook part names come from a counter shared by every deck built in the process:
 *   they are renumbered chart1..n in order.
 * - `[Content_Types].xml` lists a slide master per slide (upstream #1444): overrides are kept only
 *   for parts that exist, and every part is checked to have a content type.
 * - `docProps/app.xml` writes `company` unescaped: both docProps parts are written here.
 * - speaker notes keep line breaks inside one run: they become one paragraph per line.
 * - directory entries are dropped; entries are written in a fixed order.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { escapeXml, xmlError } from './xml.ts';

/** Document properties written into `docProps/`. */
export interface DeckMetadata {
	/** Title of the presentation. */
	title: string;
	/** Subject line. */
	subject: string;
	/** Author (the presenter). */
	author: string;
	/** Company that made the deck. */
	company: string;
	/** Slide titles, in order (listed in `docProps/app.xml`). */
	slideTitles: string[];
	/** Fonts the deck uses. */
	fonts: string[];
	/** Created and modified time. */
	timestamp: Date;
	/** Colour of bullets and list numbers (`RRGGBB`; pptxgenjs cannot set it). */
	bulletColor?: string;
}

const contentTypesPart = '[Content_Types].xml';

/** A date for fflate whose local-time fields equal `date`'s UTC fields (zip times have no zone). */
function zipTime(date: Date): Date {
	const min = Date.UTC(1980, 0, 1);
	const max = Date.UTC(2107, 11, 31, 23, 59, 58);
	const utc = new Date(Math.min(Math.max(date.getTime(), min), max));
	const local = new Date(
		utc.getUTCFullYear(),
		utc.getUTCMonth(),
		utc.getUTCDate(),
		utc.getUTCHours(),
		utc.getUTCMinutes(),
		utc.getUTCSeconds(),
	);
	// A local clock change can skip the hour; then use noon of the same day, which always exists.
	if (local.getHours() !== utc.getUTCHours() || local.getDate() !== utc.getUTCDate()) {
		return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate(), 12, 0, 0);
	}
	return local;
}

/** `2026-03-12T00:00:00Z`. */
function w3cdtf(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Compares names with runs of digits as numbers ("slide2" before "slide10"); locale-free. */
export function naturalCompare(a: string, b: string): number {
	const pa = a.split(/(\d+)/);
	const pb = b.split(/(\d+)/);
	for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
		const [x, y] = [pa[i]!, pb[i]!];
		if (x === y) continue;
		if (i % 2 === 1) return Number(x) - Number(y) || (x < y ? -1 : 1);
		return x < y ? -1 : 1;
	}
	return pa.length - pb.length;
}

const firstEntries = [
	contentTypesPart,
	'_rels/.rels',
	'docProps/core.xml',
	'docProps/app.xml',
	'ppt/presentation.xml',
	'ppt/_rels/presentation.xml.rels',
];

/** Fixed entry order: the parts a reader looks for first, then the rest by name (numbers in order). */
function entryOrder(a: string, b: string): number {
	const ia = firstEntries.indexOf(a);
	const ib = firstEntries.indexOf(b);
	if (ia >= 0 || ib >= 0)
		return (ia < 0 ? firstEntries.length : ia) - (ib < 0 ? firstEntries.length : ib);
	return naturalCompare(a, b);
}

/** Zips `files` deterministically with DEFLATE. */
function deterministicZip(files: Map<string, Uint8Array>, timestamp: Date): Uint8Array {
	const mtime = zipTime(timestamp);
	const zippable: Zippable = {};
	for (const name of [...files.keys()].sort(entryOrder)) {
		zippable[name] = [files.get(name)!, { level: 6, mtime }];
	}
	return zipSync(zippable);
}

/** Unzips into a map without directory entries. */
function unzip(data: Uint8Array): Map<string, Uint8Array> {
	const files = new Map<string, Uint8Array>();
	for (const [name, content] of Object.entries(unzipSync(data))) {
		if (!name.endsWith('/')) files.set(name, content);
	}
	return files;
}

function coreXml(meta: DeckMetadata): string {
	const time = w3cdtf(meta.timestamp);
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
		`<dc:title>${escapeXml(meta.title)}</dc:title>` +
		`<dc:subject>${escapeXml(meta.subject)}</dc:subject>` +
		`<dc:creator>${escapeXml(meta.author)}</dc:creator>` +
		`<cp:lastModifiedBy>${escapeXml(meta.author)}</cp:lastModifiedBy>` +
		'<cp:revision>1</cp:revision>' +
		`<dcterms:created xsi:type="dcterms:W3CDTF">${time}</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">${time}</dcterms:modified>` +
		'</cp:coreProperties>'
	);
}

function appXml(meta: DeckMetadata): string {
	const titles = [...meta.fonts, 'Office Theme', ...meta.slideTitles];
	const slides = meta.slideTitles.length;
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
		'<TotalTime>0</TotalTime><Words>0</Words>' +
		'<Application>Microsoft Office PowerPoint</Application>' +
		'<PresentationFormat>On-screen Show (16:9)</PresentationFormat>' +
		`<Paragraphs>0</Paragraphs><Slides>${slides}</Slides><Notes>${slides}</Notes>` +
		'<HiddenSlides>0</HiddenSlides><MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>' +
		'<HeadingPairs><vt:vector size="6" baseType="variant">' +
		`<vt:variant><vt:lpstr>Fonts Used</vt:lpstr></vt:variant><vt:variant><vt:i4>${meta.fonts.length}</vt:i4></vt:variant>` +
		'<vt:variant><vt:lpstr>Theme</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant>' +
		`<vt:variant><vt:lpstr>Slide Titles</vt:lpstr></vt:variant><vt:variant><vt:i4>${slides}</vt:i4></vt:variant>` +
		'</vt:vector></HeadingPairs>' +
		`<TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">` +
		titles.map((title) => `<vt:lpstr>${escapeXml(title)}</vt:lpstr>`).join('') +
		'</vt:vector></TitlesOfParts>' +
		`<Company>${escapeXml(meta.company)}</Company>` +
		'<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>' +
		'<AppVersion>16.0000</AppVersion>' +
		'</Properties>'
	);
}

/** The embedded chart workbook with fixed dates and a deterministic zip. */
function normalizeWorkbook(data: Uint8Array, timestamp: Date): Uint8Array {
	const files = unzip(data);
	const core = files.get('docProps/core.xml');
	if (core) {
		const time = w3cdtf(timestamp);
		files.set(
			'docProps/core.xml',
			strToU8(
				strFromU8(core)
					.replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${time}$2`)
					.replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${time}$2`),
			),
		);
	}
	return deterministicZip(files, timestamp);
}

/**
 * pptxgenjs makes section ids and scatter-label ids with `Math.random`: they become ids derived
 * from the part name and their position, the same in every build.
 */
export function fixedIds(xml: string, part: string): string {
	let n = 0;
	const id = () => {
		n++;
		let hash = 2166136261;
		for (const char of `${part}#${n}`) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
		const hex = (
			hash.toString(16).padStart(8, '0') + n.toString(16).padStart(24, '0')
		).toUpperCase();
		return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
	};
	return xml
		.replace(
			/(<p14:section\b[^>]*\bid=")\{[0-9A-Fa-f-]{36}\}/g,
			(_, start: string) => `${start}{${id()}}`,
		)
		.replace(
			/(<c16:uniqueId val=")\{[0-9A-Fa-f-]{36}\}/g,
			(_, start: string) => `${start}{${id()}}`,
		)
		.replace(
			/(<a:fld id=")\{[0-9a-f-]{36}\}(" type="[XY]VALUE")/g,
			(_, start: string, end: string) => `${start}{${id()}}${end}`,
		);
}

/** Speaker notes with one paragraph per line instead of line breaks inside one run. */
function splitNoteLines(xml: string): string {
	return xml.replace(
		/<a:p><a:r><a:rPr lang="([^"]*)" dirty="0"\/><a:t>([^<]*)<\/a:t><\/a:r><a:endParaRPr lang="[^"]*" dirty="0"\/><\/a:p>/g,
		(_whole, lang: string, text: string) =>
			text
				.split(/\r?\n/)
				.map((line) =>
					line
						? `<a:p><a:r><a:rPr lang="${lang}" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`
						: `<a:p><a:endParaRPr lang="${lang}" dirty="0"/></a:p>`,
				)
				.join(''),
	);
}

/**
 * pptxgenjs writes paragraph properties before every run of a paragraph; the schema allows one
 * `<a:pPr>`, first. Keeps the first of each paragraph.
 */
export function dedupeParagraphProperties(xml: string): string {
	return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (whole, inner: string) => {
		let seen = false;
		const cleaned = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr) => {
			if (seen) return '';
			seen = true;
			return pPr;
		});
		return cleaned === inner ? whole : `<a:p>${cleaned}</a:p>`;
	});
}

/** Renames parts named `<prefix><number><suffix>` to 1..n in numeric order; returns old -> new. */
function renumber(
	files: Map<string, Uint8Array>,
	pattern: RegExp,
	name: (n: number) => string,
): Map<string, string> {
	const found = [...files.keys()]
		.map((path) => ({ path, match: pattern.exec(path) }))
		.filter((entry): entry is { path: string; match: RegExpExecArray } => entry.match !== null)
		.sort((a, b) => Number(a.match[1]) - Number(b.match[1]));
	const renames = new Map<string, string>();
	found.forEach(({ path }, index) => renames.set(path, name(index + 1)));
	return renames;
}

/** Same bytes? */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

/**
 * pptxgenjs writes a copy of an image for every master that shows it (the logo twice): identical
 * media are stored once and every relationship points to the first copy.
 */
function dedupeMedia(files: Map<string, Uint8Array>): void {
	const media = [...files.keys()]
		.filter((name) => name.startsWith('ppt/media/'))
		.sort(naturalCompare);
	const replaced = new Map<string, string>();
	for (let i = 0; i < media.length; i++) {
		const name = media[i]!;
		if (replaced.has(name)) continue;
		for (const other of media.slice(i + 1)) {
			if (!replaced.has(other) && equalBytes(files.get(name)!, files.get(other)!))
				replaced.set(other, name);
		}
	}
	if (!replaced.size) return;
	for (const [name, content] of files) {
		if (!name.endsWith('.rels')) continue;
		const xml = strFromU8(content);
		const updated = xml.replace(/Target="([^"]*)"/g, (whole, target: string) => {
			const to = replaced.get(resolveTarget(name, target));
			return to ? `Target="/${to}"` : whole;
		});
		if (updated !== xml) files.set(name, strToU8(updated));
	}
	for (const name of replaced.keys()) files.delete(name);
}

/** Relationship targets in a .rels part: `{ id, target, external }`. */
export function relationships(
	xml: string,
): Array<{ id: string; type: string; target: string; external: boolean }> {
	return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((match) => {
		const attrs = match[1] ?? '';
		const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? '';
		return {
			id: attr('Id'),
			type: attr('Type'),
			target: attr('Target'),
			external: attr('TargetMode') === 'External',
		};
	});
}

/** The part a relationship in `relsPath` points to (`ppt/slides/_rels/slide1.xml.rels` + `../media/a.png`). */
export function resolveTarget(relsPath: string, target: string): string {
	const decoded = target.replace(/&amp;/g, '&');
	if (decoded.startsWith('/')) return decoded.slice(1);
	const sourceDir = relsPath.replace(/(^|\/)_rels\/[^/]+$/, '$1');
	const parts = (sourceDir + decoded).split('/');
	const out: string[] = [];
	for (const part of parts) {
		if (part === '..') out.pop();
		else if (part !== '.' && part !== '') out.push(part);
	}
	return out.join('/');
}

/** Problems with a package's structure: missing relationship targets and content types. */
export function packageProblems(files: ReadonlyMap<string, Uint8Array>): string[] {
	const problems: string[] = [];
	const types = files.get(contentTypesPart);
	if (!types) return [`no ${contentTypesPart}`];
	const typesXml = strFromU8(types);
	const defaults = new Set(
		[...typesXml.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()),
	);
	const overrides = [...typesXml.matchAll(/<Override PartName="([^"]+)"/g)].map((m) => m[1]!);
	for (const part of overrides) {
		if (!files.has(part.slice(1)))
			problems.push(`${contentTypesPart} lists ${part}, which does not exist`);
	}
	const overridden = new Set(overrides.map((part) => part.slice(1)));
	for (const name of files.keys()) {
		if (name === contentTypesPart) continue;
		const extension = name.split('.').pop()!.toLowerCase();
		if (!overridden.has(name) && !defaults.has(extension))
			problems.push(`${name} has no content type`);
	}
	for (const [name, content] of files) {
		if (!name.endsWith('.rels')) continue;
		for (const rel of relationships(strFromU8(content))) {
			if (rel.external) continue;
			const target = resolveTarget(name, rel.target);
			if (!files.has(target))
				problems.push(`${name}: ${rel.id} points to ${target}, which does not exist`);
		}
	}
	return problems;
}

/** Well-formedness problems of every XML part. */
export function xmlProblems(files: ReadonlyMap<string, Uint8Array>): string[] {
	const problems: string[] = [];
	for (const [name, content] of files) {
		if (!/\.(xml|rels)$/.test(name)) continue;
		const error = xmlError(strFromU8(content));
		if (error) problems.push(`${name}: ${error}`);
	}
	return problems;
}

/**
 * Rewrites pptxgenjs's zip into the clean package. Throws when the result would still have a
 * structural or XML problem, so a broken deck never reaches a file.
 */
export function normalizePackage(raw: Uint8Array, meta: DeckMetadata): Uint8Array {
	const input = unzip(raw);

	// Charts and their workbooks share pptxgenjs's process-wide counter: number them 1..n.
	const renames = new Map<string, string>([
		...renumber(input, /^ppt\/charts\/chart(\d+)\.xml$/, (n) => `ppt/charts/chart${n}.xml`),
		...renumber(
			input,
			/^ppt\/embeddings\/Microsoft_Excel_Worksheet(\d+)\.xlsx$/,
			(n) => `ppt/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`,
		),
	]);
	const chartRels = new Map(
		[...renames]
			.filter(([from]) => from.startsWith('ppt/charts/'))
			.map(([from, to]) => [
				from.replace(/^ppt\/charts\//, 'ppt/charts/_rels/') + '.rels',
				to.replace(/^ppt\/charts\//, 'ppt/charts/_rels/') + '.rels',
			]),
	);
	const rename = (path: string) => renames.get(path) ?? chartRels.get(path) ?? path;
	const renameRefs = (xml: string) =>
		xml
			.replace(
				/(\/?ppt\/charts\/|\.\.\/charts\/)chart(\d+)\.xml/g,
				(whole, prefix: string, n: string) => {
					const to = renames.get(`ppt/charts/chart${n}.xml`);
					return to ? `${prefix}${to.slice('ppt/charts/'.length)}` : whole;
				},
			)
			.replace(/Microsoft_Excel_Worksheet(\d+)\.xlsx/g, (whole, n: string) => {
				const to = renames.get(`ppt/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`);
				return to ? to.slice('ppt/embeddings/'.length) : whole;
			});

	const files = new Map<string, Uint8Array>();
	for (const [path, content] of input) {
		const name = rename(path);
		if (/\.xlsx$/.test(name)) {
			files.set(name, normalizeWorkbook(content, meta.timestamp));
		} else if (name.endsWith('.rels') || name === contentTypesPart) {
			files.set(name, strToU8(renameRefs(strFromU8(content))));
		} else if (name === 'ppt/presentation.xml' || /^ppt\/charts\/chart\d+\.xml$/.test(name)) {
			files.set(name, strToU8(fixedIds(strFromU8(content), name)));
		} else if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) {
			files.set(name, strToU8(splitNoteLines(strFromU8(content))));
		} else if (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) {
			let xml = dedupeParagraphProperties(strFromU8(content));
			if (
				meta.bulletColor &&
				/^[0-9A-Fa-f]{6}$/.test(meta.bulletColor) &&
				name.startsWith('ppt/slides/')
			) {
				xml = xml.replaceAll(
					'<a:buSzPct val="100000"/>',
					`<a:buClr><a:srgbClr val="${meta.bulletColor}"/></a:buClr><a:buSzPct val="100000"/>`,
				);
			}
			files.set(name, strToU8(xml));
		} else {
			files.set(name, content);
		}
	}
	dedupeMedia(files);
	files.set('docProps/core.xml', strToU8(coreXml(meta)));
	files.set('docProps/app.xml', strToU8(appXml(meta)));

	// Content types: keep defaults, keep each override once and only for parts that exist.
	const types = strFromU8(files.get(contentTypesPart)!);
	const defaults = [...types.matchAll(/<Default [^>]*\/>/g)].map((m) => m[0]);
	const seen = new Set<string>();
	const overrides = [...types.matchAll(/<Override PartName="([^"]+)"[^>]*\/>/g)]
		.filter((m) => {
			const part = m[1]!;
			if (seen.has(part) || !files.has(part.slice(1))) return false;
			seen.add(part);
			return true;
		})
		.map((m) => m[0]);
	files.set(
		contentTypesPart,
		strToU8(
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
				'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
				defaults.join('') +
				overrides.join('') +
				'</Types>',
		),
	);

	const problems = [...packageProblems(files), ...xmlProblems(files)];
	if (problems.length) throw new Error(`deck package is broken:\n${problems.join('\n')}`);
	return deterministicZip(files, meta.timestamp);
}
