import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchSearchLines } from '../src/client/builder/search-text.ts';

// Node has no Web Worker: these cover the main-thread path a page takes when no worker starts.
// The worker's path is driven in Chromium (tests/browser/builder.test.ts finds an insight by a
// word of its evidence, which only the search text holds).
describe('fetchSearchLines without a worker', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('gives the lines of the search text, one per insight, in order', async () => {
		const fetch = vi.fn(async () => new Response('first line\n\nthird line'));
		vi.stubGlobal('fetch', fetch);
		await expect(fetchSearchLines('/builder/search.txt', { inWorker: true })).resolves.toEqual([
			'first line',
			'',
			'third line',
		]);
		expect(fetch).toHaveBeenCalledWith('/builder/search.txt');
	});

	it('fetches on the main thread when asked to', async () => {
		const worker = vi.fn();
		vi.stubGlobal('Worker', worker);
		vi.stubGlobal('fetch', async () => new Response('one\ntwo'));
		await expect(fetchSearchLines('/builder/search.txt', { inWorker: false })).resolves.toEqual([
			'one',
			'two',
		]);
		expect(worker).not.toHaveBeenCalled();
	});

	it('rejects, naming the file, when it cannot be fetched', async () => {
		vi.stubGlobal('fetch', async () => new Response('gone', { status: 404 }));
		await expect(fetchSearchLines('/builder/search.txt', { inWorker: true })).rejects.toThrow(
			'/builder/search.txt: HTTP 404',
		);
	});

	it('rejects when the connection drops', async () => {
		vi.stubGlobal('fetch', async () => {
			throw new TypeError('Failed to fetch');
		});
		await expect(fetchSearchLines('/builder/search.txt', { inWorker: true })).rejects.toThrow(
			'Failed to fetch',
		);
	});
});
