// ESLint (flat config): `npm run lint`, zero warnings, also run by `npm test`.
// Syntax-level rules only (no type information), so a full run takes seconds; types are checked by
// `npm run typecheck` (astro check).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{
		ignores: ['dist/', '.astro/', 'node_modules/', 'bench-results/', 'public/', '**/*.tmp'],
	},
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		languageOptions: {
			ecmaVersion: 'latest',
			sourceType: 'module',
			// Node (CLIs, build steps, tests) and the browser (site scripts, builder) share modules.
			// __DEV_SERVER__ is defined by the library integration (src/env.d.ts declares its type).
			globals: { ...globals.node, ...globals.browser, __DEV_SERVER__: 'readonly' },
		},
		linterOptions: { reportUnusedDisableDirectives: 'error' },
		rules: {
			// `_`-prefixed names are deliberately unused (callback positions, destructuring to omit).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{
					argsIgnorePattern: '^_',
					varsIgnorePattern: '^_',
					caughtErrors: 'none',
					ignoreRestSiblings: true,
				},
			],
		},
	},
	{
		files: ['tests/**'],
		rules: {
			// Tests build malformed data and raw protocol messages on purpose.
			'@typescript-eslint/no-explicit-any': 'off',
		},
	},
	{
		files: ['**/*.astro'],
		rules: {
			// Astro.props and frontmatter exports are used by the template, which the rule cannot see.
			'@typescript-eslint/no-unused-vars': 'off',
		},
	},
);
