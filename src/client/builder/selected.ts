/**
 * Step 2's list of chosen insights, in presenting order: reorder by buttons, Alt+arrows or drag,
 * remove, each with its own error; and the count per conversation above it.
 */
import type { ContentIssue } from '../../library/issues.ts';
import { stageIds, stages, type Stage } from '../../schema/stage-names.ts';
import { el, type BuilderElements } from './dom.ts';
import { generic, type LoadedLibrary } from './library.ts';
import type { DraftStore } from './store.ts';

export function initSelected(
	elements: BuilderElements['selected'],
	library: LoadedLibrary,
	store: DraftStore,
	/** Where focus goes when the last insight is removed. */
	fallbackFocus: HTMLElement,
): void {
	const { list, empty, coverage } = elements;
	const itemAt = (index: number) => list.querySelectorAll<HTMLElement>('.selected-item')[index];

	const item = (id: string, index: number, count: number, error: ContentIssue | undefined) => {
		const title = generic(library.insight(id).data.title);
		const stage = library.insight(id).data.stage;
		const button = (props: Record<string, string | boolean>, text: string) =>
			el('button', { type: 'button', class: 'icon-button', ...props, text });
		return el(
			'li',
			{
				class: `selected-item${error ? ' has-error' : ''}`,
				draggable: 'true',
				tabindex: '0',
				'data-index': String(index),
				'data-insight': id,
				'aria-label': `${index + 1}. ${title}`,
			},
			el('span', { class: 'order-number', text: `${index + 1}.` }),
			el(
				'div',
				{},
				el('h3', { text: title }),
				el('span', {
					class: 'chip stage-chip',
					'data-stage': stage,
					text: stages[stage].name,
				}),
				...(error ? [el('p', { class: 'field-error', text: error.message })] : []),
			),
			el(
				'div',
				{ class: 'item-buttons' },
				button(
					{ 'data-move': 'up', 'aria-label': `Move up: ${title}`, disabled: index === 0 },
					'↑',
				),
				button(
					{
						'data-move': 'down',
						'aria-label': `Move down: ${title}`,
						disabled: index === count - 1,
					},
					'↓',
				),
				button({ 'data-remove': id, 'aria-label': `Remove: ${title}` }, '✕'),
			),
		);
	};

	/** What the list was last drawn from. */
	let drawn = '';
	const render = () => {
		const { insights } = store.draft;
		const errors = new Map<string, ContentIssue>();
		for (const issue of store.visibleIssues)
			if (issue.field.startsWith('insights[') && !errors.has(issue.field))
				errors.set(issue.field, issue);
		// Most changes (a key typed in the form) leave the list as it is: rebuilding 12 items on
		// every key was most of a keystroke's cost on a phone, and would drop focus and drag state.
		const content = JSON.stringify([
			insights,
			[...errors].map(([field, issue]) => [field, issue.message]),
		]);
		if (content === drawn) return;
		drawn = content;
		empty.hidden = insights.length > 0;
		list.replaceChildren(
			...insights.map((id, index) =>
				item(id, index, insights.length, errors.get(`insights[${index}]`)),
			),
		);
		const counts = new Map<Stage, number>();
		for (const id of insights) {
			const stage = library.insight(id).data.stage;
			counts.set(stage, (counts.get(stage) ?? 0) + 1);
		}
		coverage.replaceChildren(
			...stageIds.map((stage) =>
				el('li', {
					class: counts.get(stage) ? 'is-covered' : '',
					text: `${stages[stage].name}: ${counts.get(stage) ?? 0}`,
				}),
			),
		);
	};
	// Errors of insights depend on the meeting date too, so every change checks whether to redraw.
	store.subscribe(render);

	const move = (from: number, to: number) => {
		if (to < 0 || to >= store.draft.insights.length || from === to) return;
		store.update('insights', (draft) => {
			const [id] = draft.insights.splice(from, 1);
			draft.insights.splice(to, 0, id!);
		});
		itemAt(to)?.focus();
	};

	list.addEventListener('click', (event) => {
		const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
		const selected = button?.closest<HTMLElement>('.selected-item');
		if (!button || !selected) return;
		const index = Number(selected.dataset.index);
		if (button.dataset.move === 'up') move(index, index - 1);
		else if (button.dataset.move === 'down') move(index, index + 1);
		else if (button.dataset.remove) {
			store.update('insights', (draft) => void draft.insights.splice(index, 1));
			(itemAt(Math.min(index, store.draft.insights.length - 1)) ?? fallbackFocus).focus();
		}
	});
	list.addEventListener('keydown', (event) => {
		const selected = (event.target as HTMLElement).closest<HTMLElement>('.selected-item');
		if (!selected || event.target !== selected || !event.altKey) return;
		const index = Number(selected.dataset.index);
		if (event.key === 'ArrowUp') {
			event.preventDefault();
			move(index, index - 1);
		} else if (event.key === 'ArrowDown') {
			event.preventDefault();
			move(index, index + 1);
		}
	});

	let dragIndex = -1;
	const clearDrag = () => {
		for (const other of list.querySelectorAll('.is-dragging, .is-drop-target'))
			other.classList.remove('is-dragging', 'is-drop-target');
	};
	list.addEventListener('dragstart', (event) => {
		const selected = (event.target as HTMLElement).closest<HTMLElement>('.selected-item');
		if (!selected) return;
		dragIndex = Number(selected.dataset.index);
		selected.classList.add('is-dragging');
		event.dataTransfer?.setData('text/plain', selected.dataset.insight ?? '');
		if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
	});
	list.addEventListener('dragover', (event) => {
		const selected = (event.target as HTMLElement).closest<HTMLElement>('.selected-item');
		if (!selected || dragIndex < 0) return;
		event.preventDefault();
		for (const other of list.querySelectorAll('.is-drop-target'))
			other.classList.remove('is-drop-target');
		selected.classList.add('is-drop-target');
	});
	list.addEventListener('drop', (event) => {
		const selected = (event.target as HTMLElement).closest<HTMLElement>('.selected-item');
		if (!selected || dragIndex < 0) return;
		event.preventDefault();
		const from = dragIndex;
		dragIndex = -1;
		move(from, Number(selected.dataset.index));
	});
	list.addEventListener('dragend', () => {
		dragIndex = -1;
		clearDrag();
	});
}
