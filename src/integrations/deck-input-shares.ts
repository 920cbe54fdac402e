/**
 * Deck inputs sent to a deck thread with what many decks share (the brand, its logo, the company
 * template) sent once per thread and kept there. Every message a thread receives is a structured
 * clone: sent whole with each deck, the template's bytes were copied for every deck and arrived as
 * a new array each time, so the engine's per-process caches, which key on the template's bytes
 * (template/plan.ts) and the template read from them (pptx/graft.ts), read and grafted the
 * template again for every deck. Sent once, a value is the same object on the thread for every
 * deck that shares it on the main thread, and a value the main thread has not sent to that thread
 * before (another brand, an edited template) is sent and kept anew: a thread never builds with a
 * value other than the one its deck's input holds.
 */
import type { DeckInput } from '../deck/index.ts';

/** The parts of a deck input that decks share, sent once per thread. */
const sharedKeys = ['brand', 'logo', 'template'] as const;
type SharedKey = (typeof sharedKeys)[number];

/**
 * A deck input as sent to a thread: its own parts, with each shared part named by a number the
 * thread was given with the part's value (`values`, in this message or an earlier one).
 */
export interface SharedDeckInput {
	/** The input without its shared parts (the keys stay, undefined, so the order is the input's). */
	own: DeckInput;
	/** For each shared part the input has, the number of its value. */
	refs: Partial<Record<SharedKey, number>>;
	/** Values this thread has not been sent before, by number. */
	values: Array<[number, unknown]>;
}

/** The main thread's side: which values it sent to one thread, and under which numbers. */
export class SharedValuesSent {
	readonly #numbers = new Map<unknown, number>();
	/** Numbers for every thread's values, so a number never means two values. */
	static #next = 0;

	/** `input` as sent to this thread: its shared parts by number, each value sent once. */
	split(input: DeckInput): SharedDeckInput {
		const own = { ...input };
		const refs: SharedDeckInput['refs'] = {};
		const values: SharedDeckInput['values'] = [];
		for (const key of sharedKeys) {
			if (!(key in input) || input[key] === undefined) continue;
			const value = input[key];
			let number = this.#numbers.get(value);
			if (number === undefined) {
				number = SharedValuesSent.#next++;
				this.#numbers.set(value, number);
				values.push([number, value]);
			}
			refs[key] = number;
			(own as Record<SharedKey, unknown>)[key] = undefined;
		}
		return { own, refs, values };
	}
}

/** The thread's side: the values it was sent, and each deck's input made whole from them. */
export class SharedValuesKept {
	readonly #values = new Map<number, unknown>();

	/** The deck input `sent` stands for, with the kept values (the same objects for every deck). */
	join(sent: SharedDeckInput): DeckInput {
		for (const [number, value] of sent.values) this.#values.set(number, value);
		const input: Record<string, unknown> = sent.own as unknown as Record<string, unknown>;
		for (const key of sharedKeys) {
			const number = sent.refs[key];
			if (number === undefined) continue;
			if (!this.#values.has(number))
				throw new Error(`the deck thread was not sent the ${key} this deck shares`);
			input[key] = this.#values.get(number);
		}
		return input as unknown as DeckInput;
	}
}
