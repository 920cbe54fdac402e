/**
 * `astro build` with render threads (src/integrations/render-threads.ts) writes the same site as
 * without them: a generated library of 220 insights (enough for a thread to start) built once
 * with one render thread and once with none (`INSIGHT_RENDER_THREADS=0`), every file compared
 * byte for byte (the pages, the decks, the search index). The threaded build says how many pages
 * its thread rendered, and that must be some: a build whose thread never started compares equal
 * for nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../bench/corpus.ts';
import { cleanBuild, copySite } from '../../bench/project.ts';
import { astroBuild } from '../astro-build.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'render-threads-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Builds `project` cold into `outDir` with `threads` render threads; the build's output. */
async function build(project: string, outDir: string, threads: string): Promise<string> {
	await cleanBuild(project);
	const result = astroBuild(project, ['--outDir', outDir], { INSIGHT_RENDER_THREADS: threads });
	if (result.status !== 0) throw new Error(`astro build failed:\n${result.output.slice(-4000)}`);
	return result.output;
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
	return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
		.sort();
}

describe('astro build with render threads', () => {
	it('writes the same site, byte for byte, as without them', async () => {
		const project = path.join(work, 'site');
		await copySite(repo, project);
		await writeCorpus(project, generateCorpus({ insights: 220, briefings: 4 }));
		const threaded = path.join(work, 'threaded');
		const plain = path.join(work, 'plain');

		const withThread = await build(project, threaded, '1');
		const rendered = /1 render thread rendered (\d+) of (\d+) pages of \/insights\/\[id\]/.exec(
			withThread,
		);
		expect(rendered, 'the threaded build names what its thread rendered').not.toBeNull();
		const [, byThread, pages] = rendered!.map(Number);
		expect(byThread).toBeGreaterThan(0);
		expect(pages).toBe(
			readdirSync(path.join(threaded, 'insights'), { withFileTypes: true }).filter((entry) =>
				entry.isDirectory(),
			).length,
		);

		const withoutThreads = await build(project, plain, '0');
		expect(withoutThreads).not.toMatch(/render thread/);

		const files = filesUnder(threaded);
		expect(files).toEqual(filesUnder(plain));
		expect(files.filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(0);
		const differing = files.filter(
			(file) =>
				!readFileSync(path.join(threaded, file)).equals(readFileSync(path.join(plain, file))),
		);
		expect(differing).toEqual([]);
	}, 240_000);
});
