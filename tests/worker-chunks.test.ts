/**
 * The Vite plugin that builds the builder's module workers as chunks of the page's bundle: what a
 * `?worker-chunk` import becomes when building (an emitted chunk's URL) and when serving (the
 * source module's URL). The built site's workers run in tests/browser/ (builder, previews).
 */
import { describe, expect, it } from 'vitest';
import { workerChunks } from '../src/integrations/worker-chunks.ts';

type Hook = (this: unknown, ...args: unknown[]) => unknown;
/** A hook the bundler calls only for ids its filter matches. */
type FilteredHook = { filter: { id: RegExp }; handler: Hook };

/** Calls `hook` as the bundler does: not at all (null) when `id` fails its filter. */
function callFiltered(hook: unknown, context: unknown, id: string, ...rest: unknown[]) {
	const { filter, handler } = hook as FilteredHook;
	return filter.id.test(id) ? handler.call(context, id, ...rest) : null;
}

/** The plugin after Vite resolved a config with `command`, `root` and `base`. */
function pluginFor(command: 'build' | 'serve', root = '/site', base = '/') {
	const plugin = workerChunks();
	(plugin.configResolved as Hook).call({}, { command, root, base });
	const emitted: unknown[] = [];
	const context = {
		emitFile(file: unknown) {
			emitted.push(file);
			return 'ref1';
		},
		async resolve(source: string, importer: string) {
			return source.startsWith('./')
				? { id: `${importer.replace(/[^/]+$/, '')}${source.slice(2)}` }
				: null;
		},
	};
	return {
		emitted,
		resolveId: async (source: string, importer: string) =>
			callFiltered(plugin.resolveId, context, source, importer, {}),
		load: (id: string) => callFiltered(plugin.load, context, id),
	};
}

describe('workerChunks', () => {
	it('resolves only ?worker-chunk imports, keeping the query on the resolved file', async () => {
		const { resolveId } = pluginFor('build');
		await expect(resolveId('./w.ts?worker-chunk', '/site/src/a.ts')).resolves.toBe(
			'/site/src/w.ts?worker-chunk',
		);
		await expect(resolveId('./w.ts', '/site/src/a.ts')).resolves.toBeNull();
		await expect(resolveId('missing?worker-chunk', '/site/src/a.ts')).resolves.toBeNull();
	});

	it('emits the worker as a chunk of the build and exports its URL', () => {
		const { load, emitted } = pluginFor('build');
		expect(load('/site/src/deck-worker.ts?worker-chunk')).toBe(
			'export default import.meta.ROLLUP_FILE_URL_ref1;',
		);
		expect(emitted).toEqual([
			{ type: 'chunk', id: '/site/src/deck-worker.ts', name: 'deck-worker' },
		]);
		expect(load('/site/src/deck-worker.ts')).toBeNull();
	});

	it('serves the source module in dev, under the base or /@fs outside the root', () => {
		const { load, emitted } = pluginFor('serve', '/site', '/docs');
		expect(load('/site/src/client/w.ts?worker-chunk')).toBe(
			'export default "/docs/src/client/w.ts";',
		);
		expect(load('/elsewhere/w.ts?worker-chunk')).toBe('export default "/@fs/elsewhere/w.ts";');
		expect(emitted).toEqual([]);
	});
});
