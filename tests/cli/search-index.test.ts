/**
 * The search index step: the parts of pages handed over while Astro renders (what a page wraps in
 * `<SearchBody>`) are indexed exactly as Pagefind indexes the whole written pages, and with no
 * part handed over the step indexes the written site instead.
 */
import { mkdtemp, readdir, readFile, rm, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BuildStepContext } from '../../src/integrations/library.ts';
import { searchIndexStep } from '../../src/integrations/search.ts';
import { handToSearchIndex } from '../../src/integrations/search-pages.ts';

/** The part of a page it indexes, as an insight page marks it. */
const body = (title: string, filter: string) =>
	`<article data-pagefind-body><p><span data-pagefind-filter="stage">${filter}</span></p>` +
	`<h1 data-pagefind-meta="title">${title}</h1><p data-pagefind-meta="summary">About ${title}.</p>` +
	`<div data-pagefind-ignore>Chips</div><h2 id="story">The story</h2>` +
	`<p>Working capital ${title.toLowerCase()} rises <em>fast</em>.</p></article>`;

/** A whole page around `inner`, with navigation and a footer the index must not see. */
const page = (title: string, inner: string) =>
	`<!doctype html><html lang="en"><head><title>${title} · Insights</title></head><body>` +
	`<header data-pagefind-ignore="all"><nav>Menu Search</nav></header><main>${inner}` +
	`<section><h2>Related insights</h2><p>Other words</p></section></main>` +
	`<footer>Footer text</footer></body></html>`;

const pages: Array<[string, string]> = [
	['/insights/alpha/', body('Alpha', 'Why change')],
	['/insights/beta/', body('Beta', 'What works')],
	['/insights/délai/', body('Délai', 'Why change')],
];

const folders: string[] = [];
afterEach(async () => {
	await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * Runs the step: `handed` parts handed over while rendering, after `writeSite` wrote `outDir`;
 * with `rendered`, Astro says the indexed pages are rendered, then `late` parts are handed over,
 * and `whenRendered` looks at `outDir` before the step completes.
 */
async function run(
	handed: Array<[string, string]>,
	writeSite?: (outDir: string) => Promise<void>,
	{
		rendered = false,
		late = [],
		whenRendered,
	}: {
		rendered?: boolean;
		late?: Array<[string, string]>;
		whenRendered?: (outDir: string) => Promise<void>;
	} = {},
): Promise<{ outDir: string; lines: string[] }> {
	const outDir = await mkdtemp(path.join(tmpdir(), 'search-index-'));
	folders.push(outDir);
	await writeSite?.(outDir);
	const lines: string[] = [];
	const context = {
		root: outDir,
		outDir,
		log: (line: string) => void lines.push(line),
	} as BuildStepContext;
	const indexing = await searchIndexStep.prepare!(context);
	for (const [pathname, html] of handed) handToSearchIndex(pathname, html);
	if (rendered) searchIndexStep.pagesRendered!(context, indexing);
	for (const [pathname, html] of late) handToSearchIndex(pathname, html);
	await whenRendered?.(outDir);
	await searchIndexStep.complete(context, indexing);
	return { outDir, lines };
}

/** Every file of the index under `outDir/pagefind`, by name. */
async function indexFiles(outDir: string): Promise<Map<string, Buffer>> {
	const root = path.join(outDir, 'pagefind');
	const files = new Map<string, Buffer>();
	for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const file = path.join(entry.parentPath, entry.name);
		files.set(path.relative(root, file), await readFile(file));
	}
	return files;
}

/** Writes each page whole where Astro would (`/x/` as `x/index.html`), in turn. */
async function writePages(outDir: string, which = pages): Promise<void> {
	for (const [pathname, inner] of which) {
		const folder = path.join(outDir, decodeURI(pathname));
		await mkdir(folder, { recursive: true });
		await writeFile(path.join(folder, 'index.html'), page(pathname, inner));
	}
}

describe('search index step', () => {
	it('indexes the part handed over as it indexes the whole written page, byte for byte', async () => {
		// Page by page: Pagefind numbers pages in the order it gets them, which for a folder is the
		// order the file system lists it, and for the build the order Astro renders.
		for (const [pathname, inner] of pages) {
			const handed = await run([[pathname, inner]]);
			const written = await run([], (outDir) => writePages(outDir, [[pathname, inner]]));
			expect(handed.lines).toEqual(['search index: 1 pages indexed']);
			expect(written.lines).toEqual(handed.lines);
			const fromPart = await indexFiles(handed.outDir);
			const fromPage = await indexFiles(written.outDir);
			expect([...fromPart.keys()].sort()).toEqual([...fromPage.keys()].sort());
			for (const [name, bytes] of fromPart)
				expect(bytes.equals(fromPage.get(name)!), `${pathname}: ${name}`).toBe(true);
		}
	});

	it('indexes every part handed over', async () => {
		const { outDir, lines } = await run(pages);
		expect(lines).toEqual(['search index: 3 pages indexed']);
		const fragments = await readdir(path.join(outDir, 'pagefind', 'fragment'));
		expect(fragments).toHaveLength(3);
	});

	it('writes the index once the indexed pages are rendered, before the rest of the site', async () => {
		let early = new Map<string, Buffer>();
		const { outDir, lines } = await run(pages, undefined, {
			rendered: true,
			whenRendered: async (outDir) => {
				// The step has not completed: the index is written while Astro renders other pages.
				for (let tries = 0; tries < 600 && !early.has('pagefind-entry.json'); tries++) {
					await new Promise((resolve) => setTimeout(resolve, 50));
					early = await indexFiles(outDir).catch(() => new Map());
				}
			},
		});
		expect(lines).toEqual(['search index: 3 pages indexed']);
		const atEnd = await run(pages);
		const [written, expected] = [await indexFiles(outDir), await indexFiles(atEnd.outDir)];
		expect(early.has('pagefind-entry.json')).toBe(true);
		expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
		for (const [name, bytes] of written) expect(bytes.equals(expected.get(name)!), name).toBe(true);
	});

	it('fails the build when a page is handed over after the index was written', async () => {
		await expect(
			run(pages.slice(0, 2), undefined, { rendered: true, late: pages.slice(2) }),
		).rejects.toThrow(
			'search index: /insights/délai/ was rendered after the index was written; its route must be in indexedRoutes (src/integrations/search.ts)',
		);
	});

	it('reads the written site at the end when no page was handed over before the rest rendered', async () => {
		const { lines } = await run([], (outDir) => writePages(outDir), { rendered: true });
		expect(lines).toEqual(['search index: 3 pages indexed']);
	});

	it('hands nothing over, and fails nothing, when no index is being built', () => {
		expect(() => handToSearchIndex('/insights/alpha/', body('Alpha', 'Why change'))).not.toThrow();
	});

	it('reads the written site when no page was handed over', async () => {
		const { outDir, lines } = await run([], (outDir) => writePages(outDir));
		expect(lines).toEqual(['search index: 3 pages indexed']);
		const entry = JSON.parse(
			await readFile(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
		);
		expect(entry.languages.en.page_count).toBe(3);
	});

	it('fails the build when no page marks its content', async () => {
		await expect(run([])).rejects.toThrow(/indexed no pages/);
	});
});
