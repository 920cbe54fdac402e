/**
 * A small XML reader for the audit: parts become trees of elements. Runs anywhere (no DOMParser
 * in Node). Elements are matched by local name, so any namespace prefix a producer chose works.
 */
import type { XmlSink } from '../xml.ts';

/** One element: its qualified name, local name, attributes and children in order. */
export interface XmlElement {
	name: string;
	local: string;
	attrs: Record<string, string>;
	children: Array<XmlElement | string>;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Text with XML's entities and character references decoded. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
		if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
		if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
		return entities[ref] ?? whole;
	});
}

const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes written in a start tag's text after its name. */
function attributesOf(source: string): Record<string, string> {
	const attrs: Record<string, string> = {};
	attribute.lastIndex = 0;
	for (let a = attribute.exec(source); a; a = attribute.exec(source)) {
		const value = a[2] ?? a[3] ?? '';
		attrs[a[1]!] = value.includes('&') ? decodeEntities(value) : value;
	}
	return attrs;
}

/** Children of an element written `<x/>`: one list for all of them, never added to. */
const noChildren: Array<XmlElement | string> = [];

/**
 * An element of a parsed part. Its attributes are read from the start tag's text when first asked
 * for: a slide has thousands of elements and the rules read the attributes of a few, so a part's
 * tree is a fraction of the objects (in a fresh process, the one-deck CLI, the audit's parse was
 * most of its time, much of it the garbage of attribute objects no rule read).
 */
class ParsedElement implements XmlElement {
	name: string;
	local: string;
	children: Array<XmlElement | string>;
	/** The start tag's text after the name, until its attributes are read. */
	private source: string;
	private read: Record<string, string> | undefined;

	constructor(name: { name: string; local: string }, source: string) {
		this.name = name.name;
		this.local = name.local;
		this.source = source;
		this.read = undefined;
		// An element's own list is made when it closes (see parseXml); `<x/>` keeps this one.
		this.children = noChildren;
	}

	get attrs(): Record<string, string> {
		if (this.read === undefined) {
			this.read = attributesOf(this.source);
			this.source = '';
		}
		return this.read;
	}
}

/**
 * Names by qualified name, with their local part: the same few hundred names recur in every part,
 * so elements share these strings instead of each holding its own copies. Bounded, for input with
 * endless distinct names.
 */
const names = new Map<string, ElementName>();
const maxNames = 4096;

interface ElementName {
	name: string;
	local: string;
	/**
	 * Whether `parseXml` would cut this XML name short: its tag pattern ends a name at any white
	 * space, and an XML name may hold a few characters JavaScript counts as white space (U+2028,
	 * U+3000, ...).
	 */
	splits: boolean;
}

function nameOf(qualified: string): ElementName {
	let known = names.get(qualified);
	if (known === undefined) {
		known = {
			name: qualified,
			local: qualified.slice(qualified.indexOf(':') + 1),
			splits: /\s/.test(qualified),
		};
		if (names.size < maxNames) names.set(qualified, known);
	}
	return known;
}

// A start or end tag (its name, then the rest up to the first ">"), a comment, CDATA, or a
// declaration or processing instruction. The rest of a tag is taken whole and a final "/" looked
// at after, not matched lazily: a lazy match tries the tag's end at every character.
const token = /<(\/?)([^\s/>!?]+)([^>]*)>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>/g;

/**
 * Parses `text` into its root element. Throws on input that is not well-formed enough to read.
 *
 * The content of the open elements is gathered in one list and each element is given its own,
 * exactly as long, when it closes: a list grown by pushing holds room for 17 children after its
 * first, and most elements here have one or two.
 */
export function parseXml(text: string): XmlElement {
	const root = new ParsedElement(nameOf('#document'), '');
	const stack: XmlElement[] = [root];
	/** The content of every open element, outermost first. */
	const content: Array<XmlElement | string> = [];
	/** Where each open element's content starts in `content`. */
	const starts: number[] = [0];
	let last = 0;
	token.lastIndex = 0;
	for (let m = token.exec(text); m; m = token.exec(text)) {
		if (m.index > last && stack.length > 1) {
			const between = text.slice(last, m.index);
			content.push(between.includes('&') ? decodeEntities(between) : between);
		}
		last = token.lastIndex;
		const name = m[2];
		if (name === undefined) {
			if (m[4] !== undefined) content.push(m[4]);
			continue;
		}
		if (m[1]) {
			const open = stack.pop();
			if (!open || open.name !== name) throw new Error(`</${name}> does not close <${open?.name}>`);
			const start = starts.pop()!;
			open.children = content.slice(start);
			content.length = start;
			continue;
		}
		// A final "/" left in the tag's text changes none of its attributes.
		const rest = m[3]!;
		const empty = rest.endsWith('/');
		const node = new ParsedElement(nameOf(name), rest);
		content.push(node);
		if (!empty) {
			stack.push(node);
			starts.push(content.length);
		}
	}
	let first: XmlElement | undefined;
	for (const c of content) {
		if (typeof c !== 'string') {
			first = c;
			break;
		}
	}
	if (!first || stack.length !== 1) throw new Error('no complete root element');
	return first;
}

/**
 * The tree {@link parseXml} makes of a part, built while the writer's well-formedness check
 * (`xmlError`) reads it, so a deck just written is not read again to be audited. The same tree,
 * element for element: a start tag's text runs to its first `>` and an instruction ends at its
 * first `>` for `parseXml`, so a part with a `>` inside an attribute value or an instruction gives
 * no tree here and is parsed as any other.
 */
export class TreeBuilder implements XmlSink {
	private readonly source: string;
	private readonly built: (tree: XmlElement) => void;
	/** The elements open, outermost first. */
	private readonly stack: XmlElement[] = [];
	/** The content of every open element, outermost first. */
	private readonly content: Array<XmlElement | string> = [];
	/** Where each open element's content starts in `content`. */
	private readonly starts: number[] = [0];
	/** False once the text holds something `parseXml` reads another way. */
	private same = true;

	/** `built` is given the tree when the check found `source` well-formed (see {@link done}). */
	constructor(source: string, built: (tree: XmlElement) => void) {
		this.source = source;
		this.built = built;
	}

	open(name: string, nameEnd: number, end: number, empty: boolean): void {
		if (!this.same) return;
		const known = nameOf(name);
		if (known.splits || this.source.indexOf('>', nameEnd) !== end) {
			this.same = false;
			return;
		}
		const node = new ParsedElement(known, this.source.slice(nameEnd, end));
		this.content.push(node);
		if (!empty) {
			this.stack.push(node);
			this.starts.push(this.content.length);
		}
	}

	close(): void {
		if (!this.same) return;
		const open = this.stack.pop()!;
		const start = this.starts.pop()!;
		open.children = this.content.slice(start);
		this.content.length = start;
	}

	text(from: number, to: number): void {
		if (!this.same) return;
		const between = this.source.slice(from, to);
		this.content.push(between.includes('&') ? decodeEntities(between) : between);
	}

	cdata(from: number, to: number): void {
		if (this.same) this.content.push(this.source.slice(from, to));
	}

	instruction(from: number, to: number): void {
		if (this.source.indexOf('>', from) !== to - 1) this.same = false;
	}

	/**
	 * Called once the check found the text well-formed: gives the root element to `built`, unless
	 * the text holds something `parseXml` reads another way.
	 */
	done(): void {
		if (!this.same) return;
		for (const c of this.content) {
			if (typeof c !== 'string') {
				this.built(c);
				return;
			}
		}
	}
}

// Plain loops below, not filter() with a callback: the audit walks every part of every deck, and
// a deck audited in a fresh process (the one-deck CLI) runs these before they are optimised.

/** Child elements, optionally only those with local name `local`. */
export function kids(el: XmlElement | undefined, local?: string): XmlElement[] {
	const out: XmlElement[] = [];
	if (!el) return out;
	for (const c of el.children) {
		if (typeof c !== 'string' && (!local || c.local === local)) out.push(c);
	}
	return out;
}

/** The first child element with local name `local`. */
function firstKid(el: XmlElement, local: string): XmlElement | undefined {
	for (const c of el.children) if (typeof c !== 'string' && c.local === local) return c;
	return undefined;
}

/** The first child with local name `local`, following a path of local names. */
export function kid(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
	let current = el;
	for (const local of path) {
		if (!current) return undefined;
		current = firstKid(current, local);
	}
	return current;
}

/** Every descendant with local name `local`, in document order. */
export function descendants(el: XmlElement | undefined, local: string): XmlElement[] {
	const out: XmlElement[] = [];
	const walk = (node: XmlElement) => {
		for (const c of node.children) {
			if (typeof c === 'string') continue;
			if (c.local === local) out.push(c);
			walk(c);
		}
	};
	if (el) walk(el);
	return out;
}

/** Concatenated character data of `el` and its descendants. */
export function textOf(el: XmlElement | undefined): string {
	if (!el) return '';
	return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
