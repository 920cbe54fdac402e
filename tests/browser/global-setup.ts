/**
 * Builds the site once (`astro build`, which also makes the decks and the search index) into a
 * temporary folder, never the repository's `dist/`, and serves it for the browser tests. Without Chromium the tests skip with a notice, except under CI, where
 * a missing browser fails the run: CI must exercise the real site.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './server.ts';
import { chromiumPath } from './chromium.ts';
import { astroBuild } from '../astro-build.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Base URL of the served site, or '' when browser tests are skipped. */
		siteUrl: string;
		/** Absolute path of the built site. */
		siteDir: string;
		/** What `astro build` printed (stdout and stderr), or '' for a site built before (REUSE_SITE). */
		siteBuildLog: string;
	}
}

export default async function setup(project: TestProject) {
	const root = path.resolve(import.meta.dirname, '../..');
	if (!chromiumPath()) {
		if (process.env.CI)
			throw new Error(
				'Chromium is required under CI for the browser tests (install the Debian package "chromium").',
			);
		console.warn(
			'\n[browser tests] SKIPPED: Chromium not found at /usr/bin/chromium (apt-get install chromium). Set CI=1 to make this an error.\n',
		);
		project.provide('siteUrl', '');
		project.provide('siteDir', '');
		project.provide('siteBuildLog', '');
		return;
	}
	// REUSE_SITE=DIR serves a site built before into DIR (e.g. `npm run build -- --outDir DIR`)
	// while iterating on the tests; otherwise every run builds a fresh site and removes it after.
	const reuse = process.env.REUSE_SITE;
	if (reuse && !existsSync(path.join(reuse, 'index.html')))
		throw new Error(`REUSE_SITE=${reuse}: no built site there (no index.html)`);
	const siteDir = reuse
		? path.resolve(reuse)
		: mkdtempSync(path.join(os.tmpdir(), 'insight-browser-site-'));
	let buildLog = '';
	if (!reuse) {
		// Kept, so a test can read what a user running `npm run build` sees; shown when the build fails.
		const build = astroBuild(root, ['--outDir', siteDir]);
		buildLog = build.output;
		if (build.status !== 0) {
			rmSync(siteDir, { recursive: true, force: true });
			process.stderr.write(buildLog);
			throw new Error(`astro build failed (${build.error?.message ?? `exit ${build.status}`})`);
		}
	}
	const { server, url } = await serveStatic(siteDir);
	project.provide('siteUrl', url);
	project.provide('siteDir', siteDir);
	project.provide('siteBuildLog', buildLog);
	return async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
		if (!reuse) rmSync(siteDir, { recursive: true, force: true });
	};
}
