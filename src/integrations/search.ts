/**
 * After-build step: the Pagefind search index, built through Pagefind's Node API from the pages
 * that mark their content with `data-pagefind-body` (insight pages), so navigation is not indexed.
 * Any indexing error fails the build.
 */
import path from 'node:path';
import { close, createIndex } from 'pagefind';
import type { BuildStep } from './library.ts';

export const searchIndexStep: BuildStep = {
	name: 'search index',
	complete: async ({ outDir, log }) => {
		try {
			const { index, errors } = await createIndex({ forceLanguage: 'en' });
			if (!index || errors.length)
				throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
			const added = await index.addDirectory({ path: outDir });
			if (added.errors.length)
				throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
			if (added.page_count === 0)
				throw new Error('Pagefind indexed no pages: no page has data-pagefind-body');
			const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
			if (written.errors.length)
				throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
			log(`search index: ${added.page_count} pages indexed`);
		} finally {
			await close();
		}
	},
};
