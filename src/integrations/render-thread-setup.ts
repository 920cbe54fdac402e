/**
 * What a render thread (render-thread-worker.ts) needs from Astro's build: the prerender bundle's
 * entry file, noted by a Vite plugin as Vite writes it, and what Astro gives its build app before
 * rendering (each page's style sheets, injected scripts, where to log), noted as Astro's own
 * prerenderer hands it over. Should either not be as expected (another Astro version), there is
 * no start data and no thread starts: Astro renders every page as it would without them.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroPrerenderer } from 'astro';
import type { Plugin } from 'vite';
import type { RenderThreadData } from './render-thread-protocol.ts';

/** Where Vite wrote the prerender bundle's entry, once it has. */
export interface PrerenderEntry {
	url?: URL;
}

/** A Vite plugin that notes where the prerender bundle's entry file was written. */
export function prerenderEntryPlugin(entry: PrerenderEntry): Plugin {
	return {
		name: 'insight-briefings:prerender-entry',
		applyToEnvironment: (environment) => environment.name === 'prerender',
		writeBundle(output, bundle) {
			for (const chunk of Object.values(bundle)) {
				if (chunk.type === 'chunk' && chunk.isEntry && chunk.fileName.startsWith('prerender-entry'))
					entry.url = pathToFileURL(path.join(output.dir!, chunk.fileName));
			}
		},
	};
}

/** What Astro gives its build app before rendering, as far as the threads need it. */
interface BuildAppParts {
	internals?: { pagesByKeys?: unknown; entrySpecifierToBundleMap?: unknown };
	options?: {
		settings?: { scripts?: unknown };
		logger?: { options?: { destination?: { write?: unknown } } };
	};
}

/** A render thread's start data, and Astro's log for what the thread logs. */
export interface RenderThreadStart {
	data: RenderThreadData;
	log: (event: object) => void;
}

/** The start data from what Astro gave its build app; undefined when it is not as expected. */
function threadStart(parts: BuildAppParts, entry: URL): RenderThreadStart | undefined {
	const pages = parts.internals?.pagesByKeys;
	const modules = parts.internals?.entrySpecifierToBundleMap;
	const scripts = parts.options?.settings?.scripts;
	const destination = parts.options?.logger?.options?.destination;
	if (!(pages instanceof Map) || !(modules instanceof Map) || !Array.isArray(scripts)) return;
	if (typeof destination?.write !== 'function') return;
	// A JSON round trip keeps only what can be sent to a thread.
	const data = JSON.parse(
		JSON.stringify({
			entry: entry.href,
			pageStyles: [...pages].map(([key, page]) => [
				key,
				(page as { styles?: unknown }).styles ?? [],
			]),
			entryModules: [...modules],
			scripts: scripts.map(({ stage, content }) => ({ stage, content })),
		}),
	) as RenderThreadData;
	return { data, log: destination.write.bind(destination) as (event: object) => void };
}

/**
 * Runs Astro's prerenderer `setup` (which loads the bundle at `entry` and gives its build app
 * what it renders with) and returns a render thread's start data, taken from what it gave.
 */
export async function setupTakingThreadStart(
	base: AstroPrerenderer,
	entry: URL,
): Promise<RenderThreadStart | undefined> {
	type App = Record<'setInternals' | 'setOptions', (value: unknown) => void>;
	const parts: BuildAppParts = {};
	const { app } = (await import(entry.href)) as { app?: App };
	if (typeof app?.setInternals !== 'function' || typeof app.setOptions !== 'function') {
		await base.setup?.();
		return undefined;
	}
	const { setInternals, setOptions } = app;
	// Own properties over the class's methods, deleted after: the app is left as it was.
	app.setInternals = (value) => {
		parts.internals = value as BuildAppParts['internals'];
		setInternals.call(app, value);
	};
	app.setOptions = (value) => {
		parts.options = value as BuildAppParts['options'];
		setOptions.call(app, value);
	};
	try {
		await base.setup?.();
	} finally {
		delete (app as Partial<App>).setInternals;
		delete (app as Partial<App>).setOptions;
	}
	return threadStart(parts, entry);
}
