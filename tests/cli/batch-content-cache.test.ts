/**
 * The content cache in `npm run decks`'s batch path: the main thread reads every file and looks
 * it up in the cache, and worker threads parse what it did not find (src/library/insight-file.ts
 * `readInsightFilesParsedBy`, src/integrations/deck-workers.ts). A second run must parse nothing,
 * and every run must give the decks and the messages a run without the cache gives: after an
 * edit, a deletion, corrupt entries and under other code.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDeckProject } from '../fixtures/decks/project-copy.ts';
import { contentCache, contentCacheRoot } from '../../scripts/lib/content-cache.ts';
import { buildDecks, type BuildDecksResult } from '../../src/integrations/decks.ts';
import type { ParseMemo, SplitParseMemo } from '../../src/library/parse-memo.ts';

let scratch: string;
beforeAll(async () => {
	scratch = await mkdtemp(path.join(tmpdir(), 'batch-cache-'));
});
afterAll(async () => {
	await rm(scratch, { recursive: true, force: true });
});

/** Insights made from the fixture's `pricing-lag`, enough for several texts sent to each thread. */
const extraInsights = 60;
const insightId = (index: number) => `pricing-lag-${String(index).padStart(2, '0')}`;

/**
 * The deck fixture project with the real brand and taxonomy, plus `extraInsights` insights
 * (each relating to the next, so related files are read too) named by six more briefings.
 */
async function project(): Promise<string> {
	const root = await mkdtemp(path.join(scratch, 'project-'));
	await copyDeckProject(root);
	const insight = await readFile(path.join(root, 'content/insights/pricing-lag.mdx'), 'utf8');
	for (let index = 0; index < extraInsights; index++) {
		const related = `related: [${insightId((index + 1) % extraInsights)}]\n`;
		await writeFile(
			path.join(root, 'content/insights', `${insightId(index)}.mdx`),
			insight.replace('status: published\n', `status: published\n${related}`),
		);
	}
	const briefing = await readFile(path.join(root, 'content/briefings/acme-cfo.yaml'), 'utf8');
	const [head, tail] = briefing.split(/insights:\n(?: {2}- .+\n)+/);
	for (let group = 0; group < extraInsights / 10; group++) {
		const ids = Array.from({ length: 10 }, (_, index) => insightId(group * 10 + index));
		await writeFile(
			path.join(root, 'content/briefings', `batch-${group}.yaml`),
			`${head}insights:\n${ids.map((id) => `  - ${id}\n`).join('')}${tail}`,
		);
	}
	return root;
}

/** The content cache for `code`, recording which files were looked up in vain and which kept. */
function counted(root: string, code: string) {
	const store = contentCache(root, code);
	const missed: string[] = [];
	const kept: string[] = [];
	const memo: ParseMemo & SplitParseMemo = Object.assign(
		<T>(kind: string, file: string, source: string, parse: () => T) =>
			store(kind, file, source, () => {
				kept.push(`${kind} ${file}`);
				return parse();
			}),
		{
			find: (kind: string, file: string, source: string) => {
				const found = store.find(kind, file, source);
				if (!found) missed.push(`${kind} ${file}`);
				return found;
			},
			keep: (kind: string, file: string, source: string, value: unknown) => {
				kept.push(`${kind} ${file}`);
				store.keep(kind, file, source, value);
			},
		},
	);
	return { memo, missed, kept };
}

/** `npm run decks` for every briefing on two threads, its lines without the timings. */
async function batch(root: string, memo?: ParseMemo & Partial<SplitParseMemo>) {
	const lines: string[] = [];
	const outDir = path.join(root, 'decks');
	const result = await buildDecks({
		root,
		outDir,
		jobs: 2,
		sourceDateEpoch: '0',
		log: (line) => lines.push(line.replace(/\d+(\.\d+)? (ms|s)\b/g, 'T')),
		...(memo ? { memo } : {}),
	});
	const decks = new Map<string, Buffer>();
	for (const deck of result.built) decks.set(deck.id, await readFile(deck.file));
	return { result, lines: lines.sort(), decks };
}

/** What a run without the cache gives, to compare a cached run with. */
const uncached = (root: string) => batch(root);

const sameRun = (
	run: { result: BuildDecksResult; lines: string[]; decks: Map<string, Buffer> },
	expected: { result: BuildDecksResult; lines: string[]; decks: Map<string, Buffer> },
) => {
	expect(run.lines).toEqual(expected.lines);
	expect(run.result.refused).toEqual(expected.result.refused);
	expect([...run.decks.keys()].sort()).toEqual([...expected.decks.keys()].sort());
	for (const [id, bytes] of expected.decks) expect(run.decks.get(id)!.equals(bytes)).toBe(true);
};

describe('the content cache in the batch of decks', () => {
	it('keeps what the threads parsed, and a second run parses nothing, with the same decks', async () => {
		const root = await project();
		const expected = await uncached(root);
		expect(expected.result.ok).toBe(true);
		expect(expected.decks.size).toBe(2 + extraInsights / 10);

		const cold = counted(root, 'code-a');
		sameRun(await batch(root, cold.memo), expected);
		// The briefings (2 + 6), brand, taxonomy, the insights they name (2 + 60) and the related
		// one of the fixture not named by any briefing, each kept once.
		const insights = cold.kept.filter((entry) => entry.startsWith('insight content/'));
		expect(insights).toHaveLength(2 + extraInsights);
		expect(new Set(cold.kept).size).toBe(cold.kept.length);
		expect(cold.missed.length).toBeGreaterThan(extraInsights);

		const warm = counted(root, 'code-a');
		sameRun(await batch(root, warm.memo), expected);
		expect(warm.missed).toEqual([]);
		expect(warm.kept).toEqual([]);
	});

	it('parses an edited insight again, and only that one, with the messages of a run without the cache', async () => {
		const root = await project();
		await batch(root, counted(root, 'code-a').memo);
		const file = path.join(root, 'content/insights', `${insightId(7)}.mdx`);
		await writeFile(
			file,
			(await readFile(file, 'utf8')).replace('stage: change-challenges', 'stage: deciding'),
		);
		const warm = counted(root, 'code-a');
		const run = await batch(root, warm.memo);
		expect(warm.kept).toEqual([`insight content/insights/${insightId(7)}.mdx`]);
		sameRun(run, await uncached(root));
		expect(run.result.refused.join('\n')).toMatch(new RegExp(`${insightId(7)}\\.mdx: stage: `));
	});

	it('reports a deleted insight missing, as without the cache', async () => {
		const root = await project();
		await batch(root, counted(root, 'code-a').memo);
		await rm(path.join(root, 'content/insights', `${insightId(12)}.mdx`));
		const run = await batch(root, counted(root, 'code-a').memo);
		sameRun(run, await uncached(root));
		expect(run.result.refused.join('\n')).toMatch(new RegExp(insightId(12)));
	});

	it('parses again over corrupt entries and writes them again whole', async () => {
		const root = await project();
		await batch(root, counted(root, 'code-a').memo);
		const dir = path.join(contentCacheRoot(root), 'code-a');
		const names = await readdir(dir);
		for (const [index, name] of names.entries())
			await writeFile(path.join(dir, name), index % 2 ? 'not a v8 serialization' : '');
		const again = counted(root, 'code-a');
		sameRun(await batch(root, again.memo), await uncached(root));
		expect(again.kept).toHaveLength(names.length);
		const warm = counted(root, 'code-a');
		await batch(root, warm.memo);
		expect(warm.kept).toEqual([]);
	});

	it("never uses another code's entries, and removes them", async () => {
		const root = await project();
		await batch(root, counted(root, 'code-a').memo);
		const other = counted(root, 'code-b');
		sameRun(await batch(root, other.memo), await uncached(root));
		expect(other.kept.length).toBeGreaterThan(extraInsights);
		expect(await readdir(contentCacheRoot(root))).toEqual(['code-b']);
	});
});
