/**
 * `astro build` checks the library on a thread of its own while Astro starts (library-check-worker.ts):
 * at 1,000 insights the check is done before Astro's content sync begins, and the sync stores
 * the insights and briefings it read (build-check.ts). The build fails on content errors when
 * Astro's build starts (`astro:build:start`), before anything is bundled or written; should
 * Astro's content sync fail first, its loaders fail with the check's report instead.
 */
import type { Library } from '../library/load.ts';
import { keepTalkTrack } from '../library/talk-track.ts';
import { typescriptThread } from './typescript-thread.ts';

/** Loads and checks the library at `root` on a thread of its own. */
export function checkLibraryOnThread(root: string): Promise<Library> {
	return new Promise((resolve, reject) => {
		const worker = typescriptThread(new URL('./library-check-worker.ts', import.meta.url), {
			workerData: { root },
		});
		worker.once('message', (library: Library) => {
			// The pages need the talk tracks again (the builder's data): made once, on the thread.
			for (const entry of library.insights)
				keepTalkTrack(entry.body, entry.data.sources, entry.talkTrack);
			resolve(library);
		});
		worker.once('error', reject);
		worker.once('exit', (code) =>
			reject(new Error(`the library check stopped before it answered (exit code ${code})`)),
		);
	});
}
