/**
 * Hostile MDX bodies (issue 11), through the loader as `check` reads them: code (import/export
 * lines, `{expressions}`) and `javascript:` links are errors naming the file and its own line
 * number, counted from the top of the file (frontmatter included), so `check` fails.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../src/library/issues.ts';
import { errorsOf, loadLibrary } from '../src/library/load.ts';
import {
	copyFixture,
	insightSource,
	removeFixture,
	validInsight,
} from './fixtures/content/fixtures.ts';

describe('hostile MDX bodies', () => {
	let root: string;
	beforeEach(async () => {
		root = await copyFixture();
	});
	afterEach(async () => {
		await removeFixture(root);
	});

	const file = 'content/insights/hostile-body.mdx';

	/** Writes an insight with `body`; returns its issues and the file line where the body starts. */
	async function load(body: string) {
		const data = validInsight();
		const source = insightSource(data, body);
		await writeFile(path.join(root, file), source);
		const head = source.slice(0, source.length - body.length);
		const bodyLine = head.split('\n').length;
		const library = await loadLibrary({ root });
		return {
			bodyLine,
			lines: library.issues.filter((issue) => issue.file === file).map(formatIssue),
			errors: errorsOf(library).filter((issue) => issue.file === file).length,
		};
	}

	it('import and export lines are errors at their file line', async () => {
		const { bodyLine, lines, errors } = await load(
			'Intro.\n\nimport Evil from "./evil.js"\n\nexport const x = fetch("https://example.com")\n',
		);
		expect(lines).toEqual([
			`${file}: body: line ${bodyLine + 2}: no import or export (found "import Evil from "./evil.js""): Callout, Quote, KeyFigure are available without one, and nothing else may be used`,
			`${file}: body: line ${bodyLine + 4}: no import or export (found "export const x = fetch("https://example.com")"): Callout, Quote, KeyFigure are available without one, and nothing else may be used`,
		]);
		expect(errors).toBe(lines.length);
	});

	it('{expressions} are errors at their file line', async () => {
		const { bodyLine, lines, errors } = await load('One.\n\nRun {globalThis.alert(1)} now.\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			new RegExp(
				`^content/insights/hostile-body\\.mdx: body: line ${bodyLine + 2}: no \\{expressions\\} \\(found \\{globalThis\\.alert\\(1\\)\\}\\)`,
			),
		);
		expect(errors).toBe(lines.length);
	});

	it('a javascript: link is an error at its file line', async () => {
		const { bodyLine, lines, errors } = await load(
			'Safe text.\n\n\n[x](javascript:alert(1)) and [ok](https://example.com)\n',
		);
		expect(lines).toEqual([
			`${file}: body: line ${bodyLine + 3}: a link to a web address (https://...) or mailto: (got "javascript:alert(1)")`,
		]);
		expect(errors).toBe(lines.length);
	});
});
