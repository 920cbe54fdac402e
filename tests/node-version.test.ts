/**
 * The runtime guard every CLI in scripts/ imports first: one clear line, naming the npm script to
 * use, when a script is started with a Node older than the project's (`node scripts/x.ts` on a
 * Node that can strip types but is not Node 24).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmScriptFor, runtimeProblem } from '../scripts/lib/node-version.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('node version guard', () => {
	it('accepts Node 24 and later with type stripping', () => {
		expect(runtimeProblem('24.21.0', 'strip', 'decks')).toBeUndefined();
		expect(runtimeProblem('25.1.0', 'transform', 'decks')).toBeUndefined();
	});

	it('names the npm script and the Node it uses on an older Node', () => {
		expect(runtimeProblem('22.18.0', 'strip', 'decks')).toBe(
			'This script needs Node 24 (this is Node 22.18.0): run it through npm run decks, which uses Node 24 from node_modules.',
		);
		expect(runtimeProblem('24.21.0', false, 'check')).toMatch(/npm run check,/);
	});

	it('finds the npm script that runs a file from package.json', () => {
		expect(npmScriptFor(root, path.join(root, 'scripts/decks.ts'))).toBe('decks');
		expect(npmScriptFor(root, path.join(root, 'scripts/new-insight.ts'))).toBe('new:insight');
		expect(npmScriptFor(root, path.join(root, 'scripts/generate-json-schema.ts'))).toBe('schemas');
		expect(npmScriptFor(root, path.join(root, 'scripts/nothing.ts'))).toBeUndefined();
	});
});
