/**
 * The limits no schema can express, as plain numbers in a module without zod: the library's file
 * reader takes them without building any schema (`limits.ts` gives them with the rest).
 */

/** Any content file read from disk, and any file imported into the builder. */
export const fileBytes = 1_000_000;

/** YAML aliases expanded per document: enough to reuse a source, far too few for a bomb. */
export const yamlAliases = 100;
