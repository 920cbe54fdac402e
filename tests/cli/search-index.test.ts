/**
 * The search index step: pages handed over by the build's middleware while Astro renders are
 * indexed (only those that mark content with data-pagefind-body), the middleware passes every
 * response on unchanged, and with no page handed over the step indexes the written site instead.
 */
import { mkdtemp, readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIContext, MiddlewareNext } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildStepContext } from '../../src/integrations/library.ts';
import { searchIndexStep } from '../../src/integrations/search.ts';
import {
	onRequest,
	searchPagesKey,
	type SearchPageSink,
} from '../../src/integrations/search-pages.ts';

const page = (title: string, body: boolean) =>
	`<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Menu</nav>` +
	`<article${body ? ' data-pagefind-body' : ''}><h1 data-pagefind-meta="title">${title}</h1>` +
	`<p>Working capital ${title.toLowerCase()} rises.</p></article></body></html>`;

/** Runs the middleware on a rendered page as Astro's build would. */
async function render(pathname: string, html: string, type = 'text/html') {
	const context = { url: new URL(`https://insights.example.com${pathname}`) } as APIContext;
	const next = (async () =>
		new Response(html, { headers: { 'content-type': type } })) as MiddlewareNext;
	const response = (await onRequest(context, next)) as Response;
	return response.text();
}

let outDir = '';
afterEach(async () => {
	if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Runs the step over `pages` rendered in turn, after `writeSite` wrote files into `outDir`. */
async function run(
	pages: Array<[string, string]>,
	writeSite?: () => Promise<void>,
): Promise<string[]> {
	outDir = await mkdtemp(path.join(tmpdir(), 'search-index-'));
	await writeSite?.();
	const lines: string[] = [];
	const context = {
		root: outDir,
		outDir,
		log: (line: string) => void lines.push(line),
	} as BuildStepContext;
	const indexing = await searchIndexStep.prepare!(context);
	for (const [pathname, html] of pages) expect(await render(pathname, html)).toBe(html);
	await searchIndexStep.complete(context, indexing);
	return lines;
}

describe('search index step', () => {
	it('indexes the pages rendered with data-pagefind-body, and only those', async () => {
		const lines = await run([
			['/insights/alpha/', page('Alpha', true)],
			['/insights/beta/', page('Beta', true)],
			['/', page('Home', false)],
		]);
		expect(lines).toEqual(['search index: 2 pages indexed']);
		const fragments = await readdir(path.join(outDir, 'pagefind', 'fragment'));
		expect(fragments).toHaveLength(2);
		expect(fragments.every((name) => name.endsWith('.pf_fragment'))).toBe(true);
	});

	it('hands the page on with the same status, headers and bytes', async () => {
		const html = page('Délai', true);
		const context = { url: new URL('https://insights.example.com/404') } as APIContext;
		const headers = { 'content-type': 'text/html; charset=utf-8', 'x-page': 'missing' };
		const next = (async () => new Response(html, { status: 404, headers })) as MiddlewareNext;
		const handed: Array<[string, string]> = [];
		const sinks = globalThis as Record<symbol, SearchPageSink | undefined>;
		sinks[searchPagesKey] = (pathname, text) => void handed.push([pathname, text]);
		let response: Response;
		try {
			response = (await onRequest(context, next)) as Response;
		} finally {
			delete sinks[searchPagesKey];
		}
		expect(handed).toEqual([['/404', html]]);
		expect(response.status).toBe(404);
		expect(response.headers.get('x-page')).toBe('missing');
		expect(await response.text()).toBe(html);
	});

	it('passes other responses on untouched and does not index them', async () => {
		expect(await render('/builder/index.json', '{"a":1}', 'application/json')).toBe('{"a":1}');
	});

	it('reads the written site when no page was handed over', async () => {
		const lines = await run([], async () => {
			await mkdir(path.join(outDir, 'insights', 'gamma'), { recursive: true });
			await writeFile(path.join(outDir, 'insights', 'gamma', 'index.html'), page('Gamma', true));
		});
		expect(lines).toEqual(['search index: 1 pages indexed']);
		const entry = JSON.parse(
			await readFile(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
		);
		expect(entry.languages.en.page_count).toBe(1);
	});

	it('fails the build when no page marks its content', async () => {
		await expect(run([['/', page('Home', false)]])).rejects.toThrow(/indexed no pages/);
	});
});
