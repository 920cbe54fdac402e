/**
 * What the site build's main thread and its render threads (render-threads.ts,
 * render-thread-worker.ts) tell each other. Everything here survives a structured clone.
 */

/** A route as Astro's manifest holds it; the thread looks routes up by pattern and component. */
export interface RouteInfo {
	routeData: { route: string; component: string };
}

/** A style sheet of a page, as Astro's build keeps it (inline CSS or a file's address). */
export type PageStyle = { depth: number; order: number; sheet: unknown };

/** What a render thread starts with. */
export interface RenderThreadData {
	/** The prerender bundle's entry file (a file: URL). */
	entry: string;
	/** Each page's style sheets, by Astro's page key (route and component). */
	pageStyles: Array<[string, PageStyle[]]>;
	/** Built files of Astro's entry modules, by specifier. */
	entryModules: Array<[string, string]>;
	/** Scripts integrations inject (`injectScript`), with their stage. */
	scripts: Array<{ stage: string; content: string }>;
}

/** Render a page, or finish the pages sent and stop. */
export type RenderThreadRequest =
	{ id: number; url: string; route: string; component: string } | { close: true };

/** A rendered page, what failed instead, or a line for Astro's log. */
export type RenderThreadReply =
	| {
			id: number;
			status: number;
			statusText: string;
			headers: Array<[string, string]>;
			body: ArrayBuffer | null;
			/** The page's search index parts (URL path, HTML), in the order it handed them over. */
			indexed: Array<[string, string]>;
	  }
	| { id: number; error: { name: string; message: string; stack?: string; hint?: string } }
	| { log: object };
