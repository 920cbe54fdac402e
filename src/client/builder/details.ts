/**
 * Step 2's details form: the typed single-value fields (see `builder/fields.ts`), the audience
 * rows and the agenda rows. Typing changes the draft; the form is refilled only when the draft
 * changes from elsewhere (opened, imported, undone, a suggested industry).
 */
import { draftFields, isDraftField, type DraftFieldName } from '../../builder/fields.ts';
import { briefingLimits } from '../../schema/briefing-limits.ts';
import { el, type BuilderElements } from './dom.ts';
import type { LoadedLibrary } from './library.ts';
import type { DraftStore } from './store.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export function initDetails(
	elements: BuilderElements['details'],
	library: LoadedLibrary,
	store: DraftStore,
): void {
	const { form, industry, audienceRows, agendaRows, addPerson, addAgenda } = elements;
	for (const entry of library.data.taxonomy.industries)
		industry.append(el('option', { value: entry.id, text: entry.name }));

	const fields: Array<[Control, DraftFieldName]> = [];
	for (const control of form.querySelectorAll<Control>('[data-field]')) {
		const name = control.dataset.field;
		if (!isDraftField(name)) throw new Error(`builder: unknown data-field "${name}"`);
		fields.push([control, name]);
	}
	const fill = () => {
		for (const [control, name] of fields) {
			const value = draftFields[name].get(store.draft);
			if (control.value !== value) control.value = value;
		}
	};

	const labelled = (id: string, text: string, control: HTMLElement, path: string) =>
		el(
			'div',
			{ class: 'field' },
			el('label', { for: id, text }),
			control,
			el('p', { class: 'field-error', 'data-error-for': path }),
		);
	const input = (props: Record<string, string>, value: string) => {
		const control = el('input', { autocomplete: 'off', ...props });
		control.value = value;
		return control;
	};

	const renderRows = () => {
		const { audience, nextStep } = store.draft;
		audienceRows.replaceChildren(
			...audience.map((person, index) => {
				const row = { 'data-row': 'audience', 'data-index': String(index) };
				const path = `prospect.audience[${index}]`;
				const name = input(
					{
						id: `f-audience-${index}-name`,
						...row,
						'data-key': 'name',
						'data-path': `${path}.name`,
					},
					person.name,
				);
				const role = input(
					{
						id: `f-audience-${index}-role`,
						...row,
						'data-key': 'role',
						'data-path': `${path}.role`,
						placeholder: 'e.g. Chief Financial Officer',
					},
					person.role,
				);
				return el(
					'li',
					{ class: 'row' },
					labelled(name.id, `Name ${index + 1} (optional)`, name, `${path}.name`),
					labelled(role.id, `Role ${index + 1}`, role, `${path}.role`),
					el(
						'div',
						{ class: 'field' },
						el('span', { class: 'label', 'aria-hidden': 'true', text: '\u00a0' }),
						el('button', {
							type: 'button',
							class: 'icon-button',
							'data-remove-row': 'audience',
							'data-index': String(index),
							'aria-label': `Remove person ${index + 1}`,
							text: '✕',
							disabled: audience.length === 1,
						}),
					),
				);
			}),
		);
		agendaRows.replaceChildren(
			...nextStep.agenda.map((item, index) => {
				const path = `nextStep.agenda[${index}]`;
				const control = input(
					{
						id: `f-agenda-${index}`,
						'data-row': 'agenda',
						'data-index': String(index),
						'data-path': path,
					},
					item,
				);
				return el(
					'li',
					{ class: 'row single' },
					el(
						'div',
						{ class: 'field' },
						el('label', {
							class: 'visually-hidden',
							for: control.id,
							text: `Agenda item ${index + 1}`,
						}),
						control,
						el('p', { class: 'field-error', 'data-error-for': path }),
					),
					el('button', {
						type: 'button',
						class: 'icon-button',
						'data-remove-row': 'agenda',
						'data-index': String(index),
						'aria-label': `Remove agenda item ${index + 1}`,
						text: '✕',
					}),
				);
			}),
		);
		addAgenda.disabled = nextStep.agenda.length >= briefingLimits.agenda;
		addPerson.disabled = audience.length >= briefingLimits.audience;
	};

	store.subscribe((change) => {
		if (change === 'draft' || change === 'rows') renderRows();
		// What the rep is typing stays as typed; changes from elsewhere are shown.
		if (change === 'insights' || change === 'rows' || change === 'draft') fill();
	});

	form.addEventListener('input', (event) => {
		const target = event.target as Control;
		const name = target.dataset.field;
		const index = Number(target.dataset.index);
		store.update('details', (draft) => {
			if (isDraftField(name)) draftFields[name].set(draft, target.value);
			else if (target.dataset.row === 'audience') {
				const person = draft.audience[index];
				if (person && target.dataset.key === 'name') person.name = target.value;
				else if (person && target.dataset.key === 'role') person.role = target.value;
			} else if (target.dataset.row === 'agenda' && index < draft.nextStep.agenda.length)
				draft.nextStep.agenda[index] = target.value;
		});
	});
	form.addEventListener('focusout', (event) => {
		const path = (event.target as HTMLElement).dataset?.path;
		if (path) store.touch(path);
	});
	form.addEventListener('click', (event) => {
		const button = (event.target as HTMLElement).closest<HTMLButtonElement>(
			'button[data-remove-row]',
		);
		if (!button) return;
		const index = Number(button.dataset.index);
		const rows = button.dataset.removeRow;
		store.update('rows', (draft) => {
			if (rows === 'audience') draft.audience.splice(index, 1);
			else draft.nextStep.agenda.splice(index, 1);
		});
	});
	addPerson.addEventListener('click', () => {
		store.update('rows', (draft) => void draft.audience.push({ name: '', role: '' }));
		audienceRows
			.querySelector<HTMLInputElement>(`#f-audience-${store.draft.audience.length - 1}-name`)
			?.focus();
	});
	addAgenda.addEventListener('click', () => {
		store.update('rows', (draft) => void draft.nextStep.agenda.push(''));
		agendaRows
			.querySelector<HTMLInputElement>(`#f-agenda-${store.draft.nextStep.agenda.length - 1}`)
			?.focus();
	});
	form.addEventListener('submit', (event) => event.preventDefault());
}
