/**
 * Step 1, the insight picker: search and filters over the library, an Add/Added toggle per
 * insight, and "Suggest a storyline". The list is redrawn when the search or a filter changes;
 * when only the chosen insights change, just their buttons are updated.
 */
import { pickInsights } from '../../builder/search.ts';
import { suggestStoryline } from '../../builder/storyline.ts';
import type { InsightSummary } from '../../builder/types.ts';
import { briefingLimits } from '../../schema/briefing-limits.ts';
import { stageIds, stages } from '../../schema/stage-names.ts';
import { el, type BuilderElements } from './dom.ts';
import { generic, type LoadedLibrary } from './library.ts';
import type { Notices } from './notices.ts';
import type { DraftStore } from './store.ts';

/** Insights listed at once; "Show more" lists the next as many. */
const PAGE_SIZE = 50;

export function initPicker(
	elements: BuilderElements['picker'],
	library: LoadedLibrary,
	store: DraftStore,
	notices: Notices,
): void {
	const { search, industry, persona, stage, list, count, suggest } = elements;
	const { data, base } = library;
	for (const entry of data.taxonomy.industries)
		industry.append(el('option', { value: entry.id, text: entry.name }));
	for (const entry of data.taxonomy.personas)
		persona.append(el('option', { value: entry.id, text: entry.name }));
	for (const id of stageIds) stage.append(el('option', { value: id, text: stages[id].name }));

	const buttons = new Map<string, HTMLButtonElement>();
	let shownAdded = new Set<string>();

	const showAdded = (button: HTMLButtonElement, insight: InsightSummary, added: boolean) => {
		button.className = added ? 'button secondary small' : 'button small';
		button.setAttribute('aria-pressed', String(added));
		button.setAttribute(
			'aria-label',
			`${added ? 'Remove' : 'Add'}: ${generic(insight.data.title)}`,
		);
		button.textContent = added ? 'Added ✓' : 'Add';
		button.parentElement?.classList.toggle('is-added', added);
	};

	// Every card is a copy of this one, filled in: cloning a card is cheaper than making its
	// elements one by one, and the first render makes 50 of them while the page starts.
	const card = el(
		'li',
		{ class: 'pick-item', 'data-insight': '' },
		el(
			'div',
			{},
			el('span', { class: 'chip stage-chip', 'data-stage': '' }),
			el('h3', {}, el('a', { href: '', target: '_blank' })),
			el('p'),
		),
		el('button', { type: 'button', 'data-add': '' }),
	);

	const item = (insight: InsightSummary, added: boolean) => {
		const li = card.cloneNode(true) as HTMLLIElement;
		const [text, button] = li.children as unknown as [HTMLDivElement, HTMLButtonElement];
		const [chip, heading, groups] = text.children as unknown as [
			HTMLSpanElement,
			HTMLHeadingElement,
			HTMLParagraphElement,
		];
		const link = heading.firstElementChild as HTMLAnchorElement;
		li.setAttribute('data-insight', insight.id);
		chip.setAttribute('data-stage', insight.data.stage);
		chip.textContent = stages[insight.data.stage].name;
		link.setAttribute('href', `${base}insights/${insight.id}/`);
		link.textContent = generic(insight.data.title);
		groups.textContent =
			insight.data.industries.map(library.industryLabel).join(' · ') +
			' | ' +
			insight.data.personas.map(library.personaLabel).join(', ');
		button.setAttribute('data-add', insight.id);
		buttons.set(insight.id, button);
		showAdded(button, insight, added);
		return li;
	};

	// The matches, listed a page at a time: thousands of cards at once would keep a large
	// library's builder busy for seconds before the rep could type.
	let matches: InsightSummary[] = [];
	let listed = 0;
	const more = el('button', { type: 'button', class: 'button secondary small' });
	const moreItem = el('li', { class: 'pick-more' }, more);

	const showMore = () => {
		const added = new Set(store.draft.insights);
		const page = matches.slice(listed, listed + PAGE_SIZE);
		listed += page.length;
		moreItem.remove();
		list.append(...page.map((insight) => item(insight, added.has(insight.id))));
		const rest = matches.length - listed;
		if (rest > 0) {
			more.textContent = `Show ${Math.min(rest, PAGE_SIZE)} more (${rest.toLocaleString('en-US')} not shown)`;
			list.append(moreItem);
		}
		return page;
	};
	more.addEventListener('click', () => {
		const page = showMore();
		if (page[0]) buttons.get(page[0].id)?.focus();
	});

	const render = () => {
		matches = pickInsights(data.insights, {
			query: search.value,
			industry: industry.value,
			persona: persona.value,
			stage: stage.value,
		});
		buttons.clear();
		count.textContent = `${matches.length.toLocaleString('en-US')} of ${data.insights.length.toLocaleString('en-US')} insights`;
		list.replaceChildren();
		listed = 0;
		showMore();
		if (!matches.length)
			list.append(
				el('li', { class: 'empty', text: 'No insight matches. Clear the search or a filter.' }),
			);
		shownAdded = new Set(store.draft.insights);
	};

	/** Updates only the buttons whose state changed. */
	const refreshAdded = () => {
		const added = new Set(store.draft.insights);
		for (const id of new Set([...added, ...shownAdded])) {
			const button = buttons.get(id);
			if (button && added.has(id) !== shownAdded.has(id))
				showAdded(button, library.insight(id), added.has(id));
		}
		shownAdded = added;
	};

	let industryOfDraft = store.draft.industry;
	industry.value = industryOfDraft;
	store.subscribe((change) => {
		const draftIndustry = store.draft.industry;
		if (change === 'draft') {
			industry.value = draftIndustry;
			render();
		} else if (change === 'details' && draftIndustry !== industryOfDraft && !industry.value) {
			// Choosing the prospect's industry narrows the list, unless the rep chose a filter.
			industry.value = draftIndustry;
			render();
		} else if (change === 'insights') refreshAdded();
		industryOfDraft = draftIndustry;
	});
	for (const control of [search, industry, persona, stage])
		control.addEventListener('input', render);

	list.addEventListener('click', (event) => {
		const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-add]');
		const id = button?.dataset.add;
		if (!id) return;
		if (store.draft.insights.includes(id))
			store.update('insights', (draft) => {
				draft.insights = draft.insights.filter((other) => other !== id);
			});
		else if (store.draft.insights.length >= briefingLimits.maxInsights)
			notices.status(
				`A briefing takes at most ${briefingLimits.maxInsights} insights; remove one first.`,
			);
		else store.update('insights', (draft) => void draft.insights.push(id));
	});

	suggest.addEventListener('click', () => {
		const chosen = industry.value || store.draft.industry;
		if (!chosen) {
			notices.status('Choose an industry first: the storyline is built for one industry.');
			industry.focus();
			return;
		}
		const ids = suggestStoryline(data.insights, chosen, persona.value);
		if (!ids.length) {
			notices.status('No insights fit that industry yet.');
			return;
		}
		const previous = [...store.draft.insights];
		store.update('insights', (draft) => {
			draft.insights = ids;
			if (!draft.industry) draft.industry = chosen;
		});
		notices.withUndo(
			`Suggested ${ids.length} insights for ${library.industryLabel(chosen)}${persona.value ? ` and ${library.personaLabel(persona.value)}` : ''}, walking the four conversations in order.`,
			() => store.update('insights', (draft) => void (draft.insights = previous)),
		);
	});
}
