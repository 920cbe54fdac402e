/**
 * The site build's render threads, their pure parts: which pages a thread renders ahead of Astro
 * (from the back, never one the main thread has reached) and how page addresses are made from
 * the first one Astro asks for, and a thread that cannot start leaving its pages to the main
 * thread. A real build with and without threads is compared in tests/cli/render-threads.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { addressesLike, ReadAhead } from '../src/integrations/read-ahead.ts';
import { RenderThread } from '../src/integrations/render-thread.ts';
import { renderThreadCount } from '../src/integrations/render-threads.ts';

describe('ReadAhead', () => {
	it('gives threads pages from the back until they meet the main thread', () => {
		const ahead = new ReadAhead(6);
		ahead.reach(0);
		expect([ahead.take(), ahead.take()]).toEqual([5, 4]);
		ahead.reach(1);
		ahead.reach(2);
		expect(ahead.take()).toBe(3);
		// Page 3 went to a thread; page 2 is the main thread's: nothing is left between them.
		expect(ahead.take()).toBeUndefined();
	});

	it('never gives a page the main thread has reached, even one it skipped to', () => {
		const ahead = new ReadAhead(4);
		ahead.reach(3);
		expect(ahead.take()).toBeUndefined();
		const none = new ReadAhead(0);
		expect(none.take()).toBeUndefined();
	});

	it('keeps the furthest page reached when Astro asks out of order', () => {
		const ahead = new ReadAhead(5);
		ahead.reach(2);
		ahead.reach(1);
		expect(ahead.take()).toBe(4);
		expect(ahead.take()).toBe(3);
		expect(ahead.take()).toBeUndefined();
	});
});

describe('addressesLike', () => {
	it('makes each page address the way Astro made the first', () => {
		const make = addressesLike('/insights/a-0001', 'https://example.com/insights/a-0001/');
		expect(make?.('/insights/b-0002')).toBe('https://example.com/insights/b-0002/');
		const base = addressesLike('/insights/a', 'https://example.com/docs/insights/a');
		expect(base?.('/insights/b')).toBe('https://example.com/docs/insights/b');
	});

	it('encodes what an address must, and gives nothing when the path is not in the address', () => {
		const make = addressesLike('/insights/a', 'http://localhost/insights/a/');
		expect(make?.('/insights/é b')).toBe('http://localhost/insights/%C3%A9%20b/');
		expect(addressesLike('/insights/é', 'http://localhost/insights/%C3%A9/')).toBeUndefined();
		expect(addressesLike('', 'http://localhost/')).toBeUndefined();
	});
});

describe('RenderThread', () => {
	it('answers a page with undefined, for the main thread to render, when it cannot start', async () => {
		const reasons: string[] = [];
		const thread = new RenderThread(
			{
				data: {
					entry: new URL('./no-such-prerender-entry.mjs', import.meta.url).href,
					pageStyles: [],
					entryModules: [],
					scripts: [],
				},
				log: () => {},
			},
			(reason) => reasons.push(reason),
		);
		const outcome = await thread.render('http://localhost/insights/a/', '/insights/[id]', 'x');
		expect(outcome).toBeUndefined();
		expect(thread.load).toBe(Infinity);
		expect(reasons.join()).toMatch(/no-such-prerender-entry/);
		// Once stopped it takes no more pages, and closing it is harmless.
		expect(
			await thread.render('http://localhost/insights/b/', '/insights/[id]', 'x'),
		).toBeUndefined();
		await thread.close();
	});
});

describe('renderThreadCount', () => {
	it('takes INSIGHT_RENDER_THREADS when it is a count, else one per core beyond the first', () => {
		expect(renderThreadCount({ INSIGHT_RENDER_THREADS: '0' })).toBe(0);
		expect(renderThreadCount({ INSIGHT_RENDER_THREADS: ' 3 ' })).toBe(3);
		const byCores = renderThreadCount({});
		expect(byCores).toBeGreaterThanOrEqual(1);
		expect(renderThreadCount({ INSIGHT_RENDER_THREADS: 'many' })).toBe(byCores);
	});
});
