/**
 * Fetches `/builder/search.txt` (a URL posted by the page) and posts back its lines, one per
 * insight: the 2.3 MB a 5,000-insight library's search text weighs are received and decoded here,
 * off the page's main thread, which gets the lines ready to search (see `search-text.ts`).
 */
import type { SearchTextAnswer } from './search-text.ts';

self.addEventListener('message', (event: MessageEvent<string>) => {
	const answer = (message: SearchTextAnswer) => self.postMessage(message);
	fetch(event.data)
		.then(async (response) => {
			if (!response.ok) throw new Error(`${event.data}: HTTP ${response.status}`);
			answer({ lines: (await response.text()).split('\n') });
		})
		.catch((error: unknown) => answer({ error: String(error) }));
});
