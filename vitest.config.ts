/**
 * Tests split by what they cost, so a developer gets feedback in seconds:
 * - `unit` (`npm run test:unit`): pure modules, in process; no builds, no external programs (at
 *   most a Node child for what a process cannot change in itself, such as its time zone).
 * - `cli` (`npm run test:cli`): the scripts run as a user runs them, `astro build` of fixtures,
 *   LibreOffice, language servers: anything that starts another program.
 * - `browser` (`npm run test:browser`): the built site in real Chromium.
 * `npm test` runs all three (after Prettier and ESLint). A new test file goes in `tests/` when it is
 * pure, in `tests/cli/` when it starts a program, in `tests/browser/` when it needs the browser.
 */
import { defineConfig } from 'vitest/config';
import { workerChunks } from './src/integrations/worker-chunks.ts';

export default defineConfig({
	test: {
		reporters: ['default', './tests/summary-reporter.ts'],
		projects: [
			{
				// Client modules import their workers' script URLs (`?worker-chunk`).
				plugins: [workerChunks()],
				test: {
					name: 'unit',
					include: ['tests/*.test.ts'],
					// Worker threads start faster and use less CPU than child processes here.
					pool: 'threads',
					testTimeout: 30_000,
				},
			},
			{
				test: {
					name: 'cli',
					include: ['tests/cli/**/*.test.ts'],
					testTimeout: 120_000,
					hookTimeout: 300_000,
				},
			},
			{
				test: {
					// The built site in real Chromium: the global setup builds it into a temporary
					// folder and serves it once for every file.
					name: 'browser',
					include: ['tests/browser/**/*.test.ts'],
					globalSetup: ['tests/browser/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 90_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});
