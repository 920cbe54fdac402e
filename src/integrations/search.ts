/**
 * Build step: the Pagefind search index, built through Pagefind's Node API from the pages that
 * mark their content with `data-pagefind-body` (insight pages), so navigation is not indexed.
 * The index starts before Astro renders, and each page hands it the part it indexes as it is
 * rendered (search-pages.ts): Pagefind's own process parses and indexes on the second core while
 * Astro renders on the first. Those pages are rendered before all others (pages-first.ts), so the
 * index is written while Astro renders the rest of the site, not after it. Should no page reach
 * it that way, the index reads the written site instead. Any indexing error fails the build.
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

/** Writes the index of the pages handed over (or, with none, of the site in `outDir`) into `outDir/pagefind`. */
async function writeIndex(indexing: SearchIndexing, outDir: string): Promise<number> {
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
	return pages;
}

export const searchIndexStep: BuildStep<SearchIndexing> = {
	name: 'search index',
	prepare: async () => {
		const { index, errors } = await createIndex({ forceLanguage: 'en' });
		if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		const indexing: SearchIndexing = { index, added: [], late: [] };
		sinks[searchPagesKey] = (pathname, html) => {
			if (indexing.written) {
				indexing.late.push(pathname);
				return;
			}
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
	firstRoutes: indexedRoutes,
	pagesRendered: ({ outDir }, indexing) => {
		// With nothing handed over, the index reads the written site: only once it is written.
		if (!indexing.added.length) return;
		const pages = writeIndex(indexing, outDir).then(
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
					: await writeIndex(indexing, outDir);
			log(`search index: ${pages} pages indexed`);
		} finally {
			await close();
		}
	},
};
