/**
 * The content cache as one pack file (scripts/lib/content-pack.ts), what `npm run decks` for every
 * briefing uses: parse results kept between runs must give exactly the library parsing gives, and
 * must never be used for a file whose text changed, for other code, or from a pack that is cut
 * short or corrupt; what is missing is parsed again and the pack written again.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentCacheRoot } from '../scripts/lib/content-cache.ts';
import { contentPack, packFileName } from '../scripts/lib/content-pack.ts';
import { loadBriefingLibrary } from '../src/library/load.ts';
import type { ParseMemo } from '../src/library/parse-memo.ts';
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
const packFile = (code = 'code-a') => path.join(contentCacheRoot(root), code, packFileName);

/** The pack of `code`, recording which files it had to parse and which it looked up. */
function counted(code: string) {
	const parsed: string[] = [];
	const looked: string[] = [];
	const pack = contentPack(root, code);
	const memo: ParseMemo = (kind, file, source, parse) => {
		looked.push(file);
		return pack(kind, file, source, () => {
			parsed.push(`${kind} ${file}`);
			return parse();
		});
	};
	return { memo, parsed, looked, save: () => pack.save() };
}

const briefings = ['harbor-bank', 'northwind-health'];

/** The libraries of `ids`, one briefing at a time, then the pack saved as the CLI does. */
async function libraries(ids: string[], store?: ReturnType<typeof counted>) {
	const loaded = await Promise.all(
		ids.map((id) =>
			loadBriefingLibrary({ root, ids: [id], ...(store ? { memo: store.memo } : {}) }),
		),
	);
	store?.save();
	return loaded;
}

/** A library with problems of several kinds in the files the decks read. */
async function breakLibrary() {
	const data = validInsight();
	data.industries = ['hospital'];
	delete data.sources;
	await write('content/insights/denial-work-is-fragmented.mdx', insightSource(data));
	await write('content/briefings/northwind-health.yaml', 'title: [unclosed\n');
}

/** Where each entry's text and result are in a pack file's bytes. */
async function entriesOf(file: string) {
	const bytes = await readFile(file);
	const indexLength = bytes.readUInt32LE(8);
	const dataStart = 8 + 4 + 32 + indexLength;
	const rows = JSON.parse(bytes.toString('utf8', 44, 44 + indexLength)) as Array<
		[string, number, number, number, string]
	>;
	return {
		bytes,
		indexLength,
		entries: rows.map(([key, start, textLength, valueLength]) => ({
			key,
			text: dataStart + start,
			value: dataStart + start + textLength,
			valueLength,
		})),
	};
}

describe('the content pack', () => {
	it('gives the library parsing gives, from a cold and from a warm pack, without parsing again', async () => {
		await breakLibrary();
		const parsed = await libraries(briefings);
		const cold = counted('code-a');
		expect(await libraries(briefings, cold)).toStrictEqual(parsed);
		expect(cold.parsed.length).toBeGreaterThan(5);
		expect(await readdir(path.dirname(packFile()))).toEqual([packFileName]);
		const warm = counted('code-a');
		expect(await libraries(briefings, warm)).toStrictEqual(parsed);
		expect(warm.parsed).toEqual([]);
		const messages = parsed.flatMap((library) => library.issues.map((issue) => issue.message));
		expect(messages.join('\n')).toMatch(/valid YAML/);
	});

	it('is not written again by a run that parsed nothing', async () => {
		await libraries(briefings, counted('code-a'));
		const before = await stat(packFile());
		await libraries(briefings, counted('code-a'));
		const after = await stat(packFile());
		expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
	});

	it('parses an edited file again, and only that file', async () => {
		await libraries(briefings, counted('code-a'));
		const data = validInsight();
		data.stage = 'deciding';
		await write('content/insights/deposit-costs-outrun-loan-yields.mdx', insightSource(data));
		const warm = counted('code-a');
		const [library] = await libraries(['harbor-bank'], warm);
		expect(warm.parsed).toEqual(['insight content/insights/deposit-costs-outrun-loan-yields.mdx']);
		expect(library).toStrictEqual((await libraries(['harbor-bank']))[0]);
		expect(library!.issues.map((issue) => issue.field)).toContain('stage');
		// Kept: the next run finds the edited text.
		const again = counted('code-a');
		await libraries(['harbor-bank'], again);
		expect(again.parsed).toEqual([]);
	});

	it('parses an edit that keeps the length, and a file put back as it was', async () => {
		await libraries(['harbor-bank'], counted('code-a'));
		const file = 'content/insights/deposit-costs-outrun-loan-yields.mdx';
		const original = await readFile(path.join(root, file), 'utf8');
		const edited = original.replace(/status: published/, 'status: publisheX');
		expect(edited.length).toBe(original.length);
		await write(file, edited);
		const warm = counted('code-a');
		const [library] = await libraries(['harbor-bank'], warm);
		expect(warm.parsed).toEqual([`insight ${file}`]);
		expect(library).toStrictEqual((await libraries(['harbor-bank']))[0]);
		await write(file, original);
		const back = counted('code-a');
		expect(await libraries(['harbor-bank'], back)).toStrictEqual(await libraries(['harbor-bank']));
		expect(back.parsed).toEqual([`insight ${file}`]);
	});

	it('parses an added file, and never looks up a deleted one: it is reported missing', async () => {
		await libraries(briefings, counted('code-a'));
		const harbor = await readFile(path.join(root, 'content/briefings/harbor-bank.yaml'), 'utf8');
		await write('content/briefings/harbor-bank-2.yaml', harbor);
		const added = counted('code-a');
		const [library] = await libraries(['harbor-bank-2'], added);
		expect(added.parsed).toEqual(['briefing content/briefings/harbor-bank-2.yaml']);
		expect(library).toStrictEqual((await libraries(['harbor-bank-2']))[0]);

		const gone = 'content/insights/core-migrations-stall-on-data.mdx';
		await rm(path.join(root, gone));
		const deleted = counted('code-a');
		const [after] = await libraries(['harbor-bank'], deleted);
		expect(deleted.looked).not.toContain(gone);
		expect(after).toStrictEqual((await libraries(['harbor-bank']))[0]);
		expect(after!.issues.map((issue) => issue.message).join('\n')).toMatch(
			/core-migrations-stall-on-data/,
		);
	});

	it('carries over the entries a run did not look up', async () => {
		await libraries(['harbor-bank'], counted('code-a'));
		await libraries(['northwind-health'], counted('code-a'));
		const warm = counted('code-a');
		await libraries(briefings, warm);
		expect(warm.parsed).toEqual([]);
	});

	it("never uses another code's results, and removes them", async () => {
		await libraries(briefings, counted('code-a'));
		const other = counted('code-b');
		expect(await libraries(briefings, other)).toStrictEqual(await libraries(briefings));
		expect(other.parsed.length).toBeGreaterThan(5);
		expect(await readdir(contentCacheRoot(root))).toEqual(['code-b']);
	});

	it('counts a truncated, corrupt or foreign pack as missing, and writes it again', async () => {
		await breakLibrary();
		const parsed = await libraries(briefings);
		const cold = counted('code-a');
		await libraries(briefings, cold);
		const { bytes, indexLength, entries } = await entriesOf(packFile());
		const flipped = (at: number) => {
			const copy = Buffer.from(bytes);
			copy[at] = copy[at]! ^ 0x20;
			return copy;
		};
		const last = entries.at(-1)!;
		// A letter inside a stored result's text: still a valid serialization, of other data.
		const value = entries[2]!;
		const word = bytes
			.subarray(value.value, value.value + value.valueLength)
			.toString('latin1')
			.search(/[a-z]{8}/);
		expect(word).toBeGreaterThan(0);
		const spoilt: Array<[string, Buffer, number]> = [
			['empty', Buffer.alloc(0), cold.parsed.length],
			[
				'another format',
				Buffer.from('not a pack at all, but long enough for a header'),
				cold.parsed.length,
			],
			['cut inside the header', bytes.subarray(0, 20), cold.parsed.length],
			['cut inside the index', bytes.subarray(0, 44 + indexLength - 10), cold.parsed.length],
			['a byte of the index changed', flipped(44 + 3), cold.parsed.length],
			['cut inside the last result', bytes.subarray(0, last.value + 3), 1],
			['a byte of a stored text changed', flipped(entries[1]!.text + 5), 1],
			['a byte of a stored result changed', flipped(value.value + word + 3), 1],
		];
		for (const [what, content, reparsed] of spoilt) {
			await writeFile(packFile(), content);
			const again = counted('code-a');
			expect(await libraries(briefings, again), what).toStrictEqual(parsed);
			expect(again.parsed, what).toHaveLength(reparsed);
			// Written again, whole: the next run parses nothing.
			const warm = counted('code-a');
			expect(await libraries(briefings, warm), what).toStrictEqual(parsed);
			expect(warm.parsed, what).toEqual([]);
		}
	});

	it('still parses when the pack cannot be written', async () => {
		await write('node_modules/.cache/insight-briefings', 'a file where the folder should be');
		const store = counted('code-a');
		expect(await libraries(briefings, store)).toStrictEqual(await libraries(briefings));
		expect(store.parsed.length).toBeGreaterThan(5);
	});
});
