/**
 * When the build steps (decks, search index) start: what needs no content while `astro build`
 * checks the content, the rest as soon as it is checked (so the decks use the core Astro's own
 * one-threaded start leaves idle); never in the dev server; when the content has errors, what
 * started is cancelled; what they prepared reaches `complete` once the site
 * is written, and a failed `prepare` fails the build there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroPrerenderer, RouteData } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { insightLibrary, type BuildStep } from '../src/integrations/library.ts';

const repo = path.resolve(import.meta.dirname, '..');

/** A step that records what happened to it. */
function recordingStep(events: string[], failPrepare = false): BuildStep<string, string> {
	return {
		name: 'recording',
		start: () => {
			events.push('start');
			return 'started';
		},
		cancel: async (started) => void events.push(`cancel: ${started}`),
		prepare: async ({ library }, started) => {
			events.push(`prepare (${library.insights.length} insights) after ${started}`);
			if (failPrepare) throw new Error('prepare failed');
			return 'prepared';
		},
		complete: async (_context, prepared) => void events.push(`complete: ${prepared}`),
	};
}

type Hooks = AstroIntegration['hooks'];
type SetupOptions = Parameters<NonNullable<Hooks['astro:config:setup']>>[0];
type DoneOptions = Parameters<NonNullable<Hooks['astro:build:done']>>[0];
type BuildStartOptions = Parameters<NonNullable<Hooks['astro:build:start']>>[0];

const logger = { info() {}, warn() {}, error() {} };

/** Runs the integration's config:setup hook as Astro would for `command` in `root`. */
async function setup(integration: AstroIntegration, command: 'build' | 'dev', root: string) {
	await integration.hooks['astro:config:setup']!({
		config: { root: pathToFileURL(`${root}/`), outDir: pathToFileURL(`${root}/dist/`) },
		command,
		logger,
		updateConfig: () => ({}),
		addMiddleware: () => {},
	} as unknown as SetupOptions);
}

/** Runs astro:build:start, which waits for the library check, without a prerenderer. */
const buildStart = (integration: AstroIntegration) =>
	integration.hooks['astro:build:start']!({
		setPrerenderer: () => {},
		logger,
	} as unknown as BuildStartOptions);

const buildDone = (integration: AstroIntegration, root: string) =>
	integration.hooks['astro:build:done']!({
		dir: pathToFileURL(`${root}/dist/`),
		logger,
	} as unknown as DoneOptions);

let empty = '';
afterEach(async () => {
	if (empty) await rm(empty, { recursive: true, force: true });
	empty = '';
});

describe('insightLibrary build steps', () => {
	it('start preparing once the content is checked, before Astro bundles anything', async () => {
		const events: string[] = [];
		const integration = insightLibrary({ steps: [recordingStep(events)] });
		await setup(integration, 'build', repo);
		// config:setup does not wait for the check (it runs on a thread of its own): only start ran.
		expect(events).toEqual(['start']);
		// astro:build:start waits for it, and by then the steps prepare.
		await buildStart(integration);
		expect(events).toHaveLength(2);
		expect(events[1]).toMatch(/^prepare \(\d+ insights\) after started$/);
		await buildDone(integration, repo);
		expect(events.at(-1)).toBe('complete: prepared');
	});

	it('do not run in the dev server', async () => {
		const events: string[] = [];
		const integration = insightLibrary({ steps: [recordingStep(events)] });
		await setup(integration, 'dev', repo);
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(events).toEqual([]);
	});

	it('do not start when the content has errors', async () => {
		empty = await mkdtemp(path.join(tmpdir(), 'build-steps-'));
		const events: string[] = [];
		const integration = insightLibrary({ steps: [recordingStep(events)] });
		await setup(integration, 'build', empty);
		await expect(buildStart(integration)).rejects.toThrow(/content error/);
		// What start began (the deck thread) is stopped, so the failed build can exit.
		expect(events).toEqual(['start', 'cancel: started']);
	});

	it('have the pages of their first routes rendered first, and hear when those are rendered', async () => {
		const events: string[] = [];
		const step: BuildStep<string, string> = {
			...recordingStep(events),
			firstRoutes: ['/insights/[id]'],
			pagesRendered: (_context, prepared) => void events.push(`pages rendered: ${prepared}`),
		};
		const integration = insightLibrary({ steps: [step] });
		await setup(integration, 'build', repo);
		let wrap: ((base: AstroPrerenderer) => AstroPrerenderer) | undefined;
		await integration.hooks['astro:build:start']!({
			setPrerenderer: (prerenderer: unknown) => {
				wrap = prerenderer as typeof wrap;
			},
			logger,
		} as unknown as BuildStartOptions);
		const route = (pattern: string) => ({ route: pattern }) as RouteData;
		const prerenderer = wrap!({
			name: 'astro:default',
			getStaticPaths: async () => [
				{ pathname: '/briefings/a/', route: route('/briefings/[id]') },
				{ pathname: '/insights/x/', route: route('/insights/[id]') },
			],
			render: async (request) => {
				events.push(`render ${new URL(request.url).pathname}`);
				return new Response('');
			},
		});
		for (const { pathname, route } of await prerenderer.getStaticPaths()) {
			await prerenderer.render(new Request(`http://localhost${pathname}`), { routeData: route });
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
		expect(events.slice(2)).toEqual([
			'render /insights/x/',
			'pages rendered: prepared',
			'render /briefings/a/',
		]);
		await buildDone(integration, repo);
		expect(events.at(-1)).toBe('complete: prepared');
	});

	it('fail the build when the site is written if prepare failed', async () => {
		const events: string[] = [];
		const integration = insightLibrary({ steps: [recordingStep(events, true)] });
		await setup(integration, 'build', repo);
		await buildStart(integration);
		await expect(buildDone(integration, repo)).rejects.toThrow('prepare failed');
		expect(events.filter((event) => event.startsWith('complete'))).toEqual([]);
	});
});
