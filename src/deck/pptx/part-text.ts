/**
 * The text of a package part, decoded once. Normalising a deck reads and rewrites each XML part
 * several times (renames, repairs, language, checks); every part made here remembers the text it
 * was made from, so reading it back costs nothing.
 */
import { strFromU8, strToU8 } from 'fflate';

const texts = new WeakMap<Uint8Array, string>();

/** The UTF-8 text of a part. */
export function partText(bytes: Uint8Array): string {
	let text = texts.get(bytes);
	if (text === undefined) texts.set(bytes, (text = strFromU8(bytes)));
	return text;
}

/** A part's UTF-8 bytes, remembering their text. */
export function partBytes(text: string): Uint8Array {
	const bytes = strToU8(text);
	texts.set(bytes, text);
	return bytes;
}
