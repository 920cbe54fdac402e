/**
 * The Astro integration that makes the library's own rules part of the build: content is checked
 * before anything renders (a broken insight fails `npm run build` naming file and field), and
 * after the site is written the decks and the search index are built into `dist/`.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { errorsOf, loadLibrary } from '../library/load.ts';
import { formatIssue } from '../library/issues.ts';

/** Hooks that run once the static site is in `dist/`; each throws to fail the build. */
export type AfterBuildStep = (options: {
	root: string;
	outDir: string;
	log: (message: string) => void;
}) => Promise<void>;

/** Options for {@link insightLibrary}. */
export interface InsightLibraryOptions {
	/** Steps run after the site is written, in order (decks, search index). */
	afterBuild?: AfterBuildStep[];
}

/** Checks content at startup and runs the after-build steps. */
export function insightLibrary(options: InsightLibraryOptions = {}): AstroIntegration {
	let root = process.cwd();
	return {
		name: 'insight-library',
		hooks: {
			'astro:config:setup': async ({ config, command, logger, updateConfig }) => {
				root = fileURLToPath(config.root);
				// Drafts show only in the dev server. Decided by the command, not by NODE_ENV, which
				// test runners set to "test" and which would otherwise make a build look like dev.
				updateConfig({ vite: { define: { __DEV_SERVER__: JSON.stringify(command === 'dev') } } });
				const library = await loadLibrary({ root });
				const errors = errorsOf(library);
				if (!errors.length) return;
				for (const issue of errors) logger.error(formatIssue(issue));
				const summary = `${errors.length} content error${errors.length === 1 ? '' : 's'} (run \`npm run check\` for the full report)`;
				// The dev server keeps running so the author can fix the file and see the result.
				if (command === 'build')
					throw new AstroError(
						summary,
						'Fix the files named above; each line says which field and what was expected.',
					);
				logger.warn(summary);
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				for (const step of options.afterBuild ?? []) {
					await step({ root, outDir, log: (message) => logger.info(message) });
				}
			},
		},
	};
}
