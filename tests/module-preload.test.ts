/**
 * The builder page's script imports shared chunks the browser finds only after downloading and
 * parsing it; the build links them from the page's head with `rel="modulepreload"` so they load
 * alongside it (`src/integrations/module-preload.ts`).
 */
import { describe, expect, it } from 'vitest';
import { addModulePreloads, staticImportsOf } from '../src/integrations/module-preload.ts';

const chunks = new Map<string, string[]>([
	['_astro/page.js', ['_astro/shared.js', '_astro/runtime.js']],
	['_astro/shared.js', ['_astro/runtime.js', '_astro/deep.js']],
	['_astro/deep.js', ['_astro/page.js']],
	['_astro/runtime.js', []],
	['_astro/other.js', ['_astro/unrelated.js']],
]);

describe('module preloads', () => {
	it('lists every chunk a script imports, directly or not, once, without itself', () => {
		expect(staticImportsOf('_astro/page.js', chunks)).toEqual([
			'_astro/shared.js',
			'_astro/runtime.js',
			'_astro/deep.js',
		]);
		expect(staticImportsOf('_astro/runtime.js', chunks)).toEqual([]);
		expect(staticImportsOf('_astro/unknown.js', chunks)).toEqual([]);
	});

	it('links them from the head, under the site’s base, and only once', () => {
		const html =
			'<html><head><title>B</title></head><body><script type="module" src="/docs/_astro/page.js"></script></body></html>';
		const out = addModulePreloads(html, chunks, '/docs/');
		expect(out).toBe(
			'<html><head><title>B</title>' +
				'<link rel="modulepreload" href="/docs/_astro/shared.js">' +
				'<link rel="modulepreload" href="/docs/_astro/runtime.js">' +
				'<link rel="modulepreload" href="/docs/_astro/deep.js">' +
				'</head><body><script type="module" src="/docs/_astro/page.js"></script></body></html>',
		);
		expect(addModulePreloads(out, chunks, '/docs/')).toBe(out);
	});

	it('leaves a page without module scripts, or whose scripts import nothing, as it is', () => {
		const plain = '<html><head></head><body><p>Hi</p></body></html>';
		expect(addModulePreloads(plain, chunks, '/')).toBe(plain);
		const alone =
			'<html><head></head><body><script type="module" src="/_astro/runtime.js"></script></body></html>';
		expect(addModulePreloads(alone, chunks, '/')).toBe(alone);
	});
});
