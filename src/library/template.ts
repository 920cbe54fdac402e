/**
 * Checks brand.yaml's `template:` before any deck is built: the file exists inside `public/`,
 * is a package we can read, has a slide size and a layout with a title placeholder, and every
 * `templateLayouts` name is a layout it has.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { templateProblems } from '../deck/template/index.ts';
import type { Brand } from '../schema/brand.ts';
import type { ContentIssue } from './issues.ts';
import { resolveInside } from './load.ts';

/** Company templates carry pictures: far larger than content files, still bounded. */
export const templateMaxBytes = 50_000_000;

/** The brand's template file, or why it cannot be read (a symbolic link must not leave public/). */
export async function readTemplateFile(
	root: string,
	template: string,
): Promise<{ bytes: Uint8Array } | { problem: string }> {
	const where = await resolveInside(
		root,
		path.join('public', template),
		'public',
		templateMaxBytes,
	);
	if ('problem' in where) return { problem: where.problem };
	try {
		return { bytes: new Uint8Array(await readFile(where.absolute)) };
	} catch (error) {
		return {
			problem: `it cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
		};
	}
}

/** Problems with the brand's template, as `content/brand.yaml` issues (empty without one). */
export async function templateIssues(
	root: string,
	brand: Brand,
	brandFile: string,
): Promise<ContentIssue[]> {
	if (!brand.template) return [];
	const shown = `public/${brand.template}`;
	const issue = (field: string, message: string): ContentIssue => ({
		file: brandFile,
		field,
		message,
		severity: 'error',
		rule: 'template',
	});
	const file = await readTemplateFile(root, brand.template);
	if ('problem' in file) return [issue('template', `a file at ${shown} (${file.problem})`)];
	return templateProblems(file.bytes, brand.templateLayouts ?? {}).map((problem) =>
		problem.kind
			? issue(`templateLayouts.${problem.kind}`, `${problem.message} (in ${shown})`)
			: issue('template', `a usable PowerPoint template (${shown}: ${problem.message})`),
	);
}
