/**
 * Editorial warnings: what an enablement team should look at before it becomes a problem. None of
 * these fail a build (`npm run check --strict` makes them errors). Pure: `today` is a parameter,
 * so tests and "what will be stale next quarter" questions give the same answer on any day.
 *
 * Rules, each with its `rule` id:
 * - `stale-review`: a published insight reviewed more than 12 months before today.
 * - `expiring`: a published insight whose `expires` falls within the next 30 days.
 * - `expired`: a published insight whose `expires` is before today (no new briefing can use it).
 * - `old-source`: a source published more than 5 years before today (drafts too).
 * - `unused-insight`: a published insight no briefing uses.
 * - `duplicate-title`: two insights whose titles share most of their words (drafts too).
 * - `empty-stage`: a taxonomy industry with no published insight for one of the four stages.
 *   Cross-industry insights count for every industry: they appear in every industry's storyline
 *   and can enter any briefing, so a rep preparing that industry's briefing is not left empty.
 * - Rules about the evidence itself (`source-older-than-review`, `annual-without-expiry`,
 *   `annual-unmarked`, `source-date-mismatch`): see `source-rules.ts`.
 */
import { isoDate } from '../schema/iso-date.ts';
import { isoPublished, latestPublished } from '../schema/published.ts';
import { stageIds } from '../schema/stage-names.ts';
import { crossIndustry } from '../schema/cross-industry.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import { addMonths, daysUntil, freshnessLimits, startOfDay } from './freshness.ts';
import { plural } from './plural.ts';
import type { ContentIssue } from './issues.ts';
import { sourceWarnings } from './source-rules.ts';
import type { BriefingEntry, InsightEntry } from './validate.ts';

/** Where the editorial lines are drawn. */
export const editorialLimits = {
	...freshnessLimits,
	/** A source older than this many years is flagged. */
	sourceYears: 5,
	/** Titles sharing at least this share of their words (Jaccard, 0-1) are near-duplicates. */
	titleSimilarity: 0.6,
} as const;

/** What the editorial rules read. */
export interface EditorialInput {
	taxonomy: Taxonomy | undefined;
	insights: readonly Pick<InsightEntry, 'id' | 'file' | 'data'>[];
	briefings: readonly Pick<BriefingEntry, 'id' | 'file' | 'data'>[];
}

/** Options for {@link editorialWarnings}. */
export interface EditorialOptions {
	/** The day the report is for; defaults to the current date. Only its UTC date counts. */
	today?: Date;
}

const warning = (file: string, field: string, message: string, rule: string): ContentIssue => ({
	file,
	field,
	message,
	severity: 'warning',
	rule,
});

/** Published insights reviewed more than 12 months ago. */
export function staleReviews(input: EditorialInput, today: Date): ContentIssue[] {
	const limit = addMonths(today, -editorialLimits.reviewMonths);
	return input.insights
		.filter((entry) => entry.data.status === 'published' && entry.data.reviewed < limit)
		.map((entry) =>
			warning(
				entry.file,
				'reviewed',
				`last reviewed ${isoDate(entry.data.reviewed)}, over ${editorialLimits.reviewMonths} months ago: check the evidence still holds, then set reviewed to the day you did`,
				'stale-review',
			),
		);
}

/** Published insights that expire within 30 days, or have expired. */
export function expiries(input: EditorialInput, today: Date): ContentIssue[] {
	const issues: ContentIssue[] = [];
	for (const entry of input.insights) {
		const expires = entry.data.expires;
		if (entry.data.status !== 'published' || !expires) continue;
		const days = daysUntil(expires, today);
		if (days < 0) {
			issues.push(
				warning(
					entry.file,
					'expires',
					`expired ${isoDate(expires)} but still published: no new briefing can use it; review it and move expires, or set status: draft`,
					'expired',
				),
			);
		} else if (days <= editorialLimits.expiringDays) {
			const when = days === 0 ? 'today' : `in ${plural(days, 'day')}`;
			issues.push(
				warning(
					entry.file,
					'expires',
					`expires ${isoDate(expires)}, ${when}: review it and move expires, or briefings after that date cannot use it`,
					'expiring',
				),
			);
		}
	}
	return issues;
}

/** Sources published more than 5 years ago, in drafts and published insights. */
export function oldSources(input: EditorialInput, today: Date): ContentIssue[] {
	const limit = addMonths(today, -12 * editorialLimits.sourceYears);
	return input.insights.flatMap((entry) =>
		entry.data.sources.flatMap((source, index) =>
			latestPublished(source) < limit
				? [
						warning(
							entry.file,
							`sources[${index}].published`,
							`source published ${isoPublished(source)}, over ${editorialLimits.sourceYears} years ago: cite newer evidence, or confirm it still holds`,
							'old-source',
						),
					]
				: [],
		),
	);
}

/** Published insights that no briefing uses. */
export function unusedInsights(input: EditorialInput): ContentIssue[] {
	const used = new Set(input.briefings.flatMap((entry) => entry.data.insights));
	return input.insights
		.filter((entry) => entry.data.status === 'published' && !used.has(entry.id))
		.map((entry) =>
			warning(
				entry.file,
				'',
				'published, but no briefing uses it: add it to one where it fits, or check that reps can find it',
				'unused-insight',
			),
		);
}

const stopWords = new Set(
	'a an and are as at be by can for from has have how in into is it its of on or our than that the their them they this to was were what when which who why will with your you'.split(
		' ',
	),
);

/** The distinct content words of a title, lowercased, with a plural "s" dropped. */
export function titleWords(title: string): Set<string> {
	const words = title
		.toLowerCase()
		.replace(/\{[a-z]+\}/g, ' ')
		.split(/[^a-z0-9%$.]+/)
		.map((word) => word.replace(/^\.+|\.+$/g, ''))
		.filter((word) => word && !stopWords.has(word))
		.map((word) =>
			word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word,
		);
	return new Set(words);
}

/** Share of words two titles have in common: |A ∩ B| / |A ∪ B|, from 0 to 1. */
export function titleSimilarity(a: string, b: string): number {
	const left = titleWords(a);
	const right = titleWords(b);
	const union = new Set([...left, ...right]).size;
	if (!union) return 0;
	let shared = 0;
	for (const word of left) if (right.has(word)) shared++;
	return shared / union;
}

/** Pairs of insights whose titles are near-duplicates; each pair is reported once, on the later id. */
export function duplicateTitles(input: EditorialInput): ContentIssue[] {
	const entries = [...input.insights].sort((a, b) => a.id.localeCompare(b.id));
	const words = entries.map((entry) => titleWords(entry.data.title));
	const issues: ContentIssue[] = [];
	for (let j = 1; j < entries.length; j++) {
		for (let i = 0; i < j; i++) {
			const left = words[i]!;
			const right = words[j]!;
			let shared = 0;
			for (const word of left) if (right.has(word)) shared++;
			const union = left.size + right.size - shared;
			const similarity = union ? shared / union : 0;
			if (similarity < editorialLimits.titleSimilarity) continue;
			issues.push(
				warning(
					entries[j]!.file,
					'title',
					`shares ${Math.round(similarity * 100)}% of its words with the title of ${entries[i]!.file}: merge the two or sharpen what each claims`,
					'duplicate-title',
				),
			);
		}
	}
	return issues;
}

/** Taxonomy industries with no published insight (their own or cross-industry) for some stage. */
export function emptyStages(input: EditorialInput): ContentIssue[] {
	if (!input.taxonomy) return [];
	const published = input.insights.filter((entry) => entry.data.status === 'published');
	return input.taxonomy.industries.flatMap((industry, index) => {
		const tagged = published.filter(
			(entry) =>
				entry.data.industries.includes(industry.id) ||
				entry.data.industries.includes(crossIndustry),
		);
		const empty = stageIds.filter((stage) => !tagged.some((entry) => entry.data.stage === stage));
		if (!empty.length) return [];
		const gap = empty.length === stageIds.length ? 'any of the four stages' : empty.join(', ');
		return [
			warning(
				'content/taxonomy.yaml',
				`industries[${index}]`,
				`"${industry.id}" has no published insight for ${gap} (cross-industry ones count): its storyline and briefings have a gap there`,
				'empty-stage',
			),
		];
	});
}

/** Every editorial warning for the library, in rule order. */
export function editorialWarnings(
	input: EditorialInput,
	options: EditorialOptions = {},
): ContentIssue[] {
	const today = startOfDay(options.today ?? new Date());
	return [
		...staleReviews(input, today),
		...expiries(input, today),
		...oldSources(input, today),
		...sourceWarnings(input.insights),
		...unusedInsights(input),
		...duplicateTitles(input),
		...emptyStages(input),
	];
}
