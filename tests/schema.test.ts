/**
 * Every content rule has a failing fixture here, and each asserts the exact line an author reads:
 * `file: field: message`. Insight and briefing fixtures start valid and break one thing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, type ContentIssue } from '../src/library/issues.ts';
import { loadLibrary, type Library } from '../src/library/load.ts';
import { parseBriefing, parseInsight, parseTaxonomy } from '../src/library/parse.ts';
import { validateBriefingReferences, validateInsightReferences } from '../src/library/validate.ts';
import { validateInsightBody } from '../src/library/validate-library.ts';
import { brandSchema } from '../src/schema/brand.ts';
import {
	briefingSource,
	fixtureRoot,
	insightSource,
	validBriefing,
	validInsight,
} from './fixtures/content/fixtures.ts';

let library: Library;
beforeAll(async () => {
	library = await loadLibrary({ root: fixtureRoot });
});

const insightFile = 'content/insights/new-claim.mdx';
const briefingFile = 'content/briefings/new-briefing.yaml';

/** Every line `npm run check` prints for one insight file with this source. */
function checkInsightSource(source: string, file = insightFile): string[] {
	const parsed = parseInsight(file, source);
	const issues: ContentIssue[] = [...parsed.issues];
	if (parsed.entry) {
		const ids = new Set([...library.insights.map((entry) => entry.id), parsed.entry.id]);
		issues.push(
			...validateInsightReferences(parsed.entry, library.taxonomy!, ids),
			...validateInsightBody(file, parsed.entry.body, parsed.entry.bodyLine),
		);
	}
	return issues.map(formatIssue);
}

/** Lines for a valid insight changed by `change`. */
function checkInsight(change: (data: Record<string, any>) => void, body?: string): string[] {
	const data = validInsight();
	change(data);
	return checkInsightSource(insightSource(data, body));
}

/** Every line for one briefing file with this data, against the fixture library. */
function checkBriefing(change: (data: Record<string, any>) => void): string[] {
	const data = validBriefing();
	change(data);
	const parsed = parseBriefing(briefingFile, briefingSource(data));
	const issues = [...parsed.issues];
	if (parsed.entry) {
		const byId = new Map(library.insights.map((entry) => [entry.id, entry]));
		issues.push(
			...validateBriefingReferences(briefingFile, parsed.entry.data, byId, library.taxonomy!),
		);
	}
	return issues.map(formatIssue);
}

describe('the fixture library', () => {
	it('is valid, so each failure below comes from the one change made', () => {
		expect(library.issues).toEqual([]);
		expect(checkInsight(() => {})).toEqual([]);
		expect(checkBriefing(() => {})).toEqual([]);
	});
});

describe('insight rules', () => {
	it('unknown industry, with "did you mean"', () => {
		expect(checkInsight((d) => (d.industries = ['hospital']))).toEqual([
			`${insightFile}: industries[0]: an industry id from content/taxonomy.yaml or "cross-industry" (got "hospital") (did you mean "hospitals"?)`,
		]);
	});

	it('unknown persona, with "did you mean"', () => {
		expect(checkInsight((d) => (d.personas = ['cfoo']))).toEqual([
			`${insightFile}: personas[0]: a persona id from content/taxonomy.yaml (got "cfoo") (did you mean "cfo"?)`,
		]);
	});

	it('five points', () => {
		expect(checkInsight((d) => (d.points = ['One.', 'Two.', 'Three.', 'Four.', 'Five.']))).toEqual([
			`${insightFile}: points: at most 4 items (got 5)`,
		]);
	});

	it('missing sources, and an empty list of them', () => {
		expect(
			checkInsight((d) => {
				delete d.sources;
				delete d.stat;
			}),
		).toEqual([`${insightFile}: sources: required: a list (the field is missing)`]);
		expect(
			checkInsight((d) => {
				d.sources = [];
				delete d.stat;
			}),
		).toEqual([`${insightFile}: sources: at least 1 item (got 0)`]);
	});

	it('a source without a publisher', () => {
		expect(checkInsight((d) => delete d.sources[0].publisher)).toEqual([
			`${insightFile}: sources[0].publisher: required: text (the field is missing)`,
		]);
	});

	it('too-long title, with the counts', () => {
		const title = `${'A claim that goes on '.repeat(5)}and on.`;
		expect(checkInsight((d) => (d.title = title))).toEqual([
			`${insightFile}: title: at most 90 characters (got ${title.length})`,
		]);
	});

	it('too-long point and question name their index', () => {
		expect(checkInsight((d) => (d.points = ['Fine.', 'x'.repeat(141)]))).toEqual([
			`${insightFile}: points[1]: at most 140 characters (got 141)`,
		]);
		expect(checkInsight((d) => (d.questions = ['q'.repeat(161)]))).toEqual([
			`${insightFile}: questions[0]: at most 160 characters (got 161)`,
		]);
	});

	it('bad dates: not a date, and not a real day', () => {
		expect(checkInsight((d) => (d.reviewed = 'March 3'))).toEqual([
			`${insightFile}: reviewed: a date written YYYY-MM-DD, e.g. 2026-03-31 (got "March 3")`,
		]);
		expect(checkInsight((d) => (d.reviewed = '2026-02-30'))).toEqual([
			`${insightFile}: reviewed: a real calendar date written YYYY-MM-DD (got "2026-02-30")`,
		]);
		expect(checkInsight((d) => (d.sources[0].published = '2025-13-01'))).toEqual([
			`${insightFile}: sources[0].published: a real calendar date written YYYY-MM-DD, or YYYY-MM (got "2025-13-01")`,
		]);
	});

	it('unknown stage and status list the choices', () => {
		expect(checkInsight((d) => (d.stage = 'approach'))).toEqual([
			`${insightFile}: stage: one of "decision-to-change", "change-challenges", "approaches", "decision-factors" (got "approach")`,
		]);
		expect(checkInsight((d) => (d.status = 'live'))).toEqual([
			`${insightFile}: status: one of "draft", "published" (got "live")`,
		]);
	});

	it('stat.source out of range', () => {
		expect(checkInsight((d) => (d.stat.source = 3))).toEqual([
			`${insightFile}: stat.source: an index into sources: 0 to 0 (got 3)`,
		]);
	});

	it('chart series length mismatch', () => {
		expect(
			checkInsight(
				(d) =>
					(d.chart = {
						kind: 'column',
						title: 'Cost per denial',
						labels: ['2022', '2023', '2024'],
						series: [{ name: 'Cost', values: [43, 57] }],
					}),
			),
		).toEqual([`${insightFile}: chart.series[0].values: 3 values, one per label (got 2)`]);
	});

	it('pie chart with two series', () => {
		expect(
			checkInsight(
				(d) =>
					(d.chart = {
						kind: 'pie',
						title: 'Where denials start',
						labels: ['Registration', 'Coding'],
						series: [
							{ name: 'A', values: [60, 40] },
							{ name: 'B', values: [50, 50] },
						],
					}),
			),
		).toEqual([`${insightFile}: chart.series: exactly one series for a pie chart (got 2)`]);
	});

	it('unknown chart kind', () => {
		expect(
			checkInsight(
				(d) =>
					(d.chart = {
						kind: 'radar',
						title: 'T',
						labels: ['a', 'b'],
						series: [{ name: 'S', values: [1, 2] }],
					}),
			),
		).toEqual([
			`${insightFile}: chart.kind: one of "bar", "column", "line", "pie", "doughnut" (got "radar")`,
		]);
	});

	it('unknown token', () => {
		expect(checkInsight((d) => (d.implication = '{client} is financing payer float.'))).toEqual([
			`${insightFile}: implication: only the tokens {company}, {industry} and {audience} (found {client})`,
		]);
	});

	it('expires before reviewed', () => {
		expect(checkInsight((d) => (d.expires = '2025-12-31'))).toEqual([
			`${insightFile}: expires: a date after the reviewed date`,
		]);
	});

	it('a misspelt field is named, with the field meant', () => {
		expect(checkInsight((d) => (d.expire = '2027-01-01'))).toEqual([
			`${insightFile}: expire: a known field (no field named "expire"; did you mean "expires"?)`,
		]);
		expect(checkInsight((d) => (d.sources[0].link = 'https://example.com'))).toEqual([
			`${insightFile}: sources[0].link: one of the fields title, publisher, url, offline, reason, published, annual, illustrative (no field named "link")`,
		]);
	});

	it('unknown related id, with "did you mean"', () => {
		expect(checkInsight((d) => (d.related = ['denials-cost-more-to-figth']))).toEqual([
			`${insightFile}: related[0]: the id of an insight in content/insights/ (no "denials-cost-more-to-figth.mdx") (did you mean "denials-cost-more-to-fight"?)`,
		]);
		expect(checkInsight((d) => (d.related = ['new-claim']))).toEqual([
			`${insightFile}: related[0]: another insight (this is the insight itself)`,
		]);
	});

	it('a source url that is not a web address', () => {
		expect(checkInsight((d) => (d.sources[0].url = 'example.com/report'))).toEqual([
			`${insightFile}: sources[0].url: a web address starting with https:// (got "example.com/report")`,
		]);
	});

	it('YAML syntax error, with the line number in the file', () => {
		const source = insightSource(validInsight()).replace('stage: ', 'summary: again\nstage: ');
		// "---" is line 1, so the frontmatter's lines are numbered as the editor shows them.
		const line = source.split('\n').indexOf('summary: again') + 1;
		expect(line).toBeGreaterThan(2);
		expect(checkInsightSource(source)).toEqual([
			`${insightFile}: valid YAML (line ${line}: Map keys must be unique)`,
		]);
	});

	it('missing frontmatter', () => {
		expect(checkInsightSource('# Just a heading\n')).toEqual([
			`${insightFile}: frontmatter between two "---" lines at the top of the file`,
		]);
	});

	it('bad file name', () => {
		const file = 'content/insights/New_Claim.mdx';
		expect(checkInsightSource(insightSource(validInsight()), file)).toEqual([
			`${file}: a file name made of lowercase words joined by hyphens, e.g. "cash-conversion-gap.mdx" (the name is the id)`,
		]);
	});

	it('body with an expression, HTML, or nothing (the full MDX rules: mdx-body.test.ts)', () => {
		// Line numbers are the file's, as an editor shows them.
		const lineOf = (source: string, text: string) =>
			source.split('\n').findIndex((line) => line.includes(text)) + 1;
		const braces = 'First line.\n\nTell {company} why.\n';
		const braceLine = lineOf(insightSource(validInsight(), braces), 'Tell {company}');
		expect(braceLine).toBeGreaterThan(20);
		expect(checkInsight(() => {}, braces)).toEqual([
			`${insightFile}: body: line ${braceLine}: no {expressions} (found {company}): MDX reads braces as code; write \\{ for a brace, and use tokens such as {company} only in frontmatter fields`,
		]);
		const html = 'A <b>bold</b> claim.\n';
		expect(checkInsight(() => {}, html)).toEqual([
			`${insightFile}: body: line ${lineOf(insightSource(validInsight(), html), '<b>')}: a component from the kit (found <b>): HTML is not allowed: use Markdown (**bold**, _italic_, [text](https://...))`,
		]);
		expect(checkInsight(() => {}, '\n')).toEqual([
			`${insightFile}: body: a long-form explanation after the frontmatter: it becomes the talk track`,
		]);
	});

	it('several mistakes in one file are all reported, one line each', () => {
		const lines = checkInsight((d) => {
			d.title = 'x'.repeat(95);
			d.points = ['1', '2', '3', '4', '5'];
			d.status = 'live';
		});
		expect(lines).toEqual([
			`${insightFile}: title: at most 90 characters (got 95)`,
			`${insightFile}: points: at most 4 items (got 5)`,
			`${insightFile}: status: one of "draft", "published" (got "live")`,
		]);
	});
});

describe('briefing rules', () => {
	it('unknown insight id, with "did you mean"', () => {
		expect(
			checkBriefing(
				(d) => (d.insights = ['denials-cost-more-to-fight', 'denial-work-is-fragmentd']),
			),
		).toEqual([
			`${briefingFile}: insights[1]: the id of an insight in content/insights/ (no "denial-work-is-fragmentd.mdx") (did you mean "denial-work-is-fragmented"?)`,
		]);
	});

	it('draft insight', () => {
		expect(checkBriefing((d) => d.insights.push('front-end-registration-fixes'))).toEqual([
			`${briefingFile}: insights[2]: a published insight ("front-end-registration-fixes" is a draft; publish it or pick another)`,
		]);
	});

	it('expired insight on the briefing date', () => {
		expect(
			checkBriefing((d) => {
				d.date = '2027-03-01';
				d.nextStep.proposedDate = '2027-03-15';
				d.insights.push('payback-inside-a-year-wins-approval');
			}),
		).toEqual([
			`${briefingFile}: insights[2]: an insight current on the briefing date 2027-03-01 ("payback-inside-a-year-wins-approval" expired on 2027-01-31)`,
		]);
	});

	it('an insight is still current on its expiry day', () => {
		expect(
			checkBriefing((d) => {
				d.date = '2027-01-31';
				d.nextStep.proposedDate = '2027-02-15';
				d.insights.push('payback-inside-a-year-wins-approval');
			}),
		).toEqual([]);
	});

	it('duplicate insight', () => {
		expect(checkBriefing((d) => d.insights.push('denials-cost-more-to-fight'))).toEqual([
			`${briefingFile}: insights[2]: each insight once (denials-cost-more-to-fight is already insights[0])`,
		]);
	});

	it('fewer than 2 or more than 12 insights', () => {
		expect(checkBriefing((d) => (d.insights = ['denials-cost-more-to-fight']))).toEqual([
			`${briefingFile}: insights: at least 2 items (got 1)`,
		]);
		expect(
			checkBriefing((d) => (d.insights = Array.from({ length: 13 }, (_, i) => `insight-${i}`))),
		).toEqual([`${briefingFile}: insights: at most 12 items (got 13)`]);
	});

	it('bad email', () => {
		expect(checkBriefing((d) => (d.presenter.email = 'sam@'))).toEqual([
			`${briefingFile}: presenter.email: an email address (got "sam@")`,
		]);
	});

	it('proposedDate before the briefing date', () => {
		expect(checkBriefing((d) => (d.nextStep.proposedDate = '2026-06-01'))).toEqual([
			`${briefingFile}: nextStep.proposedDate: a date on or after the briefing date`,
		]);
	});

	it('unknown prospect industry, with "did you mean"', () => {
		expect(checkBriefing((d) => (d.prospect.industry = 'regional-bank'))).toEqual([
			`${briefingFile}: prospect.industry: an industry id from content/taxonomy.yaml (got "regional-bank") (did you mean "regional-banks"?)`,
		]);
	});

	it('too-long ask and too many agenda items', () => {
		expect(checkBriefing((d) => (d.nextStep.ask = 'a'.repeat(141)))).toEqual([
			`${briefingFile}: nextStep.ask: at most 140 characters (got 141)`,
		]);
		expect(checkBriefing((d) => (d.nextStep.agenda = ['1', '2', '3', '4', '5']))).toEqual([
			`${briefingFile}: nextStep.agenda: at most 4 items (got 5)`,
		]);
	});

	it('missing audience', () => {
		expect(checkBriefing((d) => (d.prospect.audience = []))).toEqual([
			`${briefingFile}: prospect.audience: at least 1 item (got 0)`,
		]);
	});

	it('YAML syntax errors, with the line number', () => {
		const lines = (source: string) => parseBriefing(briefingFile, source).issues.map(formatIssue);
		expect(lines('title: A briefing\nprospect:\n  company: Northwind\ntitle: Again\n')).toEqual([
			`${briefingFile}: valid YAML (line 4: Map keys must be unique)`,
		]);
		expect(lines('title: A briefing\n\tprospect: x\n')).toEqual([
			`${briefingFile}: valid YAML (line 2: Tabs are not allowed as indentation)`,
		]);
		// An unclosed quote runs to the end of the file: the last line is named, not one past it.
		expect(
			lines('title: A briefing\nprospect:\n  company: "Northwind\n  industry: hospitals\n'),
		).toEqual([`${briefingFile}: valid YAML (line 4: Missing closing "quote)`]);
	});

	it('bad file name', () => {
		const file = 'content/briefings/Northwind Health.yaml';
		expect(parseBriefing(file, briefingSource(validBriefing())).issues.map(formatIssue)).toEqual([
			`${file}: a file name made of lowercase words joined by hyphens, e.g. "cash-conversion-gap.mdx" (the name is the id)`,
		]);
	});
});

describe('taxonomy and brand rules', () => {
	const taxonomyFile = 'content/taxonomy.yaml';
	const entry = (id: string) => `  - id: ${id}\n    name: ${id}\n    description: About ${id}.\n`;

	it('duplicate and reserved industry ids', () => {
		const source = `industries:\n${entry('hospitals')}${entry('hospitals')}${entry('cross-industry')}personas:\n${entry('cfo')}`;
		expect(parseTaxonomy(taxonomyFile, source).issues.map(formatIssue)).toEqual([
			`${taxonomyFile}: industries[1].id: a unique id ("hospitals" is listed twice)`,
			`${taxonomyFile}: industries[2].id: an id other than "cross-industry", which is built in`,
		]);
	});

	it('an industry id that is not lowercase-with-hyphens', () => {
		const source = `industries:\n${entry('Health Care')}personas:\n${entry('cfo')}`;
		expect(parseTaxonomy(taxonomyFile, source).issues.map(formatIssue)).toEqual([
			`${taxonomyFile}: industries[0].id: a lowercase id made of words joined by hyphens, e.g. "net-revenue-retention" (got "Health Care")`,
		]);
	});

	it('a brand colour that is not #RRGGBB', () => {
		const result = brandSchema.safeParse({
			...library.brand,
			colors: { ...library.brand!.colors, primary: 'navy' },
		});
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.path).toEqual(['colors', 'primary']);
		expect(result.error?.issues[0]?.message).toBe('a colour written #RRGGBB, e.g. #1F3A5F');
	});
});
