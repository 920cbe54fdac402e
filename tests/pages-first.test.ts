/**
 * The prerenderer that renders some routes' pages first (the insight pages, so the search index
 * is written while the rest of the site renders): the order it gives Astro, when it says those
 * pages are done, and that it passes everything else to Astro's own prerenderer unchanged.
 */
import type { AstroPrerenderer, PathWithRoute } from 'astro';
import { describe, expect, it } from 'vitest';
import { firstRoutesFirst, pagesFirst } from '../src/integrations/pages-first.ts';

const path = (route: string, pathname: string) =>
	({ pathname, route: { route } }) as unknown as PathWithRoute;

const paths = [
	path('/briefings/[id]', '/briefings/a/'),
	path('/insights/[id]', '/insights/x/'),
	path('/briefings/[id]', '/briefings/b/'),
	path('/', '/'),
	path('/insights/[id]', '/insights/y/'),
	path('/insights', '/insights/'),
];
const insights = new Set(['/insights/[id]']);
const names = (list: PathWithRoute[]) => list.map((entry) => entry.pathname);

/** A stand-in for Astro's prerenderer that keeps its state on `this`, and records its calls. */
function recordingPrerenderer(calls: string[]): AstroPrerenderer {
	return {
		name: 'astro:default',
		app: 'the app',
		async setup(this: { app: string }) {
			calls.push(`setup ${this.app}`);
		},
		getStaticPaths: async () => paths,
		async render(request) {
			calls.push(`render ${new URL(request.url).pathname}`);
			return new Response('ok');
		},
		async teardown() {
			calls.push('teardown');
		},
	} as AstroPrerenderer;
}

/** Renders every path `prerenderer` lists, in its order, as Astro does with concurrency 1. */
async function renderAll(prerenderer: AstroPrerenderer, calls: string[]) {
	await prerenderer.setup?.();
	for (const { pathname, route } of await prerenderer.getStaticPaths()) {
		await prerenderer.render(new Request(`http://localhost${pathname}`), { routeData: route });
		calls.push(`rendered ${pathname}`);
	}
	await prerenderer.teardown?.();
}

describe('pages first', () => {
	it('lists the first routes before the others, each part in the order Astro gave', () => {
		expect(names(firstRoutesFirst(paths, insights))).toEqual([
			'/insights/x/',
			'/insights/y/',
			'/briefings/a/',
			'/briefings/b/',
			'/',
			'/insights/',
		]);
		expect(firstRoutesFirst(paths, new Set())).toEqual(paths);
	});

	it('says so once the last page of the first routes is rendered, before the others render', async () => {
		const calls: string[] = [];
		const prerenderer = pagesFirst(recordingPrerenderer(calls), insights, () =>
			calls.push('first routes rendered'),
		);
		await renderAll(prerenderer, calls);
		expect(calls).toEqual([
			'setup the app',
			'render /insights/x/',
			'rendered /insights/x/',
			'render /insights/y/',
			'first routes rendered',
			'rendered /insights/y/',
			'render /briefings/a/',
			'rendered /briefings/a/',
			'render /briefings/b/',
			'rendered /briefings/b/',
			'render /',
			'rendered /',
			'render /insights/',
			'rendered /insights/',
			'teardown',
		]);
	});

	it('says so at once when no page belongs to the first routes', async () => {
		const calls: string[] = [];
		const prerenderer = pagesFirst(recordingPrerenderer(calls), new Set(['/none/[id]']), () =>
			calls.push('first routes rendered'),
		);
		await renderAll(prerenderer, calls);
		expect(calls.slice(0, 2)).toEqual(['setup the app', 'first routes rendered']);
		expect(calls.filter((call) => call === 'first routes rendered')).toHaveLength(1);
	});

	it('never says so when Astro skips one of those pages', async () => {
		const calls: string[] = [];
		const prerenderer = pagesFirst(recordingPrerenderer(calls), insights, () =>
			calls.push('first routes rendered'),
		);
		const [first] = await prerenderer.getStaticPaths();
		await prerenderer.render(new Request(`http://localhost${first!.pathname}`), {
			routeData: first!.route,
		});
		expect(calls).toEqual(['render /insights/x/']);
	});
});
