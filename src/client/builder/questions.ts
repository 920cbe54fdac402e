/**
 * Step 2's "Questions to explore": a checkbox per question of each chosen insight, grouped by
 * insight, at most six ticked; the deck's default shows ticked until the rep chooses. The
 * questions come with the insights' details: until every chosen insight's have arrived the list
 * waits (ticking with some missing would drop their picks).
 */
import { questionChoices, questionCount, toggleQuestion } from '../../builder/questions.ts';
import { briefingLimits } from '../../schema/briefing-limits.ts';
import { el } from './dom.ts';
import { generic, type LoadedLibrary } from './library.ts';
import type { DraftStore } from './store.ts';

export function initQuestions(root: HTMLElement, library: LoadedLibrary, store: DraftStore): void {
	const list = root.querySelector<HTMLElement>('#question-groups')!;
	const count = root.querySelector<HTMLElement>('#question-count')!;
	const source = (id: string) => library.detail(id)?.data;
	const max = briefingLimits.questions;

	const render = () => {
		const draft = store.draft;
		if (draft.insights.some((id) => !library.detail(id))) {
			root.hidden = false;
			count.textContent = 'Loading the questions of the chosen insights…';
			list.replaceChildren();
			// Rendered again once they arrive (and checked again: more may have been added meanwhile).
			library.details(draft.insights).then(render, () => {
				count.textContent =
					'The questions could not be loaded: check the connection, then add or remove an insight to try again.';
			});
			return;
		}
		const choices = questionChoices(draft, source);
		const asked = questionCount(draft, source);
		root.hidden = choices.length === 0;
		const own = (draft.questions ?? []).filter((question) => typeof question === 'string');
		count.textContent =
			`${asked} of at most ${max} ticked` +
			(draft.questions ? '' : ' (the first question of each insight, until you choose)') +
			(own.length ? `; ${own.length} of them in your own words, from the imported file` : '') +
			'.';
		list.replaceChildren(
			...draft.insights.map((insight) => {
				const title = generic(library.insight(insight).data.title);
				const boxes = choices
					.filter((choice) => choice.insight === insight)
					.map((choice) => {
						const id = `q-${insight}-${choice.index}`;
						return el(
							'li',
							{},
							el('input', {
								type: 'checkbox',
								id,
								'data-insight': insight,
								'data-index': String(choice.index),
								checked: choice.ticked,
								// Six is the most an executive sits through: the rest wait until one is unticked.
								disabled: !choice.ticked && asked >= max,
								'aria-describedby': 'question-count',
							}),
							el('label', { for: id, text: generic(choice.text) }),
						);
					});
				return el(
					'li',
					{ class: 'question-group' },
					el('h3', { text: title }),
					el('ul', { class: 'question-boxes', 'aria-label': title }, ...boxes),
				);
			}),
		);
	};
	store.subscribe((change) => {
		if (change === 'insights' || change === 'draft') render();
	});

	list.addEventListener('change', (event) => {
		const box = event.target as HTMLInputElement;
		if (box.type !== 'checkbox' || !box.dataset.insight) return;
		const pick = { insight: box.dataset.insight, index: Number(box.dataset.index) };
		store.update('details', (draft) => {
			const next = toggleQuestion(draft, source, pick, box.checked);
			if (next) draft.questions = next;
			else delete draft.questions;
		});
		render();
		document.getElementById(box.id)?.focus();
	});
}
