/**
 * Sizes as data: what a schema allows at each place in a value (see `sizeShape` in `limits.ts`),
 * and cutting a value to them. No zod here, so the builder's page can cut a saved draft or a
 * share link before the schemas load.
 */

/** What a schema allows at one place in a value, as far as sizes go. */
export type SizeShape =
	| { kind: 'object'; fields: Record<string, SizeShape> }
	| { kind: 'list'; min?: number; max?: number; item: SizeShape }
	| { kind: 'text'; min?: number; max?: number }
	| { kind: 'other' };

/** What a value lost to {@link capToShape}: one `field: what` line per cut. */
export interface Cut {
	/** Field path, e.g. `prospect.audience`. */
	field: string;
	/** Length before the cut. */
	had: number;
	/** Length after it. */
	kept: number;
	/** What was cut. */
	unit: 'items' | 'characters';
}

/**
 * `value` with every list and text cut to the lengths `shape` allows, before any other work is done
 * on it. Fields the shape does not know are kept as they are (the schema reports them). Returns
 * what was cut, so callers can say so.
 *
 * `textFactor` lets texts run that many times their limit: a draft a little over a limit is
 * kept whole, for its author to shorten where the checks say, while a megabyte is still cut.
 */
export function capToShape(
	value: unknown,
	shape: SizeShape,
	{ textFactor = 1 }: { textFactor?: number } = {},
): { value: unknown; cuts: Cut[] } {
	const cuts: Cut[] = [];
	const walk = (node: unknown, at: SizeShape, field: string): unknown => {
		if (at.kind === 'text' && typeof node === 'string' && at.max !== undefined) {
			const max = at.max * textFactor;
			// Whitespace is trimmed by the schema, so it does not count against the limit.
			if (node.length <= max || node.trim().length <= max) return node;
			cuts.push({ field, had: node.length, kept: max, unit: 'characters' });
			return node.trim().slice(0, max);
		}
		if (at.kind === 'list' && Array.isArray(node)) {
			let items = node;
			if (at.max !== undefined && node.length > at.max) {
				cuts.push({ field, had: node.length, kept: at.max, unit: 'items' });
				items = node.slice(0, at.max);
			}
			return items.map((item, index) => walk(item, at.item, `${field}[${index}]`));
		}
		if (at.kind === 'object' && node && typeof node === 'object' && !Array.isArray(node)) {
			const out: Record<string, unknown> = {};
			for (const [key, child] of Object.entries(node)) {
				const next = Object.hasOwn(at.fields, key) ? at.fields[key]! : { kind: 'other' as const };
				out[key] = walk(child, next, field ? `${field}.${key}` : key);
			}
			return out;
		}
		return node;
	};
	return { value: walk(value, shape, ''), cuts };
}

/** One short sentence about what {@link capToShape} cut, naming at most three fields. */
export function describeCuts(cuts: readonly Cut[]): string {
	if (!cuts.length) return '';
	const named = cuts
		.slice(0, 3)
		.map(
			(cut) => `${cut.field} (${cut.had.toLocaleString('en-US')} ${cut.unit}, kept ${cut.kept})`,
		);
	const more = cuts.length > 3 ? ` and ${cuts.length - 3} more` : '';
	return `Cut to the limits a briefing allows: ${named.join(', ')}${more}.`;
}
