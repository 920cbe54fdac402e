import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		reporters: ['default', './tests/summary-reporter.ts'],
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/**/*.test.ts'],
					exclude: ['tests/browser/**'],
					testTimeout: 60_000,
					hookTimeout: 300_000,
				},
			},
			{
				test: {
					// The built site in real Chromium: the global setup builds and serves it once.
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
