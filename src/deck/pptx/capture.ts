/**
 * pptxgenjs's parts, taken before it zips them. `write()` makes every part, hands them to a JSZip
 * archive and then zips it (stored, whatever `compression` says), which `package.ts` would only
 * unzip again: a third of a deck's time. Here the archive's parts are read as they were added and
 * its zipping is skipped; the parts are the same bytes its zip would hold.
 *
 * This leans on two details of pptxgenjs 4.0.1 (the lockfile pins it; the deck tests fail if they
 * change): `write()` passes its archive to the instance's `createChartMediaRels` for every layout,
 * slide and master after adding the other parts, and that function adds the charts, workbooks and
 * media through the archive's `file()`; and a JSZip entry keeps what it was given in `_data`.
 */
import type PptxGenJS from 'pptxgenjs';
import type { PartData } from './part-text.ts';

/** The part of JSZip's archive API pptxgenjs's chart and media writer uses. */
interface PartSink {
	file(name: string, data: string, options?: { base64?: boolean }): PartSink;
}

/** A JSZip entry, as far as it is read here. */
interface ArchiveEntry {
	dir: boolean;
	_data: unknown;
	_dataBinary: boolean;
	async(type: 'uint8array'): Promise<Uint8Array>;
}

/** pptxgenjs's JSZip archive, as far as it is used here. */
interface Archive {
	files: Record<string, ArchiveEntry>;
	generateAsync(options: unknown): Promise<unknown>;
}

type ChartMediaRels = (slide: unknown, zip: PartSink, promises: Array<Promise<unknown>>) => void;

/** The bytes of base64 text. */
function base64Bytes(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/** A JSZip entry's content, from what it was given when that is at hand (text stays text). */
async function entryBytes(entry: ArchiveEntry): Promise<PartData> {
	const data = await entry._data;
	if (typeof data === 'string' && entry._dataBinary === false) return data;
	if (data instanceof Uint8Array) return data;
	return entry.async('uint8array');
}

/** Every entry of a JSZip archive, by name (no folder entries). */
async function archiveParts(archive: Archive): Promise<Map<string, PartData>> {
	const parts = new Map<string, PartData>();
	for (const [name, entry] of Object.entries(archive.files)) {
		if (!entry.dir) parts.set(name, await entryBytes(entry));
	}
	return parts;
}

/**
 * The parts of each chart workbook pptxgenjs made, by the empty array that stands for the workbook
 * among the presentation's parts: `normalizePackage` zips them once, with fixed dates, instead of
 * unzipping a stored zip made here (fflate's zip and unzip ran for nothing).
 */
const capturedWorkbooks = new WeakMap<Uint8Array, ReadonlyMap<string, PartData>>();

/** The parts of a workbook captured here, or undefined for real workbook bytes. */
export function capturedWorkbook(data: Uint8Array): ReadonlyMap<string, PartData> | undefined {
	return capturedWorkbooks.get(data);
}

/** Stands for a chart workbook's archive in the base64 text pptxgenjs would have zipped it to. */
const workbookMark = '\u0000workbook ';

/** Every part of the presentation pptxgenjs would write, by name (no folder entries). */
export async function presentationParts(pptx: PptxGenJS): Promise<Map<string, PartData>> {
	const internals = pptx as unknown as { createChartMediaRels: ChartMediaRels };
	const chartsAndMedia = internals.createChartMediaRels;
	const added = new Map<string, PartData | Archive>();
	const workbooks: Archive[] = [];
	const sink: PartSink = {
		file(name, data, options) {
			if (data.startsWith(workbookMark))
				added.set(name, workbooks[Number(data.slice(workbookMark.length))]!);
			else added.set(name, options?.base64 ? base64Bytes(data) : data);
			return sink;
		},
	};
	const seen: { archive?: Archive } = {};
	internals.createChartMediaRels = (slide, zip, promises) => {
		if (!seen.archive) {
			seen.archive = zip as unknown as Archive;
			// Nothing to zip: the parts are read from the archive below.
			seen.archive.generateAsync = async () => new Uint8Array(0);
		}
		// Each chart's workbook is an archive of its own, zipped (to base64) while this call runs:
		// it is kept as it is and zipped once, by normalizePackage, instead.
		const archives = Object.getPrototypeOf(seen.archive) as Archive;
		const generate = archives.generateAsync;
		archives.generateAsync = function (this: Archive) {
			workbooks.push(this);
			return Promise.resolve(`${workbookMark}${workbooks.length - 1}`);
		};
		try {
			chartsAndMedia(slide, sink, promises);
		} finally {
			archives.generateAsync = generate;
		}
	};
	try {
		await pptx.write({ outputType: 'uint8array' });
	} finally {
		internals.createChartMediaRels = chartsAndMedia;
	}
	if (!seen.archive) throw new Error('pptxgenjs wrote no parts (its write() has changed)');
	const parts = await archiveParts(seen.archive);
	for (const [name, data] of added) {
		if (data instanceof Uint8Array || typeof data === 'string') parts.set(name, data);
		else {
			const stand = new Uint8Array(0);
			capturedWorkbooks.set(stand, await archiveParts(data));
			parts.set(name, stand);
		}
	}
	return parts;
}
