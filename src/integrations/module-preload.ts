/**
 * `<link rel="modulepreload">` for the static imports of a page's module scripts. Astro writes a
 * page's script as one `<script type="module" src>`; the chunks that script imports (code it
 * shares with other scripts) are found by the browser only once the script is downloaded and
 * parsed, a second round trip while the page waits. Preloading them from the page's head fetches
 * them alongside the script. Only the pages named are rewritten (the builder: its start is timed).
 */
import type { AstroIntegration } from 'astro';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each client chunk's file name (e.g. `_astro/x.js`) and the file names it imports statically. */
export type ChunkImports = ReadonlyMap<string, readonly string[]>;

/** Every chunk `entry` needs before it runs, nearest first, without `entry` itself. */
export function staticImportsOf(entry: string, chunks: ChunkImports): string[] {
	const found = new Set<string>();
	const visit = (file: string) => {
		for (const imported of chunks.get(file) ?? []) {
			if (imported === entry || found.has(imported)) continue;
			found.add(imported);
			visit(imported);
		}
	};
	visit(entry);
	return [...found];
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * `html` with a modulepreload link, before `</head>`, for each chunk its module scripts import
 * (`base` is the site's base path, e.g. `/`); unchanged when there is none or it has no head.
 */
export function addModulePreloads(html: string, chunks: ChunkImports, base: string): string {
	const head = html.indexOf('</head>');
	if (head < 0) return html;
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const wanted = new Set<string>();
	for (const [, src] of html.matchAll(/<script type="module" src="([^"]+)"/g)) {
		if (!src!.startsWith(prefix)) continue;
		for (const file of staticImportsOf(src!.slice(prefix.length), chunks)) wanted.add(file);
	}
	const already = new Set(
		[...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]),
	);
	const links = [...wanted]
		.map((file) => `${prefix}${file}`)
		.filter((href) => !already.has(href))
		.map((href) => `<link rel="modulepreload" href="${escapeAttribute(href)}">`);
	return links.length ? `${html.slice(0, head)}${links.join('')}${html.slice(head)}` : html;
}

/** The integration: records the client chunks' imports as they are written, then rewrites `pages`. */
export function modulePreload({ pages }: { pages: string[] }): AstroIntegration {
	const chunks = new Map<string, readonly string[]>();
	let base = '/';
	return {
		name: 'module-preload',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				base = config.base;
				updateConfig({
					vite: {
						plugins: [
							{
								name: 'module-preload:chunk-imports',
								apply: 'build',
								// Only the browser's chunks: not the thousands of the prerender bundle.
								applyToEnvironment: (environment) => environment.name === 'client',
								generateBundle(_options, bundle) {
									for (const output of Object.values(bundle))
										if (output.type === 'chunk') chunks.set(output.fileName, output.imports);
								},
							},
						],
					},
				});
			},
			'astro:build:done': async ({ dir }) => {
				const outDir = fileURLToPath(dir);
				for (const page of pages) {
					const file = path.join(outDir, page);
					const html = await readFile(file, 'utf8').catch(() => undefined);
					if (html === undefined) continue;
					const rewritten = addModulePreloads(html, chunks, base);
					if (rewritten !== html) await writeFile(file, rewritten);
				}
			},
		},
	};
}
