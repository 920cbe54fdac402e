/**
 * V8 for `npm run decks` when it builds a batch on deck threads. The threads keep every core busy,
 * and V8's own background work competes with them for those cores: parallel garbage-collection
 * helpers, and optimising compiles of the same hot functions for each thread. V8's efficiency mode
 * does less of both: a function is optimised by TurboFan after about 15,000 calls instead of
 * 3,000, and garbage is collected without background tasks. For the 250 briefings of the
 * 5,000-insight bench corpus on two cores, 19 of 21 pairs of runs (with and without a content
 * cache) took less time with it, a median 0.27 s of about 7 s (4%), and less CPU. A run of one
 * deck is mostly start-up, which that mode slows (0.43 s against 0.39 s in ten pairs), so it keeps
 * V8's defaults.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * Whether a run builds on more than one thread: more than one job, and not exactly one briefing
 * (none named means every briefing in the library).
 */
export function buildsOnThreads(ids: readonly string[], jobs: number | undefined, cores: number) {
	return (jobs ?? cores) > 1 && new Set(ids).size !== 1;
}

/**
 * Puts this process's V8 in efficiency mode for a batch on threads, before the threads start. V8
 * reads the flag whenever it decides to optimise or to collect in the background, so it applies
 * from here on, to the threads started after it too. True when it was set.
 */
export function useEfficiencyModeForBatch(
	ids: readonly string[],
	jobs: number | undefined,
	cores: number,
	setFlags: (flags: string) => void = setFlagsFromString,
): boolean {
	if (!buildsOnThreads(ids, jobs, cores)) return false;
	setFlags('--efficiency-mode');
	return true;
}
