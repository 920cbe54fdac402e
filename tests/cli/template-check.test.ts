/**
 * `npm run check` on brand.yaml's `template:`: a template it cannot use is reported, naming the
 * file and what is missing, before any deck is built.
 */
import { appendFile, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../scripts/check.ts';
import {
	copyFixture,
	fixtureToday,
	removeFixture,
	runScript,
} from '../fixtures/content/fixtures.ts';
import { tinyTemplate, titleOnlyLayout } from '../fixtures/tiny-template.ts';

let root: string;
beforeEach(async () => {
	root = await copyFixture();
});
afterEach(async () => {
	await removeFixture(root);
});

/** Adds lines to the fixture's brand.yaml and runs the check; returns the brand file's errors. */
async function checkWith(yaml: string, file?: Uint8Array) {
	await appendFile(path.join(root, 'content/brand.yaml'), `\n${yaml}\n`);
	if (file) {
		await mkdir(path.join(root, 'public/brand'), { recursive: true });
		await writeFile(path.join(root, 'public/brand/template.potx'), file);
	}
	const result = runScript('check.ts', ['--content-only', '--json', '--today', fixtureToday], root);
	const report = JSON.parse(result.stdout) as CheckReport;
	return {
		code: result.code,
		errors: report.errors.map((e) => `${e.file}: ${e.field}: ${e.message}`),
	};
}

describe('npm run check with a template', () => {
	it('accepts a usable template and layout names it has', async () => {
		const result = await checkWith(
			'template: brand/template.potx\ntemplateLayouts:\n  insight: Headline',
			tinyTemplate({ layouts: [titleOnlyLayout] }),
		);
		expect(result).toEqual({ code: 0, errors: [] });
	});

	it('npm run decks builds every deck on it', async () => {
		const template = tinyTemplate({ layouts: [titleOnlyLayout] });
		await checkWith('template: brand/template.potx', template);
		const out = path.join(root, 'out');
		const result = runScript('decks.ts', ['--out', out], root);
		expect(result.code, result.stderr).toBe(0);
		const decks = (await readdir(out)).filter((name) => name.endsWith('.pptx'));
		expect(decks.length).toBeGreaterThan(0);
		for (const deck of decks) {
			const parts = unzipSync(await readFile(path.join(out, deck)));
			const presentation = strFromU8(parts['ppt/presentation.xml']!);
			expect(presentation, deck).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
			expect(strFromU8(parts['ppt/slides/_rels/slide1.xml.rels']!), deck).toContain(
				'../slideLayouts/slideLayout1.xml',
			);
			expect(strFromU8(parts['ppt/slideLayouts/slideLayout1.xml']!), deck).toContain(
				'name="Headline"',
			);
		}
	});

	it('a missing file', async () => {
		const result = await checkWith('template: brand/template.potx');
		expect(result.code).toBe(1);
		expect(result.errors).toEqual([
			'content/brand.yaml: template: a file at public/brand/template.potx (it is missing)',
		]);
	});

	it('an unreadable package, no slide size, no title layout, an unknown layout name', async () => {
		const cases: Array<[Uint8Array, string, string]> = [
			[
				strToU8('PK but not really'),
				'',
				'template: a usable PowerPoint template (public/brand/template.potx: not a readable .potx/.pptx package',
			],
			[
				tinyTemplate({ size: false, layouts: [titleOnlyLayout] }),
				'',
				'template: a usable PowerPoint template (public/brand/template.potx: no slide size (p:sldSz in ppt/presentation.xml))',
			],
			[
				tinyTemplate({ layouts: ['type="blank"><p:cSld name="Blank"><p:spTree/></p:cSld>'] }),
				'',
				'template: a usable PowerPoint template (public/brand/template.potx: no layout with a title placeholder)',
			],
			[
				tinyTemplate({ layouts: [titleOnlyLayout] }),
				'templateLayouts:\n  closing: Closing',
				'templateLayouts.closing: a layout name the template has (no layout is named "Closing"; it has "Headline") (in public/brand/template.potx)',
			],
		];
		for (const [bytes, extra, expected] of cases) {
			await removeFixture(root);
			root = await copyFixture();
			const result = await checkWith(`template: brand/template.potx\n${extra}`, bytes);
			expect(result.code).toBe(1);
			expect(result.errors).toHaveLength(1);
			expect(result.errors[0]).toContain(`content/brand.yaml: ${expected}`);
		}
	});

	it('a path that leaves public/, directly or by a symbolic link', async () => {
		const direct = await checkWith('template: ../content/brand.potx');
		expect(direct.errors).toEqual([
			'content/brand.yaml: template: a path inside public/, relative and without ".." (e.g. "brand/template.potx")',
		]);
		await removeFixture(root);
		root = await copyFixture();
		await writeFile(path.join(root, 'outside.potx'), tinyTemplate({ layouts: [titleOnlyLayout] }));
		await symlink(path.join(root, 'outside.potx'), path.join(root, 'public/linked.potx'));
		const linked = await checkWith('template: linked.potx');
		expect(linked.errors).toEqual([
			`content/brand.yaml: template: a file at public/linked.potx (it is a symbolic link to ${path.join(root, 'outside.potx')}, outside public/)`,
		]);
	});
});
