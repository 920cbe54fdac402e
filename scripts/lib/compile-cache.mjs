/**
 * Preloaded by the npm scripts (`node --import ./scripts/lib/compile-cache.mjs scripts/x.ts`):
 * turns on Node's on-disk compile cache before the first TypeScript file loads, so Node reuses
 * both the type-stripped source and the compiled code of every module from the last run. Called
 * from the .ts entry instead, the entry itself would be stripped first, which loads Node's type
 * stripper (about a third of a one-deck run's start-up). Plain JavaScript for that reason.
 */
import module from 'node:module';

module.enableCompileCache?.();
