/**
 * The text of a package part, decoded once. Normalising a deck reads and rewrites each XML part
 * several times (renames, repairs, language, checks); every part made here remembers the text it
 * was made from, so reading it back costs nothing.
 */
import { strFromU8, strToU8 } from 'fflate';
import { TextMemo } from './text-memo.ts';

const texts = new WeakMap<Uint8Array, string>();

/** The UTF-8 text of a part. */
export function partText(bytes: Uint8Array): string {
	let text = texts.get(bytes);
	if (text === undefined) texts.set(bytes, (text = strFromU8(bytes)));
	return text;
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
		if (out !== text) {
			const bytes = strToU8(out);
			texts.set(bytes, out);
			rewrittenBytes.set(out, bytes);
		}
		memo.set(text, out);
	}
	return out;
}
