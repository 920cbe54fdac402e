/** Questions to explore: the insights' discovery questions, numbered across pages. */
import type { SceneParagraph, SceneSlide } from '../scene.ts';
import { bodyText, headerFrames, pageLabel } from './chrome.ts';
import type { Context, FilledInsight } from './context.ts';
import { textAt } from './frames.ts';
import { QUESTIONS_LAYOUT } from './layouts.ts';
import { notesFor } from './notes.ts';
import { paginate } from './paginate.ts';

export function questionSlides(ctx: Context, insights: FilledInsight[]): SceneSlide[] {
	const layout = QUESTIONS_LAYOUT;
	let number = 0;
	const groups = insights.map((insight) =>
		insight.questions.map((question): SceneParagraph => {
			number++;
			return {
				runs: [{ text: question }],
				bullet: { kind: 'number', startAt: number },
				indent: layout.indent,
				spaceBefore: layout.spaceBefore,
			};
		}),
	);
	const box = layout.box;
	const spec = bodyText(ctx, 'questions', { min: layout.size[0], max: layout.size[1] });
	const { pages, size, fits } = paginate(groups, box, spec);
	return pages.map((page, index) => {
		const first = page[0]!.bullet;
		const startAt = first?.kind === 'number' ? first.startAt : 1;
		const list = page.map((p): SceneParagraph => ({ ...p, bullet: { kind: 'number', startAt } }));
		const label = pageLabel('Questions to explore', index, pages.length);
		return {
			master: 'content',
			kind: 'questions',
			title: label,
			notes: notesFor.questions(
				ctx.input,
				insights.map((i) => i.source),
				ctx.fill,
				index,
				pages.length,
			),
			frames: [
				...headerFrames(ctx, label, 'Questions to explore together'),
				{ ...textAt({ ...box }, list, size, spec), fits },
			],
		};
	});
}
