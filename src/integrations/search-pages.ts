/**
 * How pages reach the search index step (search.ts) while Astro renders them: a page wraps what
 * it indexes in `<SearchBody>` (components/SearchBody.astro), which hands that HTML here. The
 * step listens through `globalThis` because the pages are bundled apart from the integration;
 * outside `astro build` nothing listens and pages render as they would without it.
 */

/** Where the search index step listens for pages. */
export const searchPagesKey = Symbol.for('insight-briefings.search-pages');

/** Takes a rendered page's URL path and the HTML of its indexed part. */
export type SearchPageSink = (pathname: string, html: string) => void;

/** Hands the indexed part of the page at `pathname` to the search index, when one is being built. */
export function handToSearchIndex(pathname: string, html: string): void {
	(globalThis as Record<symbol, SearchPageSink | undefined>)[searchPagesKey]?.(pathname, html);
}
