/**
 * A quick reader for the plain YAML most content files are written in: block mappings and
 * sequences of one-line scalars, as `npm run new:insight` and every example write them. Reading
 * a library was more than half YAML parsing with the `yaml` package, which builds a syntax tree,
 * a document and its nodes before it gives the data.
 *
 * It never decides what a file means on its own: anything outside the plain subset (flow
 * collections, anchors, tags, block or multi-line scalars, escapes, numbers other than whole
 * numbers, comments after text, tabs, a repeated key...) makes it answer `undefined`, and the
 * caller parses the file with the `yaml` package, which also finds and words every error. What it
 * does answer is what `yaml`'s `parseDocument(...).toJS()` gives for the same text, which
 * tests/plain-yaml.test.ts checks on every content file, the bench corpus and generated texts.
 */

/** One line with content: its indentation (spaces) and its text without them. */
interface Line {
	indent: number;
	text: string;
}

/** Thrown inside the reader for text outside the subset (caught in {@link readPlainYaml}). */
const outside = Symbol('outside the plain subset');

/** A mapping key: a word of letters, digits, `_` and `-`, then `:` and a value or the line's end. */
const keyLine = /^([A-Za-z_][A-Za-z0-9_-]{0,99}):(?: +(.*))?$/;

/** Words YAML's core schema reads as null or booleans, so they are not plain string keys. */
const reservedKeys = new Set([
	'null',
	'Null',
	'NULL',
	'true',
	'True',
	'TRUE',
	'false',
	'False',
	'FALSE',
	'__proto__',
]);

/** Characters that start something other than a plain scalar. */
const specialStart = /^[-?:,[\]{}#&*!|>'"%@`]/;

/**
 * What the core schema reads as something other than text (the `yaml` package's own tests for
 * null, booleans, integers and floats): such scalars, but the plainest, are left to `yaml`.
 */
const coreNonText = [
	/^(?:~|[Nn]ull|NULL)?$/,
	/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
	/^0o[0-7]+$/,
	/^[-+]?[0-9]+$/,
	/^0x[0-9a-fA-F]+$/,
	/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
	/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** Characters `yaml` reads otherwise or may refuse: controls, tabs, CR, BOM, line separators. */
// eslint-disable-next-line no-control-regex
const unsupported = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]/;

/** Lines with content; blank lines and comment lines starting in the first column left out. */
function contentLines(source: string): Line[] {
	const lines: Line[] = [];
	for (const raw of source.split('\n')) {
		let end = raw.length;
		while (end > 0 && raw.charCodeAt(end - 1) === 32) end--;
		let indent = 0;
		while (indent < end && raw.charCodeAt(indent) === 32) indent++;
		if (indent === end) continue;
		if (raw.charCodeAt(indent) === 35 /* # */) {
			if (indent === 0) continue;
			throw outside;
		}
		lines.push({ indent, text: raw.slice(indent, end) });
	}
	return lines;
}

/** An item of a one-line flow sequence: an id, a number or text in double quotes (no commas). */
const flowItem = String.raw`(?:[A-Za-z_][A-Za-z0-9_-]*|-?\d{1,15}(?:\.\d{1,15})?|"[^"\\,]*")`;

/** A one-line flow sequence of such items, such as `[software, cross-industry]` or `["2024", "2025"]`. */
const flowSequence = new RegExp(String.raw`^\[ *(?:${flowItem}(?: *, *${flowItem})*)? *\]$`);

/** A one-line value: a scalar as YAML's core schema reads it, or a flow sequence of ids. */
function scalar(text: string): unknown {
	const first = text.charCodeAt(0);
	if (first === 34 /* " */ || first === 39 /* ' */) {
		const end = text.indexOf(text[0]!, 1);
		if (end !== text.length - 1 || (first === 34 && text.includes('\\'))) throw outside;
		return text.slice(1, end);
	}
	if (first === 91 /* [ */) {
		if (!flowSequence.test(text)) throw outside;
		const items = text.slice(1, -1).trim();
		return items ? items.split(',').map((item) => scalar(item.trim())) : [];
	}
	if (text.includes(': ') || text.endsWith(':') || text.includes(' #')) throw outside;
	// Whole and decimal numbers, as the core schema reads them (`parseInt`, `parseFloat`).
	if (/^-?\d{1,15}(?:\.\d{1,15})?$/.test(text)) return parseFloat(text);
	return plainWord(text);
}

/** A plain scalar that is not a number: null, a boolean or text. */
function plainWord(text: string): unknown {
	switch (text) {
		case 'null':
		case 'Null':
		case 'NULL':
			return null;
		case 'true':
		case 'True':
		case 'TRUE':
			return true;
		case 'false':
		case 'False':
		case 'FALSE':
			return false;
	}
	if (specialStart.test(text) || coreNonText.some((pattern) => pattern.test(text))) throw outside;
	return text;
}

/** Reads the plain subset from a list of content lines. */
class Reader {
	#at = 0;
	readonly #lines: Line[];

	constructor(lines: Line[]) {
		this.#lines = lines;
	}

	/** The whole text: a mapping starting in the first column, and nothing after it. */
	document(): Record<string, unknown> {
		const first = this.#lines[0];
		if (!first || first.indent !== 0) throw outside;
		const data = this.#mapping(0);
		if (this.#at !== this.#lines.length) throw outside;
		return data;
	}

	/** A block mapping whose keys start at column `indent`. */
	#mapping(indent: number): Record<string, unknown> {
		const data: Record<string, unknown> = {};
		for (let line = this.#lines[this.#at]; line; line = this.#lines[this.#at]) {
			if (line.indent < indent) break;
			if (line.indent > indent) throw outside;
			const match = keyLine.exec(line.text);
			if (!match) throw outside;
			const key = match[1]!;
			if (reservedKeys.has(key) || Object.hasOwn(data, key)) throw outside;
			this.#at++;
			data[key] = match[2] === undefined ? this.#nested(indent) : this.#last(match[2], indent);
		}
		return data;
	}

	/** A one-line scalar that no more deeply indented line may continue. */
	#last(text: string, indent: number): unknown {
		const value = scalar(text);
		const next = this.#lines[this.#at];
		if (next && next.indent > indent) throw outside;
		return value;
	}

	/** The value of a key (at column `indent`) written on the lines below it, or null. */
	#nested(indent: number): unknown {
		const next = this.#lines[this.#at];
		if (!next || next.indent < indent) return null;
		const item = next.text === '-' || next.text.startsWith('- ');
		if (item) return this.#sequence(next.indent);
		if (next.indent === indent) return null;
		return this.#mapping(next.indent);
	}

	/** A block sequence whose dashes are in column `indent`. */
	#sequence(indent: number): unknown[] {
		const items: unknown[] = [];
		for (let line = this.#lines[this.#at]; line; line = this.#lines[this.#at]) {
			if (line.indent < indent) break;
			if (line.indent > indent || !line.text.startsWith('- ')) break;
			let start = 2;
			while (line.text.charCodeAt(start) === 32) start++;
			const text = line.text.slice(start);
			if (text === '-' || text.startsWith('- ')) throw outside;
			if (keyLine.test(text)) {
				// A mapping in the item: its keys start where the first one does.
				this.#lines[this.#at] = { indent: indent + start, text };
				items.push(this.#mapping(indent + start));
			} else {
				this.#at++;
				items.push(this.#last(text, indent));
			}
		}
		const next = this.#lines[this.#at];
		if (next && next.indent > indent) throw outside;
		return items;
	}
}

/**
 * The data of `source` when it is plain YAML (see above): a mapping at the top, exactly what the
 * `yaml` package would give. `undefined` for anything else, including every text `yaml` would
 * refuse or warn about.
 */
export function readPlainYaml(source: string): Record<string, unknown> | undefined {
	if (unsupported.test(source)) return undefined;
	try {
		return new Reader(contentLines(source)).document();
	} catch (error) {
		if (error === outside) return undefined;
		throw error;
	}
}
