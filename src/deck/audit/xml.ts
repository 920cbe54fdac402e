/**
 * A small XML reader for the audit: parts become trees of elements. Runs anywhere (no DOMParser
 * in Node). Elements are matched by local name, so any namespace prefix a producer chose works.
 */

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

function element(name: string): XmlElement {
	return { name, local: name.slice(name.indexOf(':') + 1), attrs: {}, children: [] };
}

const token =
	/<(\/?)([^\s/>!?]+)([^>]*?)(\/?)>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>/g;
const attribute = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses `text` into its root element. Throws on input that is not well-formed enough to read. */
export function parseXml(text: string): XmlElement {
	const root = element('#document');
	const stack: XmlElement[] = [root];
	let last = 0;
	token.lastIndex = 0;
	for (let m = token.exec(text); m; m = token.exec(text)) {
		const parent = stack[stack.length - 1]!;
		if (m.index > last && stack.length > 1) {
			const between = text.slice(last, m.index);
			parent.children.push(between.includes('&') ? decodeEntities(between) : between);
		}
		last = token.lastIndex;
		const name = m[2];
		if (name === undefined) {
			if (m[5] !== undefined) parent.children.push(m[5]);
			continue;
		}
		if (m[1]) {
			const open = stack.pop();
			if (!open || open.name !== name) throw new Error(`</${name}> does not close <${open?.name}>`);
			continue;
		}
		const node = element(name);
		const attrs = m[3]!;
		if (attrs) {
			attribute.lastIndex = 0;
			for (let a = attribute.exec(attrs); a; a = attribute.exec(attrs)) {
				const value = a[2] ?? a[3] ?? '';
				node.attrs[a[1]!] = value.includes('&') ? decodeEntities(value) : value;
			}
		}
		parent.children.push(node);
		if (!m[4]) stack.push(node);
	}
	const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
	if (!first || stack.length !== 1) throw new Error('no complete root element');
	return first;
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
