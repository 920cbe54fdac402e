/**
 * Briefing pages' previews from the site build's deck thread: the thread draws them from the scene
 * it builds the deck from, which must give the page exactly what planning the deck again on the
 * page gives; on a company template, and without being asked, there is none (the page draws its own).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { planDeck, type DeckInput } from '../src/deck/index.ts';
import {
	dropBriefingPreviews,
	keepBriefingPreview,
	takeBriefingPreview,
} from '../src/integrations/briefing-previews.ts';
import { deckPreview } from '../src/integrations/deck-preview.ts';
import { DeckWorkers, type DeckOutcome } from '../src/integrations/deck-workers.ts';
import { briefingPreview } from '../src/site/briefing-preview.ts';
import { maxInput, sampleInput } from './fixtures/decks/inputs.ts';

const previewModule = new URL('../src/integrations/deck-preview.ts', import.meta.url);

/** Builds `inputs` on one deck thread and returns each deck's outcome. */
async function buildOnThread(
	inputs: Map<string, DeckInput>,
	options: { previewModule?: URL } = {},
): Promise<Map<string, DeckOutcome>> {
	const workers = new DeckWorkers(1, options);
	const outcomes = new Map<string, DeckOutcome>();
	try {
		await workers.build(
			inputs,
			async (id, outcome) => void outcomes.set(id, outcome),
			() => {},
			undefined,
		);
	} finally {
		await workers.close();
	}
	return outcomes;
}

describe('briefing previews from the deck thread', () => {
	afterEach(() => dropBriefingPreviews());

	it('are what the page would draw from planning the deck itself', async () => {
		const inputs = new Map([
			['sample', sampleInput()],
			['max', maxInput()],
		]);
		const outcomes = await buildOnThread(inputs, { previewModule });
		for (const [id, input] of inputs) {
			const outcome = outcomes.get(id)!;
			expect(outcome.error).toBeUndefined();
			const expected = briefingPreview(planDeck(input));
			expect(expected.slides.length).toBeGreaterThan(5);
			expect(expected.slides[0]!.svg).toMatch(/^<svg/);
			expect(expected.questions.length).toBeGreaterThan(0);
			expect(outcome.preview).toEqual(expected);
		}
	});

	it('are not made unless asked for (npm run decks)', async () => {
		const outcomes = await buildOnThread(new Map([['sample', sampleInput()]]));
		expect(outcomes.get('sample')!.bytes).toBeDefined();
		expect(outcomes.get('sample')!.preview).toBeUndefined();
	});

	it('are left to the page on a company template (the page shows the built-in layouts)', () => {
		const input = sampleInput();
		const plan = planDeck(input);
		expect(deckPreview(input, plan)).toEqual(briefingPreview(plan));
		expect(deckPreview({ ...input, template: new Uint8Array([1]) }, plan)).toBeUndefined();
	});

	it('are handed to a page once, and dropped when the build ends', () => {
		const preview = briefingPreview(planDeck(sampleInput()));
		keepBriefingPreview('a', preview);
		keepBriefingPreview('b', preview);
		expect(takeBriefingPreview('a')).toBe(preview);
		expect(takeBriefingPreview('a')).toBeUndefined();
		dropBriefingPreviews();
		expect(takeBriefingPreview('b')).toBeUndefined();
	});
});
