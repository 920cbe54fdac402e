/**
 * Reads and validates the whole library outside Astro: for `npm run check`, `npm run decks`, the
 * build's own checks and tests. Nothing is skipped silently: a file that fails is reported in
 * `issues` and left out of the returned entries.
 */
import { existsSync } from 'node:fs';
import { lstat, open, readdir, readFile, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { brandSchema, type Brand } from '../schema/brand.ts';
import { limits } from '../schema/limits.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import type { ContentIssue } from './issues.ts';
import { templateIssues } from './template.ts';
import {
	decodeText,
	parseBriefing,
	parseInsight,
	parseTaxonomy,
	parseYaml,
	splitFrontmatter,
	validated,
} from './parse.ts';
import {
	validateLibrary,
	validateRawReferences,
	type BriefingEntry,
	type InsightEntry,
} from './validate.ts';

/** Where the library's files live, relative to the project root. */
export const contentPaths = {
	insights: 'content/insights',
	briefings: 'content/briefings',
	taxonomy: 'content/taxonomy.yaml',
	brand: 'content/brand.yaml',
} as const;

/** Everything the library holds, validated. */
export interface Library {
	/** Absolute project root the paths are relative to. */
	root: string;
	/** Industries and personas (undefined only when the taxonomy file itself is broken). */
	taxonomy: Taxonomy | undefined;
	/** The brand (undefined only when the brand file itself is broken). */
	brand: Brand | undefined;
	/** Every insight that passed its schema, drafts included, sorted by id. */
	insights: InsightEntry[];
	/** Every briefing that passed its schema, sorted by id. */
	briefings: BriefingEntry[];
	/** Every problem found, in file order. */
	issues: ContentIssue[];
}

/** Options for {@link loadLibrary}. */
export interface LoadOptions {
	/** Project root; defaults to the current directory. */
	root?: string;
}

/** A file-system error code (ENOENT, EACCES, ...), if `error` has one. */
const codeOf = (error: unknown) => (error as { code?: string } | undefined)?.code ?? '';

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;

/**
 * Where `file` (relative to `root`) really is, when that is a regular file of a sane size inside
 * the folder `within` (relative to `root`); otherwise what is wrong with it, as a clause such as
 * "it is a folder".
 */
export async function resolveInside(
	root: string,
	file: string,
	within: string,
	maxBytes: number = limits.fileBytes,
): Promise<{ absolute: string } | { problem: string; missing?: boolean }> {
	const absolute = path.join(root, file);
	const base = await realpath(path.join(root, within)).catch(() => path.join(root, within));
	const lexical = path.relative(base, path.resolve(absolute));
	if (lexical.startsWith('..') || path.isAbsolute(lexical)) {
		return { problem: `it is outside ${within}/` };
	}
	let link: string | undefined;
	try {
		if ((await lstat(absolute)).isSymbolicLink()) link = await readlink(absolute);
	} catch (error) {
		return codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR'
			? { problem: 'it is missing', missing: true }
			: { problem: `it cannot be read: ${codeOf(error) || String(error)}` };
	}
	let real: string;
	try {
		real = await realpath(absolute);
	} catch (error) {
		return {
			problem:
				link !== undefined && codeOf(error) === 'ENOENT'
					? `it is a symbolic link to ${link}, which does not exist`
					: `it cannot be read: ${codeOf(error) || String(error)}`,
		};
	}
	const relative = path.relative(base, real);
	if (relative.startsWith('..') || path.isAbsolute(relative)) {
		return {
			problem: `it is ${link !== undefined ? `a symbolic link to ${link}` : 'a link'}, outside ${within}/`,
		};
	}
	const info = await stat(real);
	if (info.isDirectory()) return { problem: 'it is a folder' };
	if (!info.isFile()) return { problem: 'it is not a regular file' };
	if (info.size > maxBytes) {
		return {
			problem: `it is ${megabytes(info.size)}; ${maxBytes === limits.fileBytes ? 'content files' : 'such files'} are at most ${megabytes(maxBytes)}`,
		};
	}
	return { absolute: real };
}

/** True when the file starts with the eight bytes every PNG starts with. */
async function isPng(file: string): Promise<boolean> {
	const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
	const handle = await open(file, 'r');
	try {
		const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
		return bytesRead === 8 && signature.every((byte, i) => buffer[i] === byte);
	} finally {
		await handle.close();
	}
}

/**
 * The text of a content file, or undefined with an issue: missing, a folder, a link that leads
 * nowhere or outside `content/`, too large, unreadable or not UTF-8.
 */
async function readText(
	root: string,
	file: string,
	issues: ContentIssue[],
): Promise<string | undefined> {
	const issue = (message: string, rule: string) =>
		issues.push({ file, field: '', message, severity: 'error', rule });
	const where = await resolveInside(root, file, 'content');
	if ('problem' in where) {
		issue(
			where.missing
				? 'a readable file (it is missing)'
				: `a readable file inside content/ (${where.problem})`,
			where.missing ? 'missing-file' : 'file-type',
		);
		return undefined;
	}
	let bytes: Uint8Array;
	try {
		bytes = await readFile(where.absolute);
	} catch (error) {
		issue(`a readable file (it cannot be read: ${codeOf(error) || String(error)})`, 'file-type');
		return undefined;
	}
	const decoded = decodeText(file, bytes);
	issues.push(...decoded.issues);
	return decoded.text;
}

async function listFiles(
	root: string,
	dir: string,
	pattern: RegExp,
	issues: ContentIssue[],
): Promise<string[]> {
	const absolute = path.join(root, dir);
	if (!existsSync(absolute)) return [];
	let names: string[];
	try {
		names = (await readdir(absolute)).sort();
	} catch (error) {
		issues.push({
			file: dir,
			field: '',
			message: `a readable folder (${codeOf(error) === 'ENOTDIR' ? 'it is a file' : codeOf(error) || String(error)})`,
			severity: 'error',
			rule: 'file-type',
		});
		return [];
	}
	for (const name of names) {
		if (!pattern.test(name) && !name.startsWith('.') && !name.startsWith('_')) {
			issues.push({
				file: `${dir}/${name}`,
				field: '',
				message: `a ${pattern.source.includes('mdx') ? '.mdx' : '.yaml'} file (other files here are not read)`,
				severity: 'error',
				rule: 'file-type',
			});
		}
	}
	return names.filter((name) => pattern.test(name)).map((name) => `${dir}/${name}`);
}

export {
	parseBriefing,
	parseInsight,
	parseTaxonomy,
	parseYaml,
	splitFrontmatter,
} from './parse.ts';

/** Reads and validates every content file under `root`. */
export async function loadLibrary(options: LoadOptions = {}): Promise<Library> {
	const root = path.resolve(options.root ?? process.cwd());
	const issues: ContentIssue[] = [];

	const taxonomySource = await readText(root, contentPaths.taxonomy, issues);
	const taxonomyResult =
		taxonomySource === undefined
			? { issues: [] }
			: parseTaxonomy(contentPaths.taxonomy, taxonomySource);
	issues.push(...taxonomyResult.issues);

	const brandSource = await readText(root, contentPaths.brand, issues);
	let brand: Brand | undefined;
	if (brandSource !== undefined) {
		const yaml = parseYaml(contentPaths.brand, brandSource);
		issues.push(...yaml.issues);
		if (!yaml.issues.length) {
			const result = validated(brandSchema, contentPaths.brand, yaml.data);
			brand = result.value;
			issues.push(...result.issues);
			for (const key of ['svg', 'png'] as const) {
				const asset = brand?.logo[key];
				if (asset === undefined) continue;
				const where = await resolveInside(root, path.join('public', asset), 'public');
				if ('problem' in where) {
					issues.push({
						file: contentPaths.brand,
						field: `logo.${key}`,
						message: `a file at public/${asset} (${where.problem})`,
						severity: 'error',
						rule: 'missing-file',
					});
				} else if (key === 'png' && !(await isPng(where.absolute))) {
					// Decks embed the file as image/png: anything else makes PowerPoint show a red cross.
					issues.push({
						file: contentPaths.brand,
						field: 'logo.png',
						message: `a PNG image at public/${asset} (the file does not start with the PNG signature)`,
						severity: 'error',
						rule: 'file-type',
					});
				}
			}
			if (brand) issues.push(...(await templateIssues(root, brand, contentPaths.brand)));
		}
	}

	const insights: InsightEntry[] = [];
	const brokenIds = new Set<string>();
	// Files that failed their schema, with their raw data, so their references are checked too.
	const invalid: Array<{
		file: string;
		kind: 'insight' | 'briefing';
		raw: unknown;
		reported: ContentIssue[];
	}> = [];
	for (const file of await listFiles(root, contentPaths.insights, /\.mdx$/, issues)) {
		const source = await readText(root, file, issues);
		if (source === undefined) {
			brokenIds.add(path.basename(file, '.mdx'));
			continue;
		}
		const result = parseInsight(file, source);
		issues.push(...result.issues);
		if (result.entry) insights.push(result.entry);
		else {
			brokenIds.add(path.basename(file, '.mdx'));
			const parts = splitFrontmatter(source);
			const raw = parts && parseYaml(file, parts.frontmatter);
			if (raw && !raw.issues.length)
				invalid.push({ file, kind: 'insight', raw: raw.data, reported: result.issues });
		}
	}

	const briefings: BriefingEntry[] = [];
	for (const file of await listFiles(root, contentPaths.briefings, /\.ya?ml$/, issues)) {
		const source = await readText(root, file, issues);
		if (source === undefined) continue;
		const result = parseBriefing(file, source);
		issues.push(...result.issues);
		if (result.entry) briefings.push(result.entry);
		else {
			const raw = parseYaml(file, source);
			if (!raw.issues.length)
				invalid.push({ file, kind: 'briefing', raw: raw.data, reported: result.issues });
		}
	}

	if (taxonomyResult.value) {
		const taxonomy = taxonomyResult.value;
		issues.push(...validateLibrary(taxonomy, insights, briefings, brokenIds));
		const byId = new Map(insights.map((entry) => [entry.id, entry]));
		for (const item of invalid) {
			issues.push(
				...validateRawReferences(
					item.file,
					item.kind,
					item.raw,
					taxonomy,
					byId,
					brokenIds,
					item.reported,
				),
			);
		}
		// Keep each file's problems together, in the order files were read.
		const order = new Map<string, number>();
		issues.forEach((issue, index) => order.set(issue.file, order.get(issue.file) ?? index));
		issues.sort((a, b) => order.get(a.file)! - order.get(b.file)!);
	}

	return { root, taxonomy: taxonomyResult.value, brand, insights, briefings, issues };
}

/** The issues that fail a build. */
export function errorsOf(library: Pick<Library, 'issues'>): ContentIssue[] {
	return library.issues.filter((issue) => issue.severity === 'error');
}
