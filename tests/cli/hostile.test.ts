/**
 * Hostile and broken input through the CLIs (issue 11): `npm run check` and `npm run decks` run as
 * child processes on broken copies of a fixture project. Every case asserts the one-line
 * `file: field: message` report and that nothing printed a stack trace.
 */
import { execFile, spawn } from 'node:child_process';
import {
	chmod,
	cp,
	mkdir,
	mkdtemp,
	readdir,
	readFile,
	rm,
	stat,
	symlink,
	writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyDeckProject } from '../fixtures/decks/project-copy.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');

let scratch: string;
beforeAll(async () => {
	scratch = await mkdtemp(path.join(tmpdir(), 'hostile-cli-'));
});
afterAll(async () => {
	await rm(scratch, { recursive: true, force: true });
});

/** A fresh copy of the deck fixture project (briefings acme-cfo and globex-coo). */
async function project(): Promise<string> {
	const root = await mkdtemp(path.join(scratch, 'project-'));
	await copyDeckProject(root);
	return root;
}

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs `scripts/<name>.ts` in `cwd`; never throws on a non-zero exit. */
async function cli(name: 'check' | 'decks', cwd: string, args: string[] = []): Promise<Run> {
	const extra = name === 'check' ? ['--content-only', '--today', '2026-03-01'] : [];
	try {
		const { stdout, stderr } = await run(
			process.execPath,
			[path.join(repo, `scripts/${name}.ts`), ...extra, ...args],
			{ cwd, env: { ...process.env, FORCE_COLOR: '0', DEBUG: '' }, maxBuffer: 64 * 1024 * 1024 },
		);
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code?: number; stdout?: string; stderr?: string };
		return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
	}
}

/** No stack trace anywhere in what a run printed. */
function expectNoStack(result: Run): void {
	const output = `${result.stdout}\n${result.stderr}`;
	expect(output).not.toMatch(/^\s+at .+[:(]/m);
	expect(output).not.toMatch(/\b(?:TypeError|ReferenceError|RangeError|SyntaxError):/);
	expect(output).not.toMatch(/node:internal|Error: E[A-Z]+:/);
}

/** Both CLIs report `line` (a whole `file: field: message` line), exit 1 and print no stack. */
async function expectReported(root: string, line: string | RegExp, deckArgs: string[] = []) {
	for (const result of [await cli('check', root), await cli('decks', root, deckArgs)]) {
		expectNoStack(result);
		expect(result.code).toBe(1);
		const lines = `${result.stdout}\n${result.stderr}`.split('\n');
		if (typeof line === 'string') expect(lines).toContain(line);
		else expect(lines.some((each) => line.test(each))).toBe(true);
	}
}

const write = (root: string, file: string, data: string | Uint8Array) =>
	writeFile(path.join(root, file), data);

const aliasBomb = [
	'a: &a ["x","x","x","x","x","x","x","x","x"]',
	'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
	'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
	'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
	'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
].join('\n');

describe('YAML features through the CLIs', () => {
	it('an alias bomb in a briefing: its file named, no stack; decks that do not use it still build', async () => {
		const root = await project();
		await write(root, 'content/briefings/bomb.yaml', aliasBomb);
		const expected =
			'content/briefings/bomb.yaml: YAML whose aliases (*name) expand to a reasonable size (they expand past 100 copies: write the values out)';
		await expectReported(root, expected);
		const other = await cli('decks', root, ['acme-cfo']);
		expectNoStack(other);
		expect(other.code).toBe(0);
		expect(await readdir(path.join(root, 'dist/briefings'))).toContain('acme-cfo.pptx');
	});

	it('an alias bomb in an insight no deck uses breaks no deck', async () => {
		const root = await project();
		await write(root, 'content/insights/bomb.mdx', `---\n${aliasBomb}\n---\nBody.\n`);
		const check = await cli('check', root);
		expectNoStack(check);
		expect(check.stdout.split('\n')).toContain(
			'content/insights/bomb.mdx: YAML whose aliases (*name) expand to a reasonable size (they expand past 100 copies: write the values out)',
		);
		const decks = await cli('decks', root);
		expectNoStack(decks);
		expect(decks.code).toBe(0);
	});

	it('merge keys and tags are reported by file, field and line', async () => {
		const root = await project();
		const file = path.join(root, 'content/briefings/acme-cfo.yaml');
		const source = await readFile(file, 'utf8');
		await writeFile(
			file,
			`base: &b { ask: 'x' }\n${source.replace('nextStep:\n', 'nextStep:\n  <<: *b\n')}`,
		);
		await expectReported(
			root,
			'content/briefings/acme-cfo.yaml: nextStep.<<: one of the fields ask, agenda, proposedDate (no field named "<<")',
		);
		await writeFile(file, source.replace(/^title: .*$/m, 'title: !!binary aGVsbG8='));
		await expectReported(
			root,
			'content/briefings/acme-cfo.yaml: plain YAML values (line 1: the tag !!binary is not supported; remove it)',
		);
	});

	it('YAML nested deeper than the parser can go is one line, not a crash', async () => {
		const root = await project();
		await write(
			root,
			'content/briefings/acme-cfo.yaml',
			`title: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
		);
		await expectReported(root, /^content\/briefings\/acme-cfo\.yaml: valid YAML \(/);
	});

	it('a file of 60,000 keys is checked in one short report, not 60,000 lines', async () => {
		const root = await project();
		const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: 1`).join('\n');
		await write(root, 'content/briefings/acme-cfo.yaml', keys);
		const result = await cli('check', root);
		expectNoStack(result);
		expect(result.code).toBe(1);
		const lines = result.stdout.split('\n').filter((line) => line.includes('acme-cfo.yaml'));
		expect(lines.length).toBeLessThanOrEqual(20);
		expect(lines).toContain(
			'content/briefings/acme-cfo.yaml: fewer problems (59,987 more in this file are not listed)',
		);
	});
});

describe('encodings through the CLIs', () => {
	it('a Latin-1 briefing is refused, never built as "Caf\\uFFFD"', async () => {
		const root = await project();
		const file = path.join(root, 'content/briefings/acme-cfo.yaml');
		const source = (await readFile(file, 'utf8')).replace('Sam Carter', 'Café');
		await writeFile(file, Buffer.from(source, 'latin1'));
		await expectReported(
			root,
			/^content\/briefings\/acme-cfo\.yaml: UTF-8 text \(line \d+: byte 0xE9 is not UTF-8; the file looks like Latin-1 or Windows-1252; save it as UTF-8\)$/,
		);
		await expect(stat(path.join(root, 'dist/briefings/acme-cfo.pptx'))).rejects.toThrow();
	});

	it('a UTF-16 taxonomy is named as UTF-16, not as empty', async () => {
		const root = await project();
		const file = path.join(root, 'content/taxonomy.yaml');
		const text = await readFile(file, 'utf8');
		await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
		await expectReported(
			root,
			'content/taxonomy.yaml: UTF-8 text (the file is UTF-16, little-endian, by its byte-order mark; save it as UTF-8)',
		);
	});
});

describe('file types, sizes and paths through the CLIs', () => {
	it('a folder named x.mdx', async () => {
		const root = await project();
		await mkdir(path.join(root, 'content/insights/pricing-lag.mdx.d/x.mdx'), { recursive: true });
		await mkdir(path.join(root, 'content/insights/folder-insight.mdx'));
		const check = await cli('check', root);
		expectNoStack(check);
		expect(check.stdout.split('\n')).toContain(
			'content/insights/folder-insight.mdx: a readable file inside content/ (it is a folder)',
		);
	});

	it('a folder named like a briefing: its deck is refused with the reason', async () => {
		const root = await project();
		await rm(path.join(root, 'content/briefings/acme-cfo.yaml'));
		await mkdir(path.join(root, 'content/briefings/acme-cfo.yaml'));
		await expectReported(
			root,
			'content/briefings/acme-cfo.yaml: a readable file inside content/ (it is a folder)',
		);
	});

	it('a dangling symlink', async () => {
		const root = await project();
		await symlink('nowhere.mdx', path.join(root, 'content/insights/ghost.mdx'));
		const check = await cli('check', root);
		expectNoStack(check);
		expect(check.code).toBe(1);
		expect(check.stdout.split('\n')).toContain(
			'content/insights/ghost.mdx: a readable file inside content/ (it is a symbolic link to nowhere.mdx, which does not exist)',
		);
	});

	it('a symlinked insight outside content/ is not read', async () => {
		const root = await project();
		const outside = path.join(scratch, 'outside.mdx');
		await cp(path.join(root, 'content/insights/pricing-lag.mdx'), outside);
		await rm(path.join(root, 'content/insights/pricing-lag.mdx'));
		await symlink(outside, path.join(root, 'content/insights/pricing-lag.mdx'));
		await expectReported(
			root,
			`content/insights/pricing-lag.mdx: a readable file inside content/ (it is a symbolic link to ${outside}, outside content/)`,
		);
	});

	it('a symlink that stays inside content/ is read', async () => {
		const root = await project();
		await mkdir(path.join(root, 'content/shared'));
		await cp(
			path.join(root, 'content/insights/pricing-lag.mdx'),
			path.join(root, 'content/shared/pricing-lag.mdx'),
		);
		await rm(path.join(root, 'content/insights/pricing-lag.mdx'));
		await symlink('../shared/pricing-lag.mdx', path.join(root, 'content/insights/pricing-lag.mdx'));
		const decks = await cli('decks', root);
		expectNoStack(decks);
		expect(decks.code).toBe(0);
	});

	it('a logo path escaping public/, by name or by symlink', async () => {
		const root = await project();
		await writeFile(path.join(scratch, 'outside.png'), 'not really a png');
		const brand = path.join(root, 'content/brand.yaml');
		const source = await readFile(brand, 'utf8');
		await writeFile(brand, source.replace(/png: .*/, 'png: ../../outside.png'));
		await expectReported(
			root,
			'content/brand.yaml: logo.png: a path inside public/, relative and without "..", e.g. "brand/logo.png"',
		);
		await writeFile(brand, source.replace(/png: .*/, 'png: brand/linked.png'));
		await symlink(path.join(scratch, 'outside.png'), path.join(root, 'public/brand/linked.png'));
		await expectReported(
			root,
			`content/brand.yaml: logo.png: a file at public/brand/linked.png (it is a symbolic link to ${path.join(scratch, 'outside.png')}, outside public/)`,
		);
	});

	it('a logo that is not a PNG', async () => {
		const root = await project();
		await writeFile(
			path.join(root, 'public/brand/logo.png'),
			'<svg xmlns="http://www.w3.org/2000/svg"/>',
		);
		await expectReported(
			root,
			'content/brand.yaml: logo.png: a PNG image at public/brand/logo.png (the file does not start with the PNG signature)',
		);
	});

	it('a content file over the size limit is refused before it is parsed', async () => {
		const root = await project();
		await write(root, 'content/briefings/acme-cfo.yaml', `notes: '${'x'.repeat(2_000_000)}'\n`);
		await expectReported(
			root,
			'content/briefings/acme-cfo.yaml: a readable file inside content/ (it is 2.0 MB; content files are at most 1.0 MB)',
		);
	});

	it('a binary file named .mdx', async () => {
		const root = await project();
		await cp(
			path.join(root, 'public/brand/logo.png'),
			path.join(root, 'content/insights/image.mdx'),
		);
		const check = await cli('check', root);
		expectNoStack(check);
		expect(check.stdout).toMatch(
			/^content\/insights\/image\.mdx: UTF-8 text \(byte \d+ is a NUL: the file looks like UTF-16 without a byte-order mark, or is not text; save it as UTF-8\)$/m,
		);
	});

	it.each([
		['empty', ''],
		['a list', '- 1\n- 2\n'],
		['a number', '42\n'],
		['null', '~\n'],
		['only a comment', '# nothing\n'],
		['a tab-indented mapping', 'title:\n\t- x\n'],
		['an unclosed quote', "title: 'x\n"],
		['a control character', 'title: "\u0007"\n'],
		['an RTL override', 'title: "\u202Egnp.exe"\n'],
		['a lone surrogate escape', 'title: "\\uD800"\n'],
	])('a briefing that is %s: one line, no stack', async (_, source) => {
		const root = await project();
		await write(root, 'content/briefings/acme-cfo.yaml', source);
		for (const result of [await cli('check', root), await cli('decks', root)]) {
			expectNoStack(result);
			expect(result.code).toBe(1);
			expect(result.stdout).toMatch(/^content\/briefings\/acme-cfo\.yaml: .+/m);
		}
	});
});

describe('the decks CLI and its output folder', () => {
	it('--out naming a file is a usage error in one line, exit 2', async () => {
		const root = await project();
		await writeFile(path.join(root, 'taken'), 'a file');
		const result = await cli('decks', root, ['--out', 'taken']);
		expectNoStack(result);
		expect(result.code).toBe(2);
		expect(result.stderr.split('\n')[0]).toBe(
			`decks: --out taken: ${path.join(root, 'taken')} is a file, not a folder`,
		);
		const below = await cli('decks', root, ['--out', 'taken/decks']);
		expect(below.code).toBe(2);
		expect(below.stderr).toContain(`cannot be a folder: ${path.join(root, 'taken')} is a file`);
		expectNoStack(below);
	});

	it.skipIf(process.getuid?.() === 0)(
		'--out that cannot be written is one line, exit 1 (skipped as root: root writes anywhere)',
		async () => {
			const root = await project();
			await mkdir(path.join(root, 'locked'));
			await chmod(path.join(root, 'locked'), 0o555);
			const result = await cli('decks', root, ['--out', 'locked']);
			await chmod(path.join(root, 'locked'), 0o755);
			expectNoStack(result);
			expect(result.code).toBe(1);
			expect(result.stderr.trim()).toBe(
				`decks: --out locked: cannot write to ${path.join(root, 'locked')}: permission denied`,
			);
		},
	);

	it('--out on a read-only file system is one line, exit 1', async () => {
		// /proc is read-only for everyone, root included.
		const result = await cli('decks', await project(), ['--out', '/proc/decks']);
		expectNoStack(result);
		expect(result.code).toBe(1);
		expect(`${result.stdout}${result.stderr}`).toMatch(
			/^decks: cannot (?:create|write to) \/proc\/decks: /m,
		);
	});

	it('sweeps temp files of dead runs, and only those', async () => {
		const root = await project();
		const out = path.join(root, 'dist/briefings');
		await mkdir(out, { recursive: true });
		// A pid above the kernel's maximum is never a running process; this test's own pid is.
		const dead = '.acme-cfo.pptx.99999999.0badf00d.tmp';
		const live = `.globex-coo.pptx.${process.pid}.00c0ffee.tmp`;
		const other = '.notes.tmp';
		for (const name of [dead, live, other]) await writeFile(path.join(out, name), 'partial');
		const result = await cli('decks', root);
		expectNoStack(result);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(
			'removed 1 temporary file an interrupted run left in dist/briefings/',
		);
		expect((await readdir(out)).sort()).toEqual(
			[live, other, 'acme-cfo.pptx', 'globex-coo.pptx'].sort(),
		);
	});

	it('on SIGINT and SIGTERM removes its own temp files and exits 130 / 143', async () => {
		for (const [signal, code] of [
			['SIGINT', 130],
			['SIGTERM', 143],
		] as const) {
			const dir = await mkdtemp(path.join(scratch, 'signal-'));
			const temp = path.join(dir, `.x.pptx.${process.pid}.12345678.tmp`);
			await writeFile(temp, 'half a deck');
			// A process in the state the CLI is in while writing: handlers on, one temp file open.
			const child = spawn(
				process.execPath,
				[
					'--input-type=module',
					'-e',
					[
						`import { removeTempFilesOnSignals, tempFiles } from ${JSON.stringify(path.join(repo, 'src/integrations/output-folder.ts'))};`,
						'removeTempFilesOnSignals();',
						`tempFiles.add(${JSON.stringify(temp)});`,
						"console.log('ready');",
						'setInterval(() => {}, 1000);',
					].join('\n'),
				],
				{ stdio: ['ignore', 'pipe', 'pipe'] },
			);
			let stderr = '';
			child.stderr.on('data', (chunk) => (stderr += chunk));
			await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
			const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
			child.kill(signal);
			expect(await exited, stderr).toBe(code);
			expect(await readdir(dir)).toEqual([]);
		}
	});

	it('names decks no briefing produces; --prune removes them', async () => {
		const root = await project();
		expect((await cli('decks', root)).code).toBe(0);
		await rm(path.join(root, 'content/briefings/globex-coo.yaml'));
		await writeFile(path.join(root, 'dist/briefings/notes.txt'), 'not a deck');
		const warned = await cli('decks', root);
		expectNoStack(warned);
		expect(warned.code).toBe(0);
		expect(warned.stdout).toContain(
			'warning dist/briefings/globex-coo.pptx: no briefing produces this deck (its briefing was deleted or renamed); --prune removes it',
		);
		expect((await readdir(path.join(root, 'dist/briefings'))).sort()).toEqual([
			'acme-cfo.pptx',
			'globex-coo.pptx',
			'notes.txt',
		]);
		const pruned = await cli('decks', root, ['--prune']);
		expect(pruned.code).toBe(0);
		expect(pruned.stdout).toContain(
			'pruned dist/briefings/globex-coo.pptx: no briefing produces it',
		);
		expect((await readdir(path.join(root, 'dist/briefings'))).sort()).toEqual([
			'acme-cfo.pptx',
			'notes.txt',
		]);
	});
});
