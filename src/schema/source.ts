/**
 * Where an insight's evidence comes from, and how a figure cites it. The rules keep a figure
 * checkable by a sceptical reader: every source can be found (a web address, or a stated reason why
 * there is none), and its date claims no more than is known (a year-month when the day is unknown).
 */
import { z } from 'astro/zod';
import { isoDate, text } from './common.ts';
import { isoPublished, latestPublished } from './published.ts';

export { isoPublished, latestPublished };

/** How much of a publication date is known: the day, or only the month. */
export type DatePrecision = 'day' | 'month';

/** A source's publication date as written: `YYYY-MM-DD`, or `YYYY-MM` when the day is unknown. */
export const publishedPattern = /^\d{4}-\d{2}(?:-\d{2})?$/;

/** Longest supporting passage a point or stat may quote: a sentence or two, not a page. */
export const quoteLimit = 300;

/**
 * A publication date: `YYYY-MM-DD`, or `YYYY-MM` when only the month is known. The result is the
 * date (the month's first day for a year-month, at UTC midnight) and how much of it is known, so
 * no page or slide shows a day the source never stated.
 *
 * 1 January is refused: it is the classic stand-in for "some time that year", and a reader cannot
 * tell it from a real date. A source really dated 1 January loses nothing by being written
 * `YYYY-01`, since slides and pages show month and year.
 */
export const publishedSchema = z
	.union([
		z.date(),
		z
			.string()
			.regex(
				publishedPattern,
				'a date written YYYY-MM-DD, or YYYY-MM when only the month is known (a year alone is not enough: find the month on the source)',
			),
	])
	.transform((value, ctx): { date: Date; precision: DatePrecision } => {
		const precision: DatePrecision =
			typeof value === 'string' && value.length === 7 ? 'month' : 'day';
		const written = value instanceof Date ? isoDate(value) : value;
		const date =
			value instanceof Date
				? value
				: new Date(`${precision === 'month' ? `${value}-01` : value}T00:00:00Z`);
		// `new Date('2026-02-30')` is 2 March: a date that does not read back the same is not real.
		if (Number.isNaN(date.getTime()) || isoDate(date).slice(0, written.length) !== written) {
			ctx.addIssue({
				code: 'custom',
				message: `a real calendar date written YYYY-MM-DD, or YYYY-MM (got "${written}")`,
			});
			return z.NEVER;
		}
		if (precision === 'day' && written.endsWith('-01-01')) {
			ctx.addIssue({
				code: 'custom',
				message: `the day the source was published, or ${written.slice(0, 7)} if only the month is known (1 January is the usual stand-in for an unknown date; find the real one on the source)`,
			});
			return z.NEVER;
		}
		return { date, precision };
	});

/** The fields of a source, before the rules that span them (prompts validate one field at a time). */
export const sourceFields = z.strictObject({
	/** Title of the report, article or dataset. */
	title: text(200).describe('Title of the report, article or dataset, as published.'),
	/** Who published it, e.g. "McKinsey & Company". */
	publisher: text(100).describe(
		'Who published it, e.g. "McKinsey & Company" or "US Bureau of Labor Statistics".',
	),
	/** Where a reader can find it; required unless `offline` is true. */
	url: z
		.url({ protocol: /^https?$/ })
		.optional()
		.describe(
			'Where a reader can find it: a web address starting with https://. Required unless offline is true.',
		),
	/** True for a source with no web address (a printed book, a dataset sold on request). */
	offline: z
		.boolean()
		.optional()
		.describe(
			'true for a source with no web address (a printed book, a dataset sold on request); give the reason.',
		),
	/** Why an offline source has no web address, and how a reader can get it. */
	reason: text(200)
		.optional()
		.describe(
			'With offline: true, why there is no web address and how a reader can get the source.',
		),
	/** When it was published: `YYYY-MM-DD`, or `YYYY-MM` when the day is unknown. */
	published: publishedSchema.describe(
		'When it was published: YYYY-MM-DD, or YYYY-MM when the day is unknown (never a stand-in day such as 1 January).',
	),
	/** True when the source is one edition of a survey or report published every year. */
	annual: z
		.boolean()
		.optional()
		.describe(
			'true when the source is one edition of a survey or report published every year (the insight then needs expires); false when it is not.',
		),
	/** True when a figure citing this source is an illustration, not a published finding. */
	illustrative: z
		.boolean()
		.default(false)
		.describe('true when a figure citing this source is an illustration, not a published finding.'),
});

/** Where a piece of evidence comes from. */
export const sourceSchema = sourceFields
	.superRefine((source, ctx) => {
		if (source.offline && source.url) {
			ctx.addIssue({
				code: 'custom',
				path: ['offline'],
				message: 'offline only for a source with no url (remove one of the two)',
			});
		} else if (!source.offline && !source.url) {
			ctx.addIssue({
				code: 'custom',
				path: ['url'],
				message:
					'required: a web address starting with https:// where a reader can check the source (or offline: true with a reason, for a source that is not on the web)',
			});
		}
		if (source.offline && !source.url && !source.reason) {
			ctx.addIssue({
				code: 'custom',
				path: ['reason'],
				message: 'required with offline: true: why there is no web address and how to get it',
			});
		} else if (!source.offline && source.reason) {
			ctx.addIssue({
				code: 'custom',
				path: ['reason'],
				message: 'reason only with offline: true (remove it, or mark the source offline)',
			});
		}
	})
	.transform(
		({
			published,
			...source
		}): Omit<z.output<typeof sourceFields>, 'published'> & {
			/** Publication date (the month's first day when only the month is known). */
			published: Date;
			/** `month` when only the month is known (show month and year, never a day); else `day`. */
			publishedPrecision?: DatePrecision;
		} => ({ ...source, published: published.date, publishedPrecision: published.precision }),
	);

/** A short passage from a source, quoted to show where a figure comes from. */
const quoteSchema = text(quoteLimit).describe(
	`The passage of the source that supports it, word for word (at most ${quoteLimit} characters); shown in the speaker notes.`,
);

/** Index into `sources` (0 is the first). */
export const sourceIndexSchema = z.number().int().min(0);

/** A point that cites its source: the bullet's text, the source's index and the passage. */
export const citedPointSchema = (max: number) =>
	z.strictObject({
		/** The bullet as it reads. */
		text: text(max).describe(`The bullet as it reads (at most ${max} characters).`),
		/** Index into `sources` of the source that supports it. */
		source: sourceIndexSchema.describe(
			'Index into sources of the source that supports it: 0 is the first source.',
		),
		/** The supporting passage, word for word. */
		quote: quoteSchema.optional(),
	});

/** Where one point's evidence is: a source index and, optionally, the supporting passage. */
export interface Citation {
	/** Index into `sources`. */
	source: number;
	/** The passage of the source that supports the point or stat. */
	quote?: string | undefined;
}

export { quoteSchema };

export type InsightSource = z.infer<typeof sourceSchema>;
export type InsightSourceInput = z.input<typeof sourceSchema>;
