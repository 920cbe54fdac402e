/**
 * In a build whose library check passed, a content collection is stored from the checked library
 * without its loader reading a file. A loader fails with the build's library check report when
 * Astro's content sync refuses a file while the check runs on its thread; otherwise with its own
 * error.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { checkedFirst, shareBuildCheck } from '../src/integrations/build-check.ts';
import { checkedBriefing, checkedInsight } from '../src/integrations/checked-store.ts';
import type { Library } from '../src/library/load.ts';
import type { BriefingEntry, InsightEntry } from '../src/library/validate.ts';

/** An entry as a loader hands it to the content store. */
type DataEntry = Parameters<LoaderContext['store']['set']>[0];

const refusing: Loader = {
	name: 'refusing',
	load: async () => {
		throw new Error("Astro's own message");
	},
};

/** A loader context whose store is a Map, holding `kept` from an earlier build. */
function storeContext(kept: Record<string, DataEntry> = {}) {
	const entries = new Map(Object.entries(kept));
	const context = {
		store: {
			keys: () => [...entries.keys()],
			delete: (id: string) => void entries.delete(id),
			set: (entry: DataEntry) => {
				entries.set(entry.id, entry);
				return true;
			},
		},
		generateDigest: (data: Record<string, unknown> | string) => JSON.stringify(data),
	} as unknown as LoaderContext;
	return { context, entries };
}

const insight = {
	id: 'cash-gap',
	file: 'content/insights/cash-gap.mdx',
	data: { title: 'Cash gap', reviewed: new Date('2026-01-05') },
	body: '\nThe gap is *wide*.\n\n',
	talkTrack: 'The gap is wide.',
} as unknown as InsightEntry;
const briefing = {
	id: 'acme-cfo',
	file: 'content/briefings/acme-cfo.yml',
	data: { title: 'Acme' },
} as unknown as BriefingEntry;
const library = { insights: [insight], briefings: [briefing] } as unknown as Library;

afterEach(() => shareBuildCheck(undefined));

describe('checkedFirst, in a build whose check passed', () => {
	it("stores the checked entries as glob() would, and never calls Astro's loader", async () => {
		shareBuildCheck(Promise.resolve({ library }));
		const { context, entries } = storeContext({ removed: { id: 'removed', data: {} } });
		await checkedFirst(refusing, (checked) => checked.insights.map(checkedInsight)).load(context);
		expect([...entries.keys()]).toEqual(['cash-gap']);
		const stored = entries.get('cash-gap')!;
		expect(stored).toMatchObject({
			id: 'cash-gap',
			filePath: 'content/insights/cash-gap.mdx',
			data: insight.data,
			// glob() keeps the text after the frontmatter, trimmed.
			body: 'The gap is *wide*.',
			deferredRender: true,
		});
		expect(stored.digest).toBe(JSON.stringify({ data: insight.data, body: 'The gap is *wide*.' }));
	});

	it('stores a YAML entry without a body, rendered from nothing', async () => {
		shareBuildCheck(Promise.resolve({ library }));
		const { context, entries } = storeContext();
		await checkedFirst(refusing, (checked) => checked.briefings.map(checkedBriefing)).load(context);
		const stored = entries.get('acme-cfo')!;
		expect(stored).toMatchObject({
			filePath: 'content/briefings/acme-cfo.yml',
			data: briefing.data,
		});
		expect('body' in stored || 'deferredRender' in stored).toBe(false);
	});

	it('waits for the check before storing', async () => {
		let passed: (check: { library: Library }) => void = () => {};
		shareBuildCheck(new Promise((resolve) => (passed = resolve)));
		const { context, entries } = storeContext();
		const loading = checkedFirst(refusing, (checked) => checked.insights.map(checkedInsight)).load(
			context,
		);
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(entries.size).toBe(0);
		passed({ library });
		await loading;
		expect(entries.size).toBe(1);
	});
});

describe('checkedFirst, otherwise', () => {
	it("fails with the check's report when the check found errors", async () => {
		let reported: (check: { failure: Error }) => void = () => {};
		shareBuildCheck(new Promise((resolve) => (reported = resolve)));
		const loading = checkedFirst(refusing, (checked) => checked.insights.map(checkedInsight)).load(
			storeContext().context,
		);
		// The loader waits for the check to end before it fails.
		reported({ failure: new Error('2 content errors') });
		await expect(loading).rejects.toThrow('2 content errors');
	});

	it('fails with its own error when the check passed and chooses no entries, or no check runs', async () => {
		const { context } = storeContext();
		shareBuildCheck(Promise.resolve({ library }));
		await expect(checkedFirst(refusing).load(context)).rejects.toThrow("Astro's own message");
		shareBuildCheck(undefined);
		await expect(
			checkedFirst(refusing, (checked) => checked.insights.map(checkedInsight)).load(context),
		).rejects.toThrow("Astro's own message");
	});

	it('loads as the loader does when no check runs (the dev server)', async () => {
		const calls: string[] = [];
		const loader = checkedFirst(
			{ name: 'ok', load: async () => void calls.push('loaded') },
			(checked) => checked.insights.map(checkedInsight),
		);
		await loader.load(storeContext().context);
		expect(calls).toEqual(['loaded']);
		expect(loader.name).toBe('ok');
	});
});
