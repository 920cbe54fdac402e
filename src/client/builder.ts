/**
 * The briefing builder's UI. State is one `Draft`, saved to local storage on every change;
 * everything the rep typed is rendered as text (never as HTML), so hostile input stays inert.
 * The deck engine is imported only when a deck is asked for.
 */
import { checkDraft, draftFileId, draftToYaml } from '../builder/briefing.ts';
import { prospectingEmail } from '../builder/email.ts';
import {
	draftFromValue,
	importYaml,
	keepUsable,
	readSaved,
	readShareQuery,
	shareQuery,
	type Arrival,
} from '../builder/share.ts';
import { fitScore, suggestStoryline } from '../builder/storyline.ts';
import {
	emptyDraft,
	type BuilderLibrary,
	type Draft,
	type PublishedInsight,
} from '../builder/types.ts';
import { prospectIndustryName } from '../library/deck-input.ts';
import type { ContentIssue } from '../library/issues.ts';
import { briefingLimits } from '../schema/briefing.ts';
import { stageIds, stages, type Stage } from '../schema/stage.ts';
import { crossIndustry } from '../schema/taxonomy.ts';
import { fillTokens, genericTokenValues } from '../schema/tokens.ts';

/** Local storage key of the work in progress. */
export const storageKey = 'insight-library:builder-draft';

type Library = BuilderLibrary & { briefings: Array<{ id: string; data: unknown }> };

const $ = <T extends HTMLElement>(selector: string, root: ParentNode = document) => {
	const element = root.querySelector<T>(selector);
	if (!element) throw new Error(`builder: missing ${selector}`);
	return element;
};

/** Creates an element with text content (never HTML) and attributes. */
function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	props: Record<string, string | boolean | undefined> = {},
	...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
	const element = document.createElement(tag);
	for (const [key, value] of Object.entries(props)) {
		if (value === undefined || value === false) continue;
		if (key === 'text') element.textContent = String(value);
		else element.setAttribute(key, value === true ? '' : value);
	}
	element.append(...children);
	return element;
}

function download(name: string, data: BlobPart, type: string): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const link = el('a', { href: url, download: name });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copyText(
	text: string,
	fallback: HTMLInputElement | HTMLTextAreaElement,
): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text);
		return true;
	} catch {
		fallback.focus();
		fallback.select();
		return false;
	}
}

export async function initBuilder(): Promise<void> {
	const root = $<HTMLElement>('#builder');
	const base = root.dataset.base ?? '/';
	const notices = $<HTMLElement>('#builder-notices');
	const status = $<HTMLElement>('#action-status');

	let library: Library;
	try {
		const response = await fetch(`${base}builder/library.json`);
		if (!response.ok) throw new Error(String(response.status));
		library = (await response.json()) as Library;
	} catch {
		notices.append(
			el('p', {
				class: 'notice',
				text: 'The insight library could not be loaded. Reload the page to try again.',
			}),
		);
		return;
	}
	const byId = new Map(library.insights.map((insight) => [insight.id, insight]));
	const industryName = (id: string) =>
		id === crossIndustry
			? 'Cross-industry'
			: (library.taxonomy.industries.find((entry) => entry.id === id)?.name ?? '');
	const personaName = (id: string) => {
		const persona = library.taxonomy.personas.find((entry) => entry.id === id);
		return persona?.short ?? persona?.name ?? id;
	};
	const generic = (text: string) => fillTokens(text, genericTokenValues);

	// ---- State: restored from a share link, a ?briefing= or ?add= link, or local storage.
	let draft: Draft = emptyDraft();
	let attempted = false;
	const touched = new Set<string>();
	const params = new URLSearchParams(location.search);

	const notice = (message: string, extra?: Node) => {
		const item = el('p', { class: 'notice' }, message);
		if (extra) item.append(' ', extra);
		const close = el('button', { type: 'button', class: 'link-button', text: 'Dismiss' });
		close.addEventListener('click', () => item.remove());
		item.append(close);
		notices.append(item);
	};
	const explainDropped = (arrival: Arrival, from: string) => {
		for (const error of arrival.errors) notice(error);
		if (arrival.dropped.length) {
			notice(
				`${arrival.dropped.length === 1 ? 'One insight' : `${arrival.dropped.length} insights`} from ${from} ${arrival.dropped.length === 1 ? 'is' : 'are'} no longer in the library (retired, renamed or not published) and ${arrival.dropped.length === 1 ? 'was' : 'were'} left out: ${arrival.dropped.join(', ')}. The rest ${arrival.draft.insights.length === 1 ? 'was' : 'were'} kept.`,
			);
		}
	};

	let savedText: string | null = null;
	try {
		savedText = localStorage.getItem(storageKey);
	} catch {
		// Storage can be switched off (private modes, strict settings): start empty and say so on save.
	}
	const saved = readSaved(savedText, library);
	const shared = readShareQuery(location.search, library);
	const briefingId = params.get('briefing');
	if (shared) {
		draft = shared.draft;
		explainDropped(shared, 'the link');
		if (saved && saved.draft.insights.length)
			notice('Opened the shared briefing; your previous work in progress was replaced.');
	} else if (briefingId) {
		const example = library.briefings.find((entry) => entry.id === briefingId);
		if (example) {
			const arrival = keepUsable(draftFromValue(example.data), library);
			draft = arrival.draft;
			explainDropped(arrival, `briefing “${briefingId}”`);
			notice(`Opened the briefing “${briefingId}”. Changes here do not alter the original.`);
		} else {
			notice(`There is no briefing “${briefingId}”; your previous work is shown instead.`);
			if (saved) draft = saved.draft;
		}
	} else if (saved) {
		draft = saved.draft;
		explainDropped(saved, 'your saved work');
	}
	const add = params.get('add');
	if (add) {
		if (!byId.has(add)) notice(`The insight “${add}” is not in the library, so it was not added.`);
		else if (draft.insights.includes(add))
			notice(`“${generic(byId.get(add)!.data.title)}” is already in your briefing.`);
		else if (draft.insights.length >= briefingLimits.maxInsights)
			notice(
				`Your briefing already has ${briefingLimits.maxInsights} insights, the most a briefing can take; remove one to add another.`,
			);
		else draft.insights.push(add);
	}
	const presetIndustry = params.get('industry');
	if (
		presetIndustry &&
		library.taxonomy.industries.some((entry) => entry.id === presetIndustry) &&
		!draft.industry
	) {
		draft.industry = presetIndustry;
	}
	if (location.search) history.replaceState(null, '', location.pathname);

	// ---- Controls
	const search = $<HTMLInputElement>('#pick-search');
	const pickIndustry = $<HTMLSelectElement>('#pick-industry');
	const pickPersona = $<HTMLSelectElement>('#pick-persona');
	const pickStage = $<HTMLSelectElement>('#pick-stage');
	const pickList = $<HTMLUListElement>('#pick-list');
	const pickCount = $<HTMLElement>('#pick-count');
	const selectedList = $<HTMLOListElement>('#selected-list');
	const selectedEmpty = $<HTMLElement>('#selected-empty');
	const coverage = $<HTMLUListElement>('#coverage');
	const form = $<HTMLFormElement>('#details-form');
	const formIndustry = $<HTMLSelectElement>('#f-industry');
	const audienceRows = $<HTMLUListElement>('#audience-rows');
	const agendaRows = $<HTMLUListElement>('#agenda-rows');

	for (const industry of library.taxonomy.industries) {
		pickIndustry.append(el('option', { value: industry.id, text: industry.name }));
		formIndustry.append(el('option', { value: industry.id, text: industry.name }));
	}
	for (const persona of library.taxonomy.personas)
		pickPersona.append(el('option', { value: persona.id, text: persona.name }));
	for (const stage of stageIds)
		pickStage.append(el('option', { value: stage, text: stages[stage].name }));
	pickIndustry.value = draft.industry;

	const save = () => {
		try {
			localStorage.setItem(storageKey, JSON.stringify(draft));
		} catch {
			status.textContent =
				'This browser did not let us save your work; download it as YAML to keep it.';
		}
	};

	// ---- Library list
	const matchesSearch = (insight: PublishedInsight, words: string[]) => {
		if (!words.length) return true;
		const text = [
			insight.data.title,
			insight.data.summary,
			...insight.data.points,
			...insight.data.topics,
			insight.data.implication,
		]
			.join(' ')
			.toLowerCase();
		return words.every((word) => text.includes(word));
	};

	const renderLibrary = () => {
		const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
		const industry = pickIndustry.value;
		const persona = pickPersona.value;
		const stage = pickStage.value;
		const shown = library.insights
			.filter(
				(insight) =>
					(!industry || fitScore(insight, industry, '') > 0) &&
					(!persona || insight.data.personas.includes(persona)) &&
					(!stage || insight.data.stage === stage) &&
					matchesSearch(insight, words),
			)
			.sort(
				(a, b) =>
					stageIds.indexOf(a.data.stage) - stageIds.indexOf(b.data.stage) ||
					fitScore(b, industry, persona) - fitScore(a, industry, persona) ||
					a.id.localeCompare(b.id),
			);
		pickCount.textContent = `${shown.length} of ${library.insights.length} insights`;
		pickList.replaceChildren(
			...shown.map((insight) => {
				const added = draft.insights.includes(insight.id);
				const button = el('button', {
					type: 'button',
					class: added ? 'button secondary small' : 'button small',
					'data-add': insight.id,
					'aria-pressed': added ? 'true' : 'false',
					'aria-label': `${added ? 'Remove' : 'Add'}: ${generic(insight.data.title)}`,
					text: added ? 'Added ✓' : 'Add',
				});
				return el(
					'li',
					{ class: `pick-item${added ? ' is-added' : ''}`, 'data-insight': insight.id },
					el(
						'div',
						{},
						el('span', {
							class: 'chip stage-chip',
							'data-stage': insight.data.stage,
							text: stages[insight.data.stage].name,
						}),
						el(
							'h3',
							{},
							el('a', {
								href: `${base}insights/${insight.id}/`,
								target: '_blank',
								text: generic(insight.data.title),
							}),
						),
						el('p', {
							text:
								insight.data.industries.map(industryName).join(' · ') +
								' | ' +
								insight.data.personas.map(personaName).join(', '),
						}),
					),
					button,
				);
			}),
		);
		if (!shown.length)
			pickList.append(
				el('li', { class: 'empty', text: 'No insight matches. Clear the search or a filter.' }),
			);
	};

	// ---- Selected insights
	const move = (from: number, to: number) => {
		if (to < 0 || to >= draft.insights.length || from === to) return;
		const [id] = draft.insights.splice(from, 1);
		draft.insights.splice(to, 0, id!);
		changed();
		selectedList.querySelectorAll<HTMLElement>('.selected-item')[to]?.focus();
	};

	const renderSelected = (issues: ContentIssue[]) => {
		selectedEmpty.hidden = draft.insights.length > 0;
		selectedList.replaceChildren(
			...draft.insights.map((id, index) => {
				const insight = byId.get(id)!;
				const error = issues.find((issue) => issue.field === `insights[${index}]`);
				const up = el('button', {
					type: 'button',
					class: 'icon-button',
					'data-move': 'up',
					'aria-label': `Move up: ${generic(insight.data.title)}`,
					text: '↑',
					disabled: index === 0,
				});
				const down = el('button', {
					type: 'button',
					class: 'icon-button',
					'data-move': 'down',
					'aria-label': `Move down: ${generic(insight.data.title)}`,
					text: '↓',
					disabled: index === draft.insights.length - 1,
				});
				const remove = el('button', {
					type: 'button',
					class: 'icon-button',
					'data-remove': id,
					'aria-label': `Remove: ${generic(insight.data.title)}`,
					text: '✕',
				});
				return el(
					'li',
					{
						class: `selected-item${error ? ' has-error' : ''}`,
						draggable: 'true',
						tabindex: '0',
						'data-index': String(index),
						'data-insight': id,
						'aria-label': `${index + 1}. ${generic(insight.data.title)}`,
					},
					el('span', { class: 'order-number', text: `${index + 1}.` }),
					el(
						'div',
						{},
						el('h3', { text: generic(insight.data.title) }),
						el('span', {
							class: 'chip stage-chip',
							'data-stage': insight.data.stage,
							text: stages[insight.data.stage].name,
						}),
						...(error ? [el('p', { class: 'field-error', text: error.message })] : []),
					),
					el('div', { class: 'item-buttons' }, up, down, remove),
				);
			}),
		);
		const counts = new Map<Stage, number>();
		for (const id of draft.insights)
			counts.set(byId.get(id)!.data.stage, (counts.get(byId.get(id)!.data.stage) ?? 0) + 1);
		coverage.replaceChildren(
			...stageIds.map((stage) =>
				el('li', {
					class: counts.get(stage) ? 'is-covered' : '',
					text: `${stages[stage].name}: ${counts.get(stage) ?? 0}`,
				}),
			),
		);
	};

	selectedList.addEventListener('click', (event) => {
		const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button');
		const item = button?.closest<HTMLElement>('.selected-item');
		if (!button || !item) return;
		const index = Number(item.dataset.index);
		if (button.dataset.move === 'up') move(index, index - 1);
		else if (button.dataset.move === 'down') move(index, index + 1);
		else if (button.dataset.remove) {
			draft.insights.splice(index, 1);
			changed();
			(
				selectedList.querySelectorAll<HTMLElement>('.selected-item')[
					Math.min(index, draft.insights.length - 1)
				] ?? search
			).focus();
		}
	});
	selectedList.addEventListener('keydown', (event) => {
		const item = (event.target as HTMLElement).closest<HTMLElement>('.selected-item');
		if (!item || event.target !== item || !event.altKey) return;
		const index = Number(item.dataset.index);
		if (event.key === 'ArrowUp') {
			event.preventDefault();
			move(index, index - 1);
		} else if (event.key === 'ArrowDown') {
			event.preventDefault();
			move(index, index + 1);
		}
	});
	let dragIndex = -1;
	selectedList.addEventListener('dragstart', (event) => {
		const item = (event.target as HTMLElement).closest<HTMLElement>('.selected-item');
		if (!item) return;
		dragIndex = Number(item.dataset.index);
		item.classList.add('is-dragging');
		event.dataTransfer?.setData('text/plain', item.dataset.insight ?? '');
		if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
	});
	selectedList.addEventListener('dragover', (event) => {
		const item = (event.target as HTMLElement).closest<HTMLElement>('.selected-item');
		if (!item || dragIndex < 0) return;
		event.preventDefault();
		for (const other of selectedList.querySelectorAll('.is-drop-target'))
			other.classList.remove('is-drop-target');
		item.classList.add('is-drop-target');
	});
	selectedList.addEventListener('drop', (event) => {
		const item = (event.target as HTMLElement).closest<HTMLElement>('.selected-item');
		if (!item || dragIndex < 0) return;
		event.preventDefault();
		const to = Number(item.dataset.index);
		const from = dragIndex;
		dragIndex = -1;
		move(from, to);
	});
	selectedList.addEventListener('dragend', () => {
		dragIndex = -1;
		for (const other of selectedList.querySelectorAll('.is-dragging, .is-drop-target'))
			other.classList.remove('is-dragging', 'is-drop-target');
	});

	pickList.addEventListener('click', (event) => {
		const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-add]');
		if (!button) return;
		const id = button.dataset.add!;
		if (draft.insights.includes(id))
			draft.insights = draft.insights.filter((other) => other !== id);
		else if (draft.insights.length >= briefingLimits.maxInsights) {
			status.textContent = `A briefing takes at most ${briefingLimits.maxInsights} insights; remove one first.`;
			return;
		} else draft.insights.push(id);
		touched.add('insights');
		changed();
		pickList.querySelector<HTMLButtonElement>(`button[data-add="${CSS.escape(id)}"]`)?.focus();
	});
	for (const control of [search, pickIndustry, pickPersona, pickStage])
		control.addEventListener('input', renderLibrary);

	$<HTMLButtonElement>('#suggest').addEventListener('click', () => {
		const industry = pickIndustry.value || draft.industry;
		if (!industry) {
			status.textContent = 'Choose an industry first: the storyline is built for one industry.';
			pickIndustry.focus();
			return;
		}
		const ids = suggestStoryline(library.insights, industry, pickPersona.value);
		if (!ids.length) {
			status.textContent = 'No insights fit that industry yet.';
			return;
		}
		const previous = [...draft.insights];
		draft.insights = ids;
		if (!draft.industry) draft.industry = industry;
		touched.add('insights');
		changed();
		const undo = el('button', { type: 'button', class: 'link-button', text: 'Undo' });
		undo.addEventListener('click', () => {
			draft.insights = previous;
			changed();
			undo.closest('.notice')?.remove();
		});
		notice(
			`Suggested ${ids.length} insights for ${industryName(industry)}${pickPersona.value ? ` and ${personaName(pickPersona.value)}` : ''}, walking the four conversations in order.`,
			undo,
		);
	});

	// ---- Details form: simple fields by data-field path, plus audience and agenda rows.
	const getField = (path: string): string => {
		const [head, tail] = path.split('.') as [string, string | undefined];
		const value = tail
			? (draft as unknown as Record<string, Record<string, string>>)[head]![tail]
			: (draft as unknown as Record<string, string>)[head];
		return typeof value === 'string' ? value : '';
	};
	const setField = (path: string, value: string) => {
		const [head, tail] = path.split('.') as [string, string | undefined];
		if (tail) (draft as unknown as Record<string, Record<string, string>>)[head]![tail] = value;
		else (draft as unknown as Record<string, string>)[head] = value;
	};
	const fields = [
		...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
			'[data-field]',
		),
	];
	const fillForm = () => {
		for (const field of fields) field.value = getField(field.dataset.field!);
		renderRows();
	};

	const renderRows = () => {
		audienceRows.replaceChildren(
			...draft.audience.map((person, index) => {
				const name = el('input', {
					id: `f-audience-${index}-name`,
					'data-row': 'audience',
					'data-index': String(index),
					'data-key': 'name',
					'data-path': `prospect.audience[${index}].name`,
					autocomplete: 'off',
				});
				const role = el('input', {
					id: `f-audience-${index}-role`,
					'data-row': 'audience',
					'data-index': String(index),
					'data-key': 'role',
					'data-path': `prospect.audience[${index}].role`,
					autocomplete: 'off',
					placeholder: 'e.g. Chief Financial Officer',
				});
				name.value = person.name;
				role.value = person.role;
				const remove = el('button', {
					type: 'button',
					class: 'icon-button',
					'data-remove-row': 'audience',
					'data-index': String(index),
					'aria-label': `Remove person ${index + 1}`,
					text: '✕',
					disabled: draft.audience.length === 1,
				});
				return el(
					'li',
					{ class: 'row' },
					el(
						'div',
						{ class: 'field' },
						el('label', { for: name.id, text: `Name ${index + 1} (optional)` }),
						name,
						el('p', { class: 'field-error', 'data-error-for': `prospect.audience[${index}].name` }),
					),
					el(
						'div',
						{ class: 'field' },
						el('label', { for: role.id, text: `Role ${index + 1}` }),
						role,
						el('p', { class: 'field-error', 'data-error-for': `prospect.audience[${index}].role` }),
					),
					el(
						'div',
						{ class: 'field' },
						el('span', { class: 'label', 'aria-hidden': 'true', text: '\u00a0' }),
						remove,
					),
				);
			}),
		);
		agendaRows.replaceChildren(
			...draft.nextStep.agenda.map((item, index) => {
				const input = el('input', {
					id: `f-agenda-${index}`,
					'data-row': 'agenda',
					'data-index': String(index),
					'data-path': `nextStep.agenda[${index}]`,
					autocomplete: 'off',
				});
				input.value = item;
				const remove = el('button', {
					type: 'button',
					class: 'icon-button',
					'data-remove-row': 'agenda',
					'data-index': String(index),
					'aria-label': `Remove agenda item ${index + 1}`,
					text: '✕',
				});
				return el(
					'li',
					{ class: 'row single' },
					el(
						'div',
						{ class: 'field' },
						el('label', {
							class: 'visually-hidden',
							for: input.id,
							text: `Agenda item ${index + 1}`,
						}),
						input,
						el('p', { class: 'field-error', 'data-error-for': `nextStep.agenda[${index}]` }),
					),
					remove,
				);
			}),
		);
		$<HTMLButtonElement>('#add-agenda').disabled =
			draft.nextStep.agenda.length >= briefingLimits.agenda;
		$<HTMLButtonElement>('#add-person').disabled = draft.audience.length >= briefingLimits.audience;
	};

	form.addEventListener('input', (event) => {
		const target = event.target as HTMLInputElement;
		if (target.dataset.field) setField(target.dataset.field, target.value);
		else if (target.dataset.row === 'audience') {
			const person = draft.audience[Number(target.dataset.index)];
			if (person) person[target.dataset.key as 'name' | 'role'] = target.value;
		} else if (target.dataset.row === 'agenda')
			draft.nextStep.agenda[Number(target.dataset.index)] = target.value;
		if (target.dataset.field === 'industry' && !pickIndustry.value) {
			pickIndustry.value = target.value;
			renderLibrary();
		}
		changed(false);
	});
	form.addEventListener('focusout', (event) => {
		const path = (event.target as HTMLElement).dataset?.path;
		if (path) {
			touched.add(path);
			showErrors();
		}
	});
	form.addEventListener('click', (event) => {
		const button = (event.target as HTMLElement).closest<HTMLButtonElement>(
			'button[data-remove-row]',
		);
		if (!button) return;
		const index = Number(button.dataset.index);
		if (button.dataset.removeRow === 'audience') draft.audience.splice(index, 1);
		else draft.nextStep.agenda.splice(index, 1);
		renderRows();
		changed(false);
	});
	$<HTMLButtonElement>('#add-person').addEventListener('click', () => {
		draft.audience.push({ name: '', role: '' });
		renderRows();
		changed(false);
		$<HTMLInputElement>(`#f-audience-${draft.audience.length - 1}-name`).focus();
	});
	$<HTMLButtonElement>('#add-agenda').addEventListener('click', () => {
		draft.nextStep.agenda.push('');
		renderRows();
		changed(false);
		$<HTMLInputElement>(`#f-agenda-${draft.nextStep.agenda.length - 1}`).focus();
	});
	form.addEventListener('submit', (event) => event.preventDefault());

	// ---- Errors: shown for touched fields, and for all once a download was attempted.
	const errorSummary = $<HTMLElement>('#error-summary');
	const errorList = $<HTMLUListElement>('#error-list');
	const labelFor = (field: string) => {
		const input = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(field)}"]`);
		const label = input?.id
			? root.querySelector(`label[for="${CSS.escape(input.id)}"]`)?.textContent
			: undefined;
		if (label) return label.replace(/\(optional\)/, '').trim();
		if (field.startsWith('insights')) return 'Insights';
		return field;
	};
	const visible = (issue: ContentIssue) =>
		attempted ||
		touched.has(issue.field) ||
		(issue.field.startsWith('insights') && touched.has('insights') && issue.rule !== 'schema');

	let current = checkDraft(draft, library);
	const showErrors = () => {
		current = checkDraft(draft, library);
		const shown = current.issues.filter(visible);
		for (const slot of root.querySelectorAll<HTMLElement>('[data-error-for]')) {
			const field = slot.dataset.errorFor!;
			const issue = shown.find((candidate) => candidate.field === field);
			slot.textContent = issue ? issue.message : '';
			const input = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(field)}"]`);
			if (input) {
				if (issue) {
					input.setAttribute('aria-invalid', 'true');
					input.setAttribute(
						'aria-describedby',
						slot.id || (slot.id = `error-${field.replace(/[^a-z0-9]/gi, '-')}`),
					);
				} else {
					input.removeAttribute('aria-invalid');
					input.removeAttribute('aria-describedby');
				}
			}
		}
		renderSelected(shown);
		errorSummary.hidden = !attempted || current.issues.length === 0;
		errorList.replaceChildren(
			...current.issues.map((issue) => {
				const target = root.querySelector<HTMLElement>(`[data-path="${CSS.escape(issue.field)}"]`);
				const text = `${labelFor(issue.field)}: ${issue.message}`;
				if (!target?.id) return el('li', { text });
				const link = el('a', { href: `#${target.id}`, text });
				link.addEventListener('click', (event) => {
					event.preventDefault();
					target.focus();
				});
				return el('li', {}, link);
			}),
		);
	};

	const changed = (rerenderForm = false) => {
		save();
		if (rerenderForm) fillForm();
		renderLibrary();
		showErrors();
	};

	// ---- Actions
	const requireValid = () => {
		attempted = true;
		showErrors();
		if (current.issues.length) {
			status.textContent = `${current.issues.length} thing${current.issues.length === 1 ? '' : 's'} to fix first (listed above).`;
			errorSummary.focus();
			return undefined;
		}
		return current.briefing;
	};

	$<HTMLButtonElement>('#download-deck').addEventListener('click', async (event) => {
		const button = event.currentTarget as HTMLButtonElement;
		const briefing = requireValid();
		if (!briefing) return;
		button.disabled = true;
		status.textContent = 'Building your deck…';
		try {
			const [{ buildDeck, PPTX_MIME }, { builderDeckInput }, logoPng] = await Promise.all([
				import('../deck/index.ts'),
				import('../builder/deck.ts'),
				fetchLogo(base, library),
			]);
			const bytes = await buildDeck(builderDeckInput(library, briefing, logoPng));
			const name = `${draftFileId(draft)}.pptx`;
			download(name, bytes as Uint8Array<ArrayBuffer>, PPTX_MIME);
			status.textContent = `Downloaded ${name}.`;
		} catch (error) {
			status.textContent = `The deck could not be built: ${error instanceof Error ? error.message : String(error)}. Your work is saved; try again or download the YAML.`;
		} finally {
			button.disabled = false;
		}
	});

	$<HTMLButtonElement>('#download-yaml').addEventListener('click', () => {
		const briefing = requireValid();
		if (!briefing) return;
		const name = `${draftFileId(draft)}.yaml`;
		download(name, draftToYaml(draft), 'text/yaml');
		status.textContent = `Downloaded ${name}. Put it in content/briefings/ and run npm run check.`;
	});

	$<HTMLInputElement>('#import-yaml').addEventListener('change', async (event) => {
		const input = event.currentTarget as HTMLInputElement;
		const file = input.files?.[0];
		input.value = '';
		if (!file) return;
		const arrival = importYaml(await file.text(), library, file.name);
		if (arrival.errors.length) {
			status.textContent = `${file.name} could not be read: ${arrival.errors.join('; ')}`;
			return;
		}
		draft = arrival.draft;
		explainDropped(arrival, file.name);
		attempted = false;
		touched.clear();
		pickIndustry.value = draft.industry;
		changed(true);
		status.textContent = `Imported ${file.name}.`;
	});

	const shareOutput = $<HTMLElement>('#share-output');
	const shareUrl = $<HTMLInputElement>('#share-url');
	$<HTMLButtonElement>('#copy-link').addEventListener('click', async () => {
		const query = shareQuery(draft);
		shareUrl.value = `${location.origin}${base}builder/${query ? `?${query}` : ''}`;
		shareOutput.hidden = false;
		status.textContent = (await copyText(shareUrl.value, shareUrl))
			? 'Share link copied.'
			: 'Share link ready: copy it from the box below.';
	});

	const emailOutput = $<HTMLElement>('#email-output');
	$<HTMLButtonElement>('#copy-email').addEventListener('click', async () => {
		const email = prospectingEmail(
			draft,
			draft.insights.map((id) => byId.get(id)!),
			prospectIndustryName(draft.industry, library.taxonomy),
		);
		$<HTMLInputElement>('#email-subject').value = email.subject;
		const body = $<HTMLTextAreaElement>('#email-body');
		body.value = email.body;
		$<HTMLAnchorElement>('#email-mailto').href =
			`mailto:?subject=${encodeURIComponent(email.subject)}&body=${encodeURIComponent(email.body)}`;
		emailOutput.hidden = false;
		status.textContent = (await copyText(`Subject: ${email.subject}\n\n${email.body}`, body))
			? 'Email copied: paste it into your mail app and make it yours.'
			: 'Email ready: copy it from the box below.';
	});

	$<HTMLButtonElement>('#start-over').addEventListener('click', () => {
		const previous = draft;
		draft = emptyDraft();
		attempted = false;
		touched.clear();
		changed(true);
		const undo = el('button', { type: 'button', class: 'link-button', text: 'Undo' });
		undo.addEventListener('click', () => {
			draft = previous;
			changed(true);
			undo.closest('.notice')?.remove();
		});
		notice('Started a new briefing.', undo);
	});

	fillForm();
	changed();
	root.dataset.ready = 'true';
}

/** The brand logo's PNG bytes; a logo that cannot be fetched stops the deck with a reason. */
async function fetchLogo(base: string, library: BuilderLibrary): Promise<Uint8Array> {
	const url = `${base}${library.brand.logo.png}`;
	let response: Response;
	try {
		response = await fetch(url);
	} catch {
		throw new Error(`the brand logo (${url}) could not be loaded: check the connection`);
	}
	if (!response.ok)
		throw new Error(`the brand logo (${url}) could not be loaded (HTTP ${response.status})`);
	return new Uint8Array(await response.arrayBuffer());
}
