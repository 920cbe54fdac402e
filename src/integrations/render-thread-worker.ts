/**
 * A render thread of the site build (render-threads.ts): it loads the same prerender bundle Astro
 * renders from on the main thread and renders the pages it is sent, one at a time, answering with
 * each page's bytes, the parts it handed to the search index and any error. Astro's build app is
 * given the little it reads while rendering (each page's styles, the scripts integrations add and
 * where to log), as Astro's own prerenderer gives it on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { searchPagesKey, type SearchPageSink } from './search-pages.ts';
import type {
	RenderThreadData,
	RenderThreadReply,
	RenderThreadRequest,
	RouteInfo,
} from './render-thread-protocol.ts';

const port = parentPort!;
const { entry, pageStyles, entryModules, scripts } = workerData as RenderThreadData;
const post = (reply: RenderThreadReply, transfer: ArrayBuffer[] = []) =>
	port.postMessage(reply, transfer);

/** The build app of Astro's prerender bundle, with the members this thread uses. */
interface BuildApp {
	manifest: { routes: RouteInfo[] };
	setInternals(internals: unknown): void;
	setOptions(options: unknown): void;
	render(request: Request, options: { routeData: unknown }): Promise<Response>;
}

// The compile cache is on (thread-entry.mjs): the prerender bundle's modules are the same files,
// with the same text, as the last build's wherever the site did not change, and then come
// compiled from it (about 0.1 s of this thread's CPU at 1,000 insights).
const { app } = (await import(entry)) as { app: BuildApp };
app.setInternals({
	pagesByKeys: new Map(pageStyles.map(([key, styles]) => [key, { styles }])),
	entrySpecifierToBundleMap: new Map(entryModules),
});
app.setOptions({
	settings: { scripts },
	// Warnings a page logs (e.g. reading request headers) reach Astro's log on the main thread.
	logger: { options: { destination: { write: (event: object) => post({ log: event }) } } },
});

/** Routes by pattern and component, as the main thread names them. */
const routes = new Map(
	app.manifest.routes.map(({ routeData }) => [
		`${routeData.route}\u0000${routeData.component}`,
		routeData,
	]),
);

/** The search index parts handed over by the page being rendered. */
let indexed: Array<[string, string]> = [];
(globalThis as Record<symbol, SearchPageSink>)[searchPagesKey] = (pathname, html) =>
	void indexed.push([pathname, html]);

/** Renders one page; one at a time, so what a page hands to the search index is its own. */
async function render({ id, url, route, component }: Extract<RenderThreadRequest, { id: number }>) {
	indexed = [];
	try {
		const routeData = routes.get(`${route}\u0000${component}`);
		if (!routeData) throw new Error(`no route ${route} (${component}) in the prerender bundle`);
		const response = await app.render(new Request(url), { routeData });
		const body = response.body === null ? null : await response.arrayBuffer();
		post(
			{
				id,
				status: response.status,
				statusText: response.statusText,
				headers: [...response.headers],
				body,
				indexed,
			},
			body ? [body] : [],
		);
	} catch (error) {
		const { name, message, stack, hint } = error as Error & { hint?: string };
		post({ id, error: { name: name ?? 'Error', message: message ?? String(error), stack, hint } });
	}
}

let queue = Promise.resolve();
port.on('message', (request: RenderThreadRequest) => {
	if ('close' in request) {
		void queue.then(() => port.close());
		return;
	}
	queue = queue.then(() => render(request));
});
