/**
 * Inline errors: each field's message under it (with `aria-invalid` and `aria-describedby` on
 * its control) and, once a download was attempted, the summary of everything to fix with links to
 * the fields. Slots, controls and labels are indexed by field path once per redraw of the rows,
 * so showing errors is one pass over the slots and one over the issues.
 */
import type { ContentIssue } from '../../library/issues.ts';
import { el, type BuilderElements } from './dom.ts';
import type { DraftStore } from './store.ts';

/** One field's place in the page. */
interface FieldSlots {
	/** Where its message goes (`data-error-for`). */
	slot?: HTMLElement;
	/** Its control (`data-path`). */
	control?: HTMLElement;
}

export function initErrors(
	root: HTMLElement,
	elements: BuilderElements['errors'],
	store: DraftStore,
): void {
	const { summary, list } = elements;
	let fields = new Map<string, FieldSlots>();
	let labels = new Map<string, string>();

	const index = () => {
		fields = new Map();
		const entry = (field: string) => {
			let slots = fields.get(field);
			if (!slots) fields.set(field, (slots = {}));
			return slots;
		};
		for (const slot of root.querySelectorAll<HTMLElement>('[data-error-for]')) {
			const field = slot.dataset.errorFor!;
			slot.id ||= `error-${field.replace(/[^a-z0-9]/gi, '-')}`;
			entry(field).slot = slot;
		}
		for (const control of root.querySelectorAll<HTMLElement>('[data-path]'))
			entry(control.dataset.path!).control ??= control;
		labels = new Map();
		for (const label of root.querySelectorAll<HTMLLabelElement>('label[for]'))
			labels.set(label.htmlFor, (label.textContent ?? '').replace(/\(optional\)/, '').trim());
	};

	const labelFor = (field: string) => {
		const id = fields.get(field)?.control?.id;
		const label = id ? labels.get(id) : undefined;
		if (label) return label;
		return field.startsWith('insights') ? 'Insights' : field;
	};

	const summaryItem = (issue: ContentIssue) => {
		const target = fields.get(issue.field)?.control;
		const text = `${labelFor(issue.field)}: ${issue.message}`;
		if (!target?.id) return el('li', { text });
		const link = el('a', { href: `#${target.id}`, text });
		link.addEventListener('click', (event) => {
			event.preventDefault();
			target.focus();
		});
		return el('li', {}, link);
	};

	const render = () => {
		const shown = new Map<string, ContentIssue>();
		for (const issue of store.visibleIssues)
			if (!shown.has(issue.field)) shown.set(issue.field, issue);
		for (const [field, { slot, control }] of fields) {
			if (!slot) continue;
			const issue = shown.get(field);
			slot.textContent = issue ? issue.message : '';
			if (!control) continue;
			if (issue) {
				control.setAttribute('aria-invalid', 'true');
				control.setAttribute('aria-describedby', slot.id);
			} else {
				control.removeAttribute('aria-invalid');
				control.removeAttribute('aria-describedby');
			}
		}
		const { issues } = store.check;
		summary.hidden = !store.attempted || issues.length === 0;
		list.replaceChildren(...(summary.hidden ? [] : issues.map(summaryItem)));
	};

	// Subscribed after the details form, so rows drawn by the same change are indexed here.
	store.subscribe((change) => {
		if (change === 'draft' || change === 'rows') index();
		render();
	});
	index();
}
