/**
 * Reading insight files in one thread and parsing their texts elsewhere (the batch's worker
 * threads: `loadBriefingLibrary({ parseInsights })`) must give exactly the library reading and
 * parsing in one thread gives, broken files and their messages included, with or without a
 * content cache; and a parser that gets nothing to parse must not be asked.
 */
import { readdir, readFile, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentCache } from '../scripts/lib/content-cache.ts';
import { loadBriefingLibrary, type InsightParser } from '../src/library/load.ts';
import { parsedInsightFile } from '../src/library/insight-parsed.ts';
import {
	copyFixture,
	insightSource,
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

/** A parser in this thread that records the texts it was given, a call at a time. */
function recording(): { parse: InsightParser; calls: string[][] } {
	const calls: string[][] = [];
	const parse: InsightParser = async (texts, options) => {
		calls.push(texts.map((text) => text.file));
		await new Promise((resolve) => setTimeout(resolve, 1));
		return texts.map(({ file, source }) => parsedInsightFile(file, source, options));
	};
	return { parse, calls };
}

const allBriefings = async () =>
	(await readdir(path.join(root, 'content/briefings'))).map((name) => name.replace(/\.ya?ml$/, ''));

describe('insight texts parsed elsewhere', () => {
	it('give the library of one thread, broken, linked and unreadable files included', async () => {
		const data = validInsight();
		data.industries = ['hospital'];
		delete data.sources;
		await write('content/insights/denial-work-is-fragmented.mdx', insightSource(data));
		await write(
			'content/insights/denials-cost-more-to-fight.mdx',
			insightSource(validInsight(), 'A body with <Widget /> and [a link](javascript:alert(1)).\n'),
		);
		await write('content/insights/core-migrations-stall-on-data.mdx', '---\ntitle: [unclosed\n');
		await rm(path.join(root, 'content/insights/deposit-costs-outrun-loan-yields.mdx'));
		await symlink(
			'/etc/hostname',
			path.join(root, 'content/insights/deposit-costs-outrun-loan-yields.mdx'),
		);
		const ids = await allBriefings();
		const expected = await loadBriefingLibrary({ root, ids });
		expect(expected.issues.length).toBeGreaterThan(3);

		const elsewhere = recording();
		expect(await loadBriefingLibrary({ root, ids, parseInsights: elsewhere.parse })).toStrictEqual(
			expected,
		);
		expect(elsewhere.calls.length).toBeGreaterThan(0);

		// With the content cache: cold, then warm (nothing left to parse elsewhere).
		const cold = recording();
		const memo = contentCache(root, 'code-a');
		expect(await loadBriefingLibrary({ root, ids, parseInsights: cold.parse, memo })).toStrictEqual(
			expected,
		);
		expect(cold.calls.flat().sort()).toEqual(elsewhere.calls.flat().sort());
		const warm = recording();
		expect(
			await loadBriefingLibrary({
				root,
				ids,
				parseInsights: warm.parse,
				memo: contentCache(root, 'code-a'),
			}),
		).toStrictEqual(expected);
		expect(warm.calls).toEqual([]);
	});

	it('sends the texts in small groups, in file order, and merges the answers in file order', async () => {
		const source = await readFile(
			path.join(root, 'content/insights/denials-cost-more-to-fight.mdx'),
			'utf8',
		);
		const ids: string[] = [];
		for (let index = 0; index < 70; index++) {
			const id = `copy-${String(index).padStart(2, '0')}`;
			await write(`content/insights/${id}.mdx`, source);
			ids.push(id);
		}
		for (let group = 0; group < 7; group++) {
			const named = ids.slice(group * 10, group * 10 + 10);
			const briefing = await readFile(
				path.join(root, 'content/briefings/harbor-bank.yaml'),
				'utf8',
			);
			await write(
				`content/briefings/copies-${group}.yaml`,
				briefing.replace(
					/insights:\n(?:\s+- .+\n)+/,
					`insights:\n${named.map((id) => `  - ${id}\n`).join('')}`,
				),
			);
		}
		const all = await allBriefings();
		const elsewhere = recording();
		const library = await loadBriefingLibrary({ root, ids: all, parseInsights: elsewhere.parse });
		expect(library).toStrictEqual(await loadBriefingLibrary({ root, ids: all }));
		expect(library.insights.filter((entry) => entry.id.startsWith('copy-'))).toHaveLength(70);
		expect(elsewhere.calls.length).toBeGreaterThan(2);
		expect(Math.max(...elsewhere.calls.map((call) => call.length))).toBeLessThanOrEqual(32);
		for (const call of elsewhere.calls) expect(call).toEqual([...call].sort());
	});
});
