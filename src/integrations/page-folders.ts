/**
 * The folders of the insight and briefing pages, made ahead of Astro's rendering by a thread at
 * background priority (page-folders-worker.ts). Astro writes each page after making its folder,
 * one page at a time, and waits for both: on a file system that has just deleted the last build's
 * `dist/` (ext4 scans for recently freed inodes), making 1,000 folders took 0.55-0.75 s, and
 * writing 1,000 pages took half as long when their folders existed. The thread makes them while
 * Astro bundles, out of its way; Astro's own `mkdir` then finds each folder there. A folder the
 * thread has not reached yet, or could not make, Astro makes as it always does.
 */
import path from 'node:path';
import type { Library } from '../library/load.ts';
import { typescriptThread } from './typescript-thread.ts';

/**
 * The folders Astro writes the pages of `/insights/[id]/` and `/briefings/[id]/` into, under
 * `outDir`: one per published insight (a build renders no draft) and per briefing. None unless
 * Astro writes each page as a folder's `index.html` (`build.format: 'directory'`, the default):
 * a folder made for nothing would be left empty in the site.
 */
export function pageFolders(outDir: string, library: Library, format: string): string[] {
	if (format !== 'directory') return [];
	return [
		...library.insights
			.filter((entry) => entry.data.status === 'published')
			.map((entry) => path.join(outDir, 'insights', entry.id)),
		...library.briefings.map((entry) => path.join(outDir, 'briefings', entry.id)),
	];
}

/**
 * Makes `folders` on a thread at background priority. Nothing waits for it and it never keeps the
 * process alive; call it only once Astro has emptied the output folder (`astro:build:setup`),
 * which it would otherwise race.
 */
export function makeFoldersInBackground(folders: string[]): void {
	if (!folders.length) return;
	const thread = typescriptThread(new URL('./page-folders-worker.ts', import.meta.url), {
		workerData: { folders },
	});
	thread.unref();
	// A thread that fails made fewer folders: Astro makes the rest.
	thread.on('error', () => {});
}
