/** What keeps a template from carrying a deck, as messages `npm run check` can print. */
import { overrideProblems, type LayoutOverrides, type SlideKind } from './choose.ts';
import { TemplateError } from './package.ts';
import { readTemplate } from './read.ts';

/** One problem: `kind` set when it is about `templateLayouts.<kind>`. */
export interface TemplateProblem {
	kind?: SlideKind;
	message: string;
}

/** Every problem with a template's bytes and the layout overrides for it (empty when usable). */
export function templateProblems(
	bytes: Uint8Array,
	overrides: LayoutOverrides = {},
): TemplateProblem[] {
	let template;
	try {
		template = readTemplate(bytes);
	} catch (error) {
		if (error instanceof TemplateError) return [{ message: error.message }];
		throw error;
	}
	return overrideProblems(template, overrides);
}
