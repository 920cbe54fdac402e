/**
 * The loader: reads a whole library from any root, validates every file, checks references across
 * files, and reports each problem as `file: field: message` without skipping anything silently.
 */
import { mkdir, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatIssue } from '../src/library/issues.ts';
import { deckIssues } from '../src/integrations/decks.ts';
import { errorsOf, loadBriefingLibrary, loadLibrary } from '../src/library/load.ts';
import {
	copyFixture,
	fixtureRoot,
	briefingSource,
	insightSource,
	projectRoot,
	removeFixture,
	validBriefing,
	validInsight,
} from './fixtures/content/fixtures.ts';

describe('loadLibrary on the fixture library', () => {
	it('reads every file, drafts included, sorted by id, with no issues', async () => {
		const library = await loadLibrary({ root: fixtureRoot });
		expect(library.issues).toEqual([]);
		expect(library.root).toBe(fixtureRoot);
		expect(library.insights.map((entry) => entry.id)).toEqual([
			'close-automation-frees-analysts',
			'core-migrations-stall-on-data',
			'denial-work-is-fragmented',
			'denials-cost-more-to-fight',
			'deposit-costs-outrun-loan-yields',
			'front-end-registration-fixes',
			'payback-inside-a-year-wins-approval',
		]);
		expect(
			library.insights.find((entry) => entry.id === 'front-end-registration-fixes')?.data.status,
		).toBe('draft');
		expect(library.briefings.map((entry) => entry.id)).toEqual(['harbor-bank', 'northwind-health']);
		expect(library.taxonomy?.industries.map((entry) => entry.id)).toEqual([
			'hospitals',
			'regional-banks',
		]);
		expect(library.brand?.name).toBe('Fixture Advisory');
	});

	it('parses dates, fills defaults and records where each entry came from', async () => {
		const library = await loadLibrary({ root: fixtureRoot });
		const entry = library.insights.find((item) => item.id === 'denials-cost-more-to-fight')!;
		expect(entry.file).toBe('content/insights/denials-cost-more-to-fight.mdx');
		expect(entry.data.reviewed).toEqual(new Date('2026-01-15T00:00:00Z'));
		expect(entry.data.sources[0]?.illustrative).toBe(false);
		const other = library.insights.find((item) => item.id === 'denial-work-is-fragmented')!;
		expect(other.data.topics).toEqual([]);
		expect(other.data.related).toEqual([]);
		expect(library.briefings[1]?.data.date).toEqual(new Date('2026-06-15T00:00:00Z'));
	});

	it('turns the body into a plain-text talk track', async () => {
		const library = await loadLibrary({ root: fixtureRoot });
		const entry = library.insights.find((item) => item.id === 'denials-cost-more-to-fight')!;
		expect(entry.talkTrack).toBe(
			'Denials used to be framed as a revenue leak. They are now a labour problem.\n\n• Most denials are paid in the end.\n\n• The cost is the work of getting paid.',
		);
	});

	it('resolves a relative root against the current directory', async () => {
		const relative = path.relative(process.cwd(), fixtureRoot);
		const library = await loadLibrary({ root: relative });
		expect(library.root).toBe(fixtureRoot);
		expect(library.issues).toEqual([]);
	});
});

/** Writes `text` to `file` under `root`, making its folder. */
async function writeInto(root: string, file: string, text: string) {
	await mkdir(path.dirname(path.join(root, file)), { recursive: true });
	await writeFile(path.join(root, file), text);
}

describe('loadLibrary on broken libraries', () => {
	let root: string;
	beforeEach(async () => {
		root = await copyFixture();
	});
	afterEach(async () => {
		await removeFixture(root);
	});

	const write = (file: string, text: string) => writeInto(root, file, text);
	const lines = async () => (await loadLibrary({ root })).issues.map(formatIssue);

	it('a broken insight: every mistake at once, one line each, and the briefing using it says why', async () => {
		const data = validInsight();
		data.industries = ['hospital'];
		data.points = ['One.', 'Two.', 'Three.', 'Four.', 'Five.'];
		delete data.sources;
		delete data.stat;
		await write('content/insights/denial-work-is-fragmented.mdx', insightSource(data));
		const library = await loadLibrary({ root });
		expect(library.issues.map(formatIssue)).toEqual([
			'content/insights/denial-work-is-fragmented.mdx: points: at most 4 items (got 5)',
			'content/insights/denial-work-is-fragmented.mdx: sources: required: a list (the field is missing)',
			'content/insights/denial-work-is-fragmented.mdx: industries[0]: an industry id from content/taxonomy.yaml or "cross-industry" (got "hospital") (did you mean "hospitals"?)',
			'content/briefings/northwind-health.yaml: insights[1]: a valid insight ("denial-work-is-fragmented.mdx" has errors of its own; fix those first)',
		]);
		expect(library.insights.map((entry) => entry.id)).not.toContain('denial-work-is-fragmented');
		expect(errorsOf(library)).toHaveLength(4);
	});

	it('a related id pointing at a broken insight says so', async () => {
		const data = validInsight();
		data.related = ['denial-work-is-fragmented'];
		await write('content/insights/new-claim.mdx', insightSource(data));
		await write(
			'content/insights/denial-work-is-fragmented.mdx',
			insightSource({ ...validInsight(), status: 'live' }),
		);
		expect(await lines()).toContain(
			'content/insights/new-claim.mdx: related[0]: a valid insight ("denial-work-is-fragmented.mdx" has errors of its own; fix those first)',
		);
	});

	it('a briefing that fails its schema still has its insight ids checked', async () => {
		await write(
			'content/briefings/northwind-health.yaml',
			'title: A briefing\nprospect:\n  company: Northwind Health\n  industry: hospital\n  audience: []\npresenter:\n  name: Sam Lee\n  title: Account Director\ndate: 2026-06-15\ninsights: [denials-cost-more-to-fight, front-end-registration-fixes]\nnextStep:\n  ask: A working session\n',
		);
		expect(await lines()).toEqual([
			'content/briefings/northwind-health.yaml: prospect.audience: at least 1 item (got 0)',
			'content/briefings/northwind-health.yaml: prospect.industry: an industry id from content/taxonomy.yaml (got "hospital") (did you mean "hospitals"?)',
			'content/briefings/northwind-health.yaml: insights[1]: a published insight ("front-end-registration-fixes" is a draft; publish it or pick another)',
		]);
	});

	it('a missing taxonomy is reported; files are still read, references not checked', async () => {
		await rm(path.join(root, 'content/taxonomy.yaml'));
		const library = await loadLibrary({ root });
		expect(library.issues.map(formatIssue)).toEqual([
			'content/taxonomy.yaml: a readable file (it is missing)',
		]);
		expect(library.taxonomy).toBeUndefined();
		expect(library.insights).toHaveLength(7);
	});

	it('a missing logo file', async () => {
		await rm(path.join(root, 'public/brand/logo.png'));
		expect(await lines()).toEqual([
			'content/brand.yaml: logo.png: a file at public/brand/logo.png (it is missing)',
		]);
	});

	it('a file of the wrong type is named; dot and underscore files are ignored', async () => {
		await write('content/insights/notes.md', '# notes');
		await write('content/insights/.DS_Store', '');
		await write('content/insights/_template.mdx.txt', '');
		expect(await lines()).toEqual([
			'content/insights/notes.md: a .mdx file (other files here are not read)',
		]);
	});

	it('an empty briefing file', async () => {
		await write('content/briefings/empty.yaml', '');
		expect(await lines()).toEqual([
			'content/briefings/empty.yaml: a YAML mapping of fields (the file is empty or not key: value pairs)',
		]);
	});

	it('an insight with a bad file name is reported and left out', async () => {
		await write('content/insights/New Claim.mdx', insightSource(validInsight()));
		const library = await loadLibrary({ root });
		expect(library.issues.map(formatIssue)).toEqual([
			'content/insights/New Claim.mdx: a file name made of lowercase words joined by hyphens, e.g. "cash-conversion-gap.mdx" (the name is the id)',
		]);
		expect(library.insights).toHaveLength(7);
	});

	it('an unknown field in a briefing names the field meant', async () => {
		await write(
			'content/briefings/harbor-bank.yaml',
			(await readFile(path.join(fixtureRoot, 'content/briefings/harbor-bank.yaml'), 'utf8')) +
				'next_step:\n  ask: Another meeting\n',
		);
		expect(await lines()).toEqual([
			'content/briefings/harbor-bank.yaml: next_step: a known field (no field named "next_step"; did you mean "nextStep"?)',
		]);
	});
});

describe('loadLibrary on a linked insights folder', () => {
	let root: string;
	beforeEach(async () => {
		root = await copyFixture();
	});
	afterEach(async () => {
		await removeFixture(root);
		await rm(`${root}-outside`, { recursive: true, force: true });
	});

	it('reads a folder linked inside content/, and refuses every file once it links outside, load by load', async () => {
		const insights = path.join(root, 'content/insights');
		const ids = (await readdir(insights)).map((name) => name.replace(/\.mdx$/, '')).sort();
		await rename(insights, path.join(root, 'content/kept-insights'));
		await symlink('kept-insights', insights);
		const inside = await loadLibrary({ root });
		expect(inside.issues.map(formatIssue)).toEqual([]);
		expect(inside.insights.map((entry) => entry.id)).toEqual(ids);

		// The same files, now in a folder outside content/: each load finds out afresh.
		await rename(path.join(root, 'content/kept-insights'), `${root}-outside`);
		await rm(insights);
		await symlink(`${root}-outside`, insights);
		const outside = await loadLibrary({ root });
		expect(outside.insights).toEqual([]);
		expect(
			outside.issues.filter((issue) => issue.file.startsWith('content/insights/')).map(formatIssue),
		).toEqual(
			ids.map(
				(id) =>
					`content/insights/${id}.mdx: a readable file inside content/ (it is a link, outside content/)`,
			),
		);
	});
});

describe('the repository library', () => {
	it('has no content errors, and every file in content/ is loaded', async () => {
		const library = await loadLibrary({ root: projectRoot });
		expect(errorsOf(library).map(formatIssue)).toEqual([]);
		for (const issue of library.issues) expect(issue.file).toMatch(/^content\//);
		expect(library.taxonomy).toBeDefined();
		expect(library.brand).toBeDefined();
		const ids = async (folder: string, extension: RegExp) =>
			(await readdir(path.join(projectRoot, 'content', folder)))
				.filter((name) => extension.test(name))
				.map((name) => name.replace(extension, ''))
				.sort();
		const insights = await ids('insights', /\.mdx$/);
		const briefings = await ids('briefings', /\.ya?ml$/);
		expect(insights.length).toBeGreaterThan(0);
		expect(briefings.length).toBeGreaterThan(0);
		expect(library.insights.map((entry) => entry.id).sort()).toEqual(insights);
		expect(library.briefings.map((entry) => entry.id).sort()).toEqual(briefings);
	});
});

describe('loadBriefingLibrary: only what the chosen decks need', () => {
	let root: string;
	beforeEach(async () => {
		root = await copyFixture();
	});
	afterEach(async () => {
		await removeFixture(root);
	});

	const write = (file: string, text: string) => writeInto(root, file, text);
	/** The deck problems of each briefing, from the whole library and from the partial one. */
	const bothWays = async () => {
		const full = await loadLibrary({ root });
		const ids = ['harbor-bank', 'northwind-health', 'no-such-briefing'];
		const fromFull = ids.map((id) => deckIssues(full, [id]).map(formatIssue));
		const fromPartial: string[][] = [];
		for (const id of ids) {
			const partial = await loadBriefingLibrary({ root, ids: [id] });
			fromPartial.push(deckIssues(partial, [id]).map(formatIssue));
		}
		return { fromFull, fromPartial };
	};

	it('reads the briefing and its insights, and lists every briefing file', async () => {
		const library = await loadBriefingLibrary({ root: fixtureRoot, ids: ['harbor-bank'] });
		expect(library.issues).toEqual([]);
		expect(library.briefings.map((entry) => entry.id)).toEqual(['harbor-bank']);
		expect(library.insights.map((entry) => entry.id)).toEqual([
			'close-automation-frees-analysts',
			'core-migrations-stall-on-data',
			'deposit-costs-outrun-loan-yields',
			'payback-inside-a-year-wins-approval',
		]);
		expect(library.briefingIds).toEqual(['harbor-bank', 'northwind-health']);
		const full = await loadLibrary({ root: fixtureRoot });
		const entry = (lib: typeof full) =>
			lib.insights.find((item) => item.id === 'deposit-costs-outrun-loan-yields');
		expect(entry(library)).toEqual(entry(full));
		expect(library.brand).toEqual(full.brand);
		expect(library.taxonomy).toEqual(full.taxonomy);
	});

	it('does not read files no chosen deck depends on', async () => {
		await write('content/insights/unrelated.mdx', '---\ntitle: [unclosed\n---\n');
		await write('content/briefings/other.yaml', 'title: [unclosed\n');
		await write('content/insights/notes.txt', 'not content');
		const library = await loadBriefingLibrary({ root, ids: ['harbor-bank'] });
		expect(library.issues).toEqual([]);
		expect(library.briefingIds).toContain('other');
	});

	it('finds the same deck problems as the whole library: a broken insight in the deck', async () => {
		const data = validInsight();
		data.industries = ['hospital'];
		delete data.sources;
		await write('content/insights/denial-work-is-fragmented.mdx', insightSource(data));
		const { fromFull, fromPartial } = await bothWays();
		expect(fromPartial).toEqual(fromFull);
		expect(fromFull[1]).toHaveLength(3);
	});

	it('... a related insight that is broken, missing or the insight itself', async () => {
		const source = await readFile(
			path.join(root, 'content/insights/close-automation-frees-analysts.mdx'),
			'utf8',
		);
		await write(
			'content/insights/close-automation-frees-analysts.mdx',
			source.replace(
				/^reviewed:/m,
				'related: [denial-work-is-fragmented, no-such-insight, close-automation-frees-analysts, core-migrations-stall-on-dta]\nreviewed:',
			),
		);
		await write(
			'content/insights/denial-work-is-fragmented.mdx',
			insightSource({ ...validInsight(), status: 'live' }),
		);
		const { fromFull, fromPartial } = await bothWays();
		expect(fromPartial).toEqual(fromFull);
		expect(fromFull[0]!.join('\n')).toContain('has errors of its own');
		expect(fromFull[0]!.join('\n')).toContain('did you mean "core-migrations-stall-on-data"');
	});

	it('... a briefing that fails its schema, with an unknown, a draft and a misspelt insight', async () => {
		await write(
			'content/briefings/northwind-health.yaml',
			'title: A briefing\nprospect:\n  company: Northwind Health\n  industry: hospital\n  audience: []\npresenter:\n  name: Sam Lee\n  title: Account Director\ndate: 2026-06-15\ninsights: [denials-cost-more-to-fight, front-end-registration-fixes, denials-cost-more-to-figth]\nnextStep:\n  ask: A working session\n',
		);
		const { fromFull, fromPartial } = await bothWays();
		expect(fromPartial).toEqual(fromFull);
		expect(fromFull[1]!.join('\n')).toContain('did you mean "denials-cost-more-to-fight"');
	});

	it('... a valid briefing naming a missing insight, and a broken taxonomy', async () => {
		const data = validBriefing();
		data.insights = ['denials-cost-more-to-fight', 'payback-inside-a-yaer-wins-approval'];
		await write('content/briefings/northwind-health.yaml', briefingSource(data));
		let { fromFull, fromPartial } = await bothWays();
		expect(fromPartial).toEqual(fromFull);
		expect(fromFull[1]!.join('\n')).toContain('did you mean "payback-inside-a-year-wins-approval"');
		await write('content/taxonomy.yaml', 'industries: [\n');
		({ fromFull, fromPartial } = await bothWays());
		expect(fromPartial).toEqual(fromFull);
		expect(fromFull[0]!.join('\n')).toContain('content/taxonomy.yaml');
	});
});
