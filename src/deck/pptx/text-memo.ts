/**
 * A bounded memo keyed by a part's whole text. Map and Set keys are hashed: every deck's parts are
 * new, long strings, and hashing each one (and flattening the concatenations it is made of) cost
 * more than the lookups saved. Here texts are found by length, then compared (a memory compare,
 * and only with texts of the same length, which a deck's own parts seldom share).
 */
export class TextMemo<V> {
	readonly #byLength = new Map<number, Array<{ text: string; value: V }>>();
	/** The same entries, least recently used first. */
	#order: Array<{ text: string; value: V }> = [];
	readonly #max: number;

	/** A memo of at most `max` texts (the least recently used go first). */
	constructor(max: number) {
		this.#max = max;
	}

	/** The value remembered for `text`, marked as just used; undefined when none is. */
	get(text: string): V | undefined {
		const entry = this.#byLength.get(text.length)?.find((item) => item.text === text);
		if (!entry) return undefined;
		const at = this.#order.lastIndexOf(entry);
		if (at !== this.#order.length - 1) {
			this.#order.splice(at, 1);
			this.#order.push(entry);
		}
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
		this.#order.push(entry);
		if (this.#order.length > this.#max) {
			const oldest = this.#order.shift()!;
			const list = this.#byLength.get(oldest.text.length)!;
			list.splice(list.indexOf(oldest), 1);
			if (!list.length) this.#byLength.delete(oldest.text.length);
		}
	}
}
