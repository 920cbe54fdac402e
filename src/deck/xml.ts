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

const predefined = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** A character that may start an XML name (ASCII letters, `_`, `:` and anything non-ASCII). */
function isNameStart(code: number): boolean {
	return (
		(code >= 97 && code <= 122) ||
		(code >= 65 && code <= 90) ||
		code === 95 ||
		code === 58 ||
		code >= 0xc0
	);
}

/** A character that may continue an XML name. */
function isNameChar(code: number): boolean {
	return (
		isNameStart(code) || (code >= 48 && code <= 57) || code === 45 || code === 46 || code === 0xb7
	);
}

function isSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Why character data (text or an attribute value) is not well-formed, or undefined. */
function textProblem(text: string, from: number, to: number): string | undefined {
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		if (code < 32 && code !== 9 && code !== 10 && code !== 13) return 'a control character';
		if (code === 60) return 'a "<"';
		if (code === 38) {
			const semi = text.indexOf(';', i);
			if (semi < 0 || semi > to || semi - i > 12) return 'an unterminated entity';
			const name = text.slice(i + 1, semi);
			if (!predefined.has(name) && !/^#(\d+|x[0-9A-Fa-f]+)$/.test(name))
				return `an unknown entity "&${name};"`;
			i = semi;
		}
	}
	return undefined;
}

/**
 * {@link textProblem} for a part without control characters (checked once for the whole part):
 * only "<" and "&" can be wrong, found with `indexOf` instead of character by character. Ranges
 * must be asked for in document order: the next "&" is searched for again only once passed (a
 * search from every text node to the end of the part would be quadratic in its size).
 */
function markupChecker(text: string): (from: number, to: number) => string | undefined {
	let amp = text.indexOf('&');
	return (from, to) => {
		if (amp >= 0 && amp < from) amp = text.indexOf('&', from);
		let lt = text.indexOf('<', from);
		if (lt >= to) lt = -1;
		const stop = lt < 0 ? to : lt;
		while (amp >= 0 && amp < stop) {
			const semi = text.indexOf(';', amp);
			if (semi < 0 || semi > to || semi - amp > 12) return 'an unterminated entity';
			const name = text.slice(amp + 1, semi);
			if (!predefined.has(name) && !/^#(\d+|x[0-9A-Fa-f]+)$/.test(name))
				return `an unknown entity "&${name};"`;
			amp = text.indexOf('&', semi + 1);
		}
		return lt < 0 ? undefined : 'a "<"';
	};
}

/** Why `text` is not well-formed XML, or undefined when it is. */
export function xmlError(text: string): string | undefined {
	let i = 0;
	const n = text.length;
	const stack: string[] = [];
	let rootSeen = false;
	let cdataEnd = text.indexOf(']]>');
	// eslint-disable-next-line no-control-regex
	const markup = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)
		? undefined
		: markupChecker(text);
	const problemIn = (from: number, to: number) =>
		markup ? markup(from, to) : textProblem(text, from, to);
	const fail = (message: string) => {
		const line = text.slice(0, i).split('\n').length;
		return `${message} (line ${line}, offset ${i})`;
	};
	const readName = (): string | undefined => {
		const start = i;
		if (i >= n || !isNameStart(text.charCodeAt(i))) return undefined;
		i++;
		while (i < n && isNameChar(text.charCodeAt(i))) i++;
		return text.slice(start, i);
	};
	const skipSpace = () => {
		while (i < n && isSpace(text.charCodeAt(i))) i++;
	};

	if (text.charCodeAt(0) === 0xfeff) i = 1;
	if (text.startsWith('<?xml', i)) {
		const end = text.indexOf('?>', i);
		if (end < 0) return fail('an unterminated XML declaration');
		i = end + 2;
	}
	while (i < n) {
		const lt = text.indexOf('<', i);
		const end = lt < 0 ? n : lt;
		if (!stack.length) {
			for (let j = i; j < end; j++) {
				if (!isSpace(text.charCodeAt(j))) {
					i = j;
					return fail('text outside the root element');
				}
			}
		} else {
			const problem = problemIn(i, end);
			if (problem) return fail(`${problem} in text`);
			// The next "]]>" at or after i, found again only once i has passed it (searching from
			// every text node to the end of the part made the check quadratic in the part's size).
			if (cdataEnd >= 0 && cdataEnd < i) cdataEnd = text.indexOf(']]>', i);
			if (cdataEnd >= 0 && cdataEnd < end) return fail('"]]>" in text');
		}
		if (lt < 0) break;
		i = lt;
		const next = text.charCodeAt(i + 1);
		if (next === 33 /* ! */) {
			if (text.startsWith('<!--', i)) {
				const close = text.indexOf('-->', i + 4);
				if (close < 0) return fail('an unterminated comment');
				i = close + 3;
				continue;
			}
			if (text.startsWith('<![CDATA[', i)) {
				if (!stack.length) return fail('CDATA outside the root element');
				const close = text.indexOf(']]>', i);
				if (close < 0) return fail('an unterminated CDATA section');
				i = close + 3;
				continue;
			}
			return fail('a DOCTYPE or declaration (not allowed in OOXML parts)');
		}
		if (next === 63 /* ? */) {
			const close = text.indexOf('?>', i);
			if (close < 0) return fail('an unterminated processing instruction');
			i = close + 2;
			continue;
		}
		if (next === 47 /* / */) {
			i += 2;
			const name = readName();
			if (!name) return fail('a malformed end tag');
			skipSpace();
			if (text.charCodeAt(i) !== 62) return fail(`a malformed end tag </${name}`);
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
		let attributes: string[] | undefined;
		for (;;) {
			const before = i;
			skipSpace();
			const code = text.charCodeAt(i);
			if (code === 62 /* > */) {
				i++;
				stack.push(name);
				break;
			}
			if (code === 47 /* / */ && text.charCodeAt(i + 1) === 62) {
				i += 2;
				break;
			}
			if (i === before) return fail(`no space between attributes in <${name}>`);
			const attribute = readName();
			if (!attribute) return fail(`a malformed attribute in <${name}>`);
			attributes ??= [];
			if (attributes.includes(attribute)) return fail(`attribute ${attribute} twice in <${name}>`);
			attributes.push(attribute);
			skipSpace();
			if (text.charCodeAt(i) !== 61 /* = */)
				return fail(`attribute ${attribute} without a value in <${name}>`);
			i++;
			skipSpace();
			const quote = text[i];
			if (quote !== '"' && quote !== "'")
				return fail(`an unquoted value for ${attribute} in <${name}>`);
			const close = text.indexOf(quote, i + 1);
			if (close < 0) return fail(`an unterminated value for ${attribute}`);
			const problem = problemIn(i + 1, close);
			if (problem) return fail(`${problem} in the value of ${attribute}`);
			i = close + 1;
		}
	}
	if (stack.length) return fail(`<${stack[stack.length - 1]}> is never closed`);
	if (!rootSeen) return fail('no root element');
	return undefined;
}
