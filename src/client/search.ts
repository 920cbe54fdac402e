/**
 * The search page: Pagefind full-text search with facet filters (industry, persona, stage,
 * topic) and counts, excerpts, keyboard navigation, and state in the URL so a search can be shared.
 * Pagefind's index only exists in a built site; in `npm run dev` the page says so and offers the way.
 */
import { plural } from '../library/plural.ts';
import { safeExcerpt } from '../site/excerpt.ts';

interface PagefindResultData {
	url: string;
	excerpt: string;
	meta: Record<string, string | undefined>;
	filters: Record<string, string[]>;
}

interface PagefindSearch {
	results: Array<{ id: string; data: () => Promise<PagefindResultData> }>;
	filters: Record<string, Record<string, number>>;
	totalFilters: Record<string, Record<string, number>>;
	unfilteredResultCount: number;
}

interface Pagefind {
	options: (options: Record<string, unknown>) => Promise<void>;
	init: () => Promise<void>;
	filters: () => Promise<Record<string, Record<string, number>>>;
	search: (
		term: string | null,
		options?: {
			filters?: Record<string, { any: string[] }>;
			sort?: Record<string, 'asc' | 'desc'>;
		},
	) => Promise<PagefindSearch | null>;
}

/** Facet groups in display order, with their URL parameter and label. */
const facets = [
	{ key: 'industry', label: 'Industry' },
	{ key: 'persona', label: 'Persona' },
	{ key: 'stage', label: 'Conversation' },
	{ key: 'topic', label: 'Topic' },
] as const;
type FacetKey = (typeof facets)[number]['key'];

interface State {
	query: string;
	sort: '' | 'reviewed';
	selected: Record<FacetKey, string[]>;
}

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
	);

function readState(): State {
	const params = new URLSearchParams(location.search);
	return {
		query: params.get('q') ?? '',
		sort: params.get('sort') === 'reviewed' ? 'reviewed' : '',
		selected: Object.fromEntries(
			facets.map(({ key }) => [key, params.getAll(key)]),
		) as State['selected'],
	};
}

function writeState(state: State): void {
	const params = new URLSearchParams();
	if (state.query) params.set('q', state.query);
	for (const { key } of facets) for (const value of state.selected[key]) params.append(key, value);
	if (state.sort) params.set('sort', state.sort);
	const search = params.toString();
	history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

export async function initSearch(): Promise<void> {
	const app = document.querySelector<HTMLElement>('#search-app');
	const form = document.querySelector<HTMLFormElement>('#search-form');
	const input = document.querySelector<HTMLInputElement>('#search-query');
	const sortSelect = document.querySelector<HTMLSelectElement>('#search-sort');
	const facetsBox = document.querySelector<HTMLElement>('#facets');
	const status = document.querySelector<HTMLElement>('#search-status');
	const list = document.querySelector<HTMLOListElement>('#search-results');
	const unavailable = document.querySelector<HTMLElement>('#search-unavailable');
	const clear = document.querySelector<HTMLButtonElement>('#clear-filters');
	if (
		!app ||
		!form ||
		!input ||
		!sortSelect ||
		!facetsBox ||
		!status ||
		!list ||
		!unavailable ||
		!clear
	)
		return;

	const state = readState();
	input.value = state.query;
	sortSelect.value = state.sort;
	const base = app.dataset.base ?? '/';
	// The four conversations in presenting order, from the page (the schema module would pull zod in).
	const stageOrder = JSON.parse(app.dataset.stageOrder ?? '[]') as string[];

	let pagefind: Pagefind;
	try {
		pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
		await pagefind.options({ baseUrl: base, excerptLength: 28 });
		await pagefind.init();
	} catch {
		unavailable.hidden = false;
		facetsBox.innerHTML = '<p class="muted">Filters appear once the site is built.</p>';
		status.textContent =
			app.dataset.dev === 'true'
				? 'Search is not available in the dev server.'
				: 'Search is unavailable.';
		return;
	}

	const allFilters = await pagefind.filters();
	let generation = 0;

	const renderFacets = (counts: Record<string, Record<string, number>>) => {
		const active = document.activeElement as HTMLInputElement | null;
		const focusKey = active?.dataset.facet ? `${active.dataset.facet}:${active.value}` : '';
		const moreOpen =
			facetsBox.querySelector<HTMLDetailsElement>('details.facet-more')?.open ?? false;
		facetsBox.innerHTML = facets
			.map(({ key, label }) => {
				const option = (value: string) => {
					const count = counts[key]?.[value] ?? 0;
					const checked = state.selected[key].includes(value);
					return `<label class="${count === 0 && !checked ? 'is-empty' : ''}"><input type="checkbox" data-facet="${key}" value="${escapeHtml(value)}" ${checked ? 'checked' : ''}/> <span>${escapeHtml(value)}</span> <span class="count" aria-label="${count} results">${count}</span></label>`;
				};
				let values = Object.keys(allFilters[key] ?? {}).sort((a, b) =>
					key === 'stage' ? stageOrder.indexOf(a) - stageOrder.indexOf(b) : a.localeCompare(b),
				);
				if (!values.length) return '';
				let more = '';
				if (key === 'topic') {
					// Topics are many: the ones with results (and any chosen) first, the rest folded away.
					const score = (value: string) =>
						(state.selected.topic.includes(value) ? 1e6 : 0) + (counts.topic?.[value] ?? 0);
					values = values.sort((a, b) => score(b) - score(a) || a.localeCompare(b));
					const shown = values.filter((value, index) => index < 8 && score(value) > 0);
					const rest = values.filter((value) => !shown.includes(value));
					if (rest.length)
						more = `<details class="facet-more"${moreOpen ? ' open' : ''}><summary>${shown.length ? 'More topics' : 'Topics'} (${rest.length})</summary>${rest.map(option).join('')}</details>`;
					values = shown;
				}
				const options = values.map(option).join('') + more;
				return `<fieldset class="facet"><legend>${label}</legend>${options}</fieldset>`;
			})
			.join('');
		if (focusKey) {
			const [facet, ...rest] = focusKey.split(':');
			const value = rest.join(':');
			[...facetsBox.querySelectorAll<HTMLInputElement>('input[data-facet]')]
				.find((box) => box.dataset.facet === facet && box.value === value)
				?.focus();
		}
		clear.hidden = !facets.some(({ key }) => state.selected[key].length);
	};

	const run = async () => {
		const current = ++generation;
		writeState(state);
		const filters = Object.fromEntries(
			facets
				.filter(({ key }) => state.selected[key].length)
				.map(({ key }) => [key, { any: state.selected[key] }]),
		);
		const hasFilters = Object.keys(filters).length > 0;
		const term = state.query.trim() || null;
		const sort = state.sort === 'reviewed' || !term ? { reviewed: 'desc' as const } : undefined;
		const search = await pagefind.search(term, { filters, ...(sort ? { sort } : {}) });
		if (current !== generation || !search) return;
		renderFacets(search.filters);
		const results = await Promise.all(search.results.slice(0, 50).map((result) => result.data()));
		if (current !== generation) return;
		const count = search.results.length;
		const what = term ? ` for “${state.query.trim()}”` : hasFilters ? '' : ' (all insights)';
		status.textContent = `${plural(count, 'insight')}${what}`;
		list.innerHTML = results.length
			? results
					.map(
						(data) =>
							`<li class="search-result"><h3><a href="${escapeHtml(data.url)}">${escapeHtml(data.meta.title ?? data.url)}</a></h3>${
								data.meta.stat
									? `<p class="result-stat"><strong>${escapeHtml(data.meta.stat.split(' ')[0] ?? '')}</strong> ${escapeHtml(data.meta.stat.split(' ').slice(1).join(' '))}</p>`
									: ''
							}<p>${term ? safeExcerpt(data.excerpt) : escapeHtml(data.meta.summary ?? '')}</p><p class="card-meta">${escapeHtml(
								[
									...(data.filters.stage ?? []),
									...(data.filters.industry ?? []),
									...(data.filters.persona ?? []),
								].join(' · '),
							)}</p></li>`,
					)
					.join('')
			: `<li class="empty">No insight matches. Try fewer words${hasFilters ? ' or clear a filter' : ''}.</li>`;
	};

	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		state.query = input.value;
		clearTimeout(timer);
		timer = setTimeout(run, 150);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		state.query = input.value;
		clearTimeout(timer);
		void run();
	});
	sortSelect.addEventListener('change', () => {
		state.sort = sortSelect.value === 'reviewed' ? 'reviewed' : '';
		void run();
	});
	facetsBox.addEventListener('change', (event) => {
		const box = event.target as HTMLInputElement;
		const key = box.dataset.facet as FacetKey | undefined;
		if (!key) return;
		state.selected[key] = box.checked
			? [...state.selected[key], box.value]
			: state.selected[key].filter((value) => value !== box.value);
		void run();
	});
	clear.addEventListener('click', () => {
		for (const { key } of facets) state.selected[key] = [];
		void run();
		input.focus();
	});

	// Arrow keys move between the box and the result links; Escape returns to the box.
	const links = () => [...list.querySelectorAll<HTMLAnchorElement>('.search-result h3 a')];
	input.addEventListener('keydown', (event) => {
		if (event.key === 'ArrowDown') {
			const first = links()[0];
			if (first) {
				event.preventDefault();
				first.focus();
			}
		}
	});
	list.addEventListener('keydown', (event) => {
		const all = links();
		const index = all.indexOf(document.activeElement as HTMLAnchorElement);
		if (index < 0) return;
		if (event.key === 'ArrowDown' && index < all.length - 1) {
			event.preventDefault();
			all[index + 1]!.focus();
		} else if (event.key === 'ArrowUp') {
			event.preventDefault();
			(index === 0 ? input : all[index - 1]!).focus();
		} else if (event.key === 'Escape') {
			input.focus();
		}
	});

	await run();
	if (!state.query) input.focus();
}
