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

/** Parses `text` into its root element. Throws on input that is not well-formed enough to read. */
export function parseXml(text: string): XmlElement {
	const root = element('#document');
	const stack: XmlElement[] = [root];
	let i = 0;
	while (i < text.length) {
		const lt = text.indexOf('<', i);
		const end = lt < 0 ? text.length : lt;
		if (end > i && stack.length > 1)
			stack[stack.length - 1]!.children.push(decodeEntities(text.slice(i, end)));
		if (lt < 0) break;
		if (text.startsWith('<!--', lt)) {
			i = text.indexOf('-->', lt) + 3;
		} else if (text.startsWith('<![CDATA[', lt)) {
			const close = text.indexOf(']]>', lt);
			stack[stack.length - 1]!.children.push(text.slice(lt + 9, close));
			i = close + 3;
		} else if (text[lt + 1] === '?' || text[lt + 1] === '!') {
			i = text.indexOf('>', lt) + 1;
		} else if (text[lt + 1] === '/') {
			const gt = text.indexOf('>', lt);
			const name = text.slice(lt + 2, gt).trim();
			const open = stack.pop();
			if (!open || open.name !== name) throw new Error(`</${name}> does not close <${open?.name}>`);
			i = gt + 1;
		} else {
			const tag = /^<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(
				text.slice(lt, text.indexOf('>', lt) + 1),
			);
			if (!tag) throw new Error(`a malformed tag at offset ${lt}`);
			const node = element(tag[1]!);
			for (const m of tag[2]!.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
				node.attrs[m[1]!] = decodeEntities(m[2] ?? m[3] ?? '');
			}
			stack[stack.length - 1]!.children.push(node);
			if (!tag[3]) stack.push(node);
			i = lt + tag[0].length;
		}
		if (i <= 0) throw new Error('an unterminated comment or section');
	}
	const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
	if (!first || stack.length !== 1) throw new Error('no complete root element');
	return first;
}

/** Child elements, optionally only those with local name `local`. */
export function kids(el: XmlElement | undefined, local?: string): XmlElement[] {
	if (!el) return [];
	return el.children.filter(
		(c): c is XmlElement => typeof c !== 'string' && (!local || c.local === local),
	);
}

/** The first child with local name `local`, following a path of local names. */
export function kid(el: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
	let current = el;
	for (const local of path) current = kids(current, local)[0];
	return current;
}

/** Every descendant with local name `local`, in document order. */
export function descendants(el: XmlElement | undefined, local: string): XmlElement[] {
	const out: XmlElement[] = [];
	const walk = (node: XmlElement) => {
		for (const c of kids(node)) {
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
