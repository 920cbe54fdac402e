/**
 * `node scripts/lib/bundled-cli.mjs scripts/<cli>.ts [args]`: runs a TypeScript CLI from one
 * bundled file instead of its ~600 modules. A one-deck `npm run decks` spent most of its time
 * before any deck work: resolving, type-stripping and compiling every module, then compiling each
 * function again the first time it ran (Node's compile cache keeps only the top level of a module).
 *
 * The bundle (esbuild, already installed with Astro's Vite) lives in node_modules/.cache/, which
 * git ignores, with a manifest of every file that went into it (and of this file and the package
 * files): its size, modification time and SHA-256, plus the Node version and the project folder.
 * A run stats those
 * files; one whose size or time changed is hashed again, and any changed content (a source edit,
 * `npm ci` with another lockfile, a moved checkout) rebuilds the bundle before it runs, so a
 * stale bundle never runs. A file edited while the bundle was being built leaves it unsaved.
 *
 * The bundle runs as a script with a V8 code cache taken after a successful run, so the functions
 * that run are not compiled again (the cache is named by the bundle's hash: V8 itself checks only
 * the source's length). When no bundle can be made (esbuild missing, a syntax error, a read-only
 * node_modules) the CLI runs from its sources as before, with Node's compile cache on; set
 * `CLI_FROM_SOURCE=1` to always do so. The entry must not use top-level await (CommonJS bundle).
 * Its own `import.meta.url`, `dirname` and `filename` keep their source values, so paths relative
 * to a source file (worker scripts, the project root) work the same in the bundle. The bundle's
 * hash is given to the CLI (`Symbol.for('insight-briefings.cli-bundle')` on the global object):
 * it names the code whose content checks `npm run decks` keeps (scripts/lib/content-cache.ts).
 * Plain JavaScript: a .ts file here would load Node's type stripper on every run.
 */
import module from 'node:module';

module.enableCompileCache?.();

// Node's modules are taken with require, not imported: importing one builds a namespace of every
// name it exports, and node:fs's namespace reads its stream classes, which loads Node's streams
// (about 10 ms of a fresh process's CPU) before any deck work.
const requireBuiltin = module.createRequire(import.meta.url);
const { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, readdirSync } =
	requireBuiltin('node:fs');
const path = requireBuiltin('node:path');
const { fileURLToPath, pathToFileURL } = requireBuiltin('node:url');
const vm = requireBuiltin('node:vm');

/** Bumped when the way bundles are made changes, so older bundles are rebuilt. */
const format = 4;
/**
 * A run that compiled this much more bytecode than the run that wrote the code cache (a deck after
 * a `--help`, say) writes it again; runs doing the same work leave it alone.
 */
const cacheGrowth = 1.1;

const here = import.meta.dirname;
const root = path.resolve(here, '../..');

// node:crypto and node:v8 load only when used (hashing a changed file, writing the code cache, the
// flag below; a deck run's content cache loads node:v8 anyway): each costs a run milliseconds.
const sha256 = (bytes) =>
	requireBuiltin('node:crypto').createHash('sha256').update(bytes).digest('hex');

/**
 * The `decks` script starts Node with a small young generation (`--max-semi-space-size=1` in
 * package.json): a one-deck run then reuses the same few megabytes of memory instead of touching
 * fresh pages as the young generation grows (a fresh page costs 15 to 20 microseconds here, about
 * 3,000 fewer a run, 10% of its CPU). A V8 flag given to Node also sizes every worker thread's
 * young generation, over the `resourceLimits` the batch's threads ask for: it is cleared once this
 * thread's heap exists (a heap is sized as it is made), so threads started later get theirs.
 */
if (process.execArgv.some((arg) => /^--max-semi-space-size\b/.test(arg)))
	requireBuiltin('node:v8').setFlagsFromString('--max-semi-space-size=0');

/**
 * Files whose change may change the bundle without being one of its inputs: this launcher (how
 * bundles are made) and the package files.
 */
const configFiles = [
	path.relative(root, fileURLToPath(import.meta.url)),
	'package.json',
	'package-lock.json',
	'tsconfig.json',
];

/**
 * The cache folder of one entry under one Node version (a bundle and its code cache are made for
 * one runtime: another Node gets its own), e.g. node_modules/.cache/insight-briefings/cli/v24.21.0/scripts-decks.
 */
function cacheDir(entry) {
	const name = path
		.relative(root, entry)
		.replace(/\.[cm]?[jt]s$/, '')
		.replace(/[\\/]/g, '-');
	return path.join(
		root,
		'node_modules',
		'.cache',
		'insight-briefings',
		'cli',
		process.version,
		name,
	);
}

/** Writes a file atomically: readers see the old file or the whole new one. */
function writeAtomically(file, bytes) {
	const temp = `${file}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`;
	try {
		writeFileSync(temp, bytes);
		renameSync(temp, file);
	} catch (error) {
		rmSync(temp, { force: true });
		throw error;
	}
}

/** The identity of the runtime and the project folder: a bundle made under another is rebuilt. */
function buildKey() {
	return { format, node: process.version, arch: process.arch, root };
}

/**
 * The full path of a file the manifest records (relative to the project folder when inside it,
 * else absolute: see {@link record}). Joined by hand: path.resolve on ~450 paths (cold code in a
 * fresh process, several strings made per call) cost every run's manifest check about 20 ms; a
 * relative path that stays inside the folder is already normal, so joining gives the same path.
 */
const fullPath = (file) =>
	path.isAbsolute(file)
		? file
		: file.startsWith('..')
			? path.resolve(root, file)
			: root + path.sep + file;

/**
 * Whether one recorded file `[path, size, mtimeMs, sha256]` still has that content; a
 * file touched but not changed (a checkout, `touch`) gets its new time recorded in `entry`.
 */
function unchanged(entry) {
	const [file, size, mtimeMs, hash] = entry;
	const full = fullPath(file);
	const stats = statSync(full, { throwIfNoEntry: false });
	if (!stats?.isFile() || stats.size !== size) return false;
	if (stats.mtimeMs === mtimeMs) return true;
	if (sha256(readFileSync(full)) !== hash) return false;
	entry[2] = stats.mtimeMs;
	return true;
}

/** The manifest of the cached bundle when it matches the files on disk, else undefined. */
function freshBundle(dir) {
	let manifest;
	try {
		manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
	} catch {
		return undefined;
	}
	const key = buildKey();
	if (Object.entries(key).some(([name, value]) => manifest.key?.[name] !== value)) return undefined;
	if (!statSync(path.join(dir, `${manifest.bundle}.cjs`), { throwIfNoEntry: false }))
		return undefined;
	const times = manifest.files.map((entry) => entry[2]);
	if (!manifest.files.every(unchanged)) return undefined;
	if (manifest.files.some((entry, index) => entry[2] !== times[index])) saveManifest(dir, manifest);
	return manifest;
}

/** Writes the manifest; an unwritable cache only costs the next run some time. */
function saveManifest(dir, manifest) {
	try {
		writeAtomically(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
	} catch {
		// Nothing to do: the next run checks the files again.
	}
}

/**
 * Records a file for the manifest, `[path, size, mtimeMs, sha256]`; undefined when it changed after
 * `since` (mid-build).
 */
function record(file, since) {
	const full = path.resolve(root, file);
	const stats = statSync(full, { throwIfNoEntry: false });
	if (!stats?.isFile() || stats.mtimeMs >= since) return undefined;
	// A file outside the project folder (packages linked in from elsewhere) is recorded by its full
	// path, so checking it needs no path.resolve; a moved folder rebuilds the bundle anyway.
	const relative = path.relative(root, full);
	const name = relative.startsWith('..') || path.isAbsolute(relative) ? full : relative;
	return [name, stats.size, stats.mtimeMs, sha256(readFileSync(full))];
}

/**
 * Keeps a project source's `import.meta.url`, `dirname` and `filename` (a CommonJS bundle has no
 * import.meta): new URL('./worker.ts', import.meta.url) still names the source file.
 */
function sourceImportMeta(source, file) {
	if (!source.includes('import.meta')) return source;
	const values = { url: pathToFileURL(file).href, dirname: path.dirname(file), filename: file };
	return source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, name) =>
		JSON.stringify(values[name]),
	);
}

/** How the schemas import zod; see {@link zodNamespace}. */
const zodImport = "import { z } from 'astro/zod';";

/**
 * Whether `astro/zod`'s `z` is zod's own `zod/v4` namespace, the same files resolved from the
 * project: Astro's module is `import * as mod from "zod/v4"; export { mod as z }`.
 */
async function astroZodIsZod(build) {
	const resolve = (name, resolveDir) =>
		build.resolve(name, { kind: 'import-statement', resolveDir });
	const astroZod = await resolve('astro/zod', root);
	if (astroZod.errors.length) return false;
	const text = readFileSync(astroZod.path, 'utf8');
	const [, name] = text.match(/import \* as (\w+) from "zod\/v4";/) ?? [];
	if (!name || !new RegExp(`\\b${name} as z\\b`).test(text)) return false;
	const [fromAstro, fromRoot] = await Promise.all([
		resolve('zod/v4', path.dirname(astroZod.path)),
		resolve('zod/v4', root),
	]);
	return !fromAstro.errors.length && fromAstro.path === fromRoot.path;
}

/**
 * A schema's `import { z } from 'astro/zod'` as `import * as z from 'zod/v4'`: the same module
 * (checked by {@link astroZodIsZod}), but a namespace esbuild can see into. Astro's `z` is a
 * namespace object re-exported as a value, so the bundle held all of zod (600 KB: every locale,
 * JSON Schema conversion) and a run loaded, compiled and initialised it; through `z.object`-style
 * reads of zod's own namespace only the zod code the schemas use is bundled (150 KB).
 */
function zodNamespace(source, direct) {
	return direct && source.includes(zodImport)
		? source.replace(zodImport, "import * as z from 'zod/v4';")
		: source;
}

/** The project's own sources as the bundle takes them (packages are bundled as they are). */
const sourcesPlugin = {
	name: 'project-sources',
	setup(build) {
		let direct;
		build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
			if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
			const source = readFileSync(args.path, 'utf8');
			if (source.includes(zodImport)) direct ??= astroZodIsZod(build);
			const contents = sourceImportMeta(zodNamespace(source, await direct), args.path);
			if (contents === source) return undefined;
			return {
				contents,
				loader: path.extname(args.path).slice(1).replace(/^[cm]/, '') === 'ts' ? 'ts' : 'js',
			};
		});
	},
};

/**
 * Modules a run rarely needs stay out of the bundle and load from source when asked for: the PDF
 * writer (`--pdf`) and its fonts are half of the bundle's bytes.
 */
const onDemandPlugin = {
	name: 'on-demand',
	setup(build) {
		build.onResolve({ filter: /^\.\/pdf\/index\.ts$/ }, (args) =>
			args.kind === 'dynamic-import'
				? { path: path.resolve(args.resolveDir, args.path), external: true }
				: undefined,
		);
	},
};

/**
 * Packages that find files beside their own (a native addon's loader finds its binary from its
 * `import.meta.url`, which a CommonJS bundle does not have) load from node_modules instead.
 */
const ownFilesPlugin = {
	name: 'own-files',
	setup(build) {
		build.onResolve({ filter: /^satteri$/ }, (args) => ({ path: args.path, external: true }));
	},
};

/**
 * Node modules loaded at start that a one-deck run never uses, kept from loading until first
 * used: each costs a fresh process milliseconds. pptxgenjs loads node:https (with http, tls and
 * net) as it writes a deck, for images given by URL, which the deck engine never gives it; the
 * worker threads only build batches of decks; node:crypto (13 to 20 ms of a fresh process's CPU,
 * its algorithms' tables) checks the batch's content pack. Each is replaced by an object that loads the module
 * when a property is first read; its property names are taken now, so importing names from it
 * (which copies them) loads nothing. fflate's Node build loads worker_threads for its asynchronous
 * functions; the engine uses only the synchronous ones, the same in its browser build (the one the
 * builder runs), so the bundle takes that.
 */
const loadWhenUsed = ['node:crypto', 'node:https', 'node:worker_threads'];
const unusedModulesPlugin = {
	name: 'unused-modules',
	setup(build) {
		// pptxgenjs imports node:fs and node:https with import() for every slide, layout and master
		// it writes (about 25 times a deck). Bundled as CommonJS, each import() of a Node module
		// made a new namespace object with a getter for each of its ~100 names: about 1.7 ms of a
		// deck's CPU in the batch's threads. Through one bundled module each, the namespace is
		// made once, with the same names and default.
		build.onResolve({ filter: /^node:/ }, (args) =>
			args.kind === 'dynamic-import' ? { path: args.path, namespace: 'node-namespace' } : undefined,
		);
		build.onLoad({ filter: /.*/, namespace: 'node-namespace' }, (args) => ({
			contents: `export * from ${JSON.stringify(args.path)};\nexport { default } from ${JSON.stringify(args.path)};`,
			loader: 'js',
		}));
		build.onResolve({ filter: /^node:/ }, (args) =>
			loadWhenUsed.includes(args.path)
				? { path: args.path, namespace: 'load-when-used' }
				: undefined,
		);
		build.onLoad({ filter: /.*/, namespace: 'load-when-used' }, (args) => ({
			contents: `const name = ${JSON.stringify(args.path)};
const names = ${JSON.stringify(Object.keys(requireBuiltin(args.path)))};
const load = () => require(name);
module.exports = new Proxy({}, {
	// Read as the module is imported: answered without loading it.
	get: (_, key) => (key === '__esModule' ? undefined : load()[key]),
	has: (_, key) => names.includes(key),
	ownKeys: () => [...names],
	getOwnPropertyDescriptor: (_, key) =>
		names.includes(key) ? { configurable: true, enumerable: true, get: () => load()[key] } : undefined,
});`,
			loader: 'js',
		}));
		build.onResolve({ filter: /^fflate$/ }, async (args) => {
			if (args.pluginData === 'fflate') return undefined;
			const found = await build.resolve(args.path, {
				kind: args.kind,
				importer: args.importer,
				resolveDir: args.resolveDir,
				pluginData: 'fflate',
			});
			const browser = path.join(path.dirname(found.path), 'browser.js');
			return !found.errors.length && statSync(browser, { throwIfNoEntry: false })
				? { path: browser }
				: found;
		});
	},
};

/** A UTF-16 code unit past ASCII. */
const pastAscii = /[\u0080-\uffff]/;

/**
 * The bundle with every character past ASCII in a regular expression or a comment written as a
 * `\uXXXX` escape. esbuild escapes them in strings but leaves them in regular expressions
 * (`/[$€£¥]/`), and one such character makes Node decode the whole file into a two-byte string
 * and V8 take it as one: reading and loading the bundle took half as long again. The escape means
 * the same character there (a character past U+FFFF is two code units, escaped as a pair, which a
 * `u` expression reads as one character); an identity escape (`/\é/`) loses its backslash. Other
 * places (a tagged template's raw text) are left as they are, found with acorn's tokenizer (a
 * dependency of the MDX parser); without acorn the bundle stays as it is.
 */
async function asciiOnly(source) {
	if (!pastAscii.test(source)) return source;
	let acorn;
	try {
		acorn = await import('acorn');
	} catch {
		return source;
	}
	const spans = [];
	const onComment = (_block, _text, start, end) => spans.push([start, end]);
	try {
		for (const token of acorn.tokenizer(source, { ecmaVersion: 'latest', onComment }))
			if (token.type.label === 'regexp') spans.push([token.start, token.end]);
	} catch {
		return source;
	}
	const escape = (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
	let out = '';
	let last = 0;
	for (const [start, end] of spans.sort((a, b) => a[0] - b[0])) {
		const text = source.slice(start, end);
		if (!pastAscii.test(text)) continue;
		out += source.slice(last, start);
		out += text.replace(
			/(\\*)([\u0080-\uffff])/g,
			(_, slashes, char) => (slashes.length % 2 ? slashes.slice(1) : slashes) + escape(char),
		);
		last = end;
	}
	return out + source.slice(last);
}

/** Bundles `entry` into `dir`; the manifest, or undefined when no bundle could be made. */
async function buildBundle(entry, dir) {
	let esbuild;
	try {
		esbuild = await import('esbuild');
	} catch {
		return undefined;
	}
	const since = Date.now();
	let result;
	try {
		result = await esbuild.build({
			entryPoints: [entry],
			absWorkingDir: root,
			bundle: true,
			platform: 'node',
			format: 'cjs',
			target: `node${process.versions.node.split('.')[0]}`,
			// Modules left out load from source through Node (require() of an ES module).
			supported: { 'dynamic-import': false },
			plugins: [sourcesPlugin, onDemandPlugin, ownFilesPlugin, unusedModulesPlugin],
			minifyWhitespace: true,
			minifySyntax: true,
			write: false,
			metafile: true,
			logLevel: 'silent',
		});
	} catch (error) {
		if (process.env.DEBUG) console.error(`(bundling ${entry} failed: ${error.message})`);
		return undefined;
	}
	const inputs = Object.keys(result.metafile.inputs).filter((file) => !file.includes(':'));
	const present = configFiles.filter((file) =>
		statSync(path.resolve(root, file), { throwIfNoEntry: false }),
	);
	const files = [...present, ...inputs].map((file) => record(file, since));
	// Saved as the function CommonJS wraps a module in, so a run compiles the text it read: wrapping
	// it then made a 2 MB string again (about 13 ms of CPU and 550 page faults a run).
	const source = `(function (exports, require, module, __filename, __dirname) {${await asciiOnly(
		Buffer.from(result.outputFiles[0].contents).toString('utf8'),
	)}\n})`;
	const manifest = { key: buildKey(), bundle: sha256(source).slice(0, 16), files, codeBytes: 0 };
	// A file edited during the build: the bundle may hold its old text; run it, but do not keep it.
	if (files.includes(undefined)) return { manifest, source, saved: false };
	mkdirSync(dir, { recursive: true });
	for (const name of readdirSync(dir)) rmSync(path.join(dir, name), { force: true });
	writeAtomically(path.join(dir, `${manifest.bundle}.cjs`), source);
	writeAtomically(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
	return { manifest, source, saved: true };
}

/**
 * Runs the bundle as a CommonJS script with its V8 code cache, written after a successful run that
 * compiled more than the cache holds (V8 adds every function compiled so far). False when the
 * bundle cannot be read.
 */
function runBundle(entry, dir, { manifest, source, saved }) {
	const file = path.join(dir, `${manifest.bundle}.cjs`);
	try {
		source ??= readFileSync(file, 'utf8');
	} catch {
		return false;
	}
	const cacheFile = path.join(dir, `${manifest.bundle}.v8`);
	let cachedData;
	try {
		cachedData = readFileSync(cacheFile);
	} catch {
		cachedData = undefined;
	}
	const script = new vm.Script(source, { filename: file, cachedData });
	if (saved) {
		const stale = !cachedData || script.cachedDataRejected;
		process.once('exit', (code) => {
			const codeBytes =
				requireBuiltin('node:v8').getHeapCodeStatistics().bytecode_and_metadata_size;
			if (code !== 0 || (!stale && codeBytes <= manifest.codeBytes * cacheGrowth)) return;
			try {
				writeAtomically(cacheFile, script.createCachedData());
			} catch {
				return;
			}
			saveManifest(dir, { ...manifest, codeBytes });
		});
	}
	// The CLI names its content cache after the code that fills it (scripts/lib/content-cache.ts).
	globalThis[Symbol.for('insight-briefings.cli-bundle')] = manifest.bundle;
	// A batch's deck threads run this same checked file (src/integrations/decks-worker-bundled.mjs).
	globalThis[Symbol.for('insight-briefings.cli-bundle-file')] = { file, entry };
	const cjs = { exports: {} };
	script.runInThisContext()(
		cjs.exports,
		module.createRequire(entry),
		cjs,
		entry,
		path.dirname(entry),
	);
	return true;
}

const given = process.argv[2];
if (!given) {
	console.error('Usage: node scripts/lib/bundled-cli.mjs scripts/<cli>.ts [arguments]');
	process.exit(2);
}
const entry = path.resolve(root, given);
// The CLI sees the arguments it would see when run directly: node <entry> [args].
process.argv.splice(1, 2, entry);

const dir = cacheDir(entry);
let bundle;
if (!process.env.CLI_FROM_SOURCE) {
	const fresh = freshBundle(dir);
	try {
		bundle = fresh ? { manifest: fresh, saved: true } : await buildBundle(entry, dir);
	} catch (error) {
		if (process.env.DEBUG)
			console.error(`(could not cache the bundle of ${given}: ${error.message})`);
	}
}
if (!bundle || !runBundle(entry, dir, bundle)) await import(pathToFileURL(entry).href);
