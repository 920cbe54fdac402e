import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { insightLibrary } from './src/integrations/library.ts';

export default defineConfig({
	site: 'https://insights.example.com',
	trailingSlash: 'always',
	integrations: [mdx(), insightLibrary()],
	// Pagefind builds excerpts from the HTML text; compressed HTML can glue words across tags.
	compressHTML: false,
});
