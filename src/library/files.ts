/**
 * Reading content files safely: a file must be a regular file of a sane size inside its folder
 * (no symbolic link may lead out of it), and its text strict UTF-8. Problems become issues naming
 * the file, never exceptions.
 */
import {
	existsSync,
	lstatSync,
	readFileSync,
	readlinkSync,
	realpathSync,
	statSync,
	type Stats,
} from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileBytes } from '../schema/file-limits.ts';
import type { ContentIssue } from './issues.ts';
import { decodeText } from './decode-text.ts';

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
	maxBytes: number = fileBytes,
): Promise<{ absolute: string } | { problem: string; missing?: boolean }> {
	return resolveInsideNow(root, file, within, maxBytes);
}

/**
 * Real paths of folders during one load, which reads thousands of files from the same few
 * folders: each is resolved once (undefined when it cannot be).
 */
export type RealFolders = Map<string, string | undefined>;

/** The real path of `folder` (undefined when it cannot be resolved), remembered in `folders`. */
function realFolder(folder: string, folders: RealFolders | undefined): string | undefined {
	if (folders?.has(folder)) return folders.get(folder);
	let real: string | undefined;
	try {
		real = realpathSync.native(folder);
	} catch {
		real = undefined;
	}
	folders?.set(folder, real);
	return real;
}

/**
 * {@link resolveInside} with synchronous calls. A library load reads thousands of small files one
 * after the other and nothing else waits on its thread, so a file costs three quick calls (the
 * folder's and the file's real paths, the file's own status) where five trips through the thread
 * pool, and then four more to read it, were a quarter of a load. A link is looked at further
 * only when the file is one. With `folders`, a file that is not a link is where its folder's real
 * path says, so only its own status is asked for.
 */
function resolveInsideNow(
	root: string,
	file: string,
	within: string,
	maxBytes: number,
	folders?: RealFolders,
): { absolute: string } | { problem: string; missing?: boolean } {
	const absolute = path.join(root, file);
	const folder = path.join(root, within);
	const base = realFolder(folder, folders) ?? folder;
	const lexical = path.relative(base, path.resolve(absolute));
	if (lexical.startsWith('..') || path.isAbsolute(lexical)) {
		return { problem: `it is outside ${within}/` };
	}
	let link: string | undefined;
	let info: Stats;
	try {
		info = lstatSync(absolute);
		if (info.isSymbolicLink()) link = readlinkSync(absolute);
	} catch (error) {
		return codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR'
			? { problem: 'it is missing', missing: true }
			: { problem: `it cannot be read: ${codeOf(error) || String(error)}` };
	}
	const realDir =
		link === undefined && folders ? realFolder(path.dirname(absolute), folders) : undefined;
	let real: string;
	try {
		real =
			realDir === undefined
				? realpathSync.native(absolute)
				: path.join(realDir, path.basename(absolute));
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
	// Not a link: its own status is the real file's (only folders above it may be links).
	if (link !== undefined) info = statSync(real);
	if (info.isDirectory()) return { problem: 'it is a folder' };
	if (!info.isFile()) return { problem: 'it is not a regular file' };
	if (info.size > maxBytes) {
		return {
			problem: `it is ${megabytes(info.size)}; ${maxBytes === fileBytes ? 'content files' : 'such files'} are at most ${megabytes(maxBytes)}`,
		};
	}
	return { absolute: real };
}

/** True when the file starts with the eight bytes every PNG starts with. */
export async function isPng(file: string): Promise<boolean> {
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
 * nowhere or outside `content/`, too large, unreadable or not UTF-8. `folders`: the real paths of
 * folders found so far in this load.
 */
export async function readText(
	root: string,
	file: string,
	issues: ContentIssue[],
	folders?: RealFolders,
): Promise<string | undefined> {
	const issue = (message: string, rule: string) =>
		issues.push({ file, field: '', message, severity: 'error', rule });
	const where = resolveInsideNow(root, file, 'content', fileBytes, folders);
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
		bytes = readFileSync(where.absolute);
	} catch (error) {
		issue(`a readable file (it cannot be read: ${codeOf(error) || String(error)})`, 'file-type');
		return undefined;
	}
	const decoded = decodeText(file, bytes);
	issues.push(...decoded.issues);
	return decoded.text;
}

export async function listFiles(
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
