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
 * - schema order and PowerPoint's own repair triggers: see `repair.ts`.
 */
import { encodedPart, partBytes, partText, rememberedRewrite, type PartData } from './part-text.ts';
import { escapeXml } from '../xml.ts';
import { packageProblems, resolveTarget, xmlProblems, type PartReader } from './problems.ts';
import { capturedWorkbook } from './capture.ts';
import type { RawDeflate } from './deflate.ts';
import { applyLanguage } from './language.ts';
import { replaceElements } from './element-spans.ts';
import { repairParts } from './repair.ts';
import { contentTypesPart, deterministicZip, naturalCompare, unzip } from './zip.ts';

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
	/** Language of the text (BCP 47); default `en-US`. */
	language?: string;
	/** Rewrites a slide, layout or master part before the generic repairs (titles, decorative marks). */
	rewrite?: (part: string, xml: string) => string;
	/** The compressor of the package's and the chart workbooks' parts (default: `fastDeflate`). */
	deflate?: RawDeflate;
	/** Reads the package's XML parts while they are checked (see `xmlProblems`). */
	reader?: PartReader;
}

/** `2026-03-12T00:00:00Z`. */
function w3cdtf(date: Date): string {
	return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function coreXml(meta: DeckMetadata): string {
	const time = w3cdtf(meta.timestamp);
	return (
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
		'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
		`<dc:title>${escapeXml(meta.title)}</dc:title>` +
		`<dc:subject>${escapeXml(meta.subject)}</dc:subject>` +
		`<dc:creator>${escapeXml(meta.author)}</dc:creator>` +
		`<dc:language>${escapeXml(meta.language ?? 'en-US')}</dc:language>` +
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
function normalizeWorkbook(data: Uint8Array, timestamp: Date, deflate?: RawDeflate): Uint8Array {
	const captured = capturedWorkbook(data);
	const files = captured
		? new Map([...captured].map(([name, content]) => [name, encodedPart(content)]))
		: unzip(data);
	const core = files.get('docProps/core.xml');
	if (core) {
		const time = w3cdtf(timestamp);
		files.set(
			'docProps/core.xml',
			partBytes(
				partText(core)
					.replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${time}$2`)
					.replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${time}$2`),
			),
		);
	}
	return deterministicZip(files, timestamp, deflate);
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
	return replaceElements(xml, '<a:p>', '</a:p>', (whole, inner) => {
		// One paragraph properties element or none (most paragraphs): nothing to drop.
		const first = inner.indexOf('<a:pPr');
		if (first < 0 || inner.indexOf('<a:pPr', first + 1) < 0) return whole;
		let seen = false;
		const cleaned = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr) => {
			if (seen) return '';
			seen = true;
			return pPr;
		});
		return cleaned === inner ? whole : `<a:p>${cleaned}</a:p>`;
	});
}

/**
 * Kerning at every size (`kern` is the smallest size kerned, in hundredths of a point). The scene
 * measures text kerned, as LibreOffice and the previews set it; PowerPoint's default (from the
 * master, 12 pt and up) would leave smaller text unkerned and wider than measured.
 */
export function kernEveryRun(xml: string): string {
	return xml.replace(/<a:rPr (?![^>]*\bkern=)/g, '<a:rPr kern="100" ');
}

/** Renames parts named `<prefix><number><suffix>` to 1..n in numeric order; returns old -> new. */
function renumber(
	files: ReadonlyMap<string, PartData>,
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
function dedupeMedia(files: Map<string, PartData>): void {
	const media = [...files.keys()]
		.filter((name) => name.startsWith('ppt/media/'))
		.sort(naturalCompare);
	const replaced = new Map<string, string>();
	for (let i = 0; i < media.length; i++) {
		const name = media[i]!;
		if (replaced.has(name)) continue;
		for (const other of media.slice(i + 1)) {
			if (
				!replaced.has(other) &&
				equalBytes(encodedPart(files.get(name)!), encodedPart(files.get(other)!))
			)
				replaced.set(other, name);
		}
	}
	if (!replaced.size) return;
	for (const [name, content] of files) {
		if (!name.endsWith('.rels')) continue;
		const xml = partText(content);
		const updated = xml.replace(/Target="([^"]*)"/g, (whole, target: string) => {
			const to = replaced.get(resolveTarget(name, target));
			return to ? `Target="/${to}"` : whole;
		});
		if (updated !== xml) files.set(name, updated);
	}
	for (const name of replaced.keys()) files.delete(name);
}

/**
 * Rewrites pptxgenjs's parts (or a whole pptxgenjs zip) into the clean package. Throws when the
 * result would still have a structural or XML problem, so a broken deck never reaches a file.
 */
export function normalizePackage(
	parts: ReadonlyMap<string, PartData> | Uint8Array,
	meta: DeckMetadata,
): Uint8Array {
	return deterministicZip(normalizeParts(parts, meta), meta.timestamp, meta.deflate);
}

/** The clean package's parts, before zipping (see {@link normalizePackage}). */
export function normalizeParts(
	parts: ReadonlyMap<string, PartData> | Uint8Array,
	meta: DeckMetadata,
): Map<string, Uint8Array> {
	const input = parts instanceof Uint8Array ? unzip(parts) : parts;

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

	// Parts are kept as text while they are rewritten, and encoded once at the end.
	const files = new Map<string, PartData>();
	// A part whose text no rewrite changed keeps its bytes: a template's layouts and masters are
	// the same objects in every deck, so they are neither encoded again nor checksummed again.
	const rewritten = (content: PartData, rewrite: (xml: string) => string) => {
		const text = partText(content);
		const xml = rewrite(text);
		return xml === text ? content : xml;
	};
	for (const [path, content] of input) {
		const name = rename(path);
		if (/\.xlsx$/.test(name)) {
			files.set(name, normalizeWorkbook(encodedPart(content), meta.timestamp, meta.deflate));
		} else if (name.endsWith('.rels') || name === contentTypesPart) {
			files.set(name, rewritten(content, renameRefs));
		} else if (name === 'ppt/presentation.xml' || /^ppt\/charts\/chart\d+\.xml$/.test(name)) {
			files.set(
				name,
				rewritten(content, (xml) => fixedIds(xml, name)),
			);
		} else if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) {
			files.set(name, rewritten(content, splitNoteLines));
		} else if (/^ppt\/(slides|slideLayouts|slideMasters)\/[^/]+\.xml$/.test(name)) {
			const text = partText(content);
			let xml = name.startsWith('ppt/slides/')
				? dedupeParagraphProperties(text)
				: rememberedRewrite('paragraph properties', text, dedupeParagraphProperties);
			if (meta.rewrite) xml = meta.rewrite(name, xml);
			if (name.startsWith('ppt/slides/')) xml = kernEveryRun(xml);
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
			files.set(name, xml === text ? content : xml);
		} else {
			files.set(name, content);
		}
	}
	dedupeMedia(files);
	const asText = (text: string): PartData => text;
	const addedTypes = repairParts(files, meta.language ?? 'en-US', partText, asText);
	applyLanguage(files, meta.language ?? 'en-US', partText, asText);
	files.set('docProps/core.xml', coreXml(meta));
	files.set('docProps/app.xml', appXml(meta));

	// Content types: keep defaults, keep each override once and only for parts that exist.
	const types = partText(files.get(contentTypesPart)!);
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
		'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
			'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
			defaults.join('') +
			overrides.join('') +
			addedTypes.join('') +
			'</Types>',
	);

	const encoded = new Map<string, Uint8Array>();
	for (const [name, content] of files) encoded.set(name, encodedPart(content));
	const problems = [...packageProblems(encoded), ...xmlProblems(encoded, meta.reader)];
	if (problems.length) throw new Error(`deck package is broken:\n${problems.join('\n')}`);
	return encoded;
}
