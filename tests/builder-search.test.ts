/** The builder's insight picker: which insights a search and the filters show, in which order. */
import { describe, expect, it } from 'vitest';
import { searchText } from '../src/builder/library.ts';
import { matchesSearch, pickInsights, searchWords } from '../src/builder/search.ts';
import type { InsightSummary } from '../src/builder/types.ts';
import { insight, library } from './fixtures/builder.ts';

const all = { query: '', industry: '', persona: '', stage: '' };
const ids = (filters: Partial<typeof all>) =>
	pickInsights(library.insights, { ...all, ...filters }).map((entry) => entry.id);

describe('search words', () => {
	it('splits on any whitespace, lowercases and folds accents', () => {
		expect(searchWords('  Résumé\tDENIALS \n ')).toEqual(['resume', 'denials']);
		expect(searchWords('   ')).toEqual([]);
	});
});

describe('matchesSearch', () => {
	const subject = insight('a', 'approaches', ['retail'], ['cfo'], {
		title: 'Store labour costs rose.',
		summary: 'Shrink is the hidden cost.',
		points: ['Returns fraud doubled.'],
		topics: ['loss-prevention'],
		implication: 'Audit the café returns desk.',
	});

	it('finds words in the claim, summary, evidence, topics and implication', () => {
		for (const word of ['labour', 'shrink', 'fraud', 'loss-prevention', 'audit'])
			expect(matchesSearch(subject, searchWords(word)), word).toBe(true);
	});

	it('needs every word, in any order and case, accents or not', () => {
		expect(matchesSearch(subject, searchWords('FRAUD store'))).toBe(true);
		expect(matchesSearch(subject, searchWords('cafe'))).toBe(true);
		expect(matchesSearch(subject, searchWords('fraud hospital'))).toBe(false);
	});

	it('does not search ids, sources or questions', () => {
		expect(matchesSearch(subject, searchWords('publisher'))).toBe(false);
	});

	it('matches everything for an empty query', () => {
		expect(matchesSearch(subject, [])).toBe(true);
	});

	it('an index entry matches its claim and topics, then its search text once that arrives', () => {
		const { summary, points, implication, ...data } = subject.data;
		void [summary, points, implication];
		const entry: InsightSummary = { id: subject.id, data };
		expect(matchesSearch(entry, searchWords('labour loss-prevention'))).toBe(true);
		expect(matchesSearch(entry, searchWords('labour shrink'))).toBe(false);
		entry.text = 'shrink is the hidden cost. returns fraud doubled.';
		// One word in the claim, one in the search text: every word counts wherever it occurs.
		expect(matchesSearch(entry, searchWords('Labour SHRINK'))).toBe(true);
		// The claim and the text are searched apart: nothing matches across where they meet.
		expect(matchesSearch(entry, searchWords('rose.shrink'))).toBe(false);
		expect(matchesSearch(entry, searchWords('labour hospital'))).toBe(false);
	});
});

describe('pickInsights', () => {
	it('lists all insights in the four conversations’ order, then by id', () => {
		expect(ids({})).toEqual([
			'hc-why',
			'hc-why-coo',
			'mfg-why',
			'hc-hard',
			'any-works',
			'hc-expiring',
			'hc-decides',
		]);
	});

	it('an industry keeps its own and cross-industry insights, its own first within a stage', () => {
		expect(ids({ industry: 'manufacturing' })).toEqual(['mfg-why', 'any-works']);
		expect(ids({ industry: 'healthcare-providers', stage: 'approaches' })).toEqual([
			'hc-expiring',
			'any-works',
		]);
	});

	it('a persona ranks and filters; filters and search combine', () => {
		expect(ids({ persona: 'coo' })).toEqual(['hc-why-coo', 'hc-hard']);
		expect(ids({ industry: 'healthcare-providers', query: 'evidence hc-hard' })).toEqual([
			'hc-hard',
		]);
		expect(ids({ query: 'no such words' })).toEqual([]);
	});
});

describe('pickInsights on index entries', () => {
	// What the browser has: index entries without summaries, their search text arriving later.
	const entries: InsightSummary[] = library.insights.map(({ id, data }) => {
		const { summary, points, implication, ...rest } = data;
		void [summary, points, implication];
		return { id, data: rest };
	});
	const queries = ['', 'evidence', 'summary hc-hard', 'CLAIM holds', 'what for', 'no such', 'mfg'];
	const listed = (list: InsightSummary[], query: string) =>
		pickInsights(list, { ...all, query }).map((entry) => entry.id);
	const filtered = (list: InsightSummary[], query: string) =>
		listed(list, '').filter((id) =>
			matchesSearch(
				list.find((entry) => entry.id === id)!,
				searchWords(query),
			),
		);

	it('lists what matchesSearch matches, before and after the search text arrives', () => {
		for (const query of queries)
			expect(listed(entries, query), query).toEqual(filtered(entries, query));
		// A word only in the search text is found once the text is there.
		expect(listed(entries, 'evidence')).toEqual([]);
		const withText = entries.map((entry, at) => ({
			...entry,
			text: searchText(library.insights[at]!.data),
		}));
		for (const query of queries)
			expect(listed(withText, query), query).toEqual(filtered(withText, query));
		expect(listed(withText, 'evidence')).toHaveLength(entries.length);
	});
});

describe('draft fields', async () => {
	const { draftFields, isDraftField } = await import('../src/builder/fields.ts');
	const { emptyDraft } = await import('../src/builder/types.ts');

	it('each field writes the draft property it reads, and nothing else', () => {
		for (const [name, field] of Object.entries(draftFields)) {
			const draft = emptyDraft();
			field.set(draft, `value of ${name}`);
			expect(field.get(draft)).toBe(`value of ${name}`);
			const changed = JSON.stringify(draft).split(`value of ${name}`).length - 1;
			expect(changed, name).toBe(1);
		}
	});

	it('knows its field names and nothing else', () => {
		expect(isDraftField('presenter.email')).toBe(true);
		expect(isDraftField('toString')).toBe(false);
		expect(isDraftField('audience')).toBe(false);
		expect(isDraftField(undefined)).toBe(false);
	});
});
