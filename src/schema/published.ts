/**
 * A source's publication date as authors write it and as age rules read it, without zod: the deck
 * engine and the library's rules use these without building any schema (`source.ts` re-exports them).
 */
import { isoDate } from './iso-date.ts';
import type { InsightSource } from './source.ts';

/** A source's date as authors write it: `2025-03-14`, or `2025-03` when the day is unknown. */
export function isoPublished(source: Pick<InsightSource, 'published' | 'publishedPrecision'>) {
	const iso = isoDate(source.published);
	return source.publishedPrecision === 'month' ? iso.slice(0, 7) : iso;
}

/**
 * The last day a source may have been published: its date, or the last day of its month when only
 * the month is known. Age rules use it, so a year-month is never judged older than it may be.
 */
export function latestPublished(
	source: Pick<InsightSource, 'published' | 'publishedPrecision'>,
): Date {
	if (source.publishedPrecision !== 'month') return source.published;
	const date = new Date(source.published.getTime());
	date.setUTCMonth(date.getUTCMonth() + 1, 0);
	return date;
}
