/**
 * Temporary projects for the build benchmarks: a copy of this site with a synthetic library in its
 * `content/`, and the "bare" floor, a minimal Astro + MDX site that renders the same MDX files one
 * page per entry. Both share this repository's installed packages: `node_modules/` is a real
 * folder of symlinks to each package, so Astro's and Vite's caches (`node_modules/.astro`,
 * `node_modules/.vite`) stay inside the temporary project and every build starts cold.
 */
import { cp, mkdir, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Top-level entries of the repository that a site copy leaves out (content is generated). */
const skipTopLevel = new Set([
	'node_modules',
	'dist',
	'.astro',
	'.git',
	'bench-results',
	'bench',
	'tests',
	'docs',
	'content',
	'schemas',
]);

/** Package-manager and tool caches that must not be shared between projects. */
const cacheEntries = new Set(['.astro', '.vite', '.cache', '.vite-temp', '.vitest']);

/** Gives `project` its own `node_modules/` whose entries link to `repo`'s installed packages. */
export async function linkNodeModules(repo: string, project: string): Promise<void> {
	const source = path.join(repo, 'node_modules');
	const target = path.join(project, 'node_modules');
	await mkdir(target, { recursive: true });
	for (const name of await readdir(source)) {
		if (cacheEntries.has(name)) continue;
		await symlink(path.join(source, name), path.join(target, name));
	}
}

/** Copies this site (config, src, public, brand) into `project`, without content or build output. */
export async function copySite(repo: string, project: string): Promise<void> {
	await mkdir(project, { recursive: true });
	for (const name of await readdir(repo)) {
		if (skipTopLevel.has(name) || name.endsWith('.tmp')) continue;
		await cp(path.join(repo, name), path.join(project, name), {
			recursive: true,
			filter: (file) => !file.endsWith('.tmp'),
		});
	}
	await mkdir(path.join(project, 'content'), { recursive: true });
	await cp(path.join(repo, 'content', 'brand.yaml'), path.join(project, 'content', 'brand.yaml'));
	await linkNodeModules(repo, project);
}

/** The bare floor: Astro and @astrojs/mdx, one collection, one page per entry rendering its MDX. */
export const bareFiles: Record<string, string> = {
	'package.json': `${JSON.stringify({ name: 'bare-astro-mdx', private: true, type: 'module' }, null, '\t')}\n`,
	'astro.config.mjs': `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({ integrations: [mdx()] });
`,
	'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
	insights: defineCollection({ loader: glob({ pattern: '*.mdx', base: './content/insights' }) }),
};
`,
	'src/pages/[id].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
	return (await getCollection('insights')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

const { entry } = Astro.props;
const { Content } = await render(entry);
---

<html lang="en">
	<head>
		<meta charset="utf-8" />
		<title>{entry.data.title}</title>
	</head>
	<body>
		<main>
			<h1>{entry.data.title}</h1>
			<Content />
		</main>
	</body>
</html>
`,
};

/** Writes the bare floor project into `project` (content is added separately). */
export async function writeBare(repo: string, project: string): Promise<void> {
	for (const [file, text] of Object.entries(bareFiles)) {
		await mkdir(path.dirname(path.join(project, file)), { recursive: true });
		await writeFile(path.join(project, file), text);
	}
	await linkNodeModules(repo, project);
}

/** Removes build output and every cache, so the next build is cold. */
export async function cleanBuild(project: string): Promise<void> {
	for (const dir of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
		await rm(path.join(project, dir), { recursive: true, force: true });
	}
}
