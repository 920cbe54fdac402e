/** Questions to explore: the insights' discovery questions, numbered across pages. */
import type { SceneParagraph, SceneSlide } from '../scene.ts';
import { bodyText, headerFrames, pageLabel } from './chrome.ts';
import type { Context, FilledInsight } from './context.ts';
import { textAt } from './frames.ts';
import { QUESTIONS_LAYOUT } from './layouts.ts';
import { notesFor } from './notes.ts';
import { paginate } from './paginate.ts';

/** At most this many questions by default (an executive sits through six, not twenty-four). */
export const DEFAULT_QUESTIONS = 6;

/** A question on the slide, and the insight it comes from (none for the briefing's own). */
export interface ChosenQuestion {
	text: string;
	insight?: FilledInsight;
}

/**
 * The briefing's questions: those it chooses (`questions:`), else the first question of each
 * insight, at most {@link DEFAULT_QUESTIONS}.
 */
export function chooseQuestions(ctx: Context, insights: FilledInsight[]): ChosenQuestion[] {
	const chosen = ctx.input.briefing.questions;
	if (!chosen?.length) {
		return insights
			.filter((insight) => insight.questions.length)
			.slice(0, DEFAULT_QUESTIONS)
			.map((insight) => ({ text: insight.questions[0]!, insight }));
	}
	return chosen.map((question) => {
		if (typeof question === 'string') return { text: ctx.fill(question) };
		const insight = insights.find((entry) => entry.id === question.insight);
		const text = insight?.questions[question.index];
		if (!insight || text === undefined) {
			throw new Error(
				`questions: "${question.insight}" has no question ${question.index} in this briefing`,
			);
		}
		return { text, insight };
	});
}

export function questionSlides(ctx: Context, insights: FilledInsight[]): SceneSlide[] {
	const layout = QUESTIONS_LAYOUT;
	const chosen = chooseQuestions(ctx, insights);
	const groups = chosen.map((question, index): SceneParagraph[] => [
		{
			runs: [{ text: question.text }],
			bullet: { kind: 'number', startAt: index + 1 },
			indent: layout.indent,
			spaceBefore: layout.spaceBefore,
		},
	]);
	const box = layout.box;
	const spec = bodyText(ctx, 'questions', { min: layout.size[0], max: layout.size[1] });
	const { pages, size, fits } = paginate(groups, box, spec);
	return pages.map((page, index) => {
		const first = page[0]!.bullet;
		const startAt = first?.kind === 'number' ? first.startAt : 1;
		const list = page.map((p): SceneParagraph => ({ ...p, bullet: { kind: 'number', startAt } }));
		// The page count goes on the headline, the slide's title: titles tell slides apart.
		const title = pageLabel('Questions to explore together', index, pages.length);
		const onPage = list.map((_, i) => {
			const number = startAt + i;
			return { number, insight: chosen[number - 1]?.insight?.source };
		});
		return {
			master: 'content',
			kind: 'questions',
			title,
			notes: notesFor.questions(ctx.input, onPage, ctx.fill, index, pages.length),
			frames: [
				...headerFrames(ctx, 'Questions to explore', title),
				{ ...textAt({ ...box }, list, size, spec), fits },
			],
		};
	});
}
