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

/**
 * An XML name, by UTF-16 code unit: it starts with an ASCII letter, `_`, `:` or anything from
 * U+00C0 on, and goes on with those, digits, `-`, `.` and U+00B7.
 */
const xmlName = /[A-Za-z_:\u00C0-\uFFFF][A-Za-z0-9_:.\u00B7\u00C0-\uFFFF-]*/y;
const whiteSpace = /[ \t\n\r]+/y;

/** The XML name at `i` ('' when none starts there). */
function nameAt(text: string, i: number): string {
	xmlName.lastIndex = i;
	return xmlName.test(text) ? text.slice(i, xmlName.lastIndex) : '';
}

/** Where the XML name at `i` ends (`i` when none starts there). */
function nameEndAt(text: string, i: number): number {
	xmlName.lastIndex = i;
	return xmlName.test(text) ? xmlName.lastIndex : i;
}

/** Whether the `length` characters at `a` and at `b` are the same. */
function sameAt(text: string, a: number, b: number, length: number): boolean {
	for (let k = 0; k < length; k++)
		if (text.charCodeAt(a + k) !== text.charCodeAt(b + k)) return false;
	return true;
}

/** The first position at or after `i` that is not white space. */
function spaceEnd(text: string, i: number): number {
	whiteSpace.lastIndex = i;
	return whiteSpace.test(text) ? whiteSpace.lastIndex : i;
}

/** `message` with the line and offset of `at`. */
function failAt(text: string, at: number, message: string): string {
	const line = text.slice(0, at).split('\n').length;
	return `${message} (line ${line}, offset ${at})`;
}

/**
 * What {@link xmlError} reads, told as it goes, so a reader can build a part's tree in the same
 * pass (the deck audit reads the parts the writer has just checked). Positions are in the text;
 * character data is told only inside the root element. Told before the check has finished: use
 * what was built only when `xmlError` found nothing.
 */
export interface XmlSink {
	/**
	 * A start tag `name`; its text after the name runs from `nameEnd` to `end`, its closing `>`
	 * (`/` included for an `empty` element, which is not closed).
	 */
	open(name: string, nameEnd: number, end: number, empty: boolean): void;
	/** The end tag of the element last opened. */
	close(): void;
	/** Character data from `from` to `to`, entities not decoded. */
	text(from: number, to: number): void;
	/** The content of a CDATA section. */
	cdata(from: number, to: number): void;
	/** A processing instruction or the XML declaration, from its `<` to after its `?>`. */
	instruction(from: number, to: number): void;
}

/**
 * Why `text` is not well-formed XML, or undefined when it is; `sink` is told what is read (see
 * {@link XmlSink}). Names and white space are read with sticky regular expressions, not character
 * by character: every part of a deck is checked, and in a fresh process (the one-deck CLI) a
 * JavaScript loop runs interpreted while a regular expression runs compiled code (a deck's check
 * 0.72x the CPU cold, 0.7x warm).
 */
export function xmlError(text: string, sink?: XmlSink): string | undefined {
	let i = 0;
	const n = text.length;
	const stack: string[] = [];
	/** Where the attribute names of the start tag being read start and end. */
	const attributeStarts: number[] = [];
	const attributeEnds: number[] = [];
	let rootSeen = false;
	let cdataEnd = text.indexOf(']]>');
	// eslint-disable-next-line no-control-regex
	const markup = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)
		? undefined
		: markupChecker(text);

	if (text.charCodeAt(0) === 0xfeff) i = 1;
	if (text.startsWith('<?xml', i)) {
		const end = text.indexOf('?>', i);
		if (end < 0) return failAt(text, i, 'an unterminated XML declaration');
		sink?.instruction(i, end + 2);
		i = end + 2;
	}
	while (i < n) {
		const lt = text.indexOf('<', i);
		const end = lt < 0 ? n : lt;
		if (!stack.length) {
			for (let j = i; j < end; j++) {
				if (!isSpace(text.charCodeAt(j))) return failAt(text, j, 'text outside the root element');
			}
		} else {
			const problem = markup ? markup(i, end) : textProblem(text, i, end);
			if (problem) return failAt(text, i, `${problem} in text`);
			// The next "]]>" at or after i, found again only once i has passed it (searching from
			// every text node to the end of the part made the check quadratic in the part's size).
			if (cdataEnd >= 0 && cdataEnd < i) cdataEnd = text.indexOf(']]>', i);
			if (cdataEnd >= 0 && cdataEnd < end) return failAt(text, i, '"]]>" in text');
			if (sink && end > i) sink.text(i, end);
		}
		if (lt < 0) break;
		i = lt;
		const next = text.charCodeAt(i + 1);
		if (next === 33 /* ! */) {
			if (text.startsWith('<!--', i)) {
				const close = text.indexOf('-->', i + 4);
				if (close < 0) return failAt(text, i, 'an unterminated comment');
				i = close + 3;
				continue;
			}
			if (text.startsWith('<![CDATA[', i)) {
				if (!stack.length) return failAt(text, i, 'CDATA outside the root element');
				const close = text.indexOf(']]>', i);
				if (close < 0) return failAt(text, i, 'an unterminated CDATA section');
				sink?.cdata(i + 9, close);
				i = close + 3;
				continue;
			}
			return failAt(text, i, 'a DOCTYPE or declaration (not allowed in OOXML parts)');
		}
		if (next === 63 /* ? */) {
			const close = text.indexOf('?>', i);
			if (close < 0) return failAt(text, i, 'an unterminated processing instruction');
			sink?.instruction(i, close + 2);
			i = close + 2;
			continue;
		}
		if (next === 47 /* / */) {
			i += 2;
			const name = nameAt(text, i);
			if (!name) return failAt(text, i, 'a malformed end tag');
			i += name.length;
			i = spaceEnd(text, i);
			if (text.charCodeAt(i) !== 62) return failAt(text, i, `a malformed end tag </${name}`);
			i++;
			const open = stack.pop();
			if (open !== name) return failAt(text, i, `</${name}> closing <${open ?? 'nothing'}>`);
			sink?.close();
			continue;
		}
		i++;
		const name = nameAt(text, i);
		if (!name) return failAt(text, i, 'a malformed start tag');
		i += name.length;
		if (!stack.length) {
			if (rootSeen) return failAt(text, i, 'a second root element');
			rootSeen = true;
		}
		const nameEnd = i;
		// The tag's attribute names as positions, not strings: only a duplicate or an error needs
		// one as a string (a deck's parts hold tens of thousands of attributes).
		let attributeCount = 0;
		for (;;) {
			const before = i;
			i = spaceEnd(text, i);
			const code = text.charCodeAt(i);
			if (code === 62 /* > */) {
				sink?.open(name, nameEnd, i, false);
				i++;
				stack.push(name);
				break;
			}
			if (code === 47 /* / */ && text.charCodeAt(i + 1) === 62) {
				sink?.open(name, nameEnd, i + 1, true);
				i += 2;
				break;
			}
			if (i === before) return failAt(text, i, `no space between attributes in <${name}>`);
			const attributeStart = i;
			i = nameEndAt(text, i);
			if (i === attributeStart) return failAt(text, i, `a malformed attribute in <${name}>`);
			const attributeEnd = i;
			const length = attributeEnd - attributeStart;
			for (let k = 0; k < attributeCount; k++) {
				const start = attributeStarts[k]!;
				if (attributeEnds[k]! - start === length && sameAt(text, start, attributeStart, length))
					return failAt(
						text,
						i,
						`attribute ${text.slice(attributeStart, attributeEnd)} twice in <${name}>`,
					);
			}
			attributeStarts[attributeCount] = attributeStart;
			attributeEnds[attributeCount] = attributeEnd;
			attributeCount++;
			i = spaceEnd(text, i);
			if (text.charCodeAt(i) !== 61 /* = */)
				return failAt(
					text,
					i,
					`attribute ${text.slice(attributeStart, attributeEnd)} without a value in <${name}>`,
				);
			i++;
			i = spaceEnd(text, i);
			const quote = text[i];
			if (quote !== '"' && quote !== "'")
				return failAt(
					text,
					i,
					`an unquoted value for ${text.slice(attributeStart, attributeEnd)} in <${name}>`,
				);
			const close = text.indexOf(quote, i + 1);
			if (close < 0)
				return failAt(
					text,
					i,
					`an unterminated value for ${text.slice(attributeStart, attributeEnd)}`,
				);
			const problem = markup ? markup(i + 1, close) : textProblem(text, i + 1, close);
			if (problem)
				return failAt(
					text,
					i,
					`${problem} in the value of ${text.slice(attributeStart, attributeEnd)}`,
				);
			i = close + 1;
		}
	}
	if (stack.length) return failAt(text, i, `<${stack[stack.length - 1]}> is never closed`);
	if (!rootSeen) return failAt(text, i, 'no root element');
	return undefined;
}
