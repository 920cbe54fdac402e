/**
 * Middleware for `astro build` only (added by the search index step): hands each rendered page
 * that marks content with `data-pagefind-body` to the search index while Astro renders the rest,
 * so Pagefind indexes on the second core instead of reading `dist/` once rendering is done. The
 * page reaches Astro with the same status, headers and bytes.
 */
import type { MiddlewareHandler } from 'astro';

/** Where the search index step listens for pages (the middleware is bundled apart from it). */
export const searchPagesKey = Symbol.for('insight-briefings.search-pages');

/** Takes a rendered page's URL path and HTML. */
export type SearchPageSink = (pathname: string, html: string) => void;

const marker = Buffer.from('data-pagefind-body');
const decoder = new TextDecoder();

export const onRequest: MiddlewareHandler = async (context, next) => {
	const response = await next();
	const sink = (globalThis as Record<symbol, SearchPageSink | undefined>)[searchPagesKey];
	if (!sink || !response.body || !response.headers.get('content-type')?.includes('text/html'))
		return response;
	// The body is read once, as bytes, and handed on as a new response: a clone would tee the
	// stream and buffer every chunk twice, and only pages for the index need decoding to text.
	const bytes = Buffer.from(await response.arrayBuffer());
	if (bytes.includes(marker)) sink(context.url.pathname, decoder.decode(bytes));
	const { status, statusText, headers } = response;
	return new Response(bytes, { status, statusText, headers });
};
