/**
 * Rules that keep evidence checkable: every source can be found, dates claim no more than is
 * known, points and stats cite their source with the passage that supports them (shown in the
 * speaker notes), and warnings for sources older than the review and annual surveys without expiry.
 */
import { describe, expect, it } from 'vitest';
import { evidence, provenance } from '../src/deck/plan/notes.ts';
import { formatIssue } from '../src/library/issues.ts';
import { parseInsight } from '../src/library/parse.ts';
import { sourceWarnings, urlDate } from '../src/library/source-rules.ts';
import { insightSchema } from '../src/schema/insight.ts';
import { isoPublished } from '../src/schema/source.ts';
import { insightSource, validInsight } from './fixtures/content/fixtures.ts';

const file = 'content/insights/new-claim.mdx';

/** Schema lines for the valid fixture insight changed by `change`. */
function errors(change: (data: Record<string, any>) => void): string[] {
	const data = validInsight();
	change(data);
	return parseInsight(file, insightSource(data)).issues.map(formatIssue);
}

/** The parsed fixture insight changed by `change`. */
function parsed(change: (data: Record<string, any>) => void = () => {}) {
	const data = validInsight();
	change(data);
	return insightSchema.parse(data);
}

describe('sources can be found', () => {
	it('a source needs a url, or offline: true with a reason', () => {
		expect(errors((d) => delete d.sources[0].url)).toEqual([
			`${file}: sources[0].url: required: a web address starting with https:// where a reader can check the source (or offline: true with a reason, for a source that is not on the web)`,
		]);
		expect(errors((d) => (delete d.sources[0].url, (d.sources[0].offline = true)))).toEqual([
			`${file}: sources[0].reason: required with offline: true: why there is no web address and how to get it`,
		]);
		expect(errors((d) => (d.sources[0].offline = true))).toEqual([
			`${file}: sources[0].offline: offline only for a source with no url (remove one of the two)`,
		]);
		expect(errors((d) => (d.sources[0].reason = 'Printed only.'))).toEqual([
			`${file}: sources[0].reason: reason only with offline: true (remove it, or mark the source offline)`,
		]);
		const offline = (d: Record<string, any>) => {
			delete d.sources[0].url;
			Object.assign(d.sources[0], {
				offline: true,
				reason: 'Printed only; a copy is with the owner.',
			});
		};
		expect(errors(offline)).toEqual([]);
	});
});

describe('publication dates claim no more than is known', () => {
	it('a year-month is accepted, kept as a month, and never shown with a day', () => {
		const insight = parsed((d) => (d.sources[0].published = '2025-03'));
		const source = insight.sources[0]!;
		expect(source.published).toEqual(new Date('2025-03-01T00:00:00Z'));
		expect(source.publishedPrecision).toBe('month');
		expect(isoPublished(source)).toBe('2025-03');
		const notes = provenance({ id: 'new-claim', data: insight, talkTrack: '' });
		expect(notes).toContain('published 2025-03,');
		expect(notes).not.toContain('2025-03-01');
		expect(isoPublished(parsed().sources[0]!)).toBe('2025-03-14');
	});

	it('1 January, a year alone and an impossible month are refused, naming what to write', () => {
		expect(errors((d) => (d.sources[0].published = '2025-01-01'))).toEqual([
			`${file}: sources[0].published: the day the source was published, or 2025-01 if only the month is known (1 January is the usual stand-in for an unknown date; find the real one on the source)`,
		]);
		expect(errors((d) => (d.sources[0].published = '2025'))).toEqual([
			`${file}: sources[0].published: a date written YYYY-MM-DD, or YYYY-MM when only the month is known (a year alone is not enough: find the month on the source) (got "2025")`,
		]);
		expect(errors((d) => (d.sources[0].published = 2025))).toEqual([
			`${file}: sources[0].published: a date written YYYY-MM-DD, or YYYY-MM when only the month is known (got 2025)`,
		]);
		expect(errors((d) => (d.sources[0].published = '2025-13'))).toEqual([
			`${file}: sources[0].published: a real calendar date written YYYY-MM-DD, or YYYY-MM (got "2025-13")`,
		]);
		// A real 1 January loses nothing written as its month: pages and slides show month and year.
		expect(errors((d) => (d.sources[0].published = '2025-01'))).toEqual([]);
	});

	it('a source cannot be newer than the review that checked it', () => {
		expect(errors((d) => (d.sources[0].published = '2026-02'))).toEqual([
			`${file}: sources[0].published: a date on or before reviewed (2026-01-15): a review cannot have checked a source published after it`,
		]);
	});
});

describe('points and stats cite a source with the passage that supports it', () => {
	const cited = (d: Record<string, any>) => {
		d.stat.quote = 'Seven in ten denials were eventually overturned.';
		d.points = [
			{ text: 'About 70% of denials are overturned.', source: 0, quote: 'Seven in ten.' },
			'A plain point.',
			{ text: 'A point citing without a quote.', source: 0 },
		];
	};

	it('points stay text for every reader; citations sit alongside, in order', () => {
		const insight = parsed(cited);
		expect(insight.points).toEqual([
			'About 70% of denials are overturned.',
			'A plain point.',
			'A point citing without a quote.',
		]);
		expect(insight.pointCitations).toEqual([
			{ source: 0, quote: 'Seven in ten.' },
			null,
			{ source: 0 },
		]);
	});

	it('the speaker notes say where each figure comes from, with the passage', () => {
		const insight = parsed(cited);
		expect(evidence({ id: 'new-claim', data: insight, talkTrack: '' })).toEqual([
			'Where the figures come from:',
			'- The 70% figure: source 1, "Seven in ten denials were eventually overturned."',
			'- Point 1: source 1, "Seven in ten."',
			'- Point 3: source 1',
		]);
	});

	it('indexes must exist, text is limited and quotes are short', () => {
		expect(errors((d) => (d.points = [{ text: 'A point.', source: 1 }]))).toEqual([
			`${file}: points[0].source: an index into sources: 0 to 0 (got 1)`,
		]);
		expect(errors((d) => (d.points = [{ text: 'x'.repeat(141), source: 0 }]))).toEqual([
			`${file}: points[0].text: at most 140 characters (got 141)`,
		]);
		expect(errors((d) => (d.stat.quote = 'x'.repeat(301)))).toEqual([
			`${file}: stat.quote: at most 300 characters (got 301)`,
		]);
		expect(errors((d) => (d.points = [42]))).toEqual([
			`${file}: points[0]: text, or { text, source, quote } for a point that cites a source (got 42)`,
		]);
	});
});

describe('source warnings', () => {
	const warn = (change: (data: Record<string, any>) => void) =>
		sourceWarnings([{ file, data: parsed(change) }]).map(formatIssue);

	it('a source over 24 months older than the review; a year-month counts as its last day', () => {
		expect(warn((d) => (d.sources[0].published = '2024-01-14'))).toEqual([
			`${file}: sources[0].published: warning: published 2024-01-14, over 24 months before the review (2026-01-15): cite a newer edition or newer evidence, or retire the insight`,
		]);
		expect(warn((d) => (d.sources[0].published = '2024-01-15'))).toEqual([]);
		expect(warn((d) => (d.sources[0].published = '2024-01'))).toEqual([]);
		expect(warn((d) => (d.sources[0].published = '2023-12'))).toHaveLength(1);
	});

	it('an annual survey needs expires; a title that reads like one must say whether it is', () => {
		expect(warn((d) => (d.sources[0].annual = true))).toEqual([
			`${file}: expires: warning: a date: the insight is built on an annual survey (sources[0]); set expires to when its next edition is due, so the figures are checked against it`,
		]);
		expect(warn((d) => ((d.sources[0].annual = true), (d.expires = '2026-12-31')))).toEqual([]);
		expect(warn((d) => delete d.sources[0].annual)).toEqual([
			`${file}: sources[0].annual: warning: true or false: the title reads like one edition of a recurring report; say whether it is (annual: true, and give the insight an expires date) or not (annual: false)`,
		]);
		expect(
			warn((d) => {
				delete d.sources[0].annual;
				d.sources[0].title = 'Why denials take longer to resolve';
			}),
		).toEqual([]);
	});

	it('a date that disagrees with the date in the source address', () => {
		expect(urlDate('https://example.com/news/2025/03/14/shrink/')).toEqual({
			year: 2025,
			month: 3,
			day: 14,
		});
		expect(urlDate('https://example.com/reports/q3-summary/')).toBeUndefined();
		expect(urlDate('https://example.com/blog/2025/03/report/')).toEqual({ year: 2025, month: 3 });
		expect(urlDate('https://example.com/files/report-2025-10-02.pdf')).toEqual({
			year: 2025,
			month: 10,
			day: 2,
		});
		expect(
			warn((d) => (d.sources[0].url = 'https://example.com/news/2025/02/20/denials/')),
		).toEqual([
			`${file}: sources[0].published: warning: 2025-03-14, but the source's address carries 2025-02-20: check the date on the source itself`,
		]);
		expect(
			warn((d) => (d.sources[0].url = 'https://example.com/news/2025/03/14/denials/')),
		).toEqual([]);
	});
});
