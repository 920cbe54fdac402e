/**
 * The deck threads of `npm run decks` for every briefing run the CLI's bundle, the file the main
 * thread checked and runs (src/integrations/decks-worker-bundled.mjs), with a code cache of their
 * own; elsewhere, or when that file cannot be read, they load decks-worker.ts from its sources.
 * Either way the decks and the progress lines must be the ones the sources give.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyDeckProject } from '../fixtures/decks/project-copy.ts';
import { buildDecks } from '../../src/integrations/decks.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const bundleFileKey = Symbol.for('insight-briefings.cli-bundle-file');

let scratch: string;
beforeAll(async () => {
	scratch = await mkdtemp(path.join(tmpdir(), 'batch-threads-'));
});
afterAll(async () => {
	await rm(scratch, { recursive: true, force: true });
});
afterEach(() => {
	delete (globalThis as Record<symbol, unknown>)[bundleFileKey];
});

/** A copy of the project's code and the fixture content; node_modules links to the repo's packages. */
async function checkout(): Promise<string> {
	const root = await mkdtemp(path.join(scratch, 'checkout-'));
	for (const name of ['scripts', 'src', 'package.json', 'package-lock.json', 'tsconfig.json'])
		await cp(path.join(repo, name), path.join(root, name), { recursive: true });
	await copyDeckProject(root);
	await mkdir(path.join(root, 'node_modules'));
	for (const name of await readdir(path.join(repo, 'node_modules')))
		if (!name.startsWith('.'))
			await symlink(path.join(repo, 'node_modules', name), path.join(root, 'node_modules', name));
	return root;
}

/** `node <args>` in `root` with SOURCE_DATE_EPOCH set; stdout, and stderr that must stay empty. */
async function node(root: string, args: string[]) {
	const { stdout, stderr } = await run(process.execPath, args, {
		cwd: root,
		env: { ...process.env, SOURCE_DATE_EPOCH: '0', CLI_FROM_SOURCE: '' },
	});
	return { stdout, stderr };
}

/** Progress lines in order (two threads finish in either order), without times and folder names. */
const lines = (output: string) =>
	output
		.replace(/\d+ ms/g, 'N ms')
		.replace(/[\d.]+ s,/g, 'N s,')
		.replace(/out-[a-z0-9]+/g, 'OUT')
		.split('\n')
		.sort();

/** The bundle cache folder of the checkout's decks CLI. */
const cacheDir = (root: string) =>
	path.join(root, 'node_modules/.cache/insight-briefings/cli', process.version, 'scripts-decks');

describe('the deck threads of a batch', () => {
	it('run the CLI bundle with their own code cache, and give the decks the sources give', async () => {
		const root = await checkout();
		// `npm run decks` as package.json runs it (its Node flags included).
		const { scripts } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
			scripts: Record<string, string>;
		};
		const [command, ...bundled] = scripts.decks!.split(/\s+/);
		expect(command).toBe('node');
		const first = await node(root, [...bundled, '--out', 'out-1']);
		expect(first.stderr).toBe('');
		expect(first.stdout).toMatch(/2 decks built in out-1\/ \([\d.]+ s, 2 jobs\)/);
		// Only a thread started from the bundle writes this cache, named by the bundle's hash.
		const names = await readdir(cacheDir(root));
		const hash = names.find((name) => name.endsWith('.cjs'))!.replace(/\.cjs$/, '');
		expect(names).toContain(`${hash}.worker.v8`);
		const threadCache = path.join(cacheDir(root), `${hash}.worker.v8`);
		const written = await stat(threadCache);
		expect(written.size).toBeGreaterThan(10_000);

		// A batch of every briefing keeps its content checks in one pack file, named by the bundle.
		const pack = path.join(
			root,
			'node_modules/.cache/insight-briefings/content',
			hash,
			'content.pack',
		);
		expect(await readdir(path.dirname(pack))).toEqual(['content.pack']);
		const packed = await stat(pack);

		// A second batch takes the cache (V8 accepts it, so it is not written again), and finds every
		// content file in the pack (nothing parsed, so the pack is not written again either).
		const second = await node(root, [...bundled, '--out', 'out-2']);
		expect(second.stderr).toBe('');
		expect((await stat(threadCache)).mtimeMs).toBe(written.mtimeMs);
		expect((await stat(pack)).mtimeMs).toBe(packed.mtimeMs);

		const source = await node(root, ['scripts/decks.ts', '--out', 'out-src']);
		for (const file of ['acme-cfo.pptx', 'globex-coo.pptx']) {
			const expected = await readFile(path.join(root, 'out-src', file));
			expect(await readFile(path.join(root, 'out-1', file))).toEqual(expected);
			expect(await readFile(path.join(root, 'out-2', file))).toEqual(expected);
		}
		expect(lines(first.stdout)).toEqual(lines(source.stdout));
		expect(lines(second.stdout)).toEqual(lines(source.stdout));
	});

	it('load the worker from its sources when the bundle cannot be read', async () => {
		const root = path.join(scratch, 'fallback');
		await copyDeckProject(root);
		const build = async (outDir: string) => {
			const logged: string[] = [];
			const result = await buildDecks({
				root,
				outDir: path.join(root, outDir),
				jobs: 2,
				sourceDateEpoch: '0',
				log: (line) => logged.push(line),
			});
			return { result, logged };
		};
		const plain = await build('out-plain');
		(globalThis as Record<symbol, unknown>)[bundleFileKey] = {
			file: path.join(root, 'no-such-bundle.cjs'),
			entry: path.join(repo, 'scripts/decks.ts'),
		};
		const fallback = await build('out-fallback');
		expect(fallback.result.ok).toBe(true);
		expect(fallback.result.built.map((deck) => deck.id).sort()).toEqual(['acme-cfo', 'globex-coo']);
		// No thread failed over to the main thread: both built from decks-worker.ts.
		expect(lines(fallback.logged.join('\n'))).toEqual(lines(plain.logged.join('\n')));
		for (const file of ['acme-cfo.pptx', 'globex-coo.pptx'])
			expect(await readFile(path.join(root, 'out-fallback', file))).toEqual(
				await readFile(path.join(root, 'out-plain', file)),
			);
	});
});
