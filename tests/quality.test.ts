/**
 * The code style and types the project promises: Prettier leaves every file as it is, and
 * `astro check` (TypeScript over .ts and .astro files) reports no errors.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function run(script: string, args: string[]): { status: number | null; output: string } {
	const result = spawnSync(process.execPath, [path.join(root, script), ...args], {
		cwd: root,
		encoding: 'utf8',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
	});
	return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('code quality', () => {
	it('is formatted with Prettier (npm run format fixes it)', () => {
		const { status, output } = run('node_modules/prettier/bin/prettier.cjs', ['--check', '.']);
		expect(status, output).toBe(0);
	});

	it('has no type errors (astro check)', () => {
		const { status, output } = run('node_modules/astro/bin/astro.mjs', ['check']);
		expect(output).toMatch(/Result \(\d+ files\)/);
		expect(
			status,
			output
				.split('\n')
				.filter((line) => /error/i.test(line))
				.join('\n'),
		).toBe(0);
	}, 180_000);
});
