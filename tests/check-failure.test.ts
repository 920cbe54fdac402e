/**
 * A content collection's loader fails with the build's library check report when Astro's content
 * sync refuses a file while the check runs on its thread; otherwise with its own error.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { checkedFirst, shareCheckFailure } from '../src/integrations/check-failure.ts';

const refusing: Loader = {
	name: 'refusing',
	load: async () => {
		throw new Error("Astro's own message");
	},
};
const context = {} as LoaderContext;

afterEach(() => shareCheckFailure(undefined));

describe('checkedFirst', () => {
	it("fails with the check's report when the check found errors", async () => {
		let reported: (error: Error) => void = () => {};
		shareCheckFailure(new Promise((resolve) => (reported = resolve)));
		const loading = checkedFirst(refusing).load(context);
		// The loader waits for the check to end before it fails.
		reported(new Error('2 content errors'));
		await expect(loading).rejects.toThrow('2 content errors');
	});

	it('fails with its own error when the check found none, or no check runs', async () => {
		shareCheckFailure(Promise.resolve(undefined));
		await expect(checkedFirst(refusing).load(context)).rejects.toThrow("Astro's own message");
		shareCheckFailure(undefined);
		await expect(checkedFirst(refusing).load(context)).rejects.toThrow("Astro's own message");
	});

	it('loads as the loader does when it succeeds', async () => {
		const calls: string[] = [];
		const loader = checkedFirst({ name: 'ok', load: async () => void calls.push('loaded') });
		await loader.load(context);
		expect(calls).toEqual(['loaded']);
		expect(loader.name).toBe('ok');
	});
});
