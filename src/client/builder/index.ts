/**
 * The briefing builder's UI, put together: the library is fetched, the opening draft chosen
 * (share link, then `?briefing=`, then saved work: see `builder/arrival.ts`), and each part of
 * the page subscribes to the one draft store. The checks (zod, the briefing schema) load once the
 * page is drawn, and the deck engine only when a deck is asked for.
 */
import { openingDraft } from '../../builder/arrival.ts';
import { fetchLogo, initActions } from './actions.ts';
import { initDetails } from './details.ts';
import { builderElements } from './dom.ts';
import { initErrors } from './errors.ts';
import { loadLibrary } from './library.ts';
import { createNotices } from './notices.ts';
import { initPicker } from './picker.ts';
import { initPreviews } from './previews.ts';
import { initQuestions } from './questions.ts';
import { initSelected } from './selected.ts';
import { DraftStore, readStorage } from './store.ts';
import { whenIdle } from './yield.ts';

/** At most this long after the first render before the checks load, even on a busy page. */
const CHECKER_IDLE_MS = 300;

/** Loads the checks into `store`; a failed load (the connection dropped) is tried again shortly. */
async function loadChecker(store: DraftStore, attempt = 1): Promise<void> {
	try {
		const { checkDraft } = await import('../../builder/briefing.ts');
		store.useChecker(checkDraft);
	} catch {
		setTimeout(() => void loadChecker(store, attempt + 1), Math.min(attempt, 10) * 1000);
	}
}

export async function initBuilder(): Promise<void> {
	const elements = builderElements();
	const notices = createNotices(elements.notices, elements.status);
	const library = await loadLibrary(elements.root.dataset.base ?? '/', {
		withBriefings: new URLSearchParams(location.search).has('briefing'),
	});
	if (!library) {
		elements.picker.count.textContent = '';
		notices.show('The insight library could not be loaded. Reload the page to try again.');
		return;
	}

	const opening = openingDraft({ search: location.search, saved: readStorage() }, library.data);
	for (const message of opening.notices) notices.show(message);
	if (location.search) history.replaceState(null, '', location.pathname);

	const store = new DraftStore(opening.draft, library.data, () =>
		notices.status('This browser did not let us save your work; download it as YAML to keep it.'),
	);
	// Order matters: the form draws its rows before the errors index them.
	initPicker(elements.picker, library, store, notices);
	initSelected(elements.selected, library, store, elements.picker.search);
	const questions = elements.root.querySelector<HTMLElement>('#questions');
	if (questions) initQuestions(questions, library, store);
	initDetails(elements.details, library, store);
	initErrors(elements.root, elements.errors, store);
	initActions(elements.actions, elements.errors.summary, library, store, notices);
	const previews = elements.root.querySelector<HTMLElement>('#builder-previews');
	if (previews) {
		let logo: Promise<Uint8Array> | undefined;
		initPreviews(previews, library, store, () => (logo ??= fetchLogo(library.base, library.data)));
	}
	// Each chosen insight's details (questions, evidence, talk track) are fetched as it is added.
	store.subscribe((change) => {
		if (change === 'insights' || change === 'draft')
			library.details(store.draft.insights).catch(() => {});
	});
	store.start();
	elements.root.dataset.ready = 'true';
	// The checks come after the first render: a rep sees and searches the library meanwhile, and
	// what needs them (errors shown, previews, downloads) waits for them (see `store.ts`).
	whenIdle(() => void loadChecker(store), CHECKER_IDLE_MS);
	// Then, once the page is idle, the rest of the searchable text, so a search finds words in
	// summaries and evidence too (titles and topics are searchable from the start).
	// A worker fetches it off the main thread, unless a deck is being prepared (insights chosen):
	// on two cores a third busy thread beside the deck worker made the first download slower.
	const search = elements.picker.search;
	whenIdle(
		() =>
			void library.loadSearchText({ inWorker: !store.draft.insights.length }).then(() => {
				if (search.value.trim()) search.dispatchEvent(new Event('input'));
			}),
	);
}
