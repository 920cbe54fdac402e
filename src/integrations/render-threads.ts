/**
 * Astro renders a static site's pages one after another on its main thread, so on a two-core
 * machine rendering leaves a core idle (6 s of a 21 s build at 1,000 insights). This prerenderer,
 * around Astro's own, has render threads render the pages of some routes ahead of Astro: when
 * Astro asks for such a page, a thread has rendered it already or the main thread renders it as
 * before (read-ahead.ts says which). Astro still asks for, writes and logs every page in its
 * order, and the search index gets each page's part in that order, so the site is the same.
 * Only the pages of {@link threadedRoutes} render on threads.
 */
import { availableParallelism } from 'node:os';
import type { AstroPrerenderer, PathWithRoute } from 'astro';
import { addressesLike, ReadAhead } from './read-ahead.ts';
import { RenderThread, type ThreadOutcome } from './render-thread.ts';
import {
	setupTakingThreadStart,
	type PrerenderEntry,
	type RenderThreadStart,
} from './render-thread-setup.ts';
import { handToSearchIndex } from './search-pages.ts';

/**
 * Routes whose pages may render on a thread: an insight page reads the content collections and
 * hands its search index part over, which the thread sends back with the page. Briefing and
 * industry pages could too (a briefing page given the preview the deck thread drew), but measured
 * side by side at 1,000 insights the build took no less time: their modules and previews cost the
 * thread what it saved the main thread. The builder's data take the talk tracks the library check
 * made, kept on the main thread.
 */
export const threadedRoutes: ReadonlySet<string> = new Set(['/insights/[id]']);

/** Below this many pages of {@link threadedRoutes}, a thread's start (loading the bundle) costs more than it saves. */
export const minThreadedPages = 200;

/**
 * Pages a thread is sent at a time. More than one rendering and one waiting: the next ones are
 * sent only when the main thread is free to hear that a page is done, and it is busy for tens of
 * milliseconds at a time (its own pages, a garbage collection). With eight in hand the thread
 * rendered 6% more of the pages at 1,000 insights, and Astro's rendering took 0.1-0.6 s less in
 * three pairs of builds. At most this many wait for the thread when the main thread reaches them.
 */
const sentPerThread = 8;

/** Options for {@link renderThreads}. */
export interface RenderThreadsOptions {
	/** Where the prerender bundle's entry is (noted by `prerenderEntryPlugin`). */
	entry: PrerenderEntry;
	/** Threads to start (default {@link renderThreadCount}); 0: none. */
	threads?: number;
	/** Pages of {@link threadedRoutes} needed to start any (default {@link minThreadedPages}). */
	minPages?: number;
	/**
	 * The order Astro will ask for `paths` in, when a prerenderer around this one reorders them
	 * (pages-first.ts): threads take pages from the end of that order. Default: as given.
	 */
	order?: (paths: PathWithRoute[]) => PathWithRoute[];
	/** Says, once the pages are rendered, how many the threads rendered. */
	log?: (message: string) => void;
}

/** Threads started by default at most: each loads the site's bundle and content data again. */
const maxDefaultThreads = 4;

/**
 * Render threads to start: `INSIGHT_RENDER_THREADS` when set (0 turns them off, should they ever
 * misbehave), else one per core beyond the main thread's, at most {@link maxDefaultThreads}.
 */
export function renderThreadCount(environment: NodeJS.ProcessEnv = process.env): number {
	const set = environment.INSIGHT_RENDER_THREADS;
	if (set !== undefined && /^\d+$/.test(set.trim())) return Number(set);
	return Math.max(1, Math.min(maxDefaultThreads, availableParallelism() - 1));
}

/** The threaded pages, their threads and what the threads rendered, once Astro asked for the first. */
interface Reading {
	paths: PathWithRoute[];
	threads: RenderThread[];
	readAhead: ReadAhead;
	/** Each page's address, by index (set once the first page is asked for). */
	addresses: string[];
	/** Index by address. */
	byAddress: Map<string, number>;
	/** What the threads made of the pages sent to them, by index. */
	sent: Map<number, Promise<ThreadOutcome>>;
	/** Pages Astro was given as a thread rendered them. */
	fromThreads: number;
}

/** `base` with render threads rendering the pages of {@link threadedRoutes} ahead of Astro. */
export function renderThreads(
	base: AstroPrerenderer,
	options: RenderThreadsOptions,
): AstroPrerenderer {
	let start: RenderThreadStart | undefined;
	let reading: Reading | undefined;

	/** Sends each thread pages from the back until it has enough or the main thread is there. */
	const feed = (r: Reading) => {
		for (const thread of r.threads) {
			while (thread.load < sentPerThread) {
				const index = r.readAhead.take();
				if (index === undefined) return;
				const { route } = r.paths[index]!;
				const outcome = thread.render(r.addresses[index]!, route.route, route.component);
				r.sent.set(index, outcome);
				void outcome.then(() => feed(r));
			}
		}
	};

	/** Learns the pages' addresses from the first one Astro asks for; false when it cannot. */
	const learnAddresses = (r: Reading, url: string, route: string): boolean => {
		const asked = decodeURI(new URL(url).pathname).replace(/\/$/, '');
		const first = r.paths.find(
			(path) => path.route.route === route && asked.endsWith(path.pathname.replace(/\/$/, '')),
		);
		const make = first && addressesLike(first.pathname, url);
		if (!make || make(first.pathname) !== url) return false;
		r.addresses = r.paths.map((path) => make(path.pathname));
		r.byAddress = new Map(r.addresses.map((address, index) => [address, index]));
		return true;
	};

	const stopThreads = async () => {
		const r = reading;
		reading = undefined;
		if (!r) return;
		await Promise.all(r.threads.map((thread) => thread.close()));
		const threads =
			r.threads.length === 1 ? '1 render thread' : `${r.threads.length} render threads`;
		options.log?.(
			`${threads} rendered ${r.fromThreads} of ${r.paths.length} pages of ${[...threadedRoutes].join(', ')}`,
		);
	};

	return {
		name: `${base.name}+render-threads`,
		setup: async () => {
			if (!options.entry.url) return base.setup?.();
			start = await setupTakingThreadStart(base, options.entry.url);
		},
		...(base.collectStaticImages && { collectStaticImages: () => base.collectStaticImages!() }),
		getStaticPaths: async () => {
			const paths = await base.getStaticPaths();
			const ordered = options.order?.(paths) ?? paths;
			const threaded = ordered.filter((path) => threadedRoutes.has(path.route.route));
			const count = options.threads ?? renderThreadCount();
			const worthIt = count > 0 && threaded.length >= (options.minPages ?? minThreadedPages);
			if (worthIt && !start)
				options.log?.('no render threads: Astro did not give its build app what they need');
			if (worthIt && start) {
				reading = {
					paths: threaded,
					threads: Array.from(
						{ length: count },
						() =>
							new RenderThread(start!, (reason) =>
								options.log?.(
									`a render thread stopped (${reason}); the main thread renders its pages`,
								),
							),
					),
					readAhead: new ReadAhead(threaded.length),
					addresses: [],
					byAddress: new Map(),
					sent: new Map(),
					fromThreads: 0,
				};
			}
			return paths;
		},
		render: async (request, renderOptions) => {
			const r = reading;
			if (!r || renderOptions.collectMetadata || !threadedRoutes.has(renderOptions.routeData.route))
				return base.render(request, renderOptions);
			if (!r.addresses.length && !learnAddresses(r, request.url, renderOptions.routeData.route)) {
				await stopThreads();
				return base.render(request, renderOptions);
			}
			const index = r.byAddress.get(request.url);
			if (index === undefined) return base.render(request, renderOptions);
			r.readAhead.reach(index);
			const sent = r.sent.get(index);
			r.sent.delete(index);
			feed(r);
			const outcome = await sent;
			if (!outcome) return base.render(request, renderOptions);
			if ('error' in outcome) throw outcome.error;
			const { body, status, statusText, headers, indexed } = outcome.page;
			for (const [pathname, html] of indexed) handToSearchIndex(pathname, html);
			r.fromThreads++;
			return new Response(body, { status, statusText, headers });
		},
		teardown: async () => {
			try {
				await stopThreads();
			} finally {
				await base.teardown?.();
			}
		},
	};
}
