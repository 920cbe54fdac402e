/**
 * Slide previews in the builder: the deck's slides as thumbnails, redrawn a moment after the rep
 * stops typing. Only the planner and the SVG writer load (on the first preview), never pptxgenjs;
 * selecting a thumbnail opens it large with its speaker notes.
 */
import { enableSlidePreviews } from '../../site/slide-dialog.ts';
import type { LoadedLibrary } from './library.ts';
import type { DraftStore } from './store.ts';

/** Quiet time after the last change before the slides are redrawn. */
const DEBOUNCE_MS = 400;

export function initPreviews(
	root: HTMLElement,
	library: LoadedLibrary,
	store: DraftStore,
	fetchLogo: () => Promise<Uint8Array>,
): void {
	const region = root.querySelector<HTMLElement>('.slide-previews');
	const grid = region?.querySelector<HTMLOListElement>('.slide-grid');
	const empty = region?.querySelector<HTMLElement>('.slide-previews-empty');
	if (!region || !grid) return;
	enableSlidePreviews(region);
	let timer: ReturnType<typeof setTimeout> | undefined;
	let engine:
		| Promise<
				[
					typeof import('../../deck/plan/index.ts'),
					typeof import('../../deck/svg/index.ts'),
					typeof import('../../builder/deck.ts'),
					Uint8Array,
				]
		  >
		| undefined;
	let drawn = 0;

	const draw = async () => {
		const briefing = store.check.briefing;
		if (!briefing) {
			if (empty) empty.hidden = false;
			grid.replaceChildren();
			return;
		}
		engine ??= Promise.all([
			import('../../deck/plan/index.ts'),
			import('../../deck/svg/index.ts'),
			import('../../builder/deck.ts'),
			fetchLogo(),
		]);
		const run = ++drawn;
		const [[{ planDeck }, { slideSvg }, { builderDeckInput }, logo], deckLibrary] =
			await Promise.all([engine, library.deckLibrary(briefing.insights)]);
		if (run !== drawn) return;
		const scene = planDeck(builderDeckInput(deckLibrary, briefing, logo));
		if (run !== drawn) return;
		const items = scene.slides.map((slide, index) => {
			const item = document.createElement('li');
			const button = document.createElement('button');
			button.type = 'button';
			button.className = 'slide-thumb';
			button.innerHTML = slideSvg(scene, index);
			const notes = document.createElement('div');
			notes.className = 'slide-notes';
			notes.hidden = true;
			notes.textContent = slide.notes;
			item.append(button, notes);
			return item;
		});
		grid.replaceChildren(...items);
		if (empty) empty.hidden = true;
	};

	store.subscribe(() => {
		clearTimeout(timer);
		timer = setTimeout(() => {
			draw().catch(() => {
				// A preview that cannot be drawn (e.g. the logo failed to load) leaves the last one.
			});
		}, DEBOUNCE_MS);
	});
	void draw().catch(() => {});
}
