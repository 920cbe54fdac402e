/**
 * Building blocks shared by every content schema: ids, dates, bounded text.
 * Plain zod (via `astro/zod`), no `astro:*` imports, so scripts, tests and the browser can use them.
 */
import { z } from 'astro/zod';
import { isoDate } from './iso-date.ts';

export { isoDate };

/** Lowercase words joined by hyphens: the form of every id in the library (files, taxonomy, topics). */
export const idSchema = z
	.string()
	.regex(
		/^[a-z0-9]+(?:-[a-z0-9]+)*$/,
		'a lowercase id made of words joined by hyphens, e.g. "net-revenue-retention"',
	);

/**
 * A calendar date written `YYYY-MM-DD`. YAML parsers disagree on whether that is a string or a
 * `Date` (Astro's parser makes a Date, the `yaml` package a string), so both are accepted and the
 * result is always a `Date` at UTC midnight.
 */
export const dateSchema = z
	.union([
		z.date(),
		z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD, e.g. 2026-03-31'),
	])
	.transform((value, ctx) => {
		const date = value instanceof Date ? value : new Date(`${value}T00:00:00Z`);
		// `new Date('2026-02-30')` is 2 March: a date that does not read back the same is not real.
		if (Number.isNaN(date.getTime()) || (typeof value === 'string' && isoDate(date) !== value)) {
			ctx.addIssue({
				code: 'custom',
				message: `a real calendar date written YYYY-MM-DD (got "${typeof value === 'string' ? value : 'an invalid date'}")`,
			});
			return z.NEVER;
		}
		return date;
	});

/** Non-empty text, trimmed, at most `max` characters: limits exist so every text fits its slide box. */
export const text = (max: number) => z.string().trim().min(1, 'some text').max(max);
