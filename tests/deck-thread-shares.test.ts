/**
 * A batch sends each deck thread the brand, logo and template its decks share once
 * (src/integrations/deck-input-shares.ts), and the threads keep them: every deck must still be
 * built from exactly its own input (a changed brand or template reaches the thread and is used),
 * and give the bytes the main thread gives. Messages are structured clones, as `postMessage` makes.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { DeckInput } from '../src/deck/index.ts';
import { buildAuditedDeck } from '../src/integrations/audited-deck.ts';
import { SharedValuesKept, SharedValuesSent } from '../src/integrations/deck-input-shares.ts';
import { DeckWorkers, type DeckOutcome } from '../src/integrations/deck-workers.ts';
import { sampleInput } from './fixtures/decks/inputs.ts';
import { templateFixtures, templatesAvailable } from './fixtures/templates.ts';

/** `input` through a sender and a keeper, as a message to a thread carries it. */
const across = (sent: SharedValuesSent, kept: SharedValuesKept, input: DeckInput) =>
	kept.join(structuredClone(sent.split(input)));

/** The same input with another primary colour: what a brand.yaml edited between batches gives. */
const recoloured = (input: DeckInput): DeckInput => ({
	...input,
	brand: { ...input.brand, colors: { ...input.brand.colors, primary: '#5A1F6B' } },
});

describe('deck inputs with shared parts', () => {
	it('arrive whole, in their keys order, with each shared value sent once', () => {
		const [sent, kept] = [new SharedValuesSent(), new SharedValuesKept()];
		const first = sampleInput({ company: 'Contoso' });
		const second = {
			...sampleInput({ company: 'Fabrikam' }),
			brand: first.brand,
			logo: first.logo,
		};
		const one = across(sent, kept, first);
		expect(one).toEqual(first);
		expect(Object.keys(one)).toEqual(Object.keys(first));
		const message = sent.split(second);
		expect(message.values).toEqual([]);
		expect(JSON.stringify(message.own)).not.toContain(first.logo!.dataUrl);
		const two = kept.join(structuredClone(message));
		expect(two).toEqual(second);
		// The same objects on the thread for every deck: the engine's caches key on them.
		expect(two.brand).toBe(one.brand);
		expect(two.logo).toBe(one.logo);
	});

	it('send a changed brand, logo or template again, and the thread uses it', () => {
		const [sent, kept] = [new SharedValuesSent(), new SharedValuesKept()];
		const input = { ...sampleInput(), template: new Uint8Array([1, 2, 3]) };
		across(sent, kept, input);
		const edited = {
			...recoloured(input),
			logo: { ...input.logo!, aspectRatio: 2 },
			template: new Uint8Array([1, 2, 4]),
		};
		const message = sent.split(edited);
		expect(message.values).toHaveLength(3);
		expect(kept.join(structuredClone(message))).toEqual(edited);
		// And back: the first values, kept on the thread, are used again.
		expect(across(sent, kept, input)).toEqual(input);
		// An input without a template is built without one.
		const { template: _template, ...plain } = input;
		expect(across(sent, kept, plain)).toEqual(plain);
		expect('template' in across(sent, kept, plain)).toBe(false);
	});

	it('refuse a deck whose shared value the thread was never sent', () => {
		const message = new SharedValuesSent().split(sampleInput());
		expect(() => new SharedValuesKept().join({ ...message, values: [] })).toThrow(
			/was not sent the brand/,
		);
	});
});

/** Every deck of `inputs` built on `threads` deck threads. */
async function onThreads(inputs: Map<string, DeckInput>, threads: number) {
	const workers = new DeckWorkers(threads);
	const outcomes = new Map<string, DeckOutcome>();
	try {
		await workers.build(
			inputs,
			async (id, outcome) => void outcomes.set(id, outcome),
			(line) => {
				throw new Error(line);
			},
			undefined,
		);
	} finally {
		await workers.close();
	}
	return outcomes;
}

describe('decks on threads with shared parts', () => {
	it('are the decks of their own inputs when the brand changes within a batch', async () => {
		const base = sampleInput();
		const inputs = new Map<string, DeckInput>([
			['a', base],
			['b', { ...sampleInput({ company: 'Fabrikam' }), brand: base.brand, logo: base.logo }],
			['c', recoloured(base)],
			['d', { ...base, modified: new Date(0) }],
			['e', recoloured(base)],
		]);
		const outcomes = await onThreads(inputs, 2);
		expect([...outcomes.keys()].sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
		for (const [id, input] of inputs) {
			const here = await buildAuditedDeck(id, input, undefined);
			expect(outcomes.get(id)?.error).toBeUndefined();
			expect(Buffer.from(outcomes.get(id)!.bytes!).equals(Buffer.from(here.bytes)), id).toBe(true);
		}
		expect(
			Buffer.from(outcomes.get('a')!.bytes!).equals(Buffer.from(outcomes.get('c')!.bytes!)),
		).toBe(false);
	}, 120_000);

	it.runIf(templatesAvailable)(
		'are the decks of their own templates when the template changes within a batch',
		async () => {
			const fixtures = (await templateFixtures())!;
			const templates = await Promise.all(
				fixtures.slice(2).map(async ({ potx }) => new Uint8Array(await readFile(potx))),
			);
			const base = sampleInput();
			const inputs = new Map<string, DeckInput>([
				['a', { ...base, template: templates[0] }],
				['b', { ...sampleInput({ company: 'Fabrikam' }), template: templates[0] }],
				['c', { ...base, template: templates[1] }],
				['d', base],
				['e', { ...base, template: templates[0] }],
			]);
			const outcomes = await onThreads(inputs, 1);
			for (const [id, input] of inputs) {
				const here = await buildAuditedDeck(id, input, undefined);
				expect(outcomes.get(id)?.error).toBeUndefined();
				expect(Buffer.from(outcomes.get(id)!.bytes!).equals(Buffer.from(here.bytes)), id).toBe(
					true,
				);
			}
		},
		180_000,
	);
});
