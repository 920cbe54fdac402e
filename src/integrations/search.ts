/**
 * Build step: the Pagefind search index, built through Pagefind's Node API from the pages that
 * mark their content with `data-pagefind-body` (insight pages), so navigation is not indexed.
 * The index starts before Astro renders, and each page hands it the part it indexes as it is
 * rendered (search-pages.ts): Pagefind's own process parses and indexes on the second core while
 * Astro renders on the first, and only writing the index is left once the site is written. Should
 * no page reach it that way, the index reads the written site instead. Any indexing error fails
 * the build.
 */
import path from 'node:path';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import type { BuildStep } from './library.ts';
import { searchPagesKey, type SearchPageSink } from './search-pages.ts';

/** The index being filled while Astro renders. */
interface SearchIndexing {
	index: PagefindIndex;
	/** One per page handed over: its indexing errors. */
	added: Array<Promise<string[]>>;
}

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
		const { index, errors } = await createIndex({ forceLanguage: 'en' });
		if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		const indexing: SearchIndexing = { index, added: [] };
		sinks[searchPagesKey] = (pathname, html) => {
			indexing.added.push(
				// Pagefind indexes only what is inside data-pagefind-body (with its meta, filters and
				// sorts), all within the part handed over, so the rest of the page would be parsed for nothing.
				index
					.addHTMLFile({ sourcePath: sourcePath(pathname), content: standaloneDocument(html) })
					.then(
						(response) => response.errors,
						(error: unknown) => [error instanceof Error ? error.message : String(error)],
					),
			);
		};
		return indexing;
	},
	complete: async ({ outDir, log }, indexing) => {
		delete sinks[searchPagesKey];
		try {
			const { index } = indexing;
			const errors = (await Promise.all(indexing.added)).flat();
			if (errors.length) throw new Error(`Pagefind indexing failed: ${errors.join('; ')}`);
			let pages = indexing.added.length;
			if (pages === 0) {
				const added = await index.addDirectory({ path: outDir });
				if (added.errors.length)
					throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
				pages = added.page_count;
			}
			if (pages === 0) throw new Error('Pagefind indexed no pages: no page has data-pagefind-body');
			const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
			if (written.errors.length)
				throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
			log(`search index: ${pages} pages indexed`);
		} finally {
			await close();
		}
	},
};
