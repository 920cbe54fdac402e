/**
 * `npm run check`: the editorial report. Every content rule (errors: schema, references, drafts
 * and expired insights in briefings), editorial warnings (stale reviews, expiring insights, old
 * sources, unused insights, near-duplicate titles, empty stages) and, unless `--content-only`,
 * type checks (`astro check`). One `file: field: message` line per problem, then a summary.
 *
 * Exit codes: 0 clean or warnings only; 1 errors (or warnings with --strict); 2 usage error.
 * See docs/authoring.md, "Commands".
 */
import './lib/node-version.ts';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, stripVTControlCharacters } from 'node:util';
import { isoDate } from '../src/schema/common.ts';
import { brandContrastWarnings } from '../src/library/brand-contrast.ts';
import { editorialWarnings } from '../src/library/editorial.ts';
import { formatIssue, type ContentIssue } from '../src/library/issues.ts';
import { contentPaths, loadLibrary, type Library } from '../src/library/load.ts';
import { plural } from '../src/library/plural.ts';

const usage = `Usage: npm run check -- [options]

Checks every content file (errors), gives editorial advice (warnings) and checks types.

Options:
  --json           print the report as JSON: { errors, warnings, summary }
  --strict         treat warnings as errors (exit 1 when there are any)
  --content-only   skip the type check (astro check), which takes several seconds
  --today DATE     report as of DATE (YYYY-MM-DD) instead of today
  --root DIR       project to check (default: the current directory)
  -h, --help       show this help

Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage error.`;

/** Headings for the warning groups, by rule id, in the order they are printed. */
const warningGroups: Record<string, string> = {
	expired: 'Expired but still published',
	expiring: 'Expiring within 30 days',
	'stale-review': 'Not reviewed in 12 months',
	'old-source': 'Sources over 5 years old',
	'source-older-than-review': 'Sources over 24 months older than the review',
	'source-date-mismatch': "Dates that disagree with the source's address",
	'annual-unmarked': 'Recurring reports not marked annual: true or false',
	'annual-without-expiry': 'Built on an annual survey, without expires',
	'duplicate-title': 'Near-duplicate titles',
	'empty-stage': 'Industries with a stage left empty',
	'unused-insight': 'Published insights no briefing uses',
	'brand-contrast': 'Brand colours too light for small text',
};

/** What the type check found. */
interface TypeResult {
	status: 'passed' | 'failed' | 'skipped';
	/** Why it was skipped, when it was. */
	reason?: string;
	issues: ContentIssue[];
}

/** The JSON report: a stable shape for CI and other tools. */
export interface CheckReport {
	errors: ContentIssue[];
	warnings: ContentIssue[];
	summary: {
		errors: number;
		warnings: number;
		insights: number;
		published: number;
		drafts: number;
		briefings: number;
		industries: number;
		personas: number;
		types: TypeResult['status'];
		strict: boolean;
		today: string;
		exitCode: 0 | 1;
	};
}

class UsageError extends Error {}

function parseOptions(argv: string[]) {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			options: {
				json: { type: 'boolean', default: false },
				strict: { type: 'boolean', default: false },
				'content-only': { type: 'boolean', default: false },
				today: { type: 'string' },
				root: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false },
			},
			allowPositionals: false,
			strict: true,
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	const { values } = parsed;
	let today = new Date();
	if (values.today !== undefined) {
		today = new Date(`${values.today}T00:00:00Z`);
		if (
			!/^\d{4}-\d{2}-\d{2}$/.test(values.today) ||
			Number.isNaN(today.getTime()) ||
			isoDate(today) !== values.today
		) {
			throw new UsageError(`--today expects a date written YYYY-MM-DD (got "${values.today}")`);
		}
	}
	const root = path.resolve(values.root ?? process.cwd());
	if (!existsSync(root)) throw new UsageError(`--root: no directory at ${root}`);
	return {
		json: values.json,
		strict: values.strict,
		contentOnly: values['content-only'],
		today,
		root,
		help: values.help,
	};
}

/** Strips terminal colour codes. */
const plain = (text: string) => stripVTControlCharacters(text);

/**
 * Type problems from `astro check` output: `file:line:col - error ts(code): message` followed by
 * indented continuation lines.
 */
export function parseAstroCheck(output: string): ContentIssue[] {
	const issues: ContentIssue[] = [];
	const lines = plain(output).split(/\r?\n/);
	for (let i = 0; i < lines.length; i++) {
		const match = /^(\S.*?):(\d+):(\d+) - error (?:ts\((\d+)\): )?(.*)$/.exec(lines[i]!);
		if (!match) continue;
		const [, file, line, column, code, first] = match;
		const more: string[] = [];
		while (i + 1 < lines.length && /^ {2,}\S/.test(lines[i + 1]!)) more.push(lines[++i]!.trim());
		issues.push({
			file: file!,
			field: `line ${line}:${column}`,
			message: [first, ...more].join(' ') + (code ? ` (ts${code})` : ''),
			severity: 'error',
			rule: 'types',
		});
	}
	// astro check lists a file's problems bottom-up: put them in file and line order.
	const position = (issue: ContentIssue) =>
		issue.field.slice(5).split(':').map(Number) as [number, number];
	return issues.sort((a, b) => {
		const [lineA, columnA] = position(a);
		const [lineB, columnB] = position(b);
		return a.file.localeCompare(b.file) || lineA - lineB || columnA - columnB;
	});
}

/** Runs `astro check` in `root` and turns its diagnostics into issues. */
async function checkTypes(root: string, quiet: boolean): Promise<TypeResult> {
	const bin = path.join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
	if (!existsSync(bin)) {
		return {
			status: 'skipped',
			reason: 'astro is not installed here (run npm install)',
			issues: [],
		};
	}
	if (!quiet) process.stderr.write('Checking types (astro check)...\n');
	const child = spawn(process.execPath, [bin, 'check', '--minimumSeverity', 'error'], {
		cwd: root,
		env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const code = await new Promise<number>((resolve) =>
		child.on('close', (exit) => resolve(exit ?? 1)),
	);
	const issues = parseAstroCheck(output);
	if (code !== 0 && !issues.length) {
		const last = plain(output)
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter(Boolean)
			.slice(-3)
			.join(' | ');
		issues.push({
			file: 'astro check',
			field: '',
			message: `a passing type check (it exited with ${code}: ${last || 'no output'})`,
			severity: 'error',
			rule: 'types',
		});
	}
	return { status: issues.length ? 'failed' : 'passed', issues };
}

/** Builds the report from the library, the editorial warnings and the type check. */
export function buildReport(
	library: Library,
	warnings: ContentIssue[],
	types: TypeResult,
	options: { strict: boolean; today: Date },
): CheckReport {
	const contentErrors = library.issues.filter((issue) => issue.severity === 'error');
	const loaderWarnings = library.issues.filter((issue) => issue.severity === 'warning');
	const allWarnings = [...loaderWarnings, ...warnings];
	const errors = [
		...contentErrors,
		...types.issues,
		...(options.strict
			? allWarnings.map((issue) => ({ ...issue, severity: 'error' as const }))
			: []),
	];
	const shownWarnings = options.strict ? [] : allWarnings;
	const published = library.insights.filter((entry) => entry.data.status === 'published').length;
	return {
		errors,
		warnings: shownWarnings,
		summary: {
			errors: errors.length,
			warnings: shownWarnings.length,
			insights: library.insights.length,
			published,
			drafts: library.insights.length - published,
			briefings: library.briefings.length,
			industries: library.taxonomy?.industries.length ?? 0,
			personas: library.taxonomy?.personas.length ?? 0,
			types: types.status,
			strict: options.strict,
			today: isoDate(options.today),
			exitCode: errors.length ? 1 : 0,
		},
	};
}

/** The report as people read it: errors, warnings grouped by kind, then a summary. */
export function formatReport(report: CheckReport, types: TypeResult): string {
	const out: string[] = [];
	const { summary } = report;
	if (report.errors.length) {
		out.push(`Errors (${report.errors.length})`);
		for (const issue of report.errors) out.push(formatIssue(issue));
		out.push('');
	}
	const groups = new Map<string, ContentIssue[]>();
	for (const issue of report.warnings) {
		const list = groups.get(issue.rule) ?? [];
		list.push(issue);
		groups.set(issue.rule, list);
	}
	const order = [
		...Object.keys(warningGroups),
		...[...groups.keys()].filter((rule) => !(rule in warningGroups)),
	];
	for (const rule of order) {
		const list = groups.get(rule);
		if (!list) continue;
		out.push(`Warnings: ${warningGroups[rule] ?? rule} (${list.length})`);
		for (const issue of list) out.push(formatIssue(issue));
		out.push('');
	}
	out.push(
		`Checked ${plural(summary.insights, 'insight')} (${summary.published} published, ${plural(summary.drafts, 'draft')}), ${plural(summary.briefings, 'briefing')}, ${plural(summary.industries, 'industry', 'industries')} and ${plural(summary.personas, 'persona')} as of ${summary.today}.`,
	);
	const typeLine =
		types.status === 'skipped'
			? `not checked (${types.reason})`
			: types.status === 'passed'
				? 'passed'
				: `${plural(types.issues.length, 'error')}`;
	out.push(`Types: ${typeLine}.`);
	const verdict = summary.errors ? 'FAILED' : 'OK';
	const strict = summary.strict ? ' (--strict: warnings count as errors)' : '';
	out.push(
		`${verdict}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${strict}.`,
	);
	if (!summary.errors && summary.warnings)
		out.push('Warnings do not fail the check; --strict makes them errors.');
	return out.join('\n');
}

/** Runs the check with command-line `argv`; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
	let options;
	try {
		options = parseOptions(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`npm run check: ${error.message}\n\n${usage}`);
		return 2;
	}
	if (options.help) {
		console.log(usage);
		return 0;
	}
	const library = await loadLibrary({ root: options.root });
	const warnings = [
		...brandContrastWarnings(library.brand, contentPaths.brand),
		...editorialWarnings(library, { today: options.today }),
	];
	const contentErrors = library.issues.some((issue) => issue.severity === 'error');
	let types: TypeResult;
	if (options.contentOnly) types = { status: 'skipped', reason: '--content-only', issues: [] };
	else if (contentErrors)
		types = { status: 'skipped', reason: 'fix the content errors first', issues: [] };
	else types = await checkTypes(options.root, options.json);
	const report = buildReport(library, warnings, types, options);
	console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report, types));
	return report.summary.exitCode;
}

if (import.meta.main) {
	try {
		process.exitCode = await main(process.argv.slice(2));
	} catch (error) {
		// Content problems are issues in the report; this keeps anything else to one line too.
		console.error(
			`npm run check: ${error instanceof Error ? error.message : String(error)}${process.env.DEBUG ? `\n${(error as Error).stack}` : ' (set DEBUG=1 for details)'}`,
		);
		process.exitCode = 1;
	}
}
