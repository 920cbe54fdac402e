/**
 * Slide previews in the builder: the deck's slides as thumbnails, redrawn a moment after the rep
 * stops typing. The slides are planned and written as SVG off the main thread (see
 * `preview-drawer.ts`; never pptxgenjs); only the request's newest answer is shown (see
 * `builder/preview-queue.ts`), and only the slides it changed are replaced, a few per task, so a
 * redraw never holds up the next keystroke. Selecting a thumbnail opens it large with its notes.
 */
import { LatestOnly } from '../../builder/preview-queue.ts';
import { previewLibrary, type PreviewInput } from '../../builder/preview-input.ts';
import { changedSlides, type PreviewSlide } from '../../builder/slide-diff.ts';
import { enableSlidePreviews } from '../../site/slide-dialog.ts';
import type { LoadedLibrary } from './library.ts';
import { createPreviewDrawer, type PreviewDrawer } from './preview-drawer.ts';
import type { DraftStore } from './store.ts';
import { yieldToMain } from './yield.ts';

/** Quiet time after the last change before the slides are redrawn. */
const DEBOUNCE_MS = 400;

/** Main-thread time spent replacing thumbnails before letting input in again. */
const SLICE_MS = 8;

/** Said over slides kept from the last complete draft while the form has errors. */
const OUTDATED =
	'These slides show the briefing as it was when last complete; they update once the form is complete again.';

/** A thumbnail: the button holding the slide's SVG, then its notes for the large view. */
function thumbnail(): HTMLLIElement {
	const item = document.createElement('li');
	const button = document.createElement('button');
	button.type = 'button';
	button.className = 'slide-thumb';
	const notes = document.createElement('div');
	notes.className = 'slide-notes';
	notes.hidden = true;
	item.append(button, notes);
	return item;
}

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
	const emptyText = empty?.textContent ?? '';
	/** Shows `text` above the slides, or nothing. */
	const note = (text?: string) => {
		if (!empty) return;
		empty.hidden = !text;
		if (text) empty.textContent = text;
	};

	/** The slides on screen, index for index with the grid's items. */
	const shown: PreviewSlide[] = [];
	const queue = new LatestOnly<PreviewInput>();

	/** Puts `slides` on screen, changed ones only; stops if a newer answer is on its way. */
	const show = async (id: number, slides: PreviewSlide[]) => {
		let since = performance.now();
		for (const index of changedSlides(shown, slides)) {
			if (performance.now() - since > SLICE_MS) {
				await yieldToMain();
				if (!queue.isCurrent(id)) return;
				since = performance.now();
			}
			const slide = slides[index]!;
			let item = grid.children[index] as HTMLLIElement | undefined;
			if (!item) item = grid.appendChild(thumbnail());
			item.firstElementChild!.innerHTML = slide.svg;
			item.lastElementChild!.textContent = slide.notes;
			shown[index] = slide;
		}
		while (grid.children.length > slides.length) grid.lastElementChild!.remove();
		shown.length = slides.length;
		note();
		region.removeAttribute('aria-busy');
	};

	// Started on the first complete draft, not with the page: the worker's engine is a large
	// script the rep does not need before choosing insights.
	let drawer: PreviewDrawer | undefined;
	const drawerOf = (): PreviewDrawer =>
		(drawer ??= createPreviewDrawer((response) => {
			const { show: current, next } = queue.settle(response.id);
			if (next) drawerOf().draw({ id: next.id, ...next.input });
			// A preview that cannot be drawn leaves the last one; the form shows what is wrong.
			if (current && 'slides' in response) void show(response.id, response.slides);
			else if (current) region.removeAttribute('aria-busy');
		}));

	let timer: ReturnType<typeof setTimeout> | undefined;
	/** Redraws started; one that waited for data while a newer one began gives way to it. */
	let redraws = 0;
	const redraw = async () => {
		const started = ++redraws;
		const briefing = store.check.briefing;
		if (!briefing) {
			// An incomplete draft keeps the last slides (retyping a name should not blank the deck).
			note(shown.length ? OUTDATED : emptyText);
			region.removeAttribute('aria-busy');
			return;
		}
		// The insights' details and the logo are fetched once and cached (see `library.ts`).
		const [deckLibrary, logo] = await Promise.all([
			library.deckLibrary(briefing.insights),
			fetchLogo(),
		]);
		if (started !== redraws) return;
		const input = { library: previewLibrary(deckLibrary, briefing), briefing, logo };
		region.setAttribute('aria-busy', 'true');
		const ticket = queue.request(input);
		if (ticket) drawerOf().draw({ id: ticket.id, ...ticket.input });
	};

	store.subscribe((change) => {
		// Showing errors changes nothing on the slides.
		if (change === 'validation') return;
		queue.supersede();
		clearTimeout(timer);
		timer = setTimeout(() => {
			redraw().catch(() => {
				// The logo or the insights' details failed to load: the last slides stay; the
				// download reports it.
				region.removeAttribute('aria-busy');
			});
		}, DEBOUNCE_MS);
	});
	void redraw().catch(() => {});
}
