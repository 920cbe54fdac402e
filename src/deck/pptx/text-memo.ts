/**
 * A bounded memo keyed by a part's whole text. Map and Set keys are hashed: every deck's parts are
 * new, long strings, and hashing each one (and flattening the concatenations it is made of) cost
 * more than the lookups saved. Here texts are found by length, then compared (a memory compare,
 * and only with texts of the same length, which a deck's own parts seldom share).
 */
export class TextMemo<V> {
	readonly #byLength = new Map<number, Array<{ text: string; value: V }>>();
	/**
	 * The same entries, least recently used first: a Map keyed by the entry objects (hashed by
	 * identity), so marking one as just used is a delete and a set, not a scan of the list.
	 */
	readonly #order = new Map<{ text: string; value: V }, true>();
	readonly #max: number;

	/** A memo of at most `max` texts (the least recently used go first). */
	constructor(max: number) {
		this.#max = max;
	}

	/** The value remembered for `text`, marked as just used; undefined when none is. */
	get(text: string): V | undefined {
		const entry = this.#byLength.get(text.length)?.find((item) => item.text === text);
		if (!entry) return undefined;
		this.#order.delete(entry);
		this.#order.set(entry, true);
		return entry.value;
	}

	/** Remembers `value` for `text`. */
	set(text: string, value: V): void {
		let bucket = this.#byLength.get(text.length);
		if (!bucket) this.#byLength.set(text.length, (bucket = []));
		const known = bucket.find((item) => item.text === text);
		if (known) {
			known.value = value;
			return;
		}
		const entry = { text, value };
		bucket.push(entry);
		this.#order.set(entry, true);
		if (this.#order.size > this.#max) {
			const oldest = this.#order.keys().next().value!;
			this.#order.delete(oldest);
			const list = this.#byLength.get(oldest.text.length)!;
			list.splice(list.indexOf(oldest), 1);
			if (!list.length) this.#byLength.delete(oldest.text.length);
		}
	}
}
