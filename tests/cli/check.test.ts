/**
 * `npm run check` end to end: the script run with Node on a fixture library copied to a temp dir.
 * Exit codes, the text report, the --json shape and --strict. Type checks are skipped
 * (--content-only): they need the whole project and take seconds.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseAstroCheck, type CheckReport } from '../../scripts/check.ts';
import {
	copyFixture,
	fixtureToday,
	insightSource,
	removeFixture,
	runScript,
	validInsight,
} from '../fixtures/content/fixtures.ts';

let root: string;
beforeEach(async () => {
	root = await copyFixture();
});
afterEach(async () => {
	await removeFixture(root);
});

const check = (...args: string[]) => runScript('check.ts', ['--content-only', ...args], root);
const json = (...args: string[]) => {
	const result = check('--json', ...args);
	return { ...result, report: JSON.parse(result.stdout) as CheckReport };
};

/** Breaks the insight the Done-when of the foundation issue names: unknown industry, five points, no source. */
async function breakInsight() {
	const data = validInsight();
	data.industries = ['hospital'];
	data.points = ['One.', 'Two.', 'Three.', 'Four.', 'Five.'];
	delete data.sources;
	delete data.stat;
	await writeFile(
		path.join(root, 'content/insights/denial-work-is-fragmented.mdx'),
		insightSource(data),
	);
}

describe('npm run check', () => {
	it('a clean library: exit 0 and a summary', () => {
		const { code, stdout } = check('--today', fixtureToday);
		expect(code).toBe(0);
		expect(stdout).toBe(
			[
				'Checked 7 insights (6 published, 1 draft), 2 briefings, 2 industries and 2 personas as of 2026-06-01.',
				'Types: not checked (--content-only).',
				'OK: 0 errors, 0 warnings.',
				'',
			].join('\n'),
		);
	});

	it('a broken insight: exit 1, one line per mistake naming file and field', async () => {
		await breakInsight();
		const { code, stdout } = check('--today', fixtureToday);
		expect(code).toBe(1);
		const lines = stdout.split('\n');
		expect(lines.slice(0, 6)).toEqual([
			'Errors (4)',
			'content/insights/denial-work-is-fragmented.mdx: points: at most 4 items (got 5)',
			'content/insights/denial-work-is-fragmented.mdx: sources: required: a list (the field is missing)',
			'content/insights/denial-work-is-fragmented.mdx: industries[0]: an industry id from content/taxonomy.yaml or "cross-industry" (got "hospital") (did you mean "hospitals"?)',
			'content/briefings/northwind-health.yaml: insights[1]: a valid insight ("denial-work-is-fragmented.mdx" has errors of its own; fix those first)',
			'',
		]);
		expect(stdout).toMatch(/FAILED: 4 errors, 1 warning\.\n$/);
		expect(stdout).toContain('Types: not checked (--content-only).');
	});

	it('warnings only: exit 0, grouped under a heading; --strict makes them errors (exit 1)', () => {
		// On 2027-02-01 the cross-industry payback insight has expired and three were reviewed too long ago.
		const { code, stdout } = check('--today', '2027-02-01');
		expect(code).toBe(0);
		expect(stdout).toContain(
			'Warnings: Expired but still published (1)\ncontent/insights/payback-inside-a-year-wins-approval.mdx: expires: warning: expired 2027-01-31 but still published',
		);
		expect(stdout).toContain('Warnings: Not reviewed in 12 months (3)\n');
		expect(stdout).toContain(
			'OK: 0 errors, 4 warnings.\nWarnings do not fail the check; --strict makes them errors.\n',
		);

		const strict = check('--today', '2027-02-01', '--strict');
		expect(strict.code).toBe(1);
		expect(strict.stdout).toContain('Errors (4)\n');
		expect(strict.stdout).toContain(
			'content/insights/payback-inside-a-year-wins-approval.mdx: expires: expired 2027-01-31 but still published',
		);
		expect(strict.stdout).toContain(
			'FAILED: 4 errors, 0 warnings (--strict: warnings count as errors).',
		);
	});

	it('--json: a stable shape for machines', async () => {
		const clean = json('--today', fixtureToday);
		expect(clean.code).toBe(0);
		expect(clean.report).toEqual({
			errors: [],
			warnings: [],
			summary: {
				errors: 0,
				warnings: 0,
				insights: 7,
				published: 6,
				drafts: 1,
				briefings: 2,
				industries: 2,
				personas: 2,
				types: 'skipped',
				strict: false,
				today: '2026-06-01',
				exitCode: 0,
			},
		});

		await breakInsight();
		const broken = json('--today', '2027-02-01');
		expect(broken.code).toBe(1);
		expect(broken.report.summary).toMatchObject({ errors: 4, exitCode: 1, today: '2027-02-01' });
		expect(broken.report.errors[0]).toEqual({
			file: 'content/insights/denial-work-is-fragmented.mdx',
			field: 'points',
			message: 'at most 4 items (got 5)',
			severity: 'error',
			rule: 'schema',
		});
		for (const issue of broken.report.errors) {
			expect(Object.keys(issue).sort()).toEqual(['field', 'file', 'message', 'rule', 'severity']);
		}
		expect(broken.report.warnings.map((issue) => issue.rule)).toContain('expired');
		for (const issue of broken.report.warnings) expect(issue.severity).toBe('warning');

		const strict = json('--today', '2027-02-01', '--strict');
		expect(strict.report.warnings).toEqual([]);
		expect(strict.report.summary.errors).toBe(4 + broken.report.warnings.length);
		expect(strict.report.errors.every((issue) => issue.severity === 'error')).toBe(true);
	});

	it('--root checks another project without changing directory', () => {
		const result = runScript(
			'check.ts',
			['--content-only', '--root', root, '--today', fixtureToday],
			path.dirname(root),
		);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Checked 7 insights');
	});

	it('usage errors exit 2 and print the usage', () => {
		const unknown = check('--bogus');
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain("npm run check: Unknown option '--bogus'");
		expect(unknown.stderr).toContain(
			'Exit codes: 0 no errors (warnings allowed), 1 errors, 2 usage error.',
		);
		const badDate = check('--today', '2027-02-30');
		expect(badDate.code).toBe(2);
		expect(badDate.stderr).toContain(
			'--today expects a date written YYYY-MM-DD (got "2027-02-30")',
		);
		expect(check('--root', path.join(root, 'nope')).code).toBe(2);
		expect(check('stray').code).toBe(2);
	});

	it('--help exits 0', () => {
		const help = check('--help');
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('--content-only');
	});

	it('a YAML syntax error is reported with its line', async () => {
		const file = path.join(root, 'content/briefings/harbor-bank.yaml');
		const text = await readFile(file, 'utf8');
		await writeFile(
			file,
			text.replace('title: Account Director', 'title: Account Director\n  title: Again'),
		);
		const { code, stdout } = check('--today', fixtureToday);
		expect(code).toBe(1);
		expect(stdout).toContain(
			'content/briefings/harbor-bank.yaml: valid YAML (line 10: Map keys must be unique)',
		);
	});
});

describe('type check output', () => {
	it('astro check diagnostics become file: field: message lines', () => {
		const output = [
			"\u001b[96msrc/content.config.ts\u001b[0m:\u001b[93m29\u001b[0m:\u001b[93m43\u001b[0m - \u001b[91merror\u001b[0m\u001b[90m ts(2322): \u001b[0mType 'A' is not assignable to type 'B'.",
			"  Type 'unknown' is not assignable to type 'Record<string, unknown>'.",
			'',
			'29   loader: file(...)',
			"src/pages/index.astro:9:2 - error ts(2304): Cannot find name 'y'.",
			"src/pages/index.astro:3:1 - error ts(2304): Cannot find name 'x'.",
			'Result (24 files): ',
			'- 2 errors',
		].join('\n');
		expect(parseAstroCheck(output)).toEqual([
			{
				file: 'src/content.config.ts',
				field: 'line 29:43',
				message:
					"Type 'A' is not assignable to type 'B'. Type 'unknown' is not assignable to type 'Record<string, unknown>'. (ts2322)",
				severity: 'error',
				rule: 'types',
			},
			{
				file: 'src/pages/index.astro',
				field: 'line 3:1',
				message: "Cannot find name 'x'. (ts2304)",
				severity: 'error',
				rule: 'types',
			},
			// astro check lists a file bottom-up; the report reads top-down.
			{
				file: 'src/pages/index.astro',
				field: 'line 9:2',
				message: "Cannot find name 'y'. (ts2304)",
				severity: 'error',
				rule: 'types',
			},
		]);
	});
});
