/**
 * The site build's threads run their TypeScript module through thread-entry.mjs, which turns the
 * compile cache on before the module is loaded (a .ts entry would load the type stripper first).
 */
import { describe, expect, it } from 'vitest';
import { typescriptThread } from '../src/integrations/typescript-thread.ts';

describe('typescriptThread', () => {
	it('runs the module with its workerData, with the compile cache on', async () => {
		const thread = typescriptThread(
			new URL('./fixtures/threads/compile-cache-echo.ts', import.meta.url),
			{ workerData: { root: '/site' } },
		);
		const answer = await new Promise((resolve, reject) => {
			thread.once('message', resolve);
			thread.once('error', reject);
		});
		await thread.terminate();
		expect(answer).toEqual({
			typed: 'TypeScript ran',
			workerData: { root: '/site' },
			cacheDir: expect.stringMatching(/\S/),
		});
	});

	it('fails like any thread when the module does', async () => {
		const thread = typescriptThread(new URL('./fixtures/threads/missing.ts', import.meta.url));
		await expect(
			new Promise((resolve, reject) => {
				thread.once('message', resolve);
				thread.once('error', reject);
			}),
		).rejects.toThrow(/missing\.ts/);
	});
});
