/**
 * Company templates (.potx/.pptx): read one, check it can carry a deck, choose its layouts.
 * Pure (bytes in, data out), so it runs in Node and in the browser builder.
 */
export type * from './model.ts';
export { readTemplate, isTitle } from './read.ts';
export { TemplateError } from './package.ts';
export {
	chooseLayouts,
	overrideProblems,
	slideKinds,
	type LayoutChoice,
	type LayoutOverrides,
	type SlideKind,
} from './choose.ts';
export { templateProblems } from './problems.ts';
