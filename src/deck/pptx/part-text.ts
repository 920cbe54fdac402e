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
	// Looked up by length first: hashing a deck's own parts (new, long strings) as map keys cost
	// more than encoding them, and they seldom share a length with a remembered one.
	const known = rewrittenBytes.get(text.length)?.find((entry) => entry.text === text);
	if (known) return known.bytes;
	const bytes = strToU8(text);
	texts.set(bytes, text);
	return bytes;
}

/** Bytes of remembered rewrites' results (a template's layouts), encoded once, by text length. */
const rewrittenBytes = new Map<number, Array<{ text: string; bytes: Uint8Array }>>();
/** The same entries, oldest first. */
const rewrittenOrder: Array<{ text: string; bytes: Uint8Array }> = [];

function rememberBytes(text: string, bytes: Uint8Array): void {
	let list = rewrittenBytes.get(text.length);
	if (!list) rewrittenBytes.set(text.length, (list = []));
	if (list.some((entry) => entry.text === text)) return;
	const entry = { text, bytes };
	list.push(entry);
	rewrittenOrder.push(entry);
	if (rewrittenOrder.length > maxRewrites) {
		const oldest = rewrittenOrder.shift()!;
		const bucket = rewrittenBytes.get(oldest.text.length)!;
		bucket.splice(bucket.indexOf(oldest), 1);
		if (!bucket.length) rewrittenBytes.delete(oldest.text.length);
	}
}

/** Remembered rewrites by kind, least recently used first. */
const rewrites = new Map<string, Map<string, string>>();
const maxRewrites = 256;

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
	if (!memo) rewrites.set(kind, (memo = new Map()));
	let out = memo.get(text);
	if (out !== undefined) memo.delete(text);
	else {
		out = rewrite(text);
		if (out !== text) {
			const bytes = strToU8(out);
			texts.set(bytes, out);
			rememberBytes(out, bytes);
		}
	}
	memo.set(text, out);
	if (memo.size > maxRewrites) memo.delete(memo.keys().next().value!);
	return out;
}
