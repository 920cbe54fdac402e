/**
 * Build step: the Pagefind search index, built through Pagefind's Node API from the pages that
 * mark their content with `data-pagefind-body` (insight pages), so navigation is not indexed.
 * The index starts before Astro renders, and each page hands it the part it indexes as it is
 * rendered (search-pages.ts), and a thread of its own hands it to Pagefind (search-thread.ts), whose
 * process parses and indexes on the second core while Astro renders on the first. Those pages are rendered before all others (pages-first.ts), so the
 * index is written while Astro renders the rest of the site, not after it. Should no page reach
 * it that way, the index reads the written site instead. Any indexing error fails the build.
 */
import type { BuildStep } from './library.ts';
import { searchPagesKey, type SearchPageSink } from './search-pages.ts';
import { SearchIndexThread } from './search-thread.ts';

/** The index being filled while Astro renders. */
interface SearchIndexing {
	/** Pagefind, on its own thread. */
	thread: SearchIndexThread;
	/** Pages handed over. */
	added: number;
	/** The index written while Astro renders the other pages, once every indexed page was handed over. */
	written?: { outDir: string; pages: Promise<Outcome<number>> };
	/** Pages handed over after that (their route was not among {@link indexedRoutes}). */
	late: string[];
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * The routes whose pages hand their indexed part over (they wrap it in `<SearchBody>`): Astro
 * renders them first, so the index is written while it renders the rest.
 */
export const indexedRoutes = ['/insights/[id]'];

const sinks = globalThis as Record<symbol, SearchPageSink | undefined>;

/** Pagefind's path for a page's URL path, as if it read the file from `dist/`. */
const sourcePath = (pathname: string) =>
	decodeURI(pathname.endsWith('/') ? `${pathname}index.html` : `${pathname}.html`).slice(1);

/** The indexed part of a page as a document of its own, in the site's language. */
const standaloneDocument = (html: string) =>
	`<!doctype html><html lang="en"><body>${html}</body></html>`;

export const searchIndexStep: BuildStep<SearchIndexing> = {
	name: 'search index',
	prepare: async () => {
		const thread = await SearchIndexThread.start();
		const indexing: SearchIndexing = { thread, added: 0, late: [] };
		sinks[searchPagesKey] = (pathname, html) => {
			if (indexing.written) {
				indexing.late.push(pathname);
				return;
			}
			// Pagefind indexes only what is inside data-pagefind-body (with its meta, filters and
			// sorts), all within the part handed over, so the rest of the page would be parsed for nothing.
			thread.add(sourcePath(pathname), standaloneDocument(html));
			indexing.added++;
		};
		return indexing;
	},
	firstRoutes: indexedRoutes,
	pagesRendered: ({ outDir }, indexing) => {
		// With nothing handed over, the index reads the written site: only once it is written.
		if (!indexing.added) return;
		const pages = indexing.thread.write(outDir).then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error }),
		);
		indexing.written = { outDir, pages };
	},
	complete: async ({ outDir, log }, indexing) => {
		delete sinks[searchPagesKey];
		try {
			const [late] = indexing.late;
			if (late)
				throw new Error(
					`search index: ${late} was rendered after the index was written; its route must be in indexedRoutes (src/integrations/search.ts)`,
				);
			const early = await indexing.written?.pages;
			if (early && !early.ok) throw early.error;
			// Written early into the folder the site was going to: again only if Astro wrote it elsewhere.
			const pages =
				early && indexing.written?.outDir === outDir
					? early.value
					: await indexing.thread.write(outDir);
			log(`search index: ${pages} pages indexed`);
		} finally {
			await indexing.thread.close();
		}
	},
};
