/**
 * Every kind of deck the engine builds is a package PowerPoint opens without a word: zero errors
 * from the Open XML SDK validator and nothing for the deck audit to report, for the example briefings,
 * the sample, decks at every field's maximum (words and wide letters), every chart kind, and the
 * bench corpus's decks.
 */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../bench/corpus.ts';
import { auditDeck } from '../src/deck/audit/index.ts';
import { buildDeck, planDeck } from '../src/deck/index.ts';
import { buildDecks } from '../src/integrations/decks.ts';
import { maxInput, sampleInput } from './fixtures/decks/inputs.ts';
import { skipValidation, validatorErrors } from './fixtures/decks/validate.ts';

const repo = path.resolve(import.meta.dirname, '..');
const decks: Array<{ name: string; bytes: Uint8Array }> = [];
const chartKinds = new Set<string>();
let tmp: string;

async function buildAll(root: string, prefix: string, ids?: string[]): Promise<void> {
	const outDir = path.join(tmp, `${prefix}-decks`);
	const result = await buildDecks({ root, outDir, ids, jobs: 1, log: () => {} });
	expect(result.failed).toEqual([]);
	expect(result.refused).toEqual([]);
	for (const file of (await readdir(outDir)).filter((name) => name.endsWith('.pptx')).sort())
		decks.push({
			name: `${prefix}/${file}`,
			bytes: new Uint8Array(await readFile(path.join(outDir, file))),
		});
}

beforeAll(async () => {
	tmp = await mkdtemp(path.join(os.tmpdir(), 'deck-valid-'));
	await buildAll(repo, 'examples');
	for (const [name, input] of [
		['sample', sampleInput()],
		['max', maxInput()],
		['max-wide', maxInput({ wide: true })],
	] as const) {
		decks.push({ name, bytes: await buildDeck(input) });
		for (const slide of planDeck(input).slides)
			for (const frame of slide.frames)
				if (frame.kind === 'chart') chartKinds.add(frame.chart.kind);
	}
	// The bench corpus: fields at their maxima, every chart kind, 2-12 insights per briefing.
	const root = path.join(tmp, 'corpus');
	const corpus = generateCorpus({
		insights: 48,
		briefings: 4,
		seed: 11,
		today: new Date('2026-06-01T00:00:00Z'),
	});
	await writeCorpus(root, corpus);
	await cp(path.join(repo, 'content', 'brand.yaml'), path.join(root, 'content', 'brand.yaml'));
	await cp(path.join(repo, 'public'), path.join(root, 'public'), { recursive: true });
	await buildAll(root, 'corpus');
});

afterAll(async () => {
	await rm(tmp, { recursive: true, force: true });
});

describe('deck packages', () => {
	it('cover the examples, the maxima, the corpus and every chart kind', () => {
		expect(decks.filter((deck) => deck.name.startsWith('examples/')).length).toBeGreaterThanOrEqual(
			7,
		);
		expect(decks.filter((deck) => deck.name.startsWith('corpus/')).length).toBe(4);
		expect([...chartKinds].sort()).toEqual(['bar', 'column', 'doughnut', 'line', 'pie']);
	});

	it('have no problems in the audit: titles, alt text, reading order, contrast, language, package', () => {
		const problems = decks.flatMap(({ name, bytes }) =>
			auditDeck(bytes).map(
				(finding) => `${name}: slide ${finding.slide ?? '-'}: ${finding.rule}: ${finding.message}`,
			),
		);
		expect(problems).toEqual([]);
	});

	it.skipIf(skipValidation())(
		'pass the Open XML SDK validator with zero errors',
		async () => {
			expect(await validatorErrors(decks)).toEqual([]);
		},
		300_000,
	);
});
