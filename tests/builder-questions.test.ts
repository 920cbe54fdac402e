/**
 * The builder's question ticking: the default shown ticked, at most six, presenting order, picks
 * of removed insights dropped, and the choice carried by the YAML file and the share link.
 */
import { describe, expect, it } from 'vitest';
import { checkDraft, draftToInput, draftToYaml } from '../src/builder/briefing.ts';
import {
	defaultQuestions,
	questionChoices,
	questionCount,
	toggleQuestion,
} from '../src/builder/questions.ts';
import { importYaml } from '../src/builder/import-file.ts';
import { readShareQuery, shareQuery } from '../src/builder/share.ts';
import { completeDraft, library } from './fixtures/builder.ts';

const questions: Record<string, string[]> = Object.fromEntries(
	['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => [id, [`${id}0?`, `${id}1?`, `${id}2?`]]),
);
const source = (id: string) => (questions[id] ? { questions: questions[id] } : undefined);
const ticked = (draft: Parameters<typeof questionChoices>[0]) =>
	questionChoices(draft, source)
		.filter((choice) => choice.ticked)
		.map((choice) => choice.text);

describe('question ticking', () => {
	it('shows the deck default ticked until the rep chooses: first of each insight, at most six', () => {
		const draft = { insights: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] };
		expect(ticked(draft)).toEqual(['a0?', 'b0?', 'c0?', 'd0?', 'e0?', 'f0?']);
		expect(questionChoices(draft, source)).toHaveLength(21);
		expect(defaultQuestions(['a', 'b'], source)).toEqual([
			{ insight: 'a', index: 0 },
			{ insight: 'b', index: 0 },
		]);
	});

	it('ticks and unticks from the default, keeping presenting order', () => {
		let draft = { insights: ['a', 'b'], questions: undefined as never };
		const next = toggleQuestion(draft, source, { insight: 'a', index: 2 }, true);
		expect(next).toEqual([
			{ insight: 'a', index: 0 },
			{ insight: 'a', index: 2 },
			{ insight: 'b', index: 0 },
		]);
		draft = { ...draft, questions: next as never };
		const fewer = toggleQuestion(draft, source, { insight: 'a', index: 0 }, false);
		expect(fewer).toEqual([
			{ insight: 'a', index: 2 },
			{ insight: 'b', index: 0 },
		]);
		expect(ticked({ insights: ['a', 'b'], questions: fewer })).toEqual(['a2?', 'b0?']);
	});

	it('refuses a seventh question and goes back to the default when none is left', () => {
		const draft = { insights: ['a', 'b', 'c', 'd', 'e', 'f'] };
		expect(questionCount(draft, source)).toBe(6);
		expect(toggleQuestion(draft, source, { insight: 'a', index: 1 }, true)).toBeUndefined();
		const one = { insights: ['a'], questions: [{ insight: 'a', index: 1 }] };
		expect(toggleQuestion(one, source, { insight: 'a', index: 1 }, false)).toBeUndefined();
	});

	it('keeps the rep’s own words and drops picks of insights no longer chosen', () => {
		const draft = {
			insights: ['b'],
			questions: [{ insight: 'a', index: 1 }, 'What keeps you up at night?'],
		};
		expect(questionCount(draft, source)).toBe(1);
		expect(ticked(draft)).toEqual([]);
		expect(toggleQuestion(draft, source, { insight: 'b', index: 2 }, true)).toEqual([
			{ insight: 'b', index: 2 },
			'What keeps you up at night?',
		]);
	});
});

describe('questions in the briefing', () => {
	const chosen = () => ({
		...completeDraft(),
		questions: [{ insight: 'hc-hard', index: 0 }, 'Where does {company} start?'],
	});

	it('go into the checked briefing, leaving out picks of removed insights', () => {
		const result = checkDraft(chosen(), library);
		expect(result.issues).toEqual([]);
		expect(result.briefing?.questions).toEqual([
			{ insight: 'hc-hard', index: 0 },
			'Where does {company} start?',
		]);
		const removed = { ...chosen(), insights: ['hc-why', 'any-works'] };
		expect(draftToInput(removed).questions).toEqual(['Where does {company} start?']);
		expect(draftToInput(completeDraft())).not.toHaveProperty('questions');
	});

	it('round-trip through the YAML file and the share link', () => {
		const yaml = draftToYaml(chosen());
		expect(yaml).toContain('questions:');
		expect(importYaml(yaml, library).draft.questions).toEqual(chosen().questions);
		const shared = readShareQuery(`?${shareQuery(chosen())}`, library);
		expect(shared?.draft.questions).toEqual(chosen().questions);
	});

	it('names a question the insight does not have', () => {
		const draft = { ...completeDraft(), questions: [{ insight: 'hc-hard', index: 2 }] };
		expect(checkDraft(draft, library).issues.map((issue) => issue.field)).toEqual([
			'questions[0].index',
		]);
	});
});
