/**
 * The LibreOffice conversion the render tests share: every file in one `soffice` process with its
 * own profile (faster than one process a file, and no clash with a LibreOffice the user has open).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Converts `files` to PDF in `outdir`. Never throws: a deck LibreOffice cannot open simply has no
 * PDF, which the caller's assertions report by name.
 */
export async function convertToPdf(
	files: readonly string[],
	outdir: string,
	workdir: string,
	timeout: number,
): Promise<void> {
	const profile = pathToFileURL(path.join(workdir, 'profile')).href;
	await run(
		'soffice',
		[
			'--headless',
			'--norestore',
			`-env:UserInstallation=${profile}`,
			'--convert-to',
			'pdf',
			'--outdir',
			outdir,
			...files,
		],
		{ timeout },
	).catch(() => undefined);
}
