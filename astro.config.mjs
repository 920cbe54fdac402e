// A .mjs config, not .ts: Astro imports a JavaScript config with Node itself, so the integrations
// below (TypeScript, run by Node's type stripping) load as every script's modules do. A .ts config
// goes through a Vite module runner that Astro closes before the hooks run, and the modules the
// integrations import on first use (the content parsers, the template reader) then fail to load.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { decksStep } from './src/integrations/decks.ts';
import { insightLibrary } from './src/integrations/library.ts';
import { modulePreload } from './src/integrations/module-preload.ts';
import { searchIndexStep } from './src/integrations/search.ts';
import { workerChunks } from './src/integrations/worker-chunks.ts';

export default defineConfig({
	site: 'https://insights.example.com',
	trailingSlash: 'always',
	integrations: [
		mdx(),
		insightLibrary({ steps: [decksStep, searchIndexStep] }),
		// The builder's start is timed: its script's shared chunks load with the script, not after it.
		modulePreload({ pages: ['builder/index.html'] }),
	],
	// Pagefind builds excerpts from the HTML text; compressed HTML can glue words across tags.
	compressHTML: false,
	// Editors: .astro/collections/*.schema.json plus a manifest, so the Astro VS Code extension
	// validates and completes insight frontmatter (see docs/authoring.md, "Editor support").
	experimental: { contentIntellisense: true },
	vite: {
		// The builder's module workers share the page's chunks (the deck engine ships once).
		plugins: [workerChunks()],
		build: {
			rolldownOptions: {
				// Astro marks every MDX file's propagated assets with a "use astro:head-inject" directive,
				// and Rolldown warns about each (withastro/astro#18087): one warning, with a code frame, per
				// insight on every build. Only that warning is dropped; every other one is printed.
				onwarn(warning, warn) {
					const headInject =
						warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
						warning.message.includes('"use astro:head-inject"');
					if (!headInject) warn(warning);
				},
			},
		},
	},
});
