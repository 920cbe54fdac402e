/**
 * `npm run build` refuses broken content: a broken insight (unknown industry, five points,
 * missing sources) fails the build with `file: field: message` lines, before anything is written.
 */
import {
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../astro-build.ts';

const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'build-errors-'));

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('astro build with broken content', () => {
	it('exits non-zero naming the file and each field', () => {
		for (const entry of [
			'src',
			'content',
			'public',
			'astro.config.mjs',
			'tsconfig.json',
			'package.json',
		]) {
			cpSync(path.join(root, entry), path.join(work, entry), { recursive: true });
		}
		symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'));
		const source = readFileSync(
			path.join(root, 'content/insights/hospital-growth-is-utilization-not-price.mdx'),
			'utf8',
		);
		const broken = source
			.replace(/^industries:.*(\n\s+- .*)*/m, 'industries:\n  - healthcare-provider')
			.replace(
				/^points:(\n\s+- .*)+/m,
				`points:\n${Array.from({ length: 5 }, (_, i) => `  - Evidence ${i + 1}.`).join('\n')}`,
			)
			.replace(/^sources:(\n\s+.*)+?(?=\n[a-z]+:)/m, '');
		expect(broken).not.toBe(source);
		writeFileSync(path.join(work, 'content/insights/broken-insight.mdx'), broken);

		const { status, output } = astroBuild(work);
		expect(status).not.toBe(0);
		expect(output).toContain('content/insights/broken-insight.mdx: industries[0]:');
		expect(output).toContain('(got "healthcare-provider") (did you mean "healthcare-providers"?)');
		expect(output).toContain(
			'content/insights/broken-insight.mdx: points: at most 4 items (got 5)',
		);
		expect(output).toContain('content/insights/broken-insight.mdx: sources:');
		expect(existsSync(path.join(work, 'dist/index.html'))).toBe(false);
	}, 120_000);
});
