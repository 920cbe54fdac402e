/**
 * Background priority for a worker thread whose work can wait: the site build's deck thread, and
 * the thread that makes the page folders ahead (page-folders.ts). On two cores Astro's own thread,
 * Rolldown's and the library check compete with it while Astro starts and bundles, and each of
 * those holds up the build; the decks are needed only when the site is written. At a lower
 * priority the deck thread still gets every core the others leave idle (Rolldown's last
 * single-threaded seconds, the pauses while Astro writes pages) and takes only a small share while
 * they all want one: at 1,000 insights the build took 0.2-2.3 s less in four pairs at nice 19
 * (medians 14.1 s and 15.6 s; 10 measured the same); at 5,000, where the decks end long before
 * the pages, it changed nothing. Linux keeps a nice value per thread; elsewhere, or where the
 * thread cannot be named, the thread keeps the priority it has.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Nice value of a background thread: low enough that threads at the default priority (0) get
 * about nine tenths of a shared core, not so low that a machine busy with other work (a CI
 * runner's other jobs) starves it: at 19 it would get a seventieth of a core beside each of them.
 */
export const backgroundNice = 10;

/** The calling thread's kernel id, read from `/proc/thread-self` (Linux); undefined elsewhere. */
export function kernelThreadId(
	readLink: (path: string) => string = readlinkSync,
): number | undefined {
	try {
		// "/proc/thread-self" links to "<process id>/task/<thread id>".
		const id = Number(readLink('/proc/thread-self').split('/').pop());
		return Number.isSafeInteger(id) && id > 0 ? id : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Gives the calling thread (only it: Linux keeps a nice value per thread) background priority,
 * never a higher one than it has. Not on a process's main thread, whose nice value tools show as
 * the whole process's. True when the thread now runs at `nice` or lower; false where it cannot
 * (nothing changed).
 */
export function runInBackground(nice = backgroundNice): boolean {
	const id = kernelThreadId();
	if (id === undefined || id === process.pid) return false;
	try {
		// Raising a priority needs privileges; a thread already lower stays where it is.
		if (getPriority(id) < nice) setPriority(id, nice);
		return true;
	} catch {
		// A sandbox may refuse setpriority: the thread runs at the priority it had.
		return false;
	}
}
