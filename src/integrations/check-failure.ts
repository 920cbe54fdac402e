/**
 * How a build's library check (library-check.ts) ended, for the content collections' loaders:
 * should Astro's content sync fail while the check runs on its thread (a file Astro's schema
 * refuses), the loader waits for the check and fails with its report instead, so an author
 * always reads `file: field: message` lines, not Astro's own. Shared through `globalThis`
 * because the content config is bundled apart from the integration.
 */
import type { Loader } from 'astro/loaders';

/** Resolves, once the check is done, to the error the build fails with (undefined: none). */
export type CheckFailure = Promise<Error | undefined>;

const failureKey = Symbol.for('insight-briefings.library-check-failure');
const shared = globalThis as Record<symbol, CheckFailure | undefined>;

/** Tells the collections' loaders how the build's library check ended (or will end). */
export function shareCheckFailure(failure: CheckFailure | undefined): void {
	shared[failureKey] = failure;
}

/**
 * `loader`, failing with the library check's report when it fails while a build checks the
 * library (and the check found errors); otherwise as it would.
 */
export function checkedFirst(loader: Loader): Loader {
	return {
		...loader,
		load: async (context) => {
			try {
				await loader.load(context);
			} catch (error) {
				throw (await shared[failureKey]) ?? error;
			}
		},
	};
}
