/**
 * Which questions the deck asks: the rep ticks among the chosen insights' own questions (at most
 * six). Until the rep chooses, the deck's default is shown ticked: the first question of each
 * insight, at most six, as `src/deck/plan/questions.ts` picks it.
 */
import { briefingLimits } from '../schema/briefing-limits.ts';
import type { BriefingQuestion } from '../schema/briefing.ts';
import type { Draft } from './types.ts';

/** Insight questions as the builder needs them: id and question texts. */
export type QuestionSource = (id: string) => { questions: readonly string[] } | undefined;

/** One checkbox: an insight's question, and whether it goes in the deck. */
export interface QuestionChoice {
	insight: string;
	index: number;
	text: string;
	ticked: boolean;
}

const isPick = (question: BriefingQuestion): question is { insight: string; index: number } =>
	typeof question !== 'string';

/** The default questions: the first of each insight that has one, at most six. */
export function defaultQuestions(
	insights: readonly string[],
	source: QuestionSource,
): Array<{ insight: string; index: number }> {
	return insights
		.filter((id) => source(id)?.questions.length)
		.slice(0, briefingLimits.questions)
		.map((insight) => ({ insight, index: 0 }));
}

/**
 * The draft's questions that still apply: picks of insights no longer chosen (or questions the
 * insight no longer has) are left out; the rep's own words are kept.
 */
export function liveQuestions(
	draft: Pick<Draft, 'insights' | 'questions'>,
	source: QuestionSource,
): BriefingQuestion[] | undefined {
	if (!draft.questions) return undefined;
	const chosen = new Set(draft.insights);
	const live = draft.questions.filter(
		(question) =>
			!isPick(question) ||
			(chosen.has(question.insight) &&
				question.index < (source(question.insight)?.questions.length ?? 0)),
	);
	return live.length ? live : undefined;
}

/** The checkboxes: every question of every chosen insight, in presenting order. */
export function questionChoices(
	draft: Pick<Draft, 'insights' | 'questions'>,
	source: QuestionSource,
): QuestionChoice[] {
	const ticked = (liveQuestions(draft, source) ?? defaultQuestions(draft.insights, source))
		.filter(isPick)
		.map((question) => `${question.insight}#${question.index}`);
	return draft.insights.flatMap((insight) =>
		(source(insight)?.questions ?? []).map((text, index) => ({
			insight,
			index,
			text,
			ticked: ticked.includes(`${insight}#${index}`),
		})),
	);
}

/** How many questions the deck asks now (ticked picks and the rep's own words). */
export function questionCount(
	draft: Pick<Draft, 'insights' | 'questions'>,
	source: QuestionSource,
): number {
	return (liveQuestions(draft, source) ?? defaultQuestions(draft.insights, source)).length;
}

/**
 * The draft's questions after ticking or unticking one: picks in presenting order, the rep's own
 * words after them; unchanged when ticking would go over six. Unticking the last one goes back
 * to the default (a deck always has its questions slide).
 */
export function toggleQuestion(
	draft: Pick<Draft, 'insights' | 'questions'>,
	source: QuestionSource,
	pick: { insight: string; index: number },
	ticked: boolean,
): BriefingQuestion[] | undefined {
	const current = liveQuestions(draft, source) ?? defaultQuestions(draft.insights, source);
	const key = (question: { insight: string; index: number }) =>
		`${question.insight}#${question.index}`;
	const picks = new Set(current.filter(isPick).map(key));
	const own = current.filter((question): question is string => typeof question === 'string');
	if (ticked) {
		if (picks.has(key(pick))) return draft.questions;
		if (current.length >= briefingLimits.questions) return draft.questions;
		picks.add(key(pick));
	} else picks.delete(key(pick));
	const ordered = questionChoices({ insights: draft.insights }, source)
		.filter((choice) => picks.has(key(choice)))
		.map(({ insight, index }) => ({ insight, index }));
	const next = [...ordered, ...own];
	return next.length ? next : undefined;
}
