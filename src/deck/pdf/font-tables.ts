/**
 * What pdf-lib reads of an embedded font, read from a TrueType file's own tables (head, hhea,
 * post, OS/2, cmap): its metrics, its flags and each character's glyph. pdf-lib asks a "fontkit"
 * for these; fontkit itself is a general font engine (shaping, every outline format, compressed
 * web fonts) of about 900 KB, which the builder's PDF download carried for these few numbers. The
 * values are fontkit's, so the PDF is the same byte for byte.
 */
import type { TrueTypeFile } from './sfnt.ts';

/** A glyph as pdf-lib reads one: its id, its advance (font units) and the character it shows. */
export interface PdfGlyph {
	id: number;
	advanceWidth: number;
	/** The character the glyph was first asked for with (the PDF's ToUnicode map says it). */
	codePoints: number[];
}

/** The font, as far as pdf-lib reads it when it embeds a subset. */
export interface PdfFontTables {
	unitsPerEm: number;
	/** Ascender and descender from hhea (font units). */
	ascent: number;
	descent: number;
	/** Height of capitals and of the x (OS/2 version 2 and later; else the ascent and 0). */
	capHeight: number;
	xHeight: number;
	/** Degrees, from post. */
	italicAngle: number;
	bbox: { minX: number; minY: number; maxX: number; maxY: number };
	/** The parts of post, OS/2 and head that pdf-lib derives the descriptor's flags from. */
	post: { isFixedPitch: boolean };
	'OS/2'?: { sFamilyClass: number };
	head: { macStyle: { italic: boolean } };
	/** TrueType outlines: never CFF. */
	cff: false;
	/** The glyph the character maps to (glyph 0, the missing glyph, when it maps to none). */
	glyphForCodePoint(codePoint: number): PdfGlyph;
}

/** Where a cmap subtable of each format finds a character's glyph; 0 when none. */
type Lookup = (codePoint: number) => number;

/** Segment mapping to delta values (format 4): the Basic Multilingual Plane. */
function format4(view: DataView, at: number): Lookup {
	const segments = view.getUint16(at + 6) / 2;
	const ends = at + 14;
	const starts = ends + 2 * segments + 2;
	const deltas = starts + 2 * segments;
	const rangeOffsets = deltas + 2 * segments;
	return (codePoint) => {
		if (codePoint > 0xffff) return 0;
		for (let i = 0; i < segments; i++) {
			if (view.getUint16(ends + 2 * i) < codePoint) continue;
			const start = view.getUint16(starts + 2 * i);
			if (start > codePoint) return 0;
			const delta = view.getUint16(deltas + 2 * i);
			const rangeOffset = view.getUint16(rangeOffsets + 2 * i);
			if (!rangeOffset) return (codePoint + delta) & 0xffff;
			const glyph = view.getUint16(rangeOffsets + 2 * i + rangeOffset + 2 * (codePoint - start));
			return glyph ? (glyph + delta) & 0xffff : 0;
		}
		return 0;
	};
}

/** Segmented coverage (format 12): every plane. */
function format12(view: DataView, at: number): Lookup {
	const groups = view.getUint32(at + 12);
	return (codePoint) => {
		for (let i = 0; i < groups; i++) {
			const group = at + 16 + 12 * i;
			if (view.getUint32(group + 4) < codePoint) continue;
			const start = view.getUint32(group);
			return start <= codePoint ? view.getUint32(group + 8) + codePoint - start : 0;
		}
		return 0;
	};
}

/** The Unicode subtables fontkit prefers, in its order (platform, encoding). */
const preferredSubtables: ReadonlyArray<readonly [number, number]> = [
	[3, 10],
	[0, 6],
	[0, 4],
	[3, 1],
	[0, 3],
	[0, 2],
	[0, 1],
	[0, 0],
];

/** The character-to-glyph lookup of the font's preferred Unicode cmap subtable. */
function characterMap(file: TrueTypeFile): Lookup {
	const { view, tables } = file;
	const cmap = tables.get('cmap');
	if (!cmap) throw new Error('the font has no cmap table (no characters map to its glyphs)');
	const subtables = new Map<string, number>();
	for (let i = 0; i < view.getUint16(cmap.offset + 2); i++) {
		const record = cmap.offset + 4 + 8 * i;
		const key = `${view.getUint16(record)},${view.getUint16(record + 2)}`;
		if (!subtables.has(key)) subtables.set(key, cmap.offset + view.getUint32(record + 4));
	}
	for (const [platform, encoding] of preferredSubtables) {
		const at = subtables.get(`${platform},${encoding}`);
		if (at === undefined) continue;
		const format = view.getUint16(at);
		if (format === 4) return format4(view, at);
		if (format === 12) return format12(view, at);
	}
	throw new Error('the font has no Unicode cmap subtable of format 4 or 12');
}

/** The font's tables as pdf-lib reads them; throws what is missing from the file. */
export function pdfFontTables(file: TrueTypeFile): PdfFontTables {
	const { view, tables } = file;
	const table = (tag: string) => {
		const span = tables.get(tag);
		if (!span) throw new Error(`the font has no ${tag} table`);
		return span.offset;
	};
	const head = table('head');
	const hhea = table('hhea');
	const post = table('post');
	const os2 = tables.get('OS/2')?.offset;
	const lookup = characterMap(file);
	const ascent = view.getInt16(hhea + 4);
	// capHeight and xHeight came with version 2 of the OS/2 table.
	const os2HasHeights = os2 !== undefined && view.getUint16(os2) >= 2;
	/** Glyphs by id, and by the characters already asked for (a text repeats its characters). */
	const glyphs = new Map<number, PdfGlyph>();
	const byCharacter = new Map<number, PdfGlyph>();
	return {
		unitsPerEm: view.getUint16(head + 18),
		ascent,
		descent: view.getInt16(hhea + 6),
		capHeight: os2HasHeights ? view.getInt16(os2 + 88) : ascent,
		xHeight: os2HasHeights ? view.getInt16(os2 + 86) : 0,
		italicAngle: view.getInt32(post + 4) / 65536,
		bbox: {
			minX: view.getInt16(head + 36),
			minY: view.getInt16(head + 38),
			maxX: view.getInt16(head + 40),
			maxY: view.getInt16(head + 42),
		},
		post: { isFixedPitch: view.getUint32(post + 12) !== 0 },
		...(os2 !== undefined && { 'OS/2': { sFamilyClass: view.getInt16(os2 + 30) } }),
		head: { macStyle: { italic: (view.getUint16(head + 44) & 2) !== 0 } },
		cff: false,
		glyphForCodePoint(codePoint) {
			let glyph = byCharacter.get(codePoint);
			if (glyph) return glyph;
			const id = lookup(codePoint);
			glyph = glyphs.get(id);
			// A glyph keeps the character it was first asked for, as fontkit's do.
			if (!glyph)
				glyphs.set(
					id,
					(glyph = { id, advanceWidth: file.metrics(id)[0], codePoints: [codePoint] }),
				);
			byCharacter.set(codePoint, glyph);
			return glyph;
		},
	};
}
