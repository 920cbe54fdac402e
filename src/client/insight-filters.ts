/**
 * Filters the insights index in the browser: cards carry their industries, personas and stage as
 * data attributes; the chosen filters live in the URL so a filtered list can be shared.
 * Cross-industry insights match every industry, because they hold everywhere.
 */
import { plural } from '../library/plural.ts';

const fields = ['industry', 'persona', 'stage'] as const;
type Field = (typeof fields)[number];

export function initInsightFilters(): void {
	const form = document.querySelector<HTMLFormElement>('#insight-filters');
	const list = document.querySelector<HTMLElement>('#insight-list');
	const count = document.querySelector<HTMLElement>('#result-count');
	const empty = document.querySelector<HTMLElement>('#no-results');
	if (!form || !list || !count || !empty) return;
	const select = (field: Field) => form.elements.namedItem(field) as HTMLSelectElement;

	const params = new URLSearchParams(location.search);
	for (const field of fields) {
		const value = params.get(field) ?? '';
		if ([...select(field).options].some((option) => option.value === value))
			select(field).value = value;
	}

	const apply = (updateUrl: boolean) => {
		const chosen = Object.fromEntries(
			fields.map((field) => [field, select(field).value]),
		) as Record<Field, string>;
		let shown = 0;
		for (const item of list.children) {
			const card = item.querySelector<HTMLElement>('[data-insight]');
			if (!card) continue;
			const industries = (card.dataset.industries ?? '').split(' ');
			const match =
				(!chosen.industry ||
					industries.includes(chosen.industry) ||
					industries.includes('cross-industry')) &&
				(!chosen.persona || (card.dataset.personas ?? '').split(' ').includes(chosen.persona)) &&
				(!chosen.stage || card.dataset.stage === chosen.stage);
			(item as HTMLElement).hidden = !match;
			if (match) shown++;
		}
		count.textContent = plural(shown, 'insight');
		empty.hidden = shown > 0;
		if (updateUrl) {
			const url = new URL(location.href);
			for (const field of fields) {
				if (chosen[field]) url.searchParams.set(field, chosen[field]);
				else url.searchParams.delete(field);
			}
			history.replaceState(null, '', url);
		}
	};

	form.addEventListener('change', () => apply(true));
	form.addEventListener('reset', () => setTimeout(() => apply(true)));
	form.addEventListener('submit', (event) => event.preventDefault());
	apply(false);
}
