/**
 * TrueType font files as bytes: reading one's tables, glyph offsets and metrics, and writing one
 * from its tables (the table directory, checksums and alignment the format asks for). The font
 * metrics the engine measures text with are read through it too (scripts/generate-font-metrics.ts).
 */

/** One table of the font file: where its bytes are. */
export interface TableSpan {
	offset: number;
	length: number;
}

/** A TrueType font file, read once: its tables, glyph offsets and horizontal metrics. */
export interface TrueTypeFile {
	bytes: Uint8Array;
	view: DataView;
	tables: Map<string, TableSpan>;
	/** Start of glyph `i`'s outline in the glyf table is `glyphStart(i)`, its end `glyphStart(i + 1)`. */
	glyphStart: (id: number) => number;
	/** Advance width and left side bearing of glyph `id`. */
	metrics: (id: number) => [number, number];
}

const files = new WeakMap<Uint8Array, TrueTypeFile | null>();

/** The font file in `bytes`, or null when it is not a TrueType font with outlines (e.g. CFF). */
export function readTrueType(bytes: Uint8Array): TrueTypeFile | null {
	let file = files.get(bytes);
	if (file !== undefined) return file;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const tables = new Map<string, TableSpan>();
	const count = view.getUint16(4);
	for (let i = 0; i < count; i++) {
		const at = 12 + 16 * i;
		const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
		tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
	}
	const [head, hhea, hmtx, loca, glyf] = ['head', 'hhea', 'hmtx', 'loca', 'glyf'].map((tag) =>
		tables.get(tag),
	);
	file = null;
	if (head && hhea && hmtx && loca && glyf && view.getUint32(0) === 0x00010000) {
		const longOffsets = view.getInt16(head.offset + 50) === 1;
		const hMetrics = view.getUint16(hhea.offset + 34);
		file = {
			bytes,
			view,
			tables,
			glyphStart: (id) =>
				glyf.offset +
				(longOffsets
					? view.getUint32(loca.offset + 4 * id)
					: 2 * view.getUint16(loca.offset + 2 * id)),
			metrics: (id) => {
				const advance = view.getUint16(hmtx.offset + 4 * Math.min(id, hMetrics - 1));
				const bearing =
					id < hMetrics
						? view.getInt16(hmtx.offset + 4 * id + 2)
						: view.getInt16(hmtx.offset + 4 * hMetrics + 2 * (id - hMetrics));
				return [advance, bearing];
			},
		};
	}
	files.set(bytes, file);
	return file;
}

/** The sum of `data`'s big-endian 32-bit words, zero-padded (a table's checksum). */
function checksum(data: Uint8Array): number {
	let sum = 0;
	for (let i = 0; i < data.length; i += 4)
		sum += ((data[i]! << 24) | (data[i + 1]! << 16) | (data[i + 2]! << 8) | data[i + 3]!) >>> 0;
	return sum >>> 0;
}

/** `length` rounded up to a multiple of four (tables and glyphs start on four-byte boundaries). */
export const padded = (length: number) => (length + 3) & ~3;

/** The font file of `tables`: the table directory (tags in order), then each table, aligned. */
export function assemble(tables: Map<string, Uint8Array>): Uint8Array {
	const tags = [...tables.keys()].sort();
	const headerLength = 12 + 16 * tags.length;
	let length = headerLength;
	for (const tag of tags) length += padded(tables.get(tag)!.length);
	const font = new Uint8Array(length);
	const view = new DataView(font.buffer);
	const power = 2 ** Math.floor(Math.log2(tags.length));
	view.setUint32(0, 0x00010000);
	view.setUint16(4, tags.length);
	view.setUint16(6, power * 16);
	view.setUint16(8, Math.log2(power));
	view.setUint16(10, tags.length * 16 - power * 16);
	let offset = headerLength;
	let headOffset = 0;
	tags.forEach((tag, index) => {
		const data = tables.get(tag)!;
		const at = 12 + 16 * index;
		for (let i = 0; i < 4; i++) font[at + i] = tag.charCodeAt(i);
		view.setUint32(at + 4, checksum(data));
		view.setUint32(at + 8, offset);
		view.setUint32(at + 12, data.length);
		font.set(data, offset);
		if (tag === 'head') headOffset = offset;
		offset += padded(data.length);
	});
	view.setUint32(headOffset + 8, (0xb1b0afba - checksum(font)) >>> 0);
	return font;
}
