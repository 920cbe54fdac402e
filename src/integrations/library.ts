/**
 * The Astro integration that makes the library's own rules part of the build: content is checked
 * before anything renders (a broken insight fails `npm run build` naming file and field; the check
 * runs on a thread of its own while Astro starts, and Astro's content sync then stores what it
 * checked instead of parsing every file again: build-check.ts), the build steps (decks, search
 * index) write their output into `dist/`, and render threads render insight pages beside Astro
 * (render-threads.ts).
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { errorsOf, loadLibrary, type Library } from '../library/load.ts';
import { formatIssue } from '../library/issues.ts';
import { plural } from '../library/plural.ts';
import { shareBuildCheck } from './build-check.ts';
import { checkLibraryOnThread } from './library-check.ts';
import { makeFoldersInBackground, pageFolders } from './page-folders.ts';
import { firstRoutesFirst, pagesFirst } from './pages-first.ts';
import { prerenderEntryPlugin, type PrerenderEntry } from './render-thread-setup.ts';
import { renderThreads } from './render-threads.ts';

/** What every build step is given. */
export interface BuildStepContext {
	/** Project root. */
	root: string;
	/** Where the site is written (`dist/` unless configured otherwise). */
	outDir: string;
	/** The library as checked when the build started (so no step reads the content again). */
	library: Library;
	/** Progress lines, into Astro's log. */
	log: (message: string) => void;
}

/**
 * A step of `npm run build` beyond Astro's pages. `start` needs nothing, so it runs while the
 * content is checked; `prepare` needs only the content, so it starts as soon as the content is
 * checked and runs alongside Astro's own work (which leaves a core idle much of the time);
 * `complete` runs once the site is written, after the steps before it. Either throws to fail the build.
 */
export interface BuildStep<Prepared = void, Started = void> {
	/** Name used in error messages. */
	name: string;
	/** Work that needs no content (e.g. threads loading code), begun before the content check. */
	start?(): Started;
	/** Undoes `start` when the build stops before `prepare` (the content has errors). */
	cancel?(started: Started): Promise<void>;
	/** Work that needs only the content, given what `start` began (when it ran). */
	prepare?(context: BuildStepContext, started?: Started): Promise<Prepared>;
	/** Routes (patterns such as `/insights/[id]`) whose pages Astro renders before all others. */
	firstRoutes?: readonly string[];
	/** Called once the pages of every step's `firstRoutes` are rendered, while Astro renders the
	 * rest (never, should Astro skip one of them: `complete` must not depend on it). Must not throw. */
	pagesRendered?(context: BuildStepContext, prepared: Prepared): void;
	/** Work on the written site, given what `prepare` made. */
	complete(context: BuildStepContext, prepared: Prepared): Promise<void>;
}

/** Options for {@link insightLibrary}. */
export interface InsightLibraryOptions {
	/** Build steps; their `complete` parts run in this order. */
	steps?: BuildStep<unknown, unknown>[];
}

/** What each step's `prepare` gave, in step order; kept, not thrown, until the site is written. */
type PreparedSteps = Array<Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>>;

/** Starts every step's `prepare` without waiting for it. */
function prepareSteps(
	steps: BuildStep<unknown, unknown>[],
	started: unknown[],
	context: BuildStepContext,
): PreparedSteps {
	// Not awaited: the steps prepare while Astro bundles and renders. Outcomes are kept, not
	// thrown, so a failure surfaces at the end of the build instead of as an unhandled rejection.
	return steps.map((step, index) =>
		(step.prepare ? step.prepare(context, started[index]) : Promise.resolve(undefined)).then(
			(value) => ({ ok: true as const, value }),
			(error: unknown) => ({ ok: false as const, error }),
		),
	);
}

/** Checks content at startup and runs the build steps. */
export function insightLibrary(options: InsightLibraryOptions = {}): AstroIntegration {
	let root = process.cwd();
	let outDir = '';
	let library: Library | undefined;
	let prepared: PreparedSteps = [];
	let context: BuildStepContext | undefined;
	/** How Astro writes each page (`build.format`), once every integration set up. */
	let pageFormat = 'directory';
	/** The build's library check: resolves to the error the build fails with, if any. */
	let checked: Promise<Error | undefined> = Promise.resolve(undefined);
	const steps = options.steps ?? [];
	const firstRoutes = new Set(steps.flatMap((step) => step.firstRoutes ?? []));
	const prerenderEntry: PrerenderEntry = {};
	return {
		name: 'insight-library',
		hooks: {
			'astro:config:setup': async ({ config, command, logger, updateConfig }) => {
				root = fileURLToPath(config.root);
				outDir = fileURLToPath(config.outDir);
				// Drafts show only in the dev server. Decided by the command, not by NODE_ENV, which
				// test runners set to "test" and which would otherwise make a build look like dev.
				updateConfig({
					vite: {
						define: { __DEV_SERVER__: JSON.stringify(command === 'dev') },
						plugins: [prerenderEntryPlugin(prerenderEntry)],
					},
				});
				const summary = (count: number) =>
					`${plural(count, 'content error')} (run \`npm run check\` for the full report)`;
				if (command !== 'build') {
					// The dev server keeps running so the author can fix the file and see the result.
					library = await loadLibrary({ root });
					const errors = errorsOf(library);
					for (const issue of errors) logger.error(formatIssue(issue));
					if (errors.length) logger.warn(summary(errors.length));
					return;
				}
				// Begun now, e.g. the deck thread loads the deck engine while the content is checked.
				const started = steps.map((step) => step.start?.());
				const cancel = () => Promise.all(steps.map((step, index) => step.cancel?.(started[index])));
				// Checked on a thread of its own while Astro starts (library-check.ts); the build waits
				// for it at astro:build:start.
				checked = checkLibraryOnThread(root).then(
					async (checkedLibrary) => {
						library = checkedLibrary;
						const errors = errorsOf(library);
						if (!errors.length) {
							// The steps prepare now, not at astro:build:start: Astro's own start (Vite's
							// set-up, the content sync, type generation) runs on one core, so the decks get
							// the other one for those seconds instead of competing with Vite's bundling.
							context = { root, outDir, library, log: (message) => logger.info(message) };
							prepared = prepareSteps(steps, started, context);
							return undefined;
						}
						await cancel();
						for (const issue of errors) logger.error(formatIssue(issue));
						return new AstroError(
							summary(errors.length),
							'Fix the files named above; each line says which field and what was expected.',
						);
					},
					async (error: unknown) => {
						await cancel();
						return error instanceof Error ? error : new Error(String(error));
					},
				);
				// The content sync stores the checked insights and briefings (build-check.ts).
				shareBuildCheck(checked.then((failure) => (failure ? { failure } : { library: library! })));
			},
			'astro:config:done': ({ config }) => {
				// Another integration may have moved the output since astro:config:setup.
				outDir = fileURLToPath(config.outDir);
				pageFormat = config.build.format;
			},
			'astro:build:start': async ({ setPrerenderer, logger }) => {
				const failure = await checked;
				shareBuildCheck(undefined);
				if (failure) throw failure;
				if (!context) return;
				const prepareContext = context;
				setPrerenderer((astroPrerenderer) => {
					const log = (message: string) => logger.info(message);
					const base = renderThreads(astroPrerenderer, {
						entry: prerenderEntry,
						log,
						order: (paths) => firstRoutesFirst(paths, firstRoutes),
					});
					if (!firstRoutes.size) return base;
					return pagesFirst(base, firstRoutes, () => {
						for (const [index, step] of steps.entries()) {
							if (!step.pagesRendered) continue;
							void prepared[index]!.then((outcome) => {
								if (outcome.ok) step.pagesRendered!(prepareContext, outcome.value);
							});
						}
					});
				});
			},
			'astro:build:setup': ({ target }) => {
				// Astro has emptied the output folder by now (page-folders.ts).
				if (target === 'server' && context)
					makeFoldersInBackground(pageFolders(outDir, context.library, pageFormat));
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				const context = {
					root,
					library: library!,
					outDir,
					log: (message: string) => logger.info(message),
				};
				for (const [index, step] of steps.entries()) {
					const outcome = await prepared[index]!;
					if (!outcome.ok) throw outcome.error;
					await step.complete(context, outcome.value);
				}
			},
		},
	};
}
