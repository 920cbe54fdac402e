/**
 * What `new:insight` and `new:briefing` share: prompts that validate with the same rules and
 * messages as `npm run check`, flag parsing helpers, and the ending: refuse what is missing or
 * invalid, confirm, write without overwriting, and open the new file in the author's editor.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as prompts from '@clack/prompts';
import type { z } from 'astro/zod';
import { idSchema } from '../../src/schema/common.ts';
import { formatIssue, issuesFromZod, type ContentIssue } from '../../src/library/issues.ts';

/** Thrown for a bad command line: the script prints usage and exits 2. */
export class UsageError extends Error {}

/** Whether to ask questions: a person at a terminal, and no `--yes`. */
export function isInteractive(yes: boolean): boolean {
	return !yes && Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

/** Values of a repeatable flag, each also split on commas: `--industry a,b --industry c`. */
export function listFlag(values: string[] | undefined): string[] {
	return (values ?? [])
		.flatMap((value) => value.split(','))
		.map((value) => value.trim())
		.filter(Boolean);
}

/** The first `check` message for `value` against `schema`, or undefined when it passes. */
export function problem(schema: z.ZodType, value: unknown): string | undefined {
	const result = schema.safeParse(value);
	if (result.success) return undefined;
	const issue = issuesFromZod('', result.error, value)[0];
	return issue ? `${issue.field ? `${issue.field}: ` : ''}${issue.message}` : 'not valid';
}

/** Leaves the script when the author cancels a prompt (Ctrl+C / Esc). */
function answered<T>(value: T): Exclude<T, symbol> {
	if (prompts.isCancel(value)) {
		prompts.cancel('Cancelled: nothing was written.');
		process.exit(130);
	}
	return value as Exclude<T, symbol>;
}

/** A one-line answer checked against `schema` as it is typed. Empty answers are allowed when `optional`. */
export async function ask(options: {
	message: string;
	schema?: z.ZodType;
	placeholder?: string;
	initial?: string | undefined;
	optional?: boolean;
	extra?: (value: string) => string | undefined;
}): Promise<string | undefined> {
	const value = answered(
		await prompts.text({
			message: options.message,
			placeholder: options.placeholder,
			initialValue: options.initial,
			validate: (raw) => {
				const text = (raw ?? '').trim();
				if (!text) return options.optional ? undefined : 'required';
				return (options.schema && problem(options.schema, text)) || options.extra?.(text);
			},
		}),
	).trim();
	return value || undefined;
}

/** Up to `max` answers, one prompt each, until an empty answer (at least `min`). */
export async function askList(options: {
	message: (index: number) => string;
	schema: z.ZodType;
	min: number;
	max: number;
	placeholder?: string;
}): Promise<string[]> {
	const values: string[] = [];
	while (values.length < options.max) {
		const optional = values.length >= options.min;
		const value = await ask({
			message: options.message(values.length) + (optional ? ' (empty to finish)' : ''),
			schema: options.schema,
			placeholder: values.length ? undefined : options.placeholder,
			optional,
		});
		if (!value) break;
		values.push(value);
	}
	return values;
}

/** One choice from a list. */
export async function choose<T extends string>(
	message: string,
	options: Array<{ value: T; label: string; hint?: string }>,
): Promise<T> {
	return answered(await prompts.select<T>({ message, options: options as never })) as T;
}

/** Several choices from a list (type to filter), between `min` and `max`. */
export async function chooseMany(
	message: string,
	options: Array<{ value: string; label: string; hint?: string }>,
	min = 1,
	max = Infinity,
): Promise<string[]> {
	for (;;) {
		const picked = answered(
			await prompts.autocompleteMultiselect<string>({
				message,
				options,
				required: min > 0,
				placeholder: 'Type to filter',
			}),
		);
		if (picked.length >= min && picked.length <= max) return picked;
		prompts.log.warn(
			`Choose ${max === Infinity ? `at least ${min}` : `${min} to ${max}`} (got ${picked.length}).`,
		);
	}
}

/** Yes or no. */
export async function confirm(message: string): Promise<boolean> {
	return answered(await prompts.confirm({ message }));
}

export { prompts };

/** The author's name from git, when configured. */
export function gitUserName(root: string): string | undefined {
	const result = spawnSync('git', ['config', 'user.name'], { cwd: root, encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}

/**
 * Writes a new file at `root/file`; never replaces one. Returns false when the file exists.
 */
export async function writeNewFile(root: string, file: string, text: string): Promise<boolean> {
	const absolute = path.join(root, file);
	await mkdir(path.dirname(absolute), { recursive: true });
	try {
		await writeFile(absolute, text, { flag: 'wx' });
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
		throw error;
	}
}

/** Opens `file` in `$VISUAL` or `$EDITOR` when one is set; returns whether it did. */
export function openInEditor(root: string, file: string): boolean {
	const editor = process.env.VISUAL || process.env.EDITOR;
	if (!editor) return false;
	const quoted = `'${path.join(root, file).replace(/'/g, `'\\''`)}'`;
	spawnSync(`${editor} ${quoted}`, { stdio: 'inherit', shell: true });
	return true;
}

/** `YYYY-MM-DD` check for date flags and prompts. */
export function dateProblem(value: string): string | undefined {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return `a date written YYYY-MM-DD (got "${value}")`;
	const date = new Date(`${value}T00:00:00Z`);
	if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
		return `a real calendar date (got "${value}")`;
	return undefined;
}

/**
 * The exit code for a command line that lacks required flags (each `[flag, value]` with an
 * undefined value) or gives no id, after saying so; undefined when nothing is missing.
 */
export function missingFlags(
	command: string,
	usage: string,
	flags: Array<[string, unknown]>,
	id: string | undefined,
): number | undefined {
	const missing = flags.filter(([, value]) => value === undefined).map(([name]) => name);
	if (missing.length) {
		console.error(
			`npm run ${command}: missing ${missing.join(', ')} (nothing was written)\n\n${usage}`,
		);
		return 2;
	}
	if (!id) {
		console.error(
			`npm run ${command}: --id is needed: no file name can be made from this title (nothing was written)`,
		);
		return 2;
	}
	return undefined;
}

/** What {@link finishScaffold} writes, and what it says before and after. */
export interface ScaffoldEnding {
	/** Project root. */
	root: string;
	/** The new file's id (its name). */
	id: string;
	/** The new file, relative to `root`. */
	file: string;
	/** Its content. */
	text: string;
	/** Problems the content checks found (`check`'s rules); the id's own rules are added here. */
	issues: readonly ContentIssue[];
	/** Whether a person is at the terminal (then: confirm, outro, editor). */
	interactive: boolean;
	/** The confirmation question, e.g. "Write content/briefings/x.yaml?". */
	question: string;
	/** What to do next, said after writing. */
	next: string;
}

const taken = (file: string) =>
	`${file}: already exists; choose another --id (nothing was written)`;

/**
 * The scaffolds' ending: refuses an existing file or any problem (every one printed as
 * `file: field: message`), asks to confirm at a terminal, writes without overwriting, prints the
 * file's path on stdout and the next step on stderr (or as the outro), and opens the editor.
 * Returns the exit code.
 */
export async function finishScaffold(ending: ScaffoldEnding): Promise<number> {
	const { root, file, interactive } = ending;
	if (existsSync(path.join(root, file))) {
		console.error(taken(file));
		return 1;
	}
	const issues = [...ending.issues];
	const idProblem = problem(idSchema, ending.id);
	if (idProblem)
		issues.unshift({
			file,
			field: '',
			message: `--id: ${idProblem}`,
			severity: 'error',
			rule: 'file-name',
		});
	if (issues.length) {
		for (const issue of issues) console.error(formatIssue(issue));
		console.error(
			`\nnothing was written: fix the ${issues.length === 1 ? 'value' : 'values'} above`,
		);
		return 1;
	}
	if (interactive && !(await confirm(ending.question))) {
		prompts.cancel('Nothing was written.');
		return 1;
	}
	if (!(await writeNewFile(root, file, ending.text))) {
		console.error(taken(file));
		return 1;
	}
	console.log(file);
	if (interactive) {
		prompts.outro(ending.next);
		openInEditor(root, file);
	} else console.error(ending.next);
	return 0;
}
