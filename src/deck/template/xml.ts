/**
 * A small XML reader for template parts: enough of XML to walk a PresentationML part as a tree
 * (elements, attributes, text), with no DOM, so it runs the same in Node and in the browser.
 * Parts are expected to be well-formed (a template that is not fails with a named part).
 */

/** One element: its qualified name (`p:sp`), attributes and children in document order. */
export interface XmlElement {
	name: string;
	attrs: Record<string, string>;
	children: XmlElement[];
	/** Character data directly inside this element, concatenated. */
	text: string;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `text` with XML entity and character references replaced. */
export function decodeXml(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
		if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
		if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
		return entities[ref] ?? whole;
	});
}

const attributePattern = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Parses `source` into its root element; throws on markup it cannot follow. */
export function parseXml(source: string): XmlElement {
	const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
	const stack: XmlElement[] = [root];
	let i = 0;
	while (i < source.length) {
		const lt = source.indexOf('<', i);
		const top = stack[stack.length - 1]!;
		if (lt < 0) break;
		if (lt > i && stack.length > 1) top.text += decodeXml(source.slice(i, lt));
		if (source.startsWith('<!--', lt)) {
			i = closeOf(source, '-->', lt);
		} else if (source.startsWith('<![CDATA[', lt)) {
			const end = closeOf(source, ']]>', lt);
			top.text += source.slice(lt + 9, end - 3);
			i = end;
		} else if (source[lt + 1] === '?' || source[lt + 1] === '!') {
			i = closeOf(source, '>', lt);
		} else if (source[lt + 1] === '/') {
			const end = closeOf(source, '>', lt);
			const name = source.slice(lt + 2, end - 1).trim();
			const open = stack.pop();
			if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
			i = end;
		} else {
			const end = tagEnd(source, lt);
			const selfClosing = source[end - 2] === '/';
			const body = source.slice(lt + 1, selfClosing ? end - 2 : end - 1);
			const nameEnd = body.search(/[\s/]|$/);
			const element: XmlElement = {
				name: body.slice(0, nameEnd),
				attrs: {},
				children: [],
				text: '',
			};
			for (const match of body.slice(nameEnd).matchAll(attributePattern)) {
				element.attrs[match[1]!] = decodeXml(match[3] ?? match[4] ?? '');
			}
			top.children.push(element);
			if (!selfClosing) stack.push(element);
			i = end;
		}
	}
	if (stack.length > 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
	const first = root.children[0];
	if (!first) throw new Error('no root element');
	return first;
}

/** Index just past `marker`, searching from `from`. */
function closeOf(source: string, marker: string, from: number): number {
	const at = source.indexOf(marker, from);
	if (at < 0) throw new Error(`unterminated markup at offset ${from}`);
	return at + marker.length;
}

/** Index just past the `>` ending the start tag at `from` (quoted `>` in values skipped). */
function tagEnd(source: string, from: number): number {
	let quote = '';
	for (let i = from + 1; i < source.length; i++) {
		const c = source[i];
		if (quote) {
			if (c === quote) quote = '';
		} else if (c === '"' || c === "'") quote = c;
		else if (c === '>') return i + 1;
	}
	throw new Error(`unterminated tag at offset ${from}`);
}

/** The first child named `name`, if any. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
	return element?.children.find((c) => c.name === name);
}

/** Every child named `name`. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
	return element?.children.filter((c) => c.name === name) ?? [];
}

/** Follows a path of child names (`child(child(e, a), b)` ...). */
export function path(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
	let at = element;
	for (const name of names) at = child(at, name);
	return at;
}

/** Every descendant named `name`, depth first, in document order. */
export function descendants(
	element: XmlElement,
	name: string,
	out: XmlElement[] = [],
): XmlElement[] {
	for (const c of element.children) {
		if (c.name === name) out.push(c);
		descendants(c, name, out);
	}
	return out;
}
