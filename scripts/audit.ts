/**
 * `npm run audit -- FILE.pptx ...`: checks any .pptx against the rules of PowerPoint's
 * Accessibility Checker that can be read from the file, and the package rules PowerPoint enforces
 * by repairing files. Prints `FILE: slide N: rule: message`, then a summary.
 * Exit code: 0 when no file has errors (1 with --strict when any has warnings), 1 otherwise,
 * 2 on wrong usage.
 */
import { readFile } from 'node:fs/promises';
import { auditDeck, formatFindings } from '../src/deck/audit/index.ts';

const usage = `Usage: npm run audit -- [--strict] FILE.pptx ...

Checks each deck for missing or duplicate slide titles, missing alternative text, reading order,
text contrast, language and package problems PowerPoint would repair.
  --strict   fail on warnings too`;

const args = process.argv.slice(2);
const strict = args.includes('--strict');
const files = args.filter((arg) => arg !== '--strict');
const unknown = files.filter((arg) => arg.startsWith('-') && arg !== '--help' && arg !== '-h');

if (args.includes('--help') || args.includes('-h')) {
	console.log(usage);
} else if (!files.length || unknown.length) {
	for (const option of unknown) console.error(`audit: unknown option ${option}`);
	if (!files.length) console.error('audit: no file given');
	console.error(usage);
	process.exitCode = 2;
} else {
	let errors = 0;
	let warnings = 0;
	let failed = 0;
	for (const file of files) {
		let findings;
		try {
			findings = auditDeck(new Uint8Array(await readFile(file)));
		} catch (error) {
			const reason =
				(error as NodeJS.ErrnoException).code === 'ENOENT'
					? 'no such file'
					: `not a readable .pptx (${(error as Error).message})`;
			console.error(`${file}: ${reason}`);
			failed++;
			continue;
		}
		for (const line of formatFindings(file, findings)) console.log(line);
		errors += findings.filter((finding) => finding.severity === 'error').length;
		warnings += findings.filter((finding) => finding.severity === 'warning').length;
	}
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	console.log(
		`${plural(files.length, 'file')} audited: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${failed ? `, ${failed} unreadable` : ''}`,
	);
	process.exitCode = errors || failed || (strict && warnings) ? 1 : 0;
}
