/**
 * Editorial warnings (src/library/editorial.ts): each rule on the fixture library with an
 * injected "today", so the results do not depend on when the tests run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
	duplicateTitles,
	editorialWarnings,
	emptyStages,
	expiries,
	oldSources,
	staleReviews,
	titleSimilarity,
	unusedInsights,
	type EditorialInput,
} from '../src/library/editorial.ts';
import { formatIssue } from '../src/library/issues.ts';
import { loadLibrary, type Library } from '../src/library/load.ts';
import type { InsightEntry } from '../src/library/validate.ts';
import { fixtureRoot, fixtureToday } from './fixtures/content/fixtures.ts';

let library: Library;
beforeAll(async () => {
	library = await loadLibrary({ root: fixtureRoot });
});

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const lines = (issues: ReturnType<typeof editorialWarnings>) => issues.map(formatIssue);

/** The fixture library with one insight's data changed. */
function withInsight(id: string, change: (data: InsightEntry['data']) => void): EditorialInput {
	return {
		...library,
		insights: library.insights.map((entry) => {
			if (entry.id !== id) return entry;
			const data = structuredClone(entry.data);
			change(data);
			return { ...entry, data };
		}),
	};
}

describe('editorial warnings', () => {
	it('none for the fixture library on its day', () => {
		expect(editorialWarnings(library, { today: day(fixtureToday) })).toEqual([]);
	});

	it('every warning is a warning with a rule id', () => {
		const all = editorialWarnings(library, { today: day('2031-01-01') });
		expect(all.length).toBeGreaterThan(0);
		for (const issue of all) expect(issue.severity).toBe('warning');
		expect(new Set(all.map((issue) => issue.rule))).toEqual(
			new Set(['stale-review', 'expired', 'old-source']),
		);
	});

	it('stale review: published and reviewed over 12 months ago; drafts are left alone', () => {
		// denials-cost-more-to-fight and denial-work-is-fragmented were reviewed 2026-01-15.
		expect(lines(staleReviews(library, day('2027-01-15')))).toEqual([]);
		expect(lines(staleReviews(library, day('2027-01-16')))).toEqual([
			'content/insights/denial-work-is-fragmented.mdx: reviewed: warning: last reviewed 2026-01-15, over 12 months ago: check the evidence still holds, then set reviewed to the day you did',
			'content/insights/denials-cost-more-to-fight.mdx: reviewed: warning: last reviewed 2026-01-15, over 12 months ago: check the evidence still holds, then set reviewed to the day you did',
		]);
		// The draft was reviewed 2026-04-01: still no warning a year and more later.
		const ids = staleReviews(library, day('2028-01-01')).map((issue) => issue.file);
		expect(ids).not.toContain('content/insights/front-end-registration-fixes.mdx');
	});

	it('expiring within 30 days, and already expired but published', () => {
		// payback-inside-a-year-wins-approval expires 2027-01-31.
		expect(lines(expiries(library, day('2026-12-31')))).toEqual([]);
		expect(lines(expiries(library, day('2027-01-01')))).toEqual([
			'content/insights/payback-inside-a-year-wins-approval.mdx: expires: warning: expires 2027-01-31, in 30 days: review it and move expires, or briefings after that date cannot use it',
		]);
		expect(lines(expiries(library, day('2027-01-31')))).toEqual([
			'content/insights/payback-inside-a-year-wins-approval.mdx: expires: warning: expires 2027-01-31, today: review it and move expires, or briefings after that date cannot use it',
		]);
		expect(lines(expiries(library, day('2027-02-01')))).toEqual([
			'content/insights/payback-inside-a-year-wins-approval.mdx: expires: warning: expired 2027-01-31 but still published: no new briefing can use it; review it and move expires, or set status: draft',
		]);
	});

	it('an expiring draft is not flagged', () => {
		const input = withInsight(
			'payback-inside-a-year-wins-approval',
			(data) => (data.status = 'draft'),
		);
		expect(expiries(input, day('2027-02-01'))).toEqual([]);
	});

	it('sources older than 5 years, drafts included', () => {
		// The oldest fixture source is 2024-09-01.
		expect(lines(oldSources(library, day('2029-09-01')))).toEqual([]);
		expect(lines(oldSources(library, day('2029-09-02')))).toEqual([
			'content/insights/denial-work-is-fragmented.mdx: sources[0].published: warning: source published 2024-09-01, over 5 years ago: cite newer evidence, or confirm it still holds',
		]);
		const input = withInsight('front-end-registration-fixes', (data) => {
			data.sources.push({ ...data.sources[0]!, published: day('2019-01-01') });
		});
		expect(lines(oldSources(input, day(fixtureToday)))).toEqual([
			'content/insights/front-end-registration-fixes.mdx: sources[1].published: warning: source published 2019-01-01, over 5 years ago: cite newer evidence, or confirm it still holds',
		]);
	});

	it('published insights no briefing uses; drafts never count', () => {
		expect(unusedInsights(library)).toEqual([]);
		const input = {
			...library,
			briefings: library.briefings.filter((entry) => entry.id === 'harbor-bank'),
		};
		expect(lines(unusedInsights(input))).toEqual([
			'content/insights/denial-work-is-fragmented.mdx: warning: published, but no briefing uses it: add it to one where it fits, or check that reps can find it',
			'content/insights/denials-cost-more-to-fight.mdx: warning: published, but no briefing uses it: add it to one where it fits, or check that reps can find it',
		]);
	});

	it('near-duplicate titles, reported once per pair on the later id', () => {
		expect(duplicateTitles(library)).toEqual([]);
		const input = withInsight(
			'front-end-registration-fixes',
			(data) => (data.title = 'Hospitals spend more fighting denials than the denials cost.'),
		);
		expect(lines(duplicateTitles(input))).toEqual([
			'content/insights/front-end-registration-fixes.mdx: title: warning: shares 67% of its words with the title of content/insights/denials-cost-more-to-fight.mdx: merge the two or sharpen what each claims',
		]);
	});

	it('title similarity: word sets, ignoring case, punctuation, filler words and plurals', () => {
		expect(
			titleSimilarity('Denials cost hospitals more.', 'The denial costs a hospital more!'),
		).toBe(1);
		expect(
			titleSimilarity('Deposit costs outrun loan yields', 'Core migrations stall on data'),
		).toBe(0);
		expect(titleSimilarity('', '')).toBe(0);
		expect(
			titleSimilarity(
				'Payback inside a year wins approval',
				'Payback inside two years wins approval',
			),
		).toBeCloseTo(5 / 6);
		// Rewording the same claim: identical word sets once plurals and filler words go.
		expect(
			titleSimilarity(
				'Hospitals spend more fighting claim denials than the denied claims usually cost them.',
				'Hospitals spend more fighting denials than denied claims usually cost them.',
			),
		).toBe(1);
	});

	it('an industry with a stage left empty; cross-industry insights count for every industry', () => {
		expect(emptyStages(library)).toEqual([]);
		// Without its change-challenges insight, regional banks have a gap there.
		const input = withInsight('core-migrations-stall-on-data', (data) => (data.status = 'draft'));
		expect(lines(emptyStages(input))).toEqual([
			'content/taxonomy.yaml: industries[1]: warning: "regional-banks" has no published insight for change-challenges (cross-industry ones count): its storyline and briefings have a gap there',
		]);
		// Cross-industry insights fill approaches and decision-factors for both industries: take
		// them away and both industries have those gaps.
		const noCross = {
			...library,
			insights: library.insights.filter(
				(entry) => !entry.data.industries.includes('cross-industry'),
			),
		};
		expect(lines(emptyStages(noCross))).toEqual([
			'content/taxonomy.yaml: industries[0]: warning: "hospitals" has no published insight for approaches, decision-factors (cross-industry ones count): its storyline and briefings have a gap there',
			'content/taxonomy.yaml: industries[1]: warning: "regional-banks" has no published insight for approaches, decision-factors (cross-industry ones count): its storyline and briefings have a gap there',
		]);
	});

	it('an industry with no insights at all gets one line, not four', () => {
		const input = {
			...library,
			insights: [],
			taxonomy: { ...library.taxonomy!, industries: library.taxonomy!.industries.slice(0, 1) },
		};
		expect(lines(emptyStages(input))).toEqual([
			'content/taxonomy.yaml: industries[0]: warning: "hospitals" has no published insight for any of the four stages (cross-industry ones count): its storyline and briefings have a gap there',
		]);
	});

	it('today defaults to the current date and only its UTC day counts', () => {
		const late = new Date('2027-01-16T23:59:00Z');
		expect(staleReviews(library, late)).toHaveLength(2);
		expect(editorialWarnings(library).every((issue) => issue.severity === 'warning')).toBe(true);
	});
});
