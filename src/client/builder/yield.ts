/**
 * Gives the browser a turn (input, rendering) before carrying on. `scheduler.yield()` resumes ahead
 * of other queued tasks where it exists (Chromium); elsewhere a zero timeout does the job.
 */
export function yieldToMain(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (scheduler?.yield) return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs `work` when the browser is idle (soon, where it cannot tell), so it never delays input. */
export function whenIdle(work: () => void, timeout = 2000): void {
	if ('requestIdleCallback' in globalThis) requestIdleCallback(work, { timeout });
	else setTimeout(work, 200);
}
