/**
 * Which pages a render thread renders ahead of Astro (render-threads.ts). Astro asks for pages in
 * its order, one at a time, and the main thread renders those it is asked for from the front; the
 * threads take pages from the back, so the two meet in the middle and neither waits for the other.
 * A page the main thread has reached is never handed to a thread.
 */
export class ReadAhead {
	/** The last page the main thread has reached (-1: none yet). */
	#front = -1;
	/** The page a thread takes next, counting down. */
	#back: number;

	/** Read-ahead over `count` pages. */
	constructor(count: number) {
		this.#back = count - 1;
	}

	/** The main thread has reached page `index` (Astro asked for it). */
	reach(index: number): void {
		this.#front = Math.max(this.#front, index);
	}

	/** The next page for a thread, or undefined once threads and the main thread have met. */
	take(): number | undefined {
		return this.#back > this.#front ? this.#back-- : undefined;
	}
}

/**
 * How Astro makes a page's address from its path, learnt from one page (its path and the address
 * Astro asked for): the same text before and after the path. Undefined when the address does not
 * hold the path as text (it was encoded, say); an address it makes for another page is only used
 * once Astro asks for exactly that address.
 */
export function addressesLike(
	pathname: string,
	url: string,
): ((pathname: string) => string) | undefined {
	const at = url.lastIndexOf(pathname);
	if (at < 0 || pathname === '') return undefined;
	const before = url.slice(0, at);
	const after = url.slice(at + pathname.length);
	return (other) => new URL(`${before}${other}${after}`).href;
}
