/**
 * A batch on threads starts its decks once the briefings and the insights they name are read,
 * before the insights those name as related are read and the whole check is done
 * (src/integrations/early-decks.ts). Those decks must be written only when the check passes,
 * only when the checked library gives the same input, and give the decks and the lines of a batch
 * built after its check (one job: no early decks).
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDeckProject } from '../fixtures/decks/project-copy.ts';
import { sampleInput } from '../fixtures/decks/inputs.ts';
import type { DeckInput } from '../../src/deck/index.ts';
import { buildDecks } from '../../src/integrations/decks.ts';
import { DeckWorkers, type OnDeck } from '../../src/integrations/deck-workers.ts';
import { EarlyDecks, sameDeckInput } from '../../src/integrations/early-decks.ts';

let scratch: string;
beforeAll(async () => {
	scratch = await mkdtemp(path.join(tmpdir(), 'batch-early-'));
});
afterAll(async () => {
	await rm(scratch, { recursive: true, force: true });
});

const extraInsights = 20;
const insightId = (index: number) => `pricing-lag-${String(index).padStart(2, '0')}`;

/**
 * The deck fixture project plus `extraInsights` insights, each relating to the next and the first
 * also to `lonely` (an insight no briefing names: read only after the early decks start), named
 * by two more briefings.
 */
async function project(): Promise<string> {
	const root = await mkdtemp(path.join(scratch, 'project-'));
	await copyDeckProject(root);
	const insight = await readFile(path.join(root, 'content/insights/pricing-lag.mdx'), 'utf8');
	for (let index = 0; index < extraInsights; index++) {
		const ids = [insightId((index + 1) % extraInsights), ...(index ? [] : ['lonely'])];
		await writeFile(
			path.join(root, 'content/insights', `${insightId(index)}.mdx`),
			insight.replace('status: published\n', `status: published\nrelated: [${ids.join(', ')}]\n`),
		);
	}
	await writeFile(path.join(root, 'content/insights/lonely.mdx'), insight);
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

/** Threads that record the decks each batch they build is given. */
class RecordingWorkers extends DeckWorkers {
	readonly batches: string[][] = [];
	override build(...args: Parameters<DeckWorkers['build']>) {
		this.batches.push([...args[0].keys()]);
		return super.build(...args);
	}
}

/** Every deck of `root` into a fresh folder, on `jobs` jobs; its lines and files. */
async function batch(root: string, jobs: number, workers?: DeckWorkers) {
	const outDir = await mkdtemp(path.join(scratch, 'out-'));
	const lines: string[] = [];
	const result = await buildDecks({
		root,
		outDir,
		jobs,
		sourceDateEpoch: '0',
		log: (line) => lines.push(line),
		...(workers ? { workers } : {}),
	});
	const files = new Map<string, Buffer>();
	for (const name of (await readdir(outDir)).sort())
		files.set(name, await readFile(path.join(outDir, name)));
	const shown = lines
		.map((line) =>
			line
				.replaceAll(path.relative(root, outDir), 'OUT')
				.replace(/\d+ ms/g, 'N ms')
				.replace(/\([\d.]+ s, \d+ jobs?\)/, '(N)'),
		)
		.sort();
	return { result, lines: shown, files };
}

describe('early decks in a batch', () => {
	it('are the decks and lines of a batch built after its check', async () => {
		const root = await project();
		const workers = new RecordingWorkers(2);
		const [threads, one] = [await batch(root, 2, workers), await batch(root, 1)];
		// Every deck started early, in one batch given to the threads before the check was done.
		expect(workers.batches).toEqual([['acme-cfo', 'batch-0', 'batch-1', 'globex-coo'], []]);
		expect(threads.result.ok).toBe(true);
		expect(threads.lines).toEqual(one.lines);
		expect([...threads.files.keys()]).toEqual([...one.files.keys()]);
		for (const [name, bytes] of one.files)
			expect(threads.files.get(name)!.equals(bytes), name).toBe(true);
	}, 240_000);

	it('are never written when the check then refuses the batch, with the same lines', async () => {
		const root = await project();
		// Found only when the related insights are read, after the decks started.
		const lonely = path.join(root, 'content/insights/lonely.mdx');
		await writeFile(lonely, (await readFile(lonely, 'utf8')).replace(/^title: .*$/m, 'title: 42'));
		const workers = new RecordingWorkers(2);
		const [threads, one] = [await batch(root, 2, workers), await batch(root, 1)];
		expect(workers.batches[0]).toHaveLength(4);
		expect(threads.result.ok).toBe(false);
		expect(threads.result.refused.length).toBeGreaterThan(0);
		expect(threads.lines).toEqual(one.lines);
		expect(threads.files.size).toBe(0);
	}, 240_000);
});

/** Threads that "build" each deck as its id's bytes, in order. */
const fakeWorkers = (built: string[]) =>
	({
		build: async (inputs: ReadonlyMap<string, DeckInput>, onDeck: OnDeck) => {
			for (const id of inputs.keys()) {
				built.push(id);
				await onDeck(id, { bytes: new TextEncoder().encode(id), ms: 0 });
			}
		},
	}) as unknown as DeckWorkers;

describe('early decks held until the check', () => {
	it('are handed on only for the same input, and the others are left to build', async () => {
		const built: string[] = [];
		const early = new EarlyDecks(fakeWorkers(built), () => {});
		const base = sampleInput();
		const inputs = new Map([
			['same', base],
			['edited', { ...base, briefing: { ...base.briefing } }],
			['brand', { ...base }],
		]);
		early.start(inputs);
		const checked = new Map([
			['same', { ...base, modified: new Date(base.modified.getTime()) }],
			['edited', { ...base }],
			['brand', { ...base, brand: { ...base.brand } }],
			['late', base],
		]);
		const handed: string[] = [];
		const left = await early.approved(checked, async (id) => void handed.push(id));
		expect(built).toEqual(['same', 'edited', 'brand']);
		expect(handed).toEqual(['same']);
		expect([...left.keys()]).toEqual(['edited', 'brand', 'late']);
		expect(left.get('edited')).toBe(checked.get('edited'));
	});

	it('compare inputs by their objects', () => {
		const base = sampleInput();
		expect(sameDeckInput(base, { ...base })).toBe(true);
		expect(sameDeckInput(base, { ...base, insights: [...base.insights] })).toBe(true);
		expect(sameDeckInput(base, { ...base, insights: base.insights.slice(1) })).toBe(false);
		const [first, ...rest] = base.insights;
		expect(
			sameDeckInput(base, { ...base, insights: [{ ...first!, talkTrack: 'x' }, ...rest] }),
		).toBe(false);
		expect(sameDeckInput(base, { ...base, industryName: 'Retail' })).toBe(false);
		expect(sameDeckInput(base, { ...base, logo: { ...base.logo! } })).toBe(false);
		expect(sameDeckInput(base, { ...base, template: new Uint8Array(1) })).toBe(false);
		expect(sameDeckInput(base, { ...base, modified: new Date(1) })).toBe(false);
	});
});
