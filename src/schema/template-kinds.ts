/**
 * The slide kinds a template layout can be chosen for, without zod: the deck engine reads them
 * without building the brand schema (`brand.ts` re-exports them).
 */

/** The slide kinds a template layout can be chosen for (see `templateLayouts`). */
export const templateSlideKinds = [
	'title',
	'agenda',
	'insight',
	'questions',
	'sources',
	'nextStep',
	'closing',
] as const;
