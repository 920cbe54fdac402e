/**
 * Decks a batch starts before its content check is done. Once the briefings and the insights
 * they name are read, the deck threads have every input they need, while the main thread still
 * reads the insights those name as related and checks everything: idle cores. Decks built then
 * are held, unwritten; when the check passes, each is handed on (written) only if its input is
 * the one the checked library gives, the same objects (a deck is a pure function of its input),
 * and built again otherwise; when the check refuses the batch, they are dropped with the
 * threads. Nothing is written before the check passes, and every message is the one a batch
 * without early decks gives.
 */
import type { DeckInput } from '../deck/index.ts';
import type { DeckOutcome, DeckWorkers, OnDeck } from './deck-workers.ts';

/** True when `a` and `b` are made of the same objects: the same deck. */
export function sameDeckInput(a: DeckInput, b: DeckInput): boolean {
	return (
		a.briefing === b.briefing &&
		a.industryName === b.industryName &&
		a.brand === b.brand &&
		a.logo === b.logo &&
		a.template === b.template &&
		a.modified.getTime() === b.modified.getTime() &&
		a.insights.length === b.insights.length &&
		a.insights.every(
			(insight, at) =>
				insight.id === b.insights[at]!.id &&
				insight.data === b.insights[at]!.data &&
				insight.talkTrack === b.insights[at]!.talkTrack,
		)
	);
}

/** Decks started early on a batch's threads, held until the batch's check is done. */
export class EarlyDecks {
	readonly #workers: DeckWorkers;
	readonly #note: (line: string) => void;
	/** The inputs the early decks were built from. */
	#inputs = new Map<string, DeckInput>();
	/** Early decks built and not yet handed on. */
	readonly #held = new Map<string, DeckOutcome>();
	/** Settles when every early deck is built. */
	#run: Promise<void> = Promise.resolve();
	/** Once the check passed: the checked inputs and where their decks go. */
	#approved?: { inputs: ReadonlyMap<string, DeckInput>; onDeck: OnDeck };
	/** Decks handed on, one at a time. */
	#handed = Promise.resolve();
	/** Early decks whose input the checked library does not give (built again). */
	readonly #stale = new Set<string>();
	/** Lines about the threads (one failed...), held until the check passes: a refused batch has none. */
	readonly #notes: string[] = [];

	constructor(workers: DeckWorkers, note: (line: string) => void) {
		this.#workers = workers;
		this.#note = note;
	}

	/** Starts building `inputs` (once; the threads take them before any later batch). */
	start(inputs: Map<string, DeckInput>): void {
		if (this.#inputs.size || !inputs.size) return;
		this.#inputs = inputs;
		this.#run = this.#workers.build(
			inputs,
			async (id, outcome) => this.#arrived(id, outcome),
			this.#note,
			undefined,
		);
	}

	/** An early deck is built: held, or handed on when the check has passed. */
	#arrived(id: string, outcome: DeckOutcome): void {
		if (!this.#approved) this.#held.set(id, outcome);
		else this.#handOn(id, outcome);
	}

	/** Hands `id`'s deck on when its input is the checked one; otherwise it is built again. */
	#handOn(id: string, outcome: DeckOutcome): void {
		const { inputs, onDeck } = this.#approved!;
		const checked = inputs.get(id);
		if (!checked || !sameDeckInput(this.#inputs.get(id)!, checked)) {
			this.#stale.add(id);
			return;
		}
		this.#handed = this.#handed.then(() => onDeck(id, outcome));
	}

	/**
	 * The check passed with `inputs`: the early decks of those inputs go to `onDeck` (as they are
	 * built), and the inputs left to build are returned once every early deck is done.
	 */
	async approved(
		inputs: ReadonlyMap<string, DeckInput>,
		onDeck: OnDeck,
	): Promise<Map<string, DeckInput>> {
		this.#approved = { inputs, onDeck };
		this.#notes.splice(0).forEach(this.#note);
		for (const [id, outcome] of this.#held) this.#handOn(id, outcome);
		this.#held.clear();
		await this.#run;
		await this.#handed;
		const left = new Map<string, DeckInput>();
		for (const [id, input] of inputs)
			if (!this.#inputs.has(id) || this.#stale.has(id)) left.set(id, input);
		return left;
	}
}
