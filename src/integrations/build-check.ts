/**
 * How a build's library check (library-check.ts) ended, for the content collections' loaders.
 * Once the check passed, a collection's entries are stored from the checked library
 * (checked-store.ts) instead of being read, parsed and validated a second time on Astro's thread:
 * the site then shows what the check checked, read by the same YAML parser the decks use. Should
 * Astro's own loader fail while the check runs (a file Astro's schema refuses), the loader waits
 * for the check and fails with its report instead, so an author always reads `file: field:
 * message` lines, not Astro's own. Shared through `globalThis` because the content config is
 * bundled apart from the integration.
 */
import type { Loader } from 'astro/loaders';
import type { Library } from '../library/load.ts';
import { storeCheckedEntries, type CheckedEntry } from './checked-store.ts';

/** How the build's check ended: the error the build fails with, or the library it passed. */
export type BuildCheck = { failure: Error } | { library: Library };

const checkKey = Symbol.for('insight-briefings.library-check');
const shared = globalThis as Record<symbol, Promise<BuildCheck> | undefined>;

/** Tells the collections' loaders how the build's library check ended (or will end). */
export function shareBuildCheck(check: Promise<BuildCheck> | undefined): void {
	shared[checkKey] = check;
}

/**
 * `loader`, or in a build whose library check passed, the check's entries chosen by
 * `checkedEntries` (the loader then reads nothing). Fails with the check's report when `loader`
 * fails and the check found errors; otherwise as `loader` would.
 */
export function checkedFirst(
	loader: Loader,
	checkedEntries?: (library: Library) => CheckedEntry[],
): Loader {
	return {
		...loader,
		load: async (context) => {
			const check = shared[checkKey];
			if (check && checkedEntries) {
				const outcome = await check;
				if ('library' in outcome) {
					storeCheckedEntries(context, checkedEntries(outcome.library));
					return;
				}
			}
			try {
				await loader.load(context);
			} catch (error) {
				const outcome = await check;
				throw outcome && 'failure' in outcome ? outcome.failure : error;
			}
		},
	};
}
