/**
 * The text of a package part, decoded once. Normalising a deck reads and rewrites each XML part
 * several times (renames, repairs, language, checks): while it does, a part pptxgenjs or the
 * writer made is kept as text ({@link PartData}) and encoded once, when the package is done; every
 * part encoded here remembers the text it was made from, so reading it back costs nothing.
 */
import { strFromU8, strToU8 } from 'fflate';
import { TextMemo } from './text-memo.ts';

const texts = new WeakMap<Uint8Array, string>();

/** A part's content while the writer works on it: its bytes, or its text not yet encoded. */
export type PartData = Uint8Array | string;

/** The UTF-8 text of a part. */
export function partText(part: PartData): string {
	if (typeof part === 'string') return part;
	let text = texts.get(part);
	if (text === undefined) texts.set(part, (text = strFromU8(part)));
	return text;
}

/** A part's bytes: its text encoded (see {@link partBytes}), or the bytes it has. */
export function encodedPart(part: PartData): Uint8Array {
	return typeof part === 'string' ? partBytes(part) : part;
}

/** A part's UTF-8 bytes, remembering their text. */
export function partBytes(text: string): Uint8Array {
	const known = rewrittenBytes.get(text);
	if (known) return known;
	const bytes = strToU8(text);
	texts.set(bytes, text);
	return bytes;
}

const maxRewrites = 256;

/** Bytes of remembered rewrites' results (a template's layouts), encoded once. */
const rewrittenBytes = new TextMemo<Uint8Array>(maxRewrites);

/** Remembered rewrites by kind. */
const rewrites = new Map<string, TextMemo<string>>();

/**
 * `rewrite(text)`, remembered: the masters, layouts and themes of a brand or company template are
 * the same in every deck, so their repairs are worked out once per process. `kind` names the
 * rewrite and everything it depends on besides the text.
 */
export function rememberedRewrite(
	kind: string,
	text: string,
	rewrite: (text: string) => string,
): string {
	let memo = rewrites.get(kind);
	if (!memo) rewrites.set(kind, (memo = new TextMemo(maxRewrites)));
	let out = memo.get(text);
	if (out === undefined) {
		out = rewrite(text);
		// Unchanged texts too: a brand's masters and layouts come from pptxgenjs as new text in
		// every deck, and their bytes, checksum and compressed stream are then found here.
		if (rewrittenBytes.get(out) === undefined) {
			const bytes = strToU8(out);
			texts.set(bytes, out);
			rewrittenBytes.set(out, bytes);
		}
		memo.set(text, out);
	}
	return out;
}
