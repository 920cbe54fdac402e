/**
 * `npm run new:insight` and `npm run new:briefing` in flags mode (no terminal), on a temp copy of
 * the fixture library: the files they write pass `npm run check`, they never overwrite, and every
 * refusal says why. Plus the pure helpers behind them.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load.ts';
import {
	briefingFile,
	eligibleInsights,
	insightFile,
	presentingOrder,
	suggestId,
} from '../../src/library/scaffold.ts';
import {
	copyFixture,
	fixtureRoot,
	fixtureToday,
	projectRoot,
	removeFixture,
	runScript,
} from '../fixtures/content/fixtures.ts';

let root: string;
beforeEach(async () => {
	root = await copyFixture();
});
afterEach(async () => {
	await removeFixture(root);
});

const insightFlags = [
	'--title',
	"Half of {company}'s denial work is avoidable: 70% of denials are paid on appeal.",
	'--summary',
	'Most denials are overturned; the cost is the labour spent winning them.',
	'--industry',
	'hospitals,cross-industry',
	'--persona',
	'cfo',
	'--persona',
	'coo',
	'--stage',
	'change-challenges',
	'--topic',
	'denials',
	'--point',
	'About 70% of denials are overturned and paid after review.',
	'--point',
	'Each denial takes three review rounds of 45 to 60 days.',
	'--implication',
	'{company} is financing payer float with staff time.',
	'--question',
	"What is {company}'s overturn rate by payer?",
	'--source-title',
	'Trend Alert: Private Payers Retain Profits',
	'--source-publisher',
	'Premier Inc.',
	'--source-date',
	'2024-03-21',
	'--source-url',
	'https://example.com/premier',
	'--author',
	'Test Author',
	'--reviewed',
	'2026-05-01',
];

const newInsight = (...args: string[]) => runScript('new-insight.ts', args, root);
const newBriefing = (...args: string[]) => runScript('new-briefing.ts', args, root);
const check = () =>
	runScript('check.ts', ['--content-only', '--json', '--today', fixtureToday], root);

describe('npm run new:insight (flags)', () => {
	it('writes a draft that passes check and prints its path', async () => {
		const result = newInsight(...insightFlags);
		expect(result.stderr).toContain('Written as a draft');
		expect(result.code).toBe(0);
		const file = 'content/insights/half-denial-work-avoidable-70-percent-denials-paid-appeal.mdx';
		expect(result.stdout).toBe(`${file}\n`);
		const text = await readFile(path.join(root, file), 'utf8');
		expect(text).toContain('status: draft');
		expect(text).toContain('industries: [hospitals, cross-industry]');
		expect(text).toContain('reviewed: 2026-05-01');
		expect(text).not.toMatch(/TODO|lorem|placeholder/i);

		const report = JSON.parse(check().stdout);
		expect(report.errors).toEqual([]);
		expect(report.summary).toMatchObject({ insights: 8, drafts: 2 });
		const library = await loadLibrary({ root });
		const entry = library.insights.find((item) => item.file === file)!;
		expect(entry.data.personas).toEqual(['cfo', 'coo']);
		expect(entry.data.sources[0]?.url).toBe('https://example.com/premier');
		// The body starts as the author's own summary and implication, tokens in plain words.
		expect(entry.talkTrack).toBe(
			'Most denials are overturned; the cost is the labour spent winning them.\n\nYour company is financing payer float with staff time.',
		);
	});

	it('refuses to overwrite an existing file', async () => {
		const file = path.join(root, 'content/insights/denials-cost-more-to-fight.mdx');
		const before = await readFile(file, 'utf8');
		const result = newInsight(...insightFlags, '--id', 'denials-cost-more-to-fight');
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(
			'content/insights/denials-cost-more-to-fight.mdx: already exists; choose another --id (nothing was written)',
		);
		expect(await readFile(file, 'utf8')).toBe(before);
	});

	it('explains a bad value as check would, and writes nothing', () => {
		const flags = insightFlags.map((flag) =>
			flag === 'hospitals,cross-industry' ? 'hospital' : flag,
		);
		const result = newInsight(...flags, '--id', 'bad-industry', '--point', 'x'.repeat(141));
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(
			'content/insights/bad-industry.mdx: points[2]: at most 140 characters (got 141)',
		);
		expect(result.stderr).toContain(
			'content/insights/bad-industry.mdx: industries[0]: an industry id from content/taxonomy.yaml or "cross-industry" (got "hospital") (did you mean "hospitals"?)',
		);
		expect(existsSync(path.join(root, 'content/insights/bad-industry.mdx'))).toBe(false);
	});

	it('without a terminal, missing required flags are a usage error (exit 2)', () => {
		const result = newInsight('--title', 'Only a title is given here.');
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(
			'missing --summary, --industry, --persona, --stage, --point, --implication, --question, --source-title, --source-publisher, --source-date',
		);
	});

	it('rejects unknown flags, bad dates and unknown stages with exit 2', () => {
		expect(newInsight('--colour', 'red').code).toBe(2);
		const date = newInsight(...insightFlags, '--source-date', '2024-02-30');
		expect(date.code).toBe(2);
		expect(date.stderr).toContain(
			'--source-date: a real calendar date written YYYY-MM-DD, or YYYY-MM (got "2024-02-30")',
		);
		const stage = newInsight(...insightFlags, '--stage', 'why-change');
		expect(stage.code).toBe(2);
		expect(stage.stderr).toContain(
			'--stage: one of decision-to-change, change-challenges, approaches, decision-factors',
		);
	});

	it('--help lists every flag', () => {
		const help = newInsight('--help');
		expect(help.code).toBe(0);
		for (const flag of ['--title', '--industry', '--source-date', '--yes', '--root'])
			expect(help.stdout).toContain(flag);
	});
});

const briefingFlags = [
	'--title',
	'Denials became a labour problem',
	'--company',
	'Contoso Health',
	'--industry',
	'hospitals',
	'--audience',
	'Dana Reyes: Chief Financial Officer',
	'--audience',
	'Chief Operating Officer',
	'--presenter-name',
	'Sam Lee',
	'--presenter-title',
	'Account Director',
	'--presenter-email',
	'sam@example.com',
	'--date',
	'2026-06-20',
	'--ask',
	'A 90-minute working session with your revenue-cycle leads',
	'--agenda',
	'Denial root causes by payer',
	'--proposed-date',
	'2026-07-01',
];

describe('npm run new:briefing (flags)', () => {
	it('writes a briefing from the chosen ids, in the order given, that passes check', async () => {
		const result = newBriefing(
			...briefingFlags,
			'--insight',
			'denials-cost-more-to-fight,denial-work-is-fragmented',
			'--insight',
			'payback-inside-a-year-wins-approval',
		);
		expect(result.stderr).toBe(
			'Add names, an agenda or opening notes if you have them, then run npm run check.\n',
		);
		expect(result.code).toBe(0);
		const file = 'content/briefings/contoso-health-denials-became-labour-problem.yaml';
		expect(result.stdout).toBe(`${file}\n`);
		const report = JSON.parse(check().stdout);
		expect(report.errors).toEqual([]);
		const library = await loadLibrary({ root });
		const entry = library.briefings.find((item) => item.file === file)!;
		expect(entry.data.insights).toEqual([
			'denials-cost-more-to-fight',
			'denial-work-is-fragmented',
			'payback-inside-a-year-wins-approval',
		]);
		expect(entry.data.prospect.audience).toEqual([
			{ name: 'Dana Reyes', role: 'Chief Financial Officer' },
			{ role: 'Chief Operating Officer' },
		]);
		expect(entry.data.nextStep.agenda).toEqual(['Denial root causes by payer']);
		// Written the way Prettier would write it, so `npm run format:check` stays clean.
		const text = await readFile(path.join(root, file), 'utf8');
		const config = (await resolveConfig(path.join(projectRoot, 'content/briefings/x.yaml'))) ?? {};
		expect(await format(text, { ...config, parser: 'yaml' })).toBe(text);
	});

	it('refuses a draft, an expired and an unknown insight, naming each', () => {
		const result = newBriefing(
			...briefingFlags.map((flag) =>
				flag === '2026-06-20' ? '2027-03-01' : flag === '2026-07-01' ? '2027-03-10' : flag,
			),
			'--id',
			'contoso',
			'--insight',
			'front-end-registration-fixes,payback-inside-a-year-wins-approval,denials-cost-more-to-figth',
		);
		expect(result.code).toBe(1);
		expect(result.stderr.split('\n').slice(0, 3)).toEqual([
			'content/briefings/contoso.yaml: insights[0]: a published insight ("front-end-registration-fixes" is a draft; publish it or pick another)',
			'content/briefings/contoso.yaml: insights[1]: an insight current on the briefing date 2027-03-01 ("payback-inside-a-year-wins-approval" expired on 2027-01-31)',
			'content/briefings/contoso.yaml: insights[2]: the id of an insight in content/insights/ (no "denials-cost-more-to-figth.mdx") (did you mean "denials-cost-more-to-fight"?)',
		]);
		expect(existsSync(path.join(root, 'content/briefings/contoso.yaml'))).toBe(false);
	});

	it('refuses to overwrite an existing briefing', async () => {
		const file = path.join(root, 'content/briefings/harbor-bank.yaml');
		await writeFile(file, (await readFile(file, 'utf8')) + '# edited by hand\n');
		const before = await readFile(file, 'utf8');
		const result = newBriefing(
			...briefingFlags,
			'--id',
			'harbor-bank',
			'--insight',
			'denials-cost-more-to-fight,denial-work-is-fragmented',
		);
		expect(result.code).toBe(1);
		expect(result.stderr).toContain(
			'content/briefings/harbor-bank.yaml: already exists; choose another --id (nothing was written)',
		);
		expect(await readFile(file, 'utf8')).toBe(before);
	});

	it('without a terminal, missing required flags are a usage error (exit 2)', () => {
		const result = newBriefing('--title', 'A title', '--yes');
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('missing --company, --industry, --audience');
	});
});

describe('scaffold helpers', () => {
	it('suggestId: content words of the title, lowercase, hyphenated, at most 60 characters', () => {
		expect(suggestId('Providers spent $25.7B fighting claim denials in 2023')).toBe(
			'providers-spent-25-7b-fighting-claim-denials-2023',
		);
		expect(suggestId("{company}'s margin is 40% of its peers'")).toBe('margin-40-percent-peers');
		expect(suggestId('Café owners in São Paulo')).toBe('cafe-owners-sao-paulo');
		expect(suggestId('word '.repeat(40)).length).toBeLessThanOrEqual(60);
		expect(suggestId('Northwind Health Northwind Health review')).toBe('northwind-health-review');
	});

	it('insightFile and briefingFile write only what was given', () => {
		const text = insightFile({
			title: 'A claim.',
			summary: 'A summary.',
			industries: ['hospitals'],
			personas: ['cfo'],
			stage: 'approaches',
			points: ['A point.'],
			implication: 'An implication for {company}.',
			questions: ['A question?'],
			source: { title: 'A report', publisher: 'A publisher', published: '2025-01-01' },
			author: 'An author',
			reviewed: '2026-01-01',
		});
		expect(text).not.toContain('topics');
		expect(text).not.toContain('owner');
		expect(text).not.toContain('expires');
		expect(text).not.toContain('url');
		expect(text).toMatch(
			/status: draft\n---\n\nA summary\.\n\nAn implication for your company\.\n$/,
		);
		const yaml = briefingFile({
			title: 'T',
			prospect: { company: 'C', industry: 'hospitals', audience: [{ role: 'CFO' }] },
			presenter: { name: 'N', title: 'T' },
			date: '2026-01-01',
			insights: ['a', 'b'],
			nextStep: { ask: 'A', agenda: [] },
		});
		expect(yaml).not.toMatch(/subtitle|email|agenda|notes|proposedDate/);
	});

	it('eligibleInsights: published, current on the date, the industry first, by stage', async () => {
		const library = await loadLibrary({ root: fixtureRoot });
		const ids = (date: string, industry?: string) =>
			eligibleInsights(library.insights, new Date(`${date}T00:00:00Z`), industry).map(
				(entry) => entry.id,
			);
		expect(ids('2026-06-20', 'regional-banks')).toEqual([
			'deposit-costs-outrun-loan-yields',
			'core-migrations-stall-on-data',
			'close-automation-frees-analysts',
			'payback-inside-a-year-wins-approval',
			'denials-cost-more-to-fight',
			'denial-work-is-fragmented',
		]);
		expect(ids('2027-02-01')).not.toContain('payback-inside-a-year-wins-approval');
		expect(ids('2026-06-20')).not.toContain('front-end-registration-fixes');
	});

	it('presentingOrder walks the four conversations, keeping the chosen order within each', async () => {
		const library = await loadLibrary({ root: fixtureRoot });
		const byId = new Map(library.insights.map((entry) => [entry.id, entry]));
		expect(
			presentingOrder(
				[
					'payback-inside-a-year-wins-approval',
					'close-automation-frees-analysts',
					'deposit-costs-outrun-loan-yields',
					'denials-cost-more-to-fight',
				],
				byId,
			),
		).toEqual([
			'deposit-costs-outrun-loan-yields',
			'denials-cost-more-to-fight',
			'close-automation-frees-analysts',
			'payback-inside-a-year-wins-approval',
		]);
	});
});
