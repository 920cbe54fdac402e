/**
 * Small XML helpers for the deck package: escaping, and a strict well-formedness check (every
 * part is checked before a deck is returned, so a broken part fails the build instead of making
 * PowerPoint "repair" the file).
 */

/** Text or attribute value escaped for XML (also drops characters XML 1.0 forbids). */
export function escapeXml(value: string): string {
	return stripInvalidXmlChars(value)
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** `value` without the control characters XML 1.0 cannot hold (tab, newline, return stay). */
export function stripInvalidXmlChars(value: string): string {
	// eslint-disable-next-line no-control-regex
	return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const nameStart = /[A-Za-z_:\u00C0-\uFFFF]/;
const nameChar = /[A-Za-z0-9_:.\-\u00B7\u00C0-\uFFFF]/;
const predefined = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Why `text` is not well-formed XML, or undefined when it is. */
export function xmlError(text: string): string | undefined {
	let i = 0;
	const n = text.length;
	const stack: string[] = [];
	let rootSeen = false;
	const fail = (message: string) => {
		const line = text.slice(0, i).split('\n').length;
		return `${message} (line ${line}, offset ${i})`;
	};
	const readName = (): string | undefined => {
		const start = i;
		if (i >= n || !nameStart.test(text[i]!)) return undefined;
		i++;
		while (i < n && nameChar.test(text[i]!)) i++;
		return text.slice(start, i);
	};
	const skipSpace = () => {
		while (i < n && /\s/.test(text[i]!)) i++;
	};
	const checkText = (value: string): string | undefined => {
		// eslint-disable-next-line no-control-regex
		if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(value)) return 'a control character';
		for (const match of value.matchAll(/&([^;\s&<]*)(;?)/g)) {
			const [, name = '', semi] = match;
			if (!semi) return `an unterminated entity "&${name}"`;
			if (!predefined.has(name) && !/^#(\d+|x[0-9A-Fa-f]+)$/.test(name))
				return `an unknown entity "&${name};"`;
		}
		return undefined;
	};

	if (text.startsWith('\uFEFF')) i = 1;
	if (text.startsWith('<?xml', i)) {
		const end = text.indexOf('?>', i);
		if (end < 0) return fail('an unterminated XML declaration');
		i = end + 2;
	}
	while (i < n) {
		const lt = text.indexOf('<', i);
		const chunk = text.slice(i, lt < 0 ? n : lt);
		if (!stack.length) {
			if (chunk.trim()) return fail('text outside the root element');
		} else {
			if (chunk.includes('>') && /]]>/.test(chunk)) return fail('"]]>" in text');
			const problem = checkText(chunk);
			if (problem) return fail(`${problem} in text`);
		}
		if (lt < 0) break;
		i = lt;
		if (text.startsWith('<!--', i)) {
			const end = text.indexOf('-->', i + 4);
			if (end < 0) return fail('an unterminated comment');
			i = end + 3;
			continue;
		}
		if (text.startsWith('<![CDATA[', i)) {
			if (!stack.length) return fail('CDATA outside the root element');
			const end = text.indexOf(']]>', i);
			if (end < 0) return fail('an unterminated CDATA section');
			i = end + 3;
			continue;
		}
		if (text.startsWith('<?', i)) {
			const end = text.indexOf('?>', i);
			if (end < 0) return fail('an unterminated processing instruction');
			i = end + 2;
			continue;
		}
		if (text.startsWith('<!', i))
			return fail('a DOCTYPE or declaration (not allowed in OOXML parts)');
		if (text[i + 1] === '/') {
			i += 2;
			const name = readName();
			if (!name) return fail('a malformed end tag');
			skipSpace();
			if (text[i] !== '>') return fail(`a malformed end tag </${name}`);
			i++;
			const open = stack.pop();
			if (open !== name) return fail(`</${name}> closing <${open ?? 'nothing'}>`);
			continue;
		}
		i++;
		const name = readName();
		if (!name) return fail('a malformed start tag');
		if (!stack.length) {
			if (rootSeen) return fail('a second root element');
			rootSeen = true;
		}
		const attributes = new Set<string>();
		for (;;) {
			const before = i;
			skipSpace();
			if (text[i] === '>') {
				i++;
				stack.push(name);
				break;
			}
			if (text.startsWith('/>', i)) {
				i += 2;
				break;
			}
			if (i === before) return fail(`no space between attributes in <${name}>`);
			const attribute = readName();
			if (!attribute) return fail(`a malformed attribute in <${name}>`);
			if (attributes.has(attribute)) return fail(`attribute ${attribute} twice in <${name}>`);
			attributes.add(attribute);
			skipSpace();
			if (text[i] !== '=') return fail(`attribute ${attribute} without a value in <${name}>`);
			i++;
			skipSpace();
			const quote = text[i];
			if (quote !== '"' && quote !== "'")
				return fail(`an unquoted value for ${attribute} in <${name}>`);
			const end = text.indexOf(quote, i + 1);
			if (end < 0) return fail(`an unterminated value for ${attribute}`);
			const value = text.slice(i + 1, end);
			if (value.includes('<')) return fail(`"<" in the value of ${attribute}`);
			const problem = checkText(value);
			if (problem) return fail(`${problem} in the value of ${attribute}`);
			i = end + 1;
		}
	}
	if (stack.length) return fail(`<${stack[stack.length - 1]}> is never closed`);
	if (!rootSeen) return fail('no root element');
	return undefined;
}
