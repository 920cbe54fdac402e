/**
 * The insight and briefing pages' folders, made ahead of Astro by a background thread: exactly the
 * folders Astro writes those pages into (no draft's, none when pages are not folders), and made
 * without anyone waiting.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFoldersInBackground, pageFolders } from '../src/integrations/page-folders.ts';
import type { Library } from '../src/library/load.ts';

const library = {
	insights: [
		{ id: 'cash-gap', data: { status: 'published' } },
		{ id: 'half-written', data: { status: 'draft' } },
	],
	briefings: [{ id: 'acme-cfo' }],
} as unknown as Library;

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('pageFolders', () => {
	it("gives the published insights' and the briefings' page folders, no draft's", () => {
		expect(pageFolders('/site/dist', library, 'directory')).toEqual([
			path.join('/site/dist', 'insights', 'cash-gap'),
			path.join('/site/dist', 'briefings', 'acme-cfo'),
		]);
	});

	it('gives none when Astro writes pages as files, not folders', () => {
		expect(pageFolders('/site/dist', library, 'file')).toEqual([]);
		expect(pageFolders('/site/dist', library, 'preserve')).toEqual([]);
	});
});

describe('makeFoldersInBackground', () => {
	it('makes every folder it can, and leaves the others', async () => {
		dir = await mkdtemp(path.join(tmpdir(), 'page-folders-'));
		// A file where a folder's parent should be: that folder cannot be made.
		await writeFile(path.join(dir, 'blocked'), 'a file');
		const made = [path.join(dir, 'insights', 'a'), path.join(dir, 'insights', 'b')];
		makeFoldersInBackground([path.join(dir, 'blocked', 'x'), ...made]);
		const deadline = Date.now() + 10_000;
		while (!made.every((folder) => existsSync(folder)) && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 20));
		expect(made.map((folder) => existsSync(folder))).toEqual([true, true]);
		expect(existsSync(path.join(dir, 'blocked', 'x'))).toBe(false);
	});
});
