/**
 * The browser builder's pure logic: checking a draft like `npm run check`, YAML out and back in,
 * share links, dropped ids, the storyline suggestion and the prospecting email.
 */
import { describe, expect, it } from 'vitest';
import { checkDraft, draftFileId, draftToYaml } from '../src/builder/briefing.ts';
import { prospectingEmail } from '../src/builder/email.ts';
import { importYaml } from '../src/builder/import-file.ts';
import { readSaved, readShareQuery, shareQuery } from '../src/builder/share.ts';
import { suggestStoryline } from '../src/builder/storyline.ts';
import { emptyDraft } from '../src/builder/types.ts';
import { completeDraft, library } from './fixtures/builder.ts';
import { parseBriefing } from '../src/library/parse.ts';
import { validateBriefingReferences } from '../src/library/validate.ts';
import { stageIds } from '../src/schema/stage.ts';

describe('checkDraft', () => {
	it('accepts a complete draft and returns the validated briefing', () => {
		const result = checkDraft(completeDraft(), library);
		expect(result.issues).toEqual([]);
		expect(result.briefing?.prospect.audience).toEqual([
			{ name: 'Dana Reyes', role: 'CFO' },
			{ role: 'COO' },
		]);
		expect(result.briefing?.date.toISOString()).toBe('2027-02-01T00:00:00.000Z');
	});

	it('reports every missing field of an empty draft with its path', () => {
		const fields = checkDraft(emptyDraft(), library).issues.map((issue) => issue.field);
		expect(fields).toEqual(
			expect.arrayContaining([
				'title',
				'prospect.company',
				'prospect.industry',
				'prospect.audience[0].role',
				'presenter.name',
				'date',
				'insights',
				'nextStep.ask',
			]),
		);
	});

	it('names unknown insights with a suggestion, even while other fields are incomplete', () => {
		const draft = { ...emptyDraft(), insights: ['hc-why', 'hc-hardd'] };
		const issue = checkDraft(draft, library).issues.find(
			(candidate) => candidate.field === 'insights[1]',
		);
		expect(issue?.message).toContain('did you mean "hc-hard"?');
	});

	it('refuses an insight that expires before the meeting', () => {
		const draft = {
			...completeDraft(),
			date: '2027-03-01',
			nextStep: { ...completeDraft().nextStep, proposedDate: '' },
			insights: ['hc-why', 'hc-expiring'],
		};
		const issue = checkDraft(draft, library).issues.find(
			(candidate) => candidate.field === 'insights[1]',
		);
		expect(issue?.message).toMatch(/expired on 2027-01-15/);
	});

	it('states length limits with counts', () => {
		const draft = { ...completeDraft(), company: 'x'.repeat(61) };
		expect(checkDraft(draft, library).issues).toEqual([
			expect.objectContaining({
				field: 'prospect.company',
				message: 'at most 60 characters (got 61)',
			}),
		]);
	});
});

describe('YAML export and import', () => {
	it('exports a file that the briefing parser and reference checks accept', () => {
		const yaml = draftToYaml(completeDraft());
		const parsed = parseBriefing('content/briefings/northwind.yaml', yaml);
		expect(parsed.issues).toEqual([]);
		const byId = new Map(
			library.insights.map((entry) => [
				entry.id,
				{ id: entry.id, data: { status: entry.data.status } as never },
			]),
		);
		expect(validateBriefingReferences('x', parsed.entry!.data, byId, library.taxonomy)).toEqual([]);
		expect(yaml).toContain('date: 2027-02-01');
	});

	it('round-trips a draft through YAML', () => {
		const draft = completeDraft();
		const back = importYaml(draftToYaml(draft), library);
		expect(back.errors).toEqual([]);
		expect(back.dropped).toEqual([]);
		expect(back.draft).toEqual({ ...draft, presenter: { ...draft.presenter } });
	});

	it('keeps the rest and names insights the library no longer has', () => {
		const yaml = draftToYaml({
			...completeDraft(),
			insights: ['hc-why', 'retired-one', 'hc-hard'],
		});
		const back = importYaml(yaml, library);
		expect(back.dropped).toEqual(['retired-one']);
		expect(back.draft.insights).toEqual(['hc-why', 'hc-hard']);
	});

	it('reports a YAML syntax error instead of importing half a file', () => {
		const back = importYaml('title: [unclosed\n', library);
		expect(back.errors[0]).toMatch(/valid YAML \(line \d+/);
		expect(back.draft).toEqual(emptyDraft());
	});
});

describe('share links', () => {
	it('round-trip the selection and details, including hostile text', () => {
		const draft = {
			...completeDraft(),
			company: '<script>alert(1)</script> & شركة 🚀',
			notes: 'x'.repeat(3000),
		};
		const back = readShareQuery(`?${shareQuery(draft)}`, library);
		expect(back?.draft).toEqual(draft);
		expect(back?.dropped).toEqual([]);
	});

	it('carry readable insight ids and drop unknown ones with an explanation', () => {
		const query = shareQuery({ ...emptyDraft(), insights: ['hc-why', 'gone'] });
		expect(query).toBe('insights=hc-why%2Cgone');
		const back = readShareQuery(`?${query}`, library)!;
		expect(back.draft.insights).toEqual(['hc-why']);
		expect(back.dropped).toEqual(['gone']);
	});

	it('survive damaged details by keeping the insights', () => {
		const back = readShareQuery('?insights=hc-why&d=%%%', library)!;
		expect(back.draft.insights).toEqual(['hc-why']);
		expect(back.errors).toHaveLength(1);
	});

	it('are absent when the URL carries no briefing', () => {
		expect(readShareQuery('?add=hc-why', library)).toBeUndefined();
	});

	it('saved work that is corrupt is ignored rather than crashing', () => {
		expect(readSaved('{not json', library)).toBeUndefined();
		expect(
			readSaved(JSON.stringify({ insights: ['hc-why', 'hc-why'] }), library)?.draft.insights,
		).toEqual(['hc-why']);
	});
});

describe('suggestStoryline', () => {
	it('covers the four stages in order, preferring the industry and persona', () => {
		const ids = suggestStoryline(library.insights, 'healthcare-providers', 'cfo');
		const stagesInOrder = ids.map(
			(id) => library.insights.find((entry) => entry.id === id)!.data.stage,
		);
		expect(stagesInOrder).toEqual(
			[...stagesInOrder].sort((a, b) => stageIds.indexOf(a) - stageIds.indexOf(b)),
		);
		expect(new Set(stagesInOrder)).toEqual(new Set(stageIds));
		expect(ids[0]).toBe('hc-why');
		expect(ids).not.toContain('mfg-why');
	});

	it('uses cross-industry insights where the industry has none', () => {
		expect(suggestStoryline(library.insights, 'manufacturing', 'cfo')).toEqual([
			'mfg-why',
			'any-works',
		]);
	});
});

describe('prospectingEmail', () => {
	it('teases the first insight with tokens filled, and signs with the presenter', () => {
		const draft = completeDraft();
		const email = prospectingEmail(
			draft,
			draft.insights.map((id) => library.insights.find((entry) => entry.id === id)!),
			'Healthcare providers',
		);
		expect(email.subject).toBe('Northwind Health: Claim hc-why holds for Northwind Health');
		expect(email.body).toMatch(/^Hi Dana,/);
		expect(email.body).toContain('Summary of hc-why for CFO and COO in Healthcare providers.');
		expect(email.body).toContain('How does Northwind Health handle hc-why?');
		expect(email.body).toContain('a working session with your finance team');
		expect(email.body).toMatch(/Sam Lee\nAccount Director\nsam@example.com$/);
		expect(email.body).not.toMatch(/\{(company|industry|audience)\}/);
	});
});

describe('draftFileId', () => {
	it('makes an id from the company and date, even from hostile text', () => {
		expect(draftFileId(completeDraft())).toBe('northwind-health-2027-02-01');
		expect(draftFileId({ ...emptyDraft(), company: '<b>🚀</b>' })).toBe('b-b');
		expect(draftFileId(emptyDraft())).toBe('briefing');
	});
});

describe('checkDraft without a meeting date', () => {
	it('does not call any insight expired', () => {
		const draft = { ...emptyDraft(), insights: ['hc-why', 'hc-expiring'] };
		const issues = checkDraft(draft, library).issues;
		expect(issues.filter((issue) => issue.field.startsWith('insights['))).toEqual([]);
		expect(issues.find((issue) => issue.field === 'date')?.message).toBe(
			'a date written YYYY-MM-DD, e.g. 2026-03-31 (it is empty)',
		);
	});
});

describe('did you mean', () => {
	it('finds an id from a misspelt first word, and prefers a close whole-id match', async () => {
		const { nearest } = await import('../src/library/issues.ts');
		expect(nearest('nortwind', ['northwind-health-cfo', 'contoso-manufacturing-coo'])).toBe(
			'northwind-health-cfo',
		);
		expect(nearest('hc-hardd', ['hc-hard', 'hc-hard-extra'])).toBe('hc-hard');
		expect(nearest('zzz', ['northwind-health-cfo'])).toBeUndefined();
	});
});
