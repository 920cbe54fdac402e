/**
 * Reading a briefing YAML file into the builder (as downloaded from it or written by hand). Apart
 * from `share.ts` because it needs the YAML parser, which the builder's page loads only when a
 * file is imported.
 */
import { decodeText } from '../library/decode-text.ts';
import { parseYaml } from '../library/parse-yaml.ts';
import { draftFromValue, keepUsable, kilobytes, refused, type Arrival } from './share.ts';
import { draftLimits as limits } from './draft-limits.ts';
import type { LibraryView } from './types.ts';

/** Reads a briefing YAML file (as downloaded from the builder or written by hand). */
export function importYaml(text: string, library: LibraryView, file = 'briefing.yaml'): Arrival {
	if (text.length > limits.fileBytes) {
		return refused(
			`a briefing file of at most ${kilobytes(limits.fileBytes)} (this one is ${kilobytes(text.length)})`,
		);
	}
	const parsed = parseYaml(file, text);
	if (
		parsed.issues.length ||
		!parsed.data ||
		typeof parsed.data !== 'object' ||
		Array.isArray(parsed.data)
	) {
		return refused(
			...(parsed.issues.length
				? parsed.issues.map((issue) => issue.message)
				: ['a briefing file: YAML with title, prospect, presenter, date, insights and nextStep']),
		);
	}
	const notices: string[] = [];
	const arrival = keepUsable(draftFromValue(parsed.data, notices), library);
	return { ...arrival, notices };
}

/**
 * Reads an imported file: refused by its size before a byte of it is read, then decoded as strict
 * UTF-8 (a UTF-16 or Latin-1 file is named as such) and read as briefing YAML.
 */
export async function importFile(
	file: Pick<Blob, 'size' | 'arrayBuffer'> & { name: string },
	library: LibraryView,
): Promise<Arrival> {
	if (file.size > limits.fileBytes) {
		return refused(
			`a briefing file of at most ${kilobytes(limits.fileBytes)} (this one is ${kilobytes(file.size)})`,
		);
	}
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await file.arrayBuffer());
	} catch {
		return refused('a file the browser can read (it could not be opened)');
	}
	const decoded = decodeText(file.name, bytes);
	if (decoded.text === undefined) return refused(...decoded.issues.map((issue) => issue.message));
	return importYaml(decoded.text, library, file.name);
}
