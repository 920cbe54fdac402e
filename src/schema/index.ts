/** Every content schema, for scripts, tests and the browser builder. */
export * from './common.ts';
export * from './stage.ts';
export * from './taxonomy.ts';
export * from './tokens.ts';
export * from './insight.ts';
export * from './briefing.ts';
export * from './brand.ts';
