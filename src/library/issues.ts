/**
 * Content problems and how they read: the one place that turns schema failures and cross-file
 * rules into `file: field: message` lines. Pure (no file system), so the browser builder shows the
 * same messages as `npm run check`.
 */
import type { z } from 'astro/zod';
import { plural } from './plural.ts';

/** One problem found in the content. */
export interface ContentIssue {
	/** Path of the file, relative to the project root, e.g. `content/insights/foo.mdx`. */
	file: string;
	/** Field path, e.g. `points[4]` or `sources[0].published`; empty for the whole file. */
	field: string;
	/** What was expected, and what was found where that helps. */
	message: string;
	/** Errors fail builds; warnings are editorial advice (`--strict` makes them errors). */
	severity: 'error' | 'warning';
	/** Short id of the rule, for `--json` consumers and tests. */
	rule: string;
}

/** `points[4]`-style path from zod's path segments. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const segment of path) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else out += out ? `.${String(segment)}` : String(segment);
	}
	return out;
}

/** The line a person reads: `file: field: message` (the field is left out for whole-file issues). */
export function formatIssue(issue: ContentIssue): string {
	const prefix = issue.severity === 'warning' ? 'warning: ' : '';
	return issue.field
		? `${issue.file}: ${issue.field}: ${prefix}${issue.message}`
		: `${issue.file}: ${prefix}${issue.message}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	let value = data;
	for (const segment of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[segment];
	}
	return value;
}

function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (value instanceof Date) return 'a date';
	if (typeof value === 'string')
		return value.length > 40 ? `"${value.slice(0, 37)}..."` : `"${value}"`;
	if (typeof value === 'object') return 'an object';
	return String(value);
}

/** How zod's type names read to an author. */
const typeNames: Record<string, string> = {
	array: 'a list',
	object: 'a group of fields',
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	date: 'a date',
};

/** A message for one zod issue, stated as what was expected (and what was found). */
function messageFor(issue: z.core.$ZodIssue, data: unknown): string {
	const found = valueAt(data, issue.path);
	switch (issue.code) {
		case 'invalid_type': {
			const expected = typeNames[issue.expected] ?? issue.expected;
			if (found === undefined) return `required: ${expected} (the field is missing)`;
			return `${expected} (got ${describe(found)})`;
		}
		case 'too_big': {
			const max = issue.maximum as number;
			if (issue.origin === 'string' && typeof found === 'string')
				return `at most ${plural(max, 'character')} (got ${found.trim().length})`;
			if (issue.origin === 'array' && Array.isArray(found))
				return `at most ${plural(max, 'item')} (got ${found.length})`;
			return `at most ${max} (got ${describe(found)})`;
		}
		case 'too_small': {
			const min = issue.minimum as number;
			if (issue.origin === 'string')
				return min <= 1 ? 'some text (it is empty)' : `at least ${plural(min, 'character')}`;
			if (issue.origin === 'array' && Array.isArray(found))
				return `at least ${plural(min, 'item')} (got ${found.length})`;
			return `at least ${min} (got ${describe(found)})`;
		}
		case 'invalid_value':
			return `one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (got ${describe(found)})`;
		case 'unrecognized_keys':
			return `no field named ${issue.keys.map((k) => `"${k}"`).join(', ')} here (check the spelling)`;
		case 'invalid_union': {
			// Unions are dates (a YAML Date or its text) and points (text or a cited point).
			if (issue.path.at(-2) === 'points') {
				return `text, or { text, source, quote } for a point that cites a source (got ${describe(found)})`;
			}
			if (found instanceof Date) return 'a real calendar date';
			const expected =
				issue.path.at(-1) === 'published'
					? 'a date written YYYY-MM-DD, or YYYY-MM when only the month is known'
					: 'a date written YYYY-MM-DD';
			if (found === '') return `${expected} (it is empty)`;
			return `${expected} (got ${describe(found)})`;
		}
		case 'invalid_format': {
			if (issue.format === 'regex')
				return `${issue.message} (${found === '' ? 'it is empty' : `got ${describe(found)}`})`;
			if (issue.format === 'url')
				return `a web address starting with https:// (got ${describe(found)})`;
			if (issue.format === 'email') return `an email address (got ${describe(found)})`;
			return `${issue.format} format (got ${describe(found)})`;
		}
		default:
			return issue.message;
	}
}

/** Minimal view of a zod schema's definition, enough to walk from a path to an object's fields. */
interface SchemaNode {
	_zod: {
		def: {
			type: string;
			shape?: Record<string, SchemaNode>;
			innerType?: SchemaNode;
			in?: SchemaNode;
			element?: SchemaNode;
		};
	};
}

/** The field names of the object `schema` expects at `path`, when the path leads to one. */
export function fieldsAt(schema: unknown, path: readonly PropertyKey[]): string[] | undefined {
	let node = schema as SchemaNode | undefined;
	let rest = [...path];
	for (let guard = 0; node?._zod?.def && guard < 100; guard++) {
		const def = node._zod.def;
		if (def.innerType) node = def.innerType;
		else if (def.type === 'pipe') node = def.in;
		else if (def.type === 'array' && typeof rest[0] === 'number') {
			node = def.element;
			rest = rest.slice(1);
		} else if (def.type === 'object' && def.shape) {
			if (!rest.length) return Object.keys(def.shape);
			node = def.shape[String(rest[0])];
			rest = rest.slice(1);
		} else return undefined;
	}
	return undefined;
}

/** One issue per unknown field, named by its own path, with the nearest known field when close. */
function unknownFieldIssues(
	file: string,
	issue: z.core.$ZodIssueUnrecognizedKeys,
	prefix: PropertyKey[],
	schema: unknown,
): ContentIssue[] {
	const known = fieldsAt(schema, issue.path);
	return issue.keys.map((key) => {
		const hint = known ? nearest(key, known) : undefined;
		let message = `a known field (no field named "${key}" here; check the spelling)`;
		if (hint) message = `a known field (no field named "${key}"; did you mean "${hint}"?)`;
		else if (known && known.length <= 10)
			message = `one of the fields ${known.join(', ')} (no field named "${key}")`;
		return {
			file,
			field: formatPath([...prefix, ...issue.path, key]),
			message,
			severity: 'error',
			rule: 'unknown-field',
		};
	});
}

/**
 * Issues for every zod failure in `file`; `data` is the parsed input, for "got ..." details, and
 * `schema` (optional) the schema that failed, so an unknown field can suggest the one meant.
 */
export function issuesFromZod(
	file: string,
	error: z.ZodError,
	data: unknown,
	prefix: PropertyKey[] = [],
	schema?: z.ZodType,
): ContentIssue[] {
	return error.issues.flatMap((issue): ContentIssue[] =>
		issue.code === 'unrecognized_keys'
			? unknownFieldIssues(file, issue, prefix, schema)
			: [
					{
						file,
						field: formatPath([...prefix, ...issue.path]),
						message: messageFor(issue, data),
						severity: 'error',
						rule: issue.code === 'custom' ? 'rule' : 'schema',
					},
				],
	);
}

/** Edit distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let diagonal = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const above = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
			diagonal = above;
		}
	}
	return row[b.length]!;
}

/** The known id closest to `id`, if one is close enough to be a likely typo. */
export function nearest(id: string, known: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	const words = id.split('-').length;
	for (const candidate of known) {
		// Also compare with the candidate's first words, so "nortwind" finds "northwind-health-cfo";
		// the extra 1 keeps a close match on the whole id ahead of a prefix match.
		const prefix = candidate.split('-').slice(0, words).join('-');
		const d = Math.min(
			distance(id, candidate),
			prefix === candidate ? Infinity : distance(id, prefix) + 1,
		);
		if (d < bestDistance) [best, bestDistance] = [candidate, d];
	}
	const limit = Math.max(2, Math.floor(id.length / 3));
	const containment = best !== undefined && (best.includes(id) || id.includes(best));
	return best !== undefined && (bestDistance <= limit || containment) ? best : undefined;
}

/** ` (did you mean "x"?)` when a known id is close, else an empty string. */
export function didYouMean(id: string, known: Iterable<string>): string {
	const hint = nearest(id, known);
	return hint ? ` (did you mean "${hint}"?)` : '';
}
