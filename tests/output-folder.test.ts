/**
 * Decks reach their folder whole: written or copied to a temporary file beside the target, then
 * renamed over it, and no temporary file stays behind, even when the copy fails.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyAtomically, tempFiles, writeAtomically } from '../src/integrations/output-folder.ts';

let dir = '';
beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'output-folder-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writing decks into their folder', () => {
	it('writes, then replaces a file, leaving only it', async () => {
		const file = path.join(dir, 'deck.pptx');
		await writeAtomically(file, new TextEncoder().encode('first'));
		await writeAtomically(file, new TextEncoder().encode('second'));
		expect(await readFile(file, 'utf8')).toBe('second');
		expect(await readdir(dir)).toEqual(['deck.pptx']);
		expect(tempFiles.size).toBe(0);
	});

	it('copies a staged file over the old one, leaving only it', async () => {
		const staged = path.join(dir, 'staged.pdf');
		const file = path.join(dir, 'deck.pdf');
		await writeFile(staged, 'new deck');
		await writeFile(file, 'old deck');
		await copyAtomically(staged, file);
		expect(await readFile(file, 'utf8')).toBe('new deck');
		expect((await readdir(dir)).sort()).toEqual(['deck.pdf', 'staged.pdf']);
	});

	it('keeps the old file and leaves no temporary file when the copy fails', async () => {
		const file = path.join(dir, 'deck.pdf');
		await writeFile(file, 'old deck');
		await expect(copyAtomically(path.join(dir, 'missing.pdf'), file)).rejects.toThrow(/ENOENT/);
		expect(await readFile(file, 'utf8')).toBe('old deck');
		expect(await readdir(dir)).toEqual(['deck.pdf']);
		expect(tempFiles.size).toBe(0);
	});
});
