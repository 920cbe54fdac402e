/**
 * What a visitor downloads: gzipped HTML, CSS and JS per page type of a built site, the scripts
 * each page loads at once versus on demand, where pptxgenjs lives, and the search index's size.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzipped size of `text` (level 9, as a static host or CDN would serve it pre-compressed). */
export function gzipSize(text: string | Uint8Array): number {
	return gzipSync(text, { level: 9 }).length;
}

/** What a page references, read from its HTML. */
export interface PageRefs {
	/** External stylesheets (`<link rel="stylesheet">`). */
	stylesheets: string[];
	/** External scripts (`<script src>`) and module preloads. */
	scripts: string[];
	/** Inline `<style>` contents. */
	inlineStyles: string[];
	/** Inline `<script>` contents (JSON data blocks excluded). */
	inlineScripts: string[];
	/** The HTML without inline script and style contents. */
	html: string;
}

const attr = (tag: string, name: string) =>
	new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
const attrValue = (tag: string, name: string) => {
	const match = attr(tag, name);
	return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined;
};

/** Reads the stylesheets and scripts an HTML page loads. */
export function pageRefs(html: string): PageRefs {
	const refs: PageRefs = {
		stylesheets: [],
		scripts: [],
		inlineStyles: [],
		inlineScripts: [],
		html,
	};
	for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
		const rel = (attrValue(match[0], 'rel') ?? '').toLowerCase().split(/\s+/);
		const href = attrValue(match[0], 'href');
		if (!href) continue;
		if (rel.includes('stylesheet')) refs.stylesheets.push(href);
		if (rel.includes('modulepreload')) refs.scripts.push(href);
	}
	refs.html = html.replace(
		/(<script\b[^>]*>)([\s\S]*?)(<\/script>)/gi,
		(whole, open: string, body: string, close: string) => {
			const src = attrValue(open, 'src');
			const type = (attrValue(open, 'type') ?? '').toLowerCase();
			if (src) refs.scripts.push(src);
			else if (body.trim() && !/json|template|text\/plain/.test(type))
				refs.inlineScripts.push(body);
			else return whole;
			return `${open}${close}`;
		},
	);
	refs.html = refs.html.replace(
		/(<style\b[^>]*>)([\s\S]*?)(<\/style>)/gi,
		(_whole, open: string, body: string, close: string) => {
			refs.inlineStyles.push(body);
			return `${open}${close}`;
		},
	);
	refs.stylesheets = [...new Set(refs.stylesheets)];
	refs.scripts = [...new Set(refs.scripts)];
	return refs;
}

/**
 * Static (`import ... from`, `import "..."`, `export ... from`) and dynamic (`import("...")`, and
 * module workers' scripts) imports of a JS module.
 */
export function moduleImports(code: string): { static: string[]; dynamic: string[] } {
	const found = { static: new Set<string>(), dynamic: new Set<string>() };
	for (const match of code.matchAll(
		/(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+)["']/g,
	)) {
		found.static.add(match[1]!);
	}
	for (const match of code.matchAll(/\bimport\(\s*(["'`])([^"'`$]+)\1\s*\)/g))
		found.dynamic.add(match[2]!);
	// Workers load when the page starts them: Vite's own (`new Worker(new URL('./w.js',
	// import.meta.url))`) and the builder's, chunks of the page's bundle whose script URL is a string
	// of the site's build folder (src/integrations/worker-chunks.ts).
	for (const match of code.matchAll(
		/\bnew\s+Worker\(\s*new\s+URL\(\s*(["'`])([^"'`$]+)\1\s*,[^)]*import\.meta\.url\s*\)/g,
	))
		found.dynamic.add(match[2]!);
	for (const match of code.matchAll(/(["'`])(\/_astro\/[^"'`$\s]+-worker\.[\w-]+\.js)\1/g))
		found.dynamic.add(match[2]!);
	return { static: [...found.static], dynamic: [...found.dynamic] };
}

/** A file of `dist/` for a URL as referenced from `fromFile` (absolute, relative or site-root URLs). */
export function resolveUrl(dist: string, fromFile: string, url: string): string | undefined {
	if (/^[a-z]+:|^\/\//i.test(url)) return undefined;
	const clean = url.split(/[?#]/)[0]!;
	return clean.startsWith('/')
		? path.join(dist, clean)
		: path.resolve(path.dirname(fromFile), clean);
}

/** Weight of one page: gzipped bytes of its HTML, CSS and the JS it loads at once, plus what it loads on demand. */
export interface PageWeight {
	/** The page, relative to dist/. */
	page: string;
	html: number;
	css: number;
	js: number;
	/** JS modules loaded at once (dist-relative). */
	scripts: string[];
	/** JS modules reachable only through dynamic import() (dist-relative), loaded on demand. */
	lazy: string[];
	/** Gzipped bytes of the lazy modules. */
	lazyJs: number;
}

/** Measures one built page. */
export async function pageWeight(dist: string, page: string): Promise<PageWeight> {
	const file = path.join(dist, page);
	const refs = pageRefs(await readFile(file, 'utf8'));
	const cache = new Map<string, string>();
	const read = async (module: string) => {
		if (!cache.has(module))
			cache.set(module, existsSync(module) ? await readFile(module, 'utf8') : '');
		return cache.get(module)!;
	};
	let css = refs.inlineStyles.reduce((sum, body) => sum + gzipSize(body), 0);
	for (const sheet of refs.stylesheets) {
		const target = resolveUrl(dist, file, sheet);
		if (target) css += gzipSize(await read(target));
	}
	// Scripts loaded at once: the page's scripts and everything they import statically.
	const eager = new Set<string>();
	const dynamic = new Set<string>();
	const queue: string[] = [];
	const visit = async (code: string, from: string) => {
		const imports = moduleImports(code);
		for (const spec of imports.static) {
			const target = resolveUrl(dist, from, spec);
			if (target && !eager.has(target)) {
				eager.add(target);
				queue.push(target);
			}
		}
		for (const spec of imports.dynamic) {
			const target = resolveUrl(dist, from, spec);
			if (target) dynamic.add(target);
		}
	};
	for (const src of refs.scripts) {
		const target = resolveUrl(dist, file, src);
		if (target && !eager.has(target)) {
			eager.add(target);
			queue.push(target);
		}
	}
	for (const body of refs.inlineScripts) await visit(body, file);
	for (let module = queue.shift(); module; module = queue.shift())
		await visit(await read(module), module);
	// On demand: dynamic imports not already loaded, and their static imports.
	const lazy = new Set<string>();
	const lazyQueue = [...dynamic].filter((module) => !eager.has(module));
	for (let module = lazyQueue.shift(); module; module = lazyQueue.shift()) {
		if (lazy.has(module) || eager.has(module) || !existsSync(module)) continue;
		lazy.add(module);
		const imports = moduleImports(await read(module));
		for (const spec of [...imports.static, ...imports.dynamic]) {
			const target = resolveUrl(dist, module, spec);
			if (target) lazyQueue.push(target);
		}
	}
	let js = refs.inlineScripts.reduce((sum, body) => sum + gzipSize(body), 0);
	for (const module of eager) js += gzipSize(await read(module));
	let lazyJs = 0;
	for (const module of lazy) lazyJs += gzipSize(await read(module));
	const rel = (module: string) => path.relative(dist, module);
	return {
		page,
		html: gzipSize(refs.html),
		css,
		js,
		scripts: [...eager].map(rel).sort(),
		lazy: [...lazy].map(rel).sort(),
		lazyJs,
	};
}

/** All files under `dir`, relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
	if (!existsSync(dir)) return [];
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** Total bytes and file count under `dir`. */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
	const files = await listFiles(dir);
	let bytes = 0;
	for (const file of files) bytes += (await stat(path.join(dir, file))).size;
	return { bytes, files: files.length };
}

/** The page types of the site and how to find their pages in dist/. */
export const pageTypes: ReadonlyArray<{ type: string; pattern: RegExp }> = [
	{ type: 'home', pattern: /^index\.html$/ },
	{ type: 'insights index', pattern: /^insights\/index\.html$/ },
	{ type: 'insight', pattern: /^insights\/[^/]+\/index\.html$/ },
	{ type: 'industry', pattern: /^industries\/[^/]+\/index\.html$/ },
	{ type: 'briefing', pattern: /^briefings\/[^/]+\/index\.html$/ },
	{ type: 'search', pattern: /^search\/index\.html$/ },
	{ type: 'builder', pattern: /^builder\/index\.html$/ },
];

/** Weight of each page type: the page with the median HTML size stands for its type. */
export interface TypeWeight extends PageWeight {
	type: string;
	/** Pages of this type. */
	count: number;
	/** Largest gzipped HTML among them. */
	maxHtml: number;
}

/** Weighs every page type of the site built into `dist`. */
export async function siteWeights(dist: string): Promise<TypeWeight[]> {
	const files = (await listFiles(dist)).map((file) => file.split(path.sep).join('/'));
	const result: TypeWeight[] = [];
	for (const { type, pattern } of pageTypes) {
		const pages = files.filter((file) => pattern.test(file)).sort();
		if (!pages.length) continue;
		const sizes = await Promise.all(
			pages.map(async (page) => ({
				page,
				html: gzipSize(pageRefs(await readFile(path.join(dist, page), 'utf8')).html),
			})),
		);
		sizes.sort((a, b) => a.html - b.html || a.page.localeCompare(b.page));
		const middle = sizes[Math.floor((sizes.length - 1) / 2)]!;
		result.push({
			type,
			count: pages.length,
			maxHtml: sizes[sizes.length - 1]!.html,
			...(await pageWeight(dist, middle.page)),
		});
	}
	return result;
}

/** Where pptxgenjs is in the build and whether the builder page loads it only on demand. */
export interface PptxCheck {
	/** JS files of dist/ that contain pptxgenjs. */
	chunks: string[];
	/** Gzipped bytes of those files. */
	gzip: number;
	/** True when pptxgenjs is among the builder's on-demand modules and not among those loaded at once. */
	onDemand: boolean;
	/** Pages of the measured types that load pptxgenjs at once (should be none). */
	eagerOn: string[];
}

/** A string only pptxgenjs's bundle contains. */
const pptxSignature = /PptxGenJS/;

/** The built JS files (paths relative to `dist`, with `/`) that contain pptxgenjs, and their gzipped bytes. */
export async function pptxChunks(dist: string): Promise<{ chunks: string[]; gzip: number }> {
	const js = (await listFiles(dist)).filter(
		(file) => file.endsWith('.js') && !file.startsWith('pagefind'),
	);
	const chunks: string[] = [];
	let gzip = 0;
	for (const file of js) {
		const code = await readFile(path.join(dist, file), 'utf8');
		if (pptxSignature.test(code)) {
			chunks.push(file.split(path.sep).join('/'));
			gzip += gzipSize(code);
		}
	}
	return { chunks, gzip };
}

/** Finds pptxgenjs in the built JS and checks that no measured page loads it at once. */
export async function pptxCheck(dist: string, weights: readonly TypeWeight[]): Promise<PptxCheck> {
	const { chunks, gzip } = await pptxChunks(dist);
	const builder = weights.find((weight) => weight.type === 'builder');
	const eagerOn = weights
		.filter((weight) => weight.scripts.some((module) => chunks.includes(module)))
		.map((weight) => weight.type);
	return {
		chunks,
		gzip,
		eagerOn,
		onDemand: Boolean(
			builder &&
			chunks.length &&
			chunks.every((chunk) => builder.lazy.includes(chunk)) &&
			!eagerOn.length,
		),
	};
}
