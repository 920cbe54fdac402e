/**
 * `astro build` as `npm run build` runs it, for the tests that build a site: a production build
 * (vitest sets NODE_ENV to "test"), no telemetry, no colours in what it prints.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** What a build printed (stdout, then stderr) and how it ended. */
export interface AstroBuildResult {
	status: number | null;
	output: string;
	/** Set when the build could not be started at all. */
	error?: Error;
}

/** Runs `astro build ...args` in the project at `cwd` (its `node_modules/astro`), with `env` added. */
export function astroBuild(
	cwd: string,
	args: string[] = [],
	env: NodeJS.ProcessEnv = {},
): AstroBuildResult {
	const result = spawnSync(
		process.execPath,
		[path.join(cwd, 'node_modules/astro/bin/astro.mjs'), 'build', ...args],
		{
			cwd,
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
			env: {
				...process.env,
				ASTRO_TELEMETRY_DISABLED: '1',
				FORCE_COLOR: '0',
				NODE_ENV: 'production',
				...env,
			},
		},
	);
	return {
		status: result.status,
		output: `${result.stdout ?? ''}${result.stderr ?? ''}`,
		...(result.error ? { error: result.error } : {}),
	};
}
