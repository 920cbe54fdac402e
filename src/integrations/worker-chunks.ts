/**
 * Module workers built as chunks of the page's own bundle: `import url from './w.ts?worker-chunk'`
 * gives the URL of the worker's script. Vite builds each `new Worker(new URL(...))` as a bundle of
 * its own, so the builder's deck worker (pptxgenjs and the planner) and preview worker (the
 * planner and the drawing) each carried their own copy of the planner, beside the page's own for
 * the leave-behind: a rep who watched the previews and downloaded a deck and its PDF fetched the
 * planner three times, and the site build bundled and minified it as often. As chunks of one
 * build, a worker's script imports the same shared chunks the page does.
 *
 * A worker chunk must not import anything dynamically whose chunk has dependencies of its own:
 * Vite preloads those through `document`, which a worker does not have. The builder's workers
 * import everything statically (the leave-behind, which the engine imports on demand, is written
 * on the page, not in a worker).
 */
import path from 'node:path';
import type { Plugin } from 'vite';

/** The query that asks for a worker's script URL. */
const suffix = '?worker-chunk';
/** A module id (or import) that asks for one. */
const workerChunkId = /\?worker-chunk$/;

/** The Vite plugin; in `astro dev` (and tests) the URL is the source module's, which Vite serves. */
export function workerChunks(): Plugin {
	let building = false;
	let root = process.cwd();
	let base = '/';
	return {
		name: 'insight-briefings:worker-chunks',
		enforce: 'pre',
		configResolved(config) {
			building = config.command === 'build';
			root = config.root;
			base = config.base;
		},
		// The filters let the bundler skip this plugin for every other module without calling it
		// (thousands of MDX modules and their imports in a 1,000-insight build).
		resolveId: {
			filter: { id: workerChunkId },
			async handler(source, importer) {
				const resolved = await this.resolve(source.slice(0, -suffix.length), importer, {
					skipSelf: true,
				});
				return resolved ? `${resolved.id}${suffix}` : null;
			},
		},
		load: {
			filter: { id: workerChunkId },
			handler(id) {
				const file = id.slice(0, -suffix.length);
				if (building) {
					const name = path.basename(file).replace(/\.[cm]?[jt]s$/, '');
					const ref = this.emitFile({ type: 'chunk', id: file, name });
					return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
				}
				const relative = path.relative(root, file);
				const url = relative.startsWith('..')
					? `/@fs${file}`
					: `${base.replace(/\/?$/, '/')}${relative.split(path.sep).join('/')}`;
				return `export default ${JSON.stringify(url)};`;
			},
		},
	};
}
