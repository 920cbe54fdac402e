/**
 * `npm run decks` and the Astro after-build step: chosen briefings, "did you mean", refusal on
 * content errors, atomic writes (a failing deck leaves no file and earlier decks stay), exit codes
 * and byte-identical output across processes and time zones.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDecks, decksStep } from '../../src/integrations/decks.ts';
import { loadLibrary } from '../../src/library/load.ts';
import { copyDeckProject } from '../fixtures/decks/project-copy.ts';
import { openDeck } from '../fixtures/decks/read.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const script = path.join(repo, 'scripts/decks.ts');

let scratch: string;

/** A fresh copy of the fixture project, with the real brand, taxonomy, logo and fonts. */
async function project(): Promise<string> {
	const root = await mkdtemp(path.join(scratch, 'project-'));
	await copyDeckProject(root);
	return root;
}

/** Runs the CLI in `cwd`; never throws on a non-zero exit. */
async function decks(cwd: string, args: string[], env: Record<string, string> = {}) {
	try {
		const { stdout, stderr } = await run(process.execPath, [script, ...args], {
			cwd,
			env: { ...process.env, ...env },
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code?: number; stdout?: string; stderr?: string };
		return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
	}
}

beforeAll(async () => {
	scratch = await mkdtemp(path.join(tmpdir(), 'deck-cli-'));
});

afterAll(async () => {
	await rm(scratch, { recursive: true, force: true });
});

describe('npm run decks', () => {
	it('builds every briefing by default into dist/briefings, with a line per deck and a summary', async () => {
		const root = await project();
		const result = await decks(root, []);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(await readdir(path.join(root, 'dist/briefings'))).toEqual([
			'acme-cfo.pptx',
			'globex-coo.pptx',
		]);
		expect(result.stdout).toMatch(
			/built\s+acme-cfo -> dist\/briefings\/acme-cfo\.pptx \(\d+ KB, \d+ ms\)/,
		);
		expect(result.stdout).toMatch(/built\s+globex-coo/);
		// Two decks: built on two worker threads.
		expect(result.stdout).toMatch(
			/2 decks built in dist\/briefings\/ \([\d.]+ s, 2 jobs\); audit: 0 problems/,
		);
		const deck = openDeck(await readFile(path.join(root, 'dist/briefings/acme-cfo.pptx')));
		expect(deck.slides).toHaveLength(8);
		expect(deck.slideText(0)).toContain('Acme & Sons <Holdings> "AS" Ltd');
		expect(deck.text('docProps/app.xml')).toContain('<Company>Meridian Advisory</Company>');
	});

	it('builds only the ids given, into --out', async () => {
		const root = await project();
		const result = await decks(root, ['globex-coo', '--out', 'decks-out']);
		expect(result.code).toBe(0);
		expect(await readdir(path.join(root, 'decks-out'))).toEqual(['globex-coo.pptx']);
		expect(result.stdout).toMatch(/1 deck built in decks-out\/ \([\d.]+ s, 1 job\)/);
	});

	it('suggests the nearest id for an unknown one and builds nothing', async () => {
		const root = await project();
		const result = await decks(root, ['acme-cf', 'globex-coo']);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain(
			'content/briefings/acme-cf.yaml: no briefing with the id "acme-cf" (did you mean "acme-cfo"?)',
		);
		await expect(stat(path.join(root, 'dist'))).rejects.toThrow();
	});

	it('refuses with file: field: message lines on content errors of the chosen briefings, keeping earlier decks', async () => {
		const root = await project();
		expect((await decks(root, [])).code).toBe(0);
		const before = await readFile(path.join(root, 'dist/briefings/acme-cfo.pptx'));
		const beforeTime = (await stat(path.join(root, 'dist/briefings/acme-cfo.pptx'))).mtimeMs;
		// Break an insight acme-cfo uses, and make globex-coo use the draft.
		const insight = path.join(root, 'content/insights/working-capital-gap.mdx');
		await writeFile(
			insight,
			(await readFile(insight, 'utf8')).replace(
				"  - 'Duplicate ERP",
				`  - '${'x'.repeat(150)}'\n  - 'Duplicate ERP`,
			),
		);
		const briefing = path.join(root, 'content/briefings/globex-coo.yaml');
		await writeFile(
			briefing,
			(await readFile(briefing, 'utf8')).replace('  - pricing-lag\n', '  - draft-idea\n'),
		);
		await rm(path.join(root, 'dist/briefings/globex-coo.pptx'));

		const result = await decks(root, []);
		expect(result.code).toBe(1);
		expect(result.stdout).toContain(
			'content/insights/working-capital-gap.mdx: points[1]: at most 140 characters (got 150)',
		);
		expect(result.stdout).toMatch(
			/content\/briefings\/globex-coo\.yaml: insights\[0\]: a published insight \("draft-idea" is a draft/,
		);
		expect(result.stdout).toMatch(/no decks built/);
		// Nothing written: the earlier acme deck is untouched, globex has no deck.
		expect(
			Buffer.compare(await readFile(path.join(root, 'dist/briefings/acme-cfo.pptx')), before),
		).toBe(0);
		expect((await stat(path.join(root, 'dist/briefings/acme-cfo.pptx'))).mtimeMs).toBe(beforeTime);
		expect(await readdir(path.join(root, 'dist/briefings'))).toEqual(['acme-cfo.pptx']);
	});

	it('ignores errors that no chosen deck depends on', async () => {
		const root = await project();
		// An unused insight with an error, and a broken briefing that is not asked for.
		const draft = path.join(root, 'content/insights/draft-idea.mdx');
		await writeFile(
			draft,
			(await readFile(draft, 'utf8')).replace('stage: approaches', 'stage: someday'),
		);
		const acme = path.join(root, 'content/briefings/acme-cfo.yaml');
		await writeFile(
			acme,
			(await readFile(acme, 'utf8')).replace('date: 2026-03-12', 'date: 12/03/2026'),
		);
		const only = await decks(root, ['globex-coo']);
		expect(only.code).toBe(0);
		expect(await readdir(path.join(root, 'dist/briefings'))).toEqual(['globex-coo.pptx']);
		// Asked for (or building all), the broken briefing is reported by file and field.
		const all = await decks(root, []);
		expect(all.code).toBe(1);
		expect(all.stdout).toMatch(/^content\/briefings\/acme-cfo\.yaml: date: /m);
		expect(all.stdout).not.toContain('draft-idea.mdx');
	});

	it('leaves no partial or temporary file when a deck cannot be written, and still writes the others', async () => {
		const root = await project();
		// A directory where globex-coo.pptx should go makes its write fail.
		await mkdir(path.join(root, 'dist/briefings/globex-coo.pptx/keep'), { recursive: true });
		const result = await decks(root, []);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/FAILED globex-coo: could not write/);
		expect(result.stdout).toMatch(/1 deck built in dist\/briefings\/ .*1 failed/);
		const files = await readdir(path.join(root, 'dist/briefings'));
		expect(files.sort()).toEqual(['acme-cfo.pptx', 'globex-coo.pptx']);
		expect((await stat(path.join(root, 'dist/briefings/globex-coo.pptx'))).isDirectory()).toBe(
			true,
		);
		expect(files.some((name) => name.endsWith('.tmp'))).toBe(false);
		expect(
			openDeck(await readFile(path.join(root, 'dist/briefings/acme-cfo.pptx'))).slides,
		).toHaveLength(8);
	});

	it('writes byte-identical decks across runs and time zones, honouring SOURCE_DATE_EPOCH', async () => {
		const root = await project();
		expect((await decks(root, ['--out', 'a'], { TZ: 'UTC' })).code).toBe(0);
		expect((await decks(root, ['--out', 'b'], { TZ: 'America/Los_Angeles' })).code).toBe(0);
		expect(
			(await decks(root, ['--out', 'c'], { TZ: 'Asia/Kolkata', SOURCE_DATE_EPOCH: '1767225600' }))
				.code,
		).toBe(0);
		for (const id of ['acme-cfo', 'globex-coo']) {
			const a = await readFile(path.join(root, 'a', `${id}.pptx`));
			const b = await readFile(path.join(root, 'b', `${id}.pptx`));
			const c = await readFile(path.join(root, 'c', `${id}.pptx`));
			expect(Buffer.compare(a, b), id).toBe(0);
			expect(Buffer.compare(a, c), id).not.toBe(0);
			expect(openDeck(c).text('docProps/core.xml')).toContain('2026-01-01T00:00:00Z');
		}
		expect(
			openDeck(await readFile(path.join(root, 'a/acme-cfo.pptx'))).text('docProps/core.xml'),
		).toContain('2026-03-12T00:00:00Z');
		const bad = await decks(root, ['--out', 'd'], { SOURCE_DATE_EPOCH: 'soon' });
		expect(bad.code).toBe(1);
		expect(bad.stdout).toContain('SOURCE_DATE_EPOCH');
	});

	it('warns when the brand font can only be estimated', async () => {
		const root = await project();
		const brand = path.join(root, 'content/brand.yaml');
		await writeFile(
			brand,
			(await readFile(brand, 'utf8')).replace(/heading: .*/, 'heading: Georgia'),
		);
		const result = await decks(root, ['globex-coo']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(
			'warning globex-coo: the brand font "Georgia" is measured with estimated widths',
		);
	});

	it('rejects unknown options with the usage', async () => {
		const root = await project();
		const result = await decks(root, ['--outdir', 'x']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('unknown option --outdir');
		expect(result.stderr).toContain('Usage: npm run decks');
	});
});

describe('after-build step', () => {
	it('builds every briefing into <outDir>/briefings and fails the build on errors', async () => {
		const root = await project();
		const outDir = path.join(root, 'dist');
		const lines: string[] = [];
		// As the build runs it: prepare alongside Astro, complete once the site is written.
		const runStep = async (log: (line: string) => void) => {
			const context = { root, outDir, library: await loadLibrary({ root }), log };
			await decksStep.complete(context, await decksStep.prepare!(context));
		};
		await runStep((line) => lines.push(line));
		// Each deck with its PDF leave-behind, which the briefing pages link to.
		expect((await readdir(path.join(outDir, 'briefings'))).sort()).toEqual([
			'acme-cfo.pdf',
			'acme-cfo.pptx',
			'globex-coo.pdf',
			'globex-coo.pptx',
		]);
		expect(lines.at(-1)).toMatch(/2 decks built/);

		const briefing = path.join(root, 'content/briefings/globex-coo.yaml');
		await writeFile(
			briefing,
			(await readFile(briefing, 'utf8')).replace('  - pricing-lag\n', '  - draft-idea\n'),
		);
		await expect(runStep(() => {})).rejects.toThrow(/decks: 1 problem/);
	});

	it('builds in this thread when asked for one job, with the same bytes', async () => {
		const root = await project();
		const one = await buildDecks({ root, outDir: path.join(root, 'one'), jobs: 1, log: () => {} });
		const two = await buildDecks({ root, outDir: path.join(root, 'two'), jobs: 2, log: () => {} });
		expect(one.ok && two.ok).toBe(true);
		for (const id of ['acme-cfo', 'globex-coo']) {
			expect(
				Buffer.compare(
					await readFile(path.join(root, 'one', `${id}.pptx`)),
					await readFile(path.join(root, 'two', `${id}.pptx`)),
				),
			).toBe(0);
		}
	});
});
