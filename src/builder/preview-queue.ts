/**
 * Which slide-preview request runs and which result is shown, when drawing can take longer than
 * the rep's pause between keys. At most one request is in flight (a worker busy with a stale draft
 * cannot be interrupted mid-plan, and queueing every edit would only pile up stale work); a newer
 * request waits in a single slot, replacing any older one waiting there; a result is shown only
 * when no newer request or edit came since, so a slow old draft never overwrites a newer one.
 */

/** A request with its sequence number (1, 2, ... in the order they were made). */
export interface Ticket<T> {
	id: number;
	input: T;
}

/** What to do when a result arrives. */
export interface Settled<T> {
	/** Whether the result is for the newest request, so it may be shown. */
	show: boolean;
	/** The waiting request to start now, if any. */
	next?: Ticket<T>;
}

export class LatestOnly<T> {
	#issued = 0;
	#inFlight: number | undefined;
	#waiting: Ticket<T> | undefined;

	/** Records a request; returns it when it should start now, or undefined when it waits. */
	request(input: T): Ticket<T> | undefined {
		const ticket = { id: ++this.#issued, input };
		if (this.#inFlight !== undefined) {
			this.#waiting = ticket;
			return undefined;
		}
		this.#inFlight = ticket.id;
		return ticket;
	}

	/**
	 * The request `id` finished (with a result or an error). A result for anything but the request
	 * in flight (e.g. from a worker that was replaced) is neither shown nor starts anything.
	 */
	settle(id: number): Settled<T> {
		if (id !== this.#inFlight) return { show: false };
		this.#inFlight = undefined;
		const show = this.isCurrent(id);
		const next = this.#waiting;
		this.#waiting = undefined;
		if (!next) return { show };
		this.#inFlight = next.id;
		return { show, next };
	}

	/**
	 * The draft changed: whatever is in flight or waiting is out of date, even before the next
	 * request is made (the builder waits for a pause in typing before asking again).
	 */
	supersede(): void {
		this.#issued++;
		this.#waiting = undefined;
	}

	/** Whether `id` is still the newest request (a result being shown stops when it is not). */
	isCurrent(id: number): boolean {
		return id === this.#issued;
	}

	/** The request in flight, to start again elsewhere (e.g. when the worker failed to load). */
	get inFlight(): number | undefined {
		return this.#inFlight;
	}
}
