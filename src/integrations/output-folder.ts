/**
 * The decks' output folder: checked before anything is built, created without Node's recursive
 * `mkdir`, written atomically (a temporary file and a rename), swept of the temporary files of
 * runs that were killed, and searched for decks no briefing produces any more.
 */
import { rmSync } from 'node:fs';
import {
	access,
	constants,
	copyFile,
	mkdir,
	readdir,
	rename,
	rm,
	stat,
	writeFile,
} from 'node:fs/promises';
import path from 'node:path';

/** Temporary files being written right now, so a signal handler can remove them. */
export const tempFiles = new Set<string>();

/** Removes the temporary files being written (for SIGINT/SIGTERM handlers: synchronous). */
export function removeTempFiles(): void {
	for (const file of tempFiles) rmSync(file, { force: true });
	tempFiles.clear();
}

/**
 * On Ctrl-C (SIGINT) or a kill (SIGTERM), removes this process's half-written temp files, then
 * exits as the signal asks (130, 143). Finished decks were renamed into place atomically, so what
 * is left in the folder is whole. For CLIs only: a library must not own the process's signals.
 */
export function removeTempFilesOnSignals(): void {
	for (const [signal, code] of [
		['SIGINT', 130],
		['SIGTERM', 143],
	] as const) {
		process.on(signal, () => {
			removeTempFiles();
			process.exit(code);
		});
	}
}

/** The temp file name {@link writeAtomically} uses: `.<name>.<pid>.<random>.tmp`. */
const tempName = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** True when a process with this id is running (a process of another user counts). */
function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as { code?: string }).code === 'EPERM';
	}
}

/**
 * Removes temporary files an earlier run left in `dir` (killed before it could clean up), and
 * only those: files of a process that is still running are another run's work in progress.
 */
export async function sweepTempFiles(dir: string): Promise<string[]> {
	const swept: string[] = [];
	for (const name of await readdir(dir).catch(() => [] as string[])) {
		const match = tempName.exec(name);
		if (!match || alive(Number(match[2]))) continue;
		await rm(path.join(dir, name), { force: true });
		swept.push(name);
	}
	return swept;
}

/**
 * Eight random hex digits for a temporary file's name. Math.random, not node:crypto: loading
 * node:crypto costs a one-deck `npm run decks` about 13 ms, and the name needs no secrecy (the
 * process id tells processes apart, and the file is created with `wx`, so a clash fails).
 */
const randomHex = () =>
	Math.floor(Math.random() * 2 ** 32)
		.toString(16)
		.padStart(8, '0');

/** Writes `file` through a temporary file in the same directory (made by `write`) and a rename. */
async function replaceAtomically(file: string, write: (temp: string) => Promise<void>) {
	const temp = path.join(
		path.dirname(file),
		`.${path.basename(file)}.${process.pid}.${randomHex()}.tmp`,
	);
	tempFiles.add(temp);
	try {
		await write(temp);
		await rename(temp, file);
	} catch (error) {
		await rm(temp, { force: true });
		throw error;
	} finally {
		tempFiles.delete(temp);
	}
}

/** Writes `bytes` to `file` through a temporary file in the same directory and a rename. */
export function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
	return replaceAtomically(file, (temp) => writeFile(temp, bytes, { flag: 'wx' }));
}

/** Copies `source` to `file` as {@link writeAtomically} writes: the bytes never pass through JavaScript. */
export function copyAtomically(source: string, file: string): Promise<void> {
	return replaceAtomically(file, (temp) => copyFile(source, temp, constants.COPYFILE_EXCL));
}

const errorText = (error: unknown) => {
	const code = (error as { code?: string }).code;
	return code === 'EACCES' || code === 'EPERM'
		? 'permission denied'
		: code === 'EROFS'
			? 'the file system is read-only'
			: code === 'ENOSPC'
				? 'the disk is full'
				: code === 'ENOENT'
					? 'the file system does not allow it'
					: error instanceof Error
						? error.message
						: String(error);
};

/**
 * Why decks cannot be written to `dir`, or undefined when they can. Nothing is created: a missing
 * folder is fine when its nearest existing parent is a folder that can be written to. `usage`
 * when the path names a file, `io` when the folder cannot be written to.
 */
export async function outDirProblem(
	dir: string,
): Promise<{ kind: 'usage' | 'io'; message: string } | undefined> {
	let existing = dir;
	let info = await stat(existing).catch(() => undefined);
	while (!info && path.dirname(existing) !== existing) {
		existing = path.dirname(existing);
		info = await stat(existing).catch(() => undefined);
	}
	if (info && !info.isDirectory()) {
		return {
			kind: 'usage',
			message:
				existing === dir
					? `${dir} is a file, not a folder`
					: `${dir} cannot be a folder: ${existing} is a file`,
		};
	}
	try {
		await access(existing, constants.W_OK | constants.X_OK);
	} catch (error) {
		return {
			kind: 'io',
			message: `cannot write to ${existing === dir ? dir : `${existing} (to create ${dir})`}: ${errorText(error)}`,
		};
	}
	return undefined;
}

/**
 * Creates `dir` and its missing parents one by one, or says why it could not. (Node's recursive
 * `mkdir` never returns on some file systems, /proc for one.)
 */
export async function makeFolder(dir: string): Promise<{ message: string } | undefined> {
	const missing: string[] = [];
	for (let at = dir; !(await stat(at).catch(() => undefined)); at = path.dirname(at)) {
		missing.unshift(at);
		if (path.dirname(at) === at) break;
	}
	for (const folder of missing) {
		try {
			await mkdir(folder);
		} catch (error) {
			if ((error as { code?: string }).code === 'EEXIST') continue;
			return { message: `cannot create ${folder}: ${errorText(error)}` };
		}
	}
	return undefined;
}

/** Deck files in `dir` (`<id>.pptx`, `<id>.pdf`) whose id is not in `ids`. */
export async function orphanDecks(dir: string, ids: readonly string[]): Promise<string[]> {
	const known = new Set(ids);
	return (await readdir(dir).catch(() => [] as string[]))
		.filter((name) => {
			const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\.(?:pptx|pdf)$/.exec(name);
			return match && !known.has(match[1]!);
		})
		.sort();
}
