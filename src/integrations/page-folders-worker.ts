/**
 * Makes the page folders it is given (page-folders.ts) at background priority, so the file
 * system's work for them takes the time Astro's threads leave. Each folder is made on its own: one
 * that cannot be made is left for Astro, which reports why when it writes the page.
 */
import { mkdirSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { runInBackground } from './thread-priority.ts';

runInBackground();
for (const folder of (workerData as { folders: string[] }).folders) {
	try {
		mkdirSync(folder, { recursive: true });
	} catch {
		// Left for Astro's own mkdir.
	}
}
