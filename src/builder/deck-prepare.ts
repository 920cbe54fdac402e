/**
 * Decks made ahead of the click. While the rep works, the builder asks for the deck of each
 * complete draft in the background (`prepare`); the download asks for the deck of the draft as it
 * is (`deck`) and gets the bytes at once when they are ready, or waits for the build already
 * under way. One build at a time (a worker busy with a draft cannot be interrupted); a newer
 * background request replaces an older one that has not started, but never one a download waits
 * for. Only the newest finished deck is kept. Pure: the build itself is passed in.
 */

/** Builds the deck for `input`. */
export type BuildDeck<I> = (input: I) => Promise<Uint8Array>;

interface Job<I> {
	key: string;
	input: I;
	/** Whether a download waits for it (then no background request may replace it). */
	wanted: boolean;
	promise: Promise<Uint8Array>;
	resolve: (bytes: Uint8Array) => void;
	reject: (error: unknown) => void;
}

function job<I>(key: string, input: I, wanted: boolean): Job<I> {
	let resolve!: (bytes: Uint8Array) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<Uint8Array>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	// A background build nobody waits for may fail (a details file offline); the download reports it.
	promise.catch(() => {});
	return { key, input, wanted, promise, resolve, reject };
}

export class PreparedDecks<I> {
	readonly #build: BuildDeck<I>;
	#ready: { key: string; bytes: Uint8Array } | undefined;
	#running: Job<I> | undefined;
	#waiting: Job<I> | undefined;

	constructor(build: BuildDeck<I>) {
		this.#build = build;
	}

	/** The deck `key` names, when it is built and kept. */
	ready(key: string): Uint8Array | undefined {
		return this.#ready?.key === key ? this.#ready.bytes : undefined;
	}

	/** Builds the deck of `input` in the background, unless it is built or on its way. */
	prepare(key: string, input: I): void {
		if (this.#has(key)) return;
		if (this.#waiting?.wanted) return;
		this.#waiting = job(key, input, false);
		this.#next();
	}

	/** The deck of `input`: at once when prepared, else after the builds before it. */
	deck(key: string, input: I): Promise<Uint8Array> {
		const bytes = this.ready(key);
		if (bytes) return Promise.resolve(bytes);
		if (this.#running?.key === key) return this.#running.promise;
		if (this.#waiting?.key === key) {
			this.#waiting.wanted = true;
			return this.#waiting.promise;
		}
		// A download replaces a background request; the draft it was made for is gone.
		this.#waiting?.reject(new Error('replaced by a newer draft'));
		this.#waiting = job(key, input, true);
		const { promise } = this.#waiting;
		this.#next();
		return promise;
	}

	#has(key: string): boolean {
		return this.#ready?.key === key || this.#running?.key === key || this.#waiting?.key === key;
	}

	#next(): void {
		if (this.#running || !this.#waiting) return;
		const current = this.#waiting;
		this.#waiting = undefined;
		this.#running = current;
		let built: Promise<Uint8Array>;
		try {
			built = this.#build(current.input);
		} catch (error) {
			built = Promise.reject(error);
		}
		built
			.then(
				(bytes) => {
					this.#ready = { key: current.key, bytes };
					current.resolve(bytes);
				},
				(error: unknown) => current.reject(error),
			)
			.finally(() => {
				this.#running = undefined;
				this.#next();
			});
	}
}
