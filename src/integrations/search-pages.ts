/**
 * Middleware for `astro build` only (added by the search index step): hands each rendered page
 * that marks content with `data-pagefind-body` to the search index while Astro renders the rest,
 * so Pagefind indexes on the second core instead of reading `dist/` once rendering is done. The
 * response is passed on unchanged.
 */
import type { MiddlewareHandler } from 'astro';

/** Where the search index step listens for pages (the middleware is bundled apart from it). */
export const searchPagesKey = Symbol.for('insight-briefings.search-pages');

/** Takes a rendered page's URL path and HTML. */
export type SearchPageSink = (pathname: string, html: string) => void;

export const onRequest: MiddlewareHandler = async (context, next) => {
	const response = await next();
	const sink = (globalThis as Record<symbol, SearchPageSink | undefined>)[searchPagesKey];
	if (!sink || !response.headers.get('content-type')?.includes('text/html')) return response;
	const html = await response.clone().text();
	if (html.includes('data-pagefind-body')) sink(context.url.pathname, html);
	return response;
};
