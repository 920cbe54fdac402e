/**
 * `npm run decks` puts V8 in efficiency mode for a batch on deck threads, and only then
 * (scripts/lib/batch-v8.ts): a run of one deck keeps V8's defaults.
 */
import { describe, expect, it } from 'vitest';
import { buildsOnThreads, useEfficiencyModeForBatch } from '../scripts/lib/batch-v8.ts';

describe('buildsOnThreads', () => {
	it('is a batch when every briefing or several are built with more than one job', () => {
		expect(buildsOnThreads([], undefined, 2)).toBe(true);
		expect(buildsOnThreads(['a', 'b'], undefined, 4)).toBe(true);
		expect(buildsOnThreads(['a', 'b'], 2, 1)).toBe(true);
	});

	it('is no batch for one briefing, one job or one core', () => {
		expect(buildsOnThreads(['a'], undefined, 8)).toBe(false);
		// The same id twice is still one deck.
		expect(buildsOnThreads(['a', 'a'], undefined, 8)).toBe(false);
		expect(buildsOnThreads([], 1, 8)).toBe(false);
		expect(buildsOnThreads(['a', 'b'], undefined, 1)).toBe(false);
	});
});

describe('useEfficiencyModeForBatch', () => {
	it('sets the flag for a batch on threads, and nothing otherwise', () => {
		const set: string[] = [];
		const setFlags = (flags: string) => void set.push(flags);
		expect(useEfficiencyModeForBatch(['a'], undefined, 2, setFlags)).toBe(false);
		expect(set).toEqual([]);
		expect(useEfficiencyModeForBatch([], undefined, 2, setFlags)).toBe(true);
		expect(set).toEqual(['--efficiency-mode']);
	});
});
