/**
 * Checks brand.yaml's `template:` before any deck is built: the file exists inside `public/`,
 * is a package we can read, has a slide size and a layout with a title placeholder, and every
 * `templateLayouts` name is a layout it has.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { templateProblems } from '../deck/template/index.ts';
import type { Brand } from '../schema/brand.ts';
import type { ContentIssue } from './issues.ts';

/** Reads the brand's template file; undefined when there is none. Throws when it cannot be read. */
export async function readTemplateFile(
	root: string,
	brand: Brand,
): Promise<Uint8Array | undefined> {
	if (!brand.template) return undefined;
	const publicDir = await realpath(path.join(root, 'public'));
	const file = await realpath(path.join(publicDir, brand.template));
	// A symbolic link must not lead a build to read outside public/.
	if (!file.startsWith(publicDir + path.sep)) {
		throw new Error(`public/${brand.template} leads outside public/`);
	}
	return new Uint8Array(await readFile(file));
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
	let bytes: Uint8Array | undefined;
	try {
		bytes = await readTemplateFile(root, brand);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return [
			issue(
				'template',
				code === 'ENOENT'
					? `a file at ${shown} (it is missing)`
					: `a readable file inside public/ (${shown}: ${error instanceof Error ? error.message : String(error)})`,
			),
		];
	}
	if (!bytes) return [];
	return templateProblems(bytes, brand.templateLayouts ?? {}).map((problem) =>
		problem.kind
			? issue(`templateLayouts.${problem.kind}`, `${problem.message} (in ${shown})`)
			: issue('template', `a usable PowerPoint template (${shown}: ${problem.message})`),
	);
}
