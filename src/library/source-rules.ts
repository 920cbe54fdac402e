/**
 * Editorial warnings about the evidence itself: whether an insight's sources were still current
 * when it was reviewed, whether a date agrees with the source's own address, and whether an
 * insight built on one edition of an annual survey says when the next edition replaces it.
 *
 * Rules, each with its `rule` id:
 * - `source-older-than-review`: a source published more than 24 months before the insight's
 *   `reviewed` date (a year-month counts as its month's last day, so it is never judged older
 *   than it may be).
 * - `annual-without-expiry`: a source marked `annual: true` in an insight with no `expires`.
 * - `annual-unmarked`: a source whose title reads like one edition of a recurring report (a year
 *   in the title, "annual", "survey", "state of", "index", "barometer") and that says neither
 *   `annual: true` nor `annual: false`.
 * - `source-date-mismatch`: a source whose web address carries a date (`/2025/03/` or
 *   `2025-03-14`) that disagrees with `published`: usually a stand-in date.
 */
import { isoDate } from '../schema/iso-date.ts';
import { isoPublished, latestPublished } from '../schema/published.ts';
import type { InsightSource } from '../schema/source.ts';
import { addMonths } from './freshness.ts';
import type { ContentIssue } from './issues.ts';
import type { InsightEntry } from './validate.ts';

/** Where the lines are drawn. */
export const sourceLimits = {
	/** A source older than this many months at the insight's review draws a warning. */
	reviewGapMonths: 24,
} as const;

const warning = (file: string, field: string, message: string, rule: string): ContentIssue => ({
	file,
	field,
	message,
	severity: 'warning',
	rule,
});

/** Words and shapes of titles of recurring reports: "2025", "Annual", "Survey", "State of". */
const recurringTitle =
	/\b(?:19|20)\d{2}\b|\bannual\b|\bsurvey\b|\bstate of\b|\bindex\b|\bbarometer\b/i;

/** The year and month (and day, when present) a web address carries in its path, if any. */
export function urlDate(url: string): { year: number; month: number; day?: number } | undefined {
	let path: string;
	try {
		path = new URL(url).pathname;
	} catch {
		return undefined;
	}
	const match =
		/\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])(?:\/(0[1-9]|[12]\d|3[01]))?\//.exec(path) ??
		/(?:^|[/_-])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/.exec(path);
	if (!match) return undefined;
	return {
		year: Number(match[1]),
		month: Number(match[2]),
		...(match[3] ? { day: Number(match[3]) } : {}),
	};
}

/** Whether `source.published` disagrees with the date in its address (year and month, then day). */
function disagreesWithUrl(source: InsightSource): string | undefined {
	const found = source.url ? urlDate(source.url) : undefined;
	if (!found) return undefined;
	const published = source.published;
	const sameMonth =
		published.getUTCFullYear() === found.year && published.getUTCMonth() + 1 === found.month;
	const sameDay =
		found.day === undefined ||
		source.publishedPrecision === 'month' ||
		published.getUTCDate() === found.day;
	if (sameMonth && sameDay) return undefined;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${found.year}-${pad(found.month)}${found.day ? `-${pad(found.day)}` : ''}`;
}

/** Every warning about the sources of these insights. */
export function sourceWarnings(
	insights: readonly Pick<InsightEntry, 'file' | 'data'>[],
): ContentIssue[] {
	const issues: ContentIssue[] = [];
	for (const { file, data } of insights) {
		const limit = addMonths(data.reviewed, -sourceLimits.reviewGapMonths);
		data.sources.forEach((source, index) => {
			const field = `sources[${index}]`;
			if (latestPublished(source) < limit) {
				issues.push(
					warning(
						file,
						`${field}.published`,
						`published ${isoPublished(source)}, over ${sourceLimits.reviewGapMonths} months before the review (${isoDate(data.reviewed)}): cite a newer edition or newer evidence, or retire the insight`,
						'source-older-than-review',
					),
				);
			}
			const urlDay = disagreesWithUrl(source);
			if (urlDay) {
				issues.push(
					warning(
						file,
						`${field}.published`,
						`${isoPublished(source)}, but the source's address carries ${urlDay}: check the date on the source itself`,
						'source-date-mismatch',
					),
				);
			}
			if (source.annual === undefined && recurringTitle.test(source.title)) {
				issues.push(
					warning(
						file,
						`${field}.annual`,
						'true or false: the title reads like one edition of a recurring report; say whether it is (annual: true, and give the insight an expires date) or not (annual: false)',
						'annual-unmarked',
					),
				);
			}
		});
		const annual = data.sources.findIndex((source) => source.annual);
		if (annual >= 0 && !data.expires) {
			issues.push(
				warning(
					file,
					'expires',
					`a date: the insight is built on an annual survey (sources[${annual}]); set expires to when its next edition is due, so the figures are checked against it`,
					'annual-without-expiry',
				),
			);
		}
	}
	return issues;
}
