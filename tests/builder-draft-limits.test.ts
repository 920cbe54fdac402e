/**
 * The builder opens a draft (saved work, a share link, an example briefing) before zod and the
 * schemas load, with the briefing's sizes written out in `builder/draft-limits.ts`; they must be
 * the schema's own. And the page's store works before its checks load: no briefing and nothing to
 * show, then the check once they arrive, with every part of the page told.
 */
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../src/builder/briefing.ts';
import { draftLimits } from '../src/builder/draft-limits.ts';
import { emptyDraft } from '../src/builder/types.ts';
import { DraftStore, type Change } from '../src/client/builder/store.ts';
import { briefingLimits as plainBriefingLimits } from '../src/schema/briefing-limits.ts';
import { briefingLimits } from '../src/schema/briefing.ts';
import { limits } from '../src/schema/limits.ts';
import { completeDraft, library } from './fixtures/builder.ts';

describe('the builder’s draft limits', () => {
	it('are the limits the schemas set', () => {
		const { insight: _insight, yamlAliases: _aliases, ...fromSchemas } = limits;
		expect(draftLimits).toEqual(fromSchemas);
		expect(plainBriefingLimits).toBe(briefingLimits);
	});
});

describe('the builder’s store before and after its checks load', () => {
	it('has no briefing and shows nothing until the checker arrives, then checks and says so', async () => {
		const store = new DraftStore(completeDraft(), library, () => {});
		const changes: Change[] = [];
		store.subscribe((change) => changes.push(change));
		store.start();
		expect(store.check).toEqual({ issues: [] });
		store.attempt();
		expect(store.visibleIssues).toEqual([]);

		let resolved = false;
		const checked = store.whenChecked().then(() => (resolved = true));
		await Promise.resolve();
		expect(resolved).toBe(false);

		store.useChecker(checkDraft);
		await checked;
		expect(changes.at(-1)).toBe('checked');
		expect(store.check).toEqual(checkDraft(completeDraft(), library));
		expect(store.check.briefing).toBeDefined();
	});

	it('reports an incomplete draft’s problems once checked, as checkDraft does', () => {
		const store = new DraftStore(emptyDraft(), library, () => {});
		store.start();
		store.useChecker(checkDraft);
		store.attempt();
		expect(store.visibleIssues).toEqual(checkDraft(emptyDraft(), library).issues);
		expect(store.visibleIssues.length).toBeGreaterThan(0);
	});
});
