/**
 * Gives the browser a turn (input, rendering) before carrying on. `scheduler.yield()` resumes ahead
 * of other queued tasks where it exists (Chromium); elsewhere a zero timeout does the job.
 */
export function yieldToMain(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}
