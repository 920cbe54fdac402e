/**
 * A run whose content files are all in the content cache (`npm run decks` the second time) loads
 * no parser and builds no zod schema: the loaders import `parse.ts` (and with it the schemas) only
 * for a file the cache has no result for, and the deck engine reads its plain values (dates,
 * languages, stages, template slide kinds) from modules without zod. Each load runs in a fresh
 * Node process that records every module it loads.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFixture, projectRoot, removeFixture } from './fixtures/content/fixtures.ts';

let root: string;
beforeEach(async () => {
	root = await copyFixture();
});
afterEach(async () => {
	await removeFixture(root);
});

/** One briefing's library and deck input, loaded with the content cache in a fresh process. */
const probe = (library: string) => `
import module from 'node:module';
const loaded = new Set();
module.registerHooks({
	load(url, context, next) {
		loaded.add(url);
		return next(url, context);
	},
});
const at = (file) => new URL(file, ${JSON.stringify(pathToFileURL(projectRoot + '/').href)}).href;
const { contentCache } = await import(at('scripts/lib/content-cache.ts'));
const { loadBriefingLibrary } = await import(at('src/library/load.ts'));
const { deckInputs } = await import(at('src/integrations/decks.ts'));
await Promise.all([
	import(at('src/integrations/audited-deck.ts')),
	import(at('src/deck/plan/index.ts')),
	import(at('src/deck/pptx/index.ts')),
	import(at('src/deck/audit/index.ts')),
]);
const root = ${JSON.stringify(library)};
const memo = contentCache(root, 'lazy-schemas-test');
const library = await loadBriefingLibrary({ root, ids: ['harbor-bank'], memo });
const input = (await deckInputs(library, ['harbor-bank'], '0')).get('harbor-bank');
console.log(JSON.stringify({
	loaded: [...loaded],
	library: { briefings: library.briefings, insights: library.insights, issues: library.issues },
	slides: input ? input.insights.map((insight) => insight.id) : undefined,
}));
`;

async function run(
	script: string,
): Promise<{ loaded: string[]; library: unknown; slides: unknown }> {
	const file = path.join(root, 'probe.mjs');
	await writeFile(file, script);
	const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: root });
	return JSON.parse(stdout);
}

/** Modules that build zod schemas when they load, and zod itself. */
const buildsSchemas = (url: string) =>
	/\/node_modules\/zod\//.test(url) ||
	/\/src\/schema\/(brand|briefing|common|insight|language|limits|source|stage|taxonomy)\.ts$/.test(
		url,
	);

describe('a run with every content file in the content cache', () => {
	it('loads no parser and builds no schema, and gives the library a parsing run gives', async () => {
		const cold = await run(probe(root));
		const warm = await run(probe(root));
		// The probe sees the schemas when they load: the first run parsed every file.
		expect(cold.loaded.filter(buildsSchemas).length).toBeGreaterThan(5);
		expect(cold.loaded.some((url) => url.endsWith('/src/library/parse.ts'))).toBe(true);
		expect(warm.loaded.filter(buildsSchemas)).toEqual([]);
		expect(warm.loaded.some((url) => url.endsWith('/src/library/parse.ts'))).toBe(false);
		expect(warm.loaded.some((url) => url.endsWith('/src/deck/plan/index.ts'))).toBe(true);
		expect(warm.library).toEqual(cold.library);
		expect(warm.slides).toEqual(cold.slides);
		expect(cold.slides).toBeTruthy();
	});
});
