/**
 * The content cache of `npm run decks` (scripts/lib/content-cache.ts): parse results kept between
 * runs must give exactly the library parsing gives (entries, dates, talk tracks, every message of a
 * broken file), and must never be used for a file whose text changed, for other code, or when an
 * entry is corrupt.
 */
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentCache, contentCacheRoot } from '../scripts/lib/content-cache.ts';
import { loadBriefingLibrary } from '../src/library/load.ts';
import type { ParseMemo } from '../src/library/parse-memo.ts';
import {
	copyFixture,
	insightSource,
	projectRoot,
	removeFixture,
	validInsight,
	writeFixtureFile,
} from './fixtures/content/fixtures.ts';

let root: string;
beforeEach(async () => {
	root = await copyFixture();
});
afterEach(async () => {
	await removeFixture(root);
});

const write = (file: string, text: string) => writeFixtureFile(root, file, text);

/** The cache for `code`, recording which files it had to parse. */
function counted(code: string): { memo: ParseMemo; parsed: string[] } {
	const parsed: string[] = [];
	const store = contentCache(root, code);
	const memo: ParseMemo = (kind, file, source, parse) =>
		store(kind, file, source, () => {
			parsed.push(`${kind} ${file}`);
			return parse();
		});
	return { memo, parsed };
}

/** The libraries of `ids`, one briefing at a time. */
const libraries = (ids: string[], memo?: ParseMemo) =>
	Promise.all(ids.map((id) => loadBriefingLibrary({ root, ids: [id], ...(memo ? { memo } : {}) })));

const briefings = ['harbor-bank', 'northwind-health'];

/** A library with problems of every kind in the files the decks read. */
async function breakLibrary() {
	const data = validInsight();
	data.industries = ['hospital'];
	delete data.sources;
	await write('content/insights/denial-work-is-fragmented.mdx', insightSource(data));
	await write(
		'content/insights/denials-cost-more-to-fight.mdx',
		insightSource(validInsight(), 'A body with <Widget /> and [a link](javascript:alert(1)).\n'),
	);
	const harbor = await readFile(path.join(root, 'content/briefings/harbor-bank.yaml'), 'utf8');
	await write(
		'content/briefings/harbor-bank.yaml',
		harbor.replace('payback-inside-a-year-wins-approval', 'payback-inside-a-yaer-wins-approval'),
	);
	await write('content/briefings/northwind-health.yaml', 'title: [unclosed\n');
}

describe('the content cache', () => {
	it('gives the library parsing gives, from a cold and from a warm cache, without parsing again', async () => {
		await breakLibrary();
		const parsed = await libraries(briefings);
		const cold = counted('code-a');
		expect(await libraries(briefings, cold.memo)).toStrictEqual(parsed);
		expect(cold.parsed.length).toBeGreaterThan(5);
		const warm = counted('code-a');
		expect(await libraries(briefings, warm.memo)).toStrictEqual(parsed);
		expect(warm.parsed).toEqual([]);
		// The broken files' messages are among what came back.
		const messages = parsed.flatMap((library) => library.issues.map((issue) => issue.message));
		expect(messages.join('\n')).toMatch(/valid YAML/);
		expect(messages.join('\n')).toMatch(/did you mean/);
	});

	it("keeps every briefing of the project's own content as parsing gives it", async () => {
		await rm(path.join(root, 'content'), { recursive: true });
		await cp(path.join(projectRoot, 'content'), path.join(root, 'content'), { recursive: true });
		await cp(path.join(projectRoot, 'public/brand'), path.join(root, 'public/brand'), {
			recursive: true,
		});
		const ids = (await readdir(path.join(root, 'content/briefings'))).map((name) =>
			name.replace(/\.ya?ml$/, ''),
		);
		const parsed = await libraries(ids);
		expect(parsed.every((library) => library.issues.length === 0)).toBe(true);
		await libraries(ids, counted('code-a').memo);
		const warm = counted('code-a');
		expect(await libraries(ids, warm.memo)).toStrictEqual(parsed);
		expect(warm.parsed).toEqual([]);
	});

	it('parses an edited file again, and only that file', async () => {
		await libraries(briefings, counted('code-a').memo);
		const data = validInsight();
		data.stage = 'deciding';
		await write('content/insights/deposit-costs-outrun-loan-yields.mdx', insightSource(data));
		const warm = counted('code-a');
		const [library] = await libraries(['harbor-bank'], warm.memo);
		expect(warm.parsed).toEqual(['insight content/insights/deposit-costs-outrun-loan-yields.mdx']);
		expect(library).toStrictEqual((await libraries(['harbor-bank']))[0]);
		expect(library!.issues.map((issue) => issue.field)).toContain('stage');
	});

	it('notices a deleted file: it is reported missing, as without the cache', async () => {
		await libraries(briefings, counted('code-a').memo);
		await rm(path.join(root, 'content/insights/core-migrations-stall-on-data.mdx'));
		const [library] = await libraries(['harbor-bank'], counted('code-a').memo);
		expect(library).toStrictEqual((await libraries(['harbor-bank']))[0]);
		expect(library!.issues.map((issue) => issue.message).join('\n')).toMatch(
			/core-migrations-stall-on-data/,
		);
	});

	it("never uses another code's results, and removes them", async () => {
		await libraries(briefings, counted('code-a').memo);
		const other = counted('code-b');
		expect(await libraries(briefings, other.memo)).toStrictEqual(await libraries(briefings));
		expect(other.parsed.length).toBeGreaterThan(5);
		expect(await readdir(contentCacheRoot(root))).toEqual(['code-b']);
	});

	it('parses again over an entry that is corrupt, of another shape or of another text', async () => {
		await breakLibrary();
		await libraries(briefings, counted('code-a').memo);
		const dir = path.join(contentCacheRoot(root), 'code-a');
		const names = await readdir(dir);
		expect(names.length).toBeGreaterThan(5);
		const spoilt = [
			Buffer.from('not a v8 serialization'),
			Buffer.alloc(0),
			serialize(['an', 'array']),
			serialize({ source: 'another text', value: { issues: [] } }),
		];
		for (const [index, name] of names.entries())
			await writeFile(path.join(dir, name), spoilt[index % spoilt.length]!);
		const again = counted('code-a');
		expect(await libraries(briefings, again.memo)).toStrictEqual(await libraries(briefings));
		expect(again.parsed).toHaveLength(names.length);
		// Each was written again, whole: the next run parses nothing.
		const warm = counted('code-a');
		await libraries(briefings, warm.memo);
		expect(warm.parsed).toEqual([]);
	});

	it('still parses when the cache cannot be written', async () => {
		await write('node_modules/.cache/insight-briefings', 'a file where the folder should be');
		const memo = counted('code-a');
		expect(await libraries(briefings, memo.memo)).toStrictEqual(await libraries(briefings));
	});
});
