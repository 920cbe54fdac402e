/**
 * Decks made ahead of the click (`src/builder/deck-prepare.ts`): one build at a time, the newest
 * background request waiting, a download never replaced, the finished deck handed over at once.
 * Builds are driven by hand, so the order of events is the test's, not a timer's.
 */
import { describe, expect, it } from 'vitest';
import { PreparedDecks } from '../src/builder/deck-prepare.ts';
import { deckKey, PPTX_MIME } from '../src/builder/deck-request.ts';
import { PPTX_MIME as enginePptxMime } from '../src/deck/index.ts';
import { foldText } from '../src/builder/search.ts';

/** A build that finishes when the test says so; records what it was asked, in order. */
function manualBuilds() {
	const started: string[] = [];
	const finishers = new Map<string, { done: () => void; fail: (error: Error) => void }>();
	const build = (input: string) =>
		new Promise<Uint8Array>((resolve, reject) => {
			started.push(input);
			finishers.set(input, {
				done: () => resolve(new TextEncoder().encode(`deck of ${input}`)),
				fail: reject,
			});
		});
	const finish = async (input: string) => {
		finishers.get(input)!.done();
		await new Promise((resolve) => setTimeout(resolve, 0));
	};
	return { started, build, finish, finishers };
}

const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder().decode(bytes) : bytes);

describe('PreparedDecks', () => {
	it('hands over a prepared deck at once, and keeps only the newest', async () => {
		const { build, finish, started } = manualBuilds();
		const decks = new PreparedDecks(build);
		decks.prepare('a', 'a');
		expect(decks.ready('a')).toBeUndefined();
		await finish('a');
		expect(text(decks.ready('a'))).toBe('deck of a');
		expect(text(await decks.deck('a', 'a'))).toBe('deck of a');
		decks.prepare('a', 'a');
		expect(started).toEqual(['a']);
		decks.prepare('b', 'b');
		await finish('b');
		expect(decks.ready('a')).toBeUndefined();
		expect(text(decks.ready('b'))).toBe('deck of b');
	});

	it('builds one at a time; a newer background request replaces the one waiting', async () => {
		const { build, finish, started } = manualBuilds();
		const decks = new PreparedDecks(build);
		decks.prepare('a', 'a');
		decks.prepare('b', 'b');
		decks.prepare('c', 'c');
		expect(started).toEqual(['a']);
		await finish('a');
		expect(started).toEqual(['a', 'c']);
		await finish('c');
		expect(text(decks.ready('c'))).toBe('deck of c');
	});

	it('a download waits for the build of its draft under way, without starting another', async () => {
		const { build, finish, started } = manualBuilds();
		const decks = new PreparedDecks(build);
		decks.prepare('a', 'a');
		const download = decks.deck('a', 'a');
		await finish('a');
		expect(text(await download)).toBe('deck of a');
		expect(started).toEqual(['a']);
	});

	it('a download of another draft comes next, and no background request replaces it', async () => {
		const { build, finish, started } = manualBuilds();
		const decks = new PreparedDecks(build);
		decks.prepare('a', 'a');
		decks.prepare('b', 'b');
		const download = decks.deck('c', 'c');
		decks.prepare('d', 'd');
		await finish('a');
		expect(started).toEqual(['a', 'c']);
		await finish('c');
		expect(text(await download)).toBe('deck of c');
		expect(started).toEqual(['a', 'c']);
	});

	it('a download that finds its draft waiting in the background takes that request over', async () => {
		const { build, finish, started } = manualBuilds();
		const decks = new PreparedDecks(build);
		decks.prepare('a', 'a');
		decks.prepare('b', 'b');
		const download = decks.deck('b', 'b');
		decks.prepare('c', 'c');
		await finish('a');
		await finish('b');
		expect(text(await download)).toBe('deck of b');
		expect(started).toEqual(['a', 'b']);
	});

	it('a failed build rejects the download waiting for it, and the next one still runs', async () => {
		const { build, finish, finishers, started } = manualBuilds();
		const decks = new PreparedDecks(build);
		const download = decks.deck('a', 'a');
		finishers.get('a')!.fail(new Error('details offline'));
		await expect(download).rejects.toThrow('details offline');
		expect(decks.ready('a')).toBeUndefined();
		const again = decks.deck('a', 'a');
		await finish('a');
		expect(text(await again)).toBe('deck of a');
		expect(started).toEqual(['a', 'a']);
	});

	it('a build that throws at once is a failed build, not a stuck queue', async () => {
		let calls = 0;
		const decks = new PreparedDecks<string>((input) => {
			calls++;
			if (input === 'bad') throw new Error('no engine');
			return Promise.resolve(new Uint8Array([1]));
		});
		await expect(decks.deck('bad', 'bad')).rejects.toThrow('no engine');
		expect(await decks.deck('good', 'good')).toEqual(new Uint8Array([1]));
		expect(calls).toBe(2);
	});
});

describe('deck requests', () => {
	it('name the engine’s media type without loading the engine', () => {
		expect(PPTX_MIME).toBe(enginePptxMime);
	});

	it('key a briefing by its content, dates included', () => {
		const briefing = { title: 'T', date: new Date('2027-01-20'), insights: ['a', 'b'] };
		const key = deckKey(briefing as never);
		expect(deckKey(structuredClone(briefing) as never)).toBe(key);
		expect(deckKey({ ...briefing, date: new Date('2027-01-21') } as never)).not.toBe(key);
		expect(deckKey({ ...briefing, insights: ['b', 'a'] } as never)).not.toBe(key);
	});
});

describe('foldText', () => {
	it('folds plain ASCII by lowercasing, and anything else by dropping accents too', () => {
		expect(foldText('Cost OF Care\tnow')).toBe('cost of care\tnow');
		expect(foldText('Résumé Straße ﬁnance')).toBe('resume straße finance');
		expect(foldText('Crème — “brûlée”')).toBe('creme — “brulee”');
	});
});
