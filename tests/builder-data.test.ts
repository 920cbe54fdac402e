/**
 * The builder's data in pieces: a small index for the picker, the searchable text apart, whole
 * insights in details files of a few dozen, and the same draft check on the index as on the whole
 * library.
 */
import { describe, expect, it } from 'vitest';
import { checkDraft, reviveInsight } from '../src/builder/briefing.ts';
import {
	builderDetails,
	builderIndex,
	builderSearchTexts,
	detailsShardSize,
} from '../src/builder/library.ts';
import { matchesSearch, pickInsights, searchWords } from '../src/builder/search.ts';
import { packIndex, unpackIndex, type PackedIndex } from '../src/builder/index-pack.ts';
import type { BuilderIndex, Draft, LibraryView } from '../src/builder/types.ts';
import { completeDraft, insight, library } from './fixtures/builder.ts';

/** The fixture library's insights as the build reads them (dates as dates), many of them. */
const entries = Array.from({ length: 75 }, (_, n) =>
	reviveInsight(
		insight(
			`insight-${String(74 - n).padStart(2, '0')}`,
			'approaches',
			['manufacturing'],
			['cfo'],
			{ points: [`Evidence code${n}x.`], questions: ['One?', 'Two?'] },
		),
	),
).map((entry) => ({ ...entry, body: `Body of ${entry.id}.` }));
const sources = { insights: entries, taxonomy: library.taxonomy, brand: library.brand };

describe('the builder index', () => {
	const index = builderIndex(sources);

	it('lists every insight by id with only what the picker and the draft check read', () => {
		expect(index.insights.map((entry) => entry.id)).toEqual(
			entries.map((entry) => entry.id).sort(),
		);
		expect(Object.keys(index.insights[0]!.data).sort()).toEqual(
			[
				'industries',
				'personas',
				'questionCount',
				'reviewed',
				'stage',
				'status',
				'title',
				'topics',
			].sort(),
		);
		expect(index.insights[0]!.data).toMatchObject({ questionCount: 2, reviewed: '2026-06-01' });
		expect(index.shardSize).toBe(detailsShardSize);
	});

	it('travels packed in columns and unpacks to the same index, drafts and expiry included', () => {
		const mixed = builderIndex({
			...sources,
			insights: entries.map((entry, n) => ({
				...entry,
				data: {
					...entry.data,
					...(n % 3 === 0 ? { status: 'draft' as const } : {}),
					...(n % 4 === 0 ? { expires: new Date('2028-01-31') } : {}),
					...(n % 5 === 0
						? { industries: ['cross-industry', 'manufacturing'], personas: ['coo'] }
						: {}),
				},
			})),
		});
		const packed = packIndex(mixed);
		expect(unpackIndex(JSON.parse(JSON.stringify(packed)) as PackedIndex)).toEqual(mixed);
		expect(packed.names.industries.sort()).toEqual(['cross-industry', 'manufacturing']);
		expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(mixed).length * 0.7);
	});

	it('sends each distinct list of industries, personas and topics once, shared on unpacking', () => {
		const lists = [
			{ industries: ['manufacturing'], personas: ['coo'], topics: ['cost', 'supply'] },
			{ industries: ['cross-industry', 'manufacturing'], personas: ['coo'], topics: [] },
			{ industries: ['manufacturing', 'cross-industry'], personas: ['coo'], topics: ['supply'] },
		];
		const index = builderIndex({
			...sources,
			insights: Array.from({ length: 9 }, (_, n) => ({
				...entries[0]!,
				id: `insight-${n}`,
				data: { ...entries[0]!.data, ...lists[n % 3]! },
			})),
		});
		const packed = packIndex(index);
		// Order within a list is kept: the same names in another order are another list.
		expect(packed.lists.industries).toHaveLength(3);
		expect(packed.lists.personas).toHaveLength(1);
		expect(packed.lists.topics).toHaveLength(3);
		expect(packed.names.topics).toEqual(['cost', 'supply']);
		const unpacked = unpackIndex(JSON.parse(JSON.stringify(packed)) as PackedIndex);
		expect(unpacked).toEqual(index);
		const [first, , , fourth] = unpacked.insights;
		expect(fourth!.data.industries).toBe(first!.data.industries);
		expect(fourth!.data.topics).toBe(first!.data.topics);
		// Shared, so read only: a change to one insight's list would change its neighbours'.
		expect(Object.isFrozen(first!.data.industries)).toBe(true);
	});

	it('details files hold every insight whole, in index order, at most shardSize each', () => {
		const shards = builderDetails(sources);
		expect(shards).toHaveLength(Math.ceil(entries.length / detailsShardSize));
		expect(shards.every((shard) => shard.length <= detailsShardSize)).toBe(true);
		index.insights.forEach((entry, position) => {
			const whole = shards[Math.floor(position / index.shardSize)]![position % index.shardSize]!;
			expect(whole.id).toBe(entry.id);
			expect(whole.talkTrack).toBe(`Body of ${entry.id}.`);
			expect(whole.data.questions).toEqual(['One?', 'Two?']);
		});
	});

	it('search covers evidence once the search text has arrived', () => {
		const copy: BuilderIndex = structuredClone(index);
		const words = searchWords('code7x');
		const found = () =>
			pickInsights(copy.insights, { query: 'code7x', industry: '', persona: '', stage: '' });
		expect(copy.insights.some((entry) => matchesSearch(entry, words))).toBe(false);
		expect(found()).toEqual([]);
		builderSearchTexts(sources).forEach((text, position) => (copy.insights[position]!.text = text));
		expect(found().map((entry) => entry.id)).toEqual(['insight-67']);
		// Titles and topics are searchable from the start.
		expect(matchesSearch(index.insights[0]!, searchWords('claim insight-00'))).toBe(true);
	});
});

describe('the draft check on the index', () => {
	const published = JSON.parse(JSON.stringify(library)) as typeof library;
	const view: LibraryView = {
		...builderIndex({
			insights: published.insights.map(reviveInsight),
			taxonomy: library.taxonomy,
			brand: library.brand,
		}),
		briefings: [],
	};
	const drafts: Record<string, (draft: Draft) => void> = {
		'a complete draft': () => {},
		'an unknown insight': (draft) => void draft.insights.push('hc-hrad'),
		'an insight expired on the meeting date': (draft) => {
			draft.insights.push('hc-expiring');
			draft.date = '2027-03-01';
		},
		'a question the insight does not have': (draft) =>
			void (draft.questions = [{ insight: 'hc-why', index: 1 }]),
		'an incomplete draft with an unknown insight': (draft) => {
			draft.title = '';
			draft.insights.push('no-such-insight');
		},
	};
	for (const [name, change] of Object.entries(drafts)) {
		it(`${name}: the same problems as on the whole library`, () => {
			const draft = completeDraft();
			change(draft);
			const onIndex = checkDraft(draft, view);
			expect(onIndex).toEqual(checkDraft(draft, library));
			if (name !== 'a complete draft') expect(onIndex.issues.length).toBeGreaterThan(0);
		});
	}
});
