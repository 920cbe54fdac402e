/**
 * The one store of the builder's state: the draft, which fields the rep has left (so their
 * errors show) and whether a download was attempted (then every error shows). Every change goes
 * through `update`, which saves the draft to local storage and tells the subscribers what kind of
 * change it was, so each part of the page redraws only what the change touches.
 *
 * The checks (zod and the briefing schema) are not part of the page's first script: they are
 * given to the store with {@link DraftStore.useChecker} once they load, after the first render.
 * Until then the draft has no briefing and no problems to show, and the store says `checked` when
 * they arrive, so every part that shows the check draws it then.
 */
import type { DraftCheck } from '../../builder/briefing.ts';
import type { Draft, LibraryView } from '../../builder/types.ts';
import type { ContentIssue } from '../../library/issues.ts';

/** Local storage key of the work in progress. */
export const storageKey = 'insight-library:builder-draft';

/**
 * What changed: `insights` the chosen insights or their order; `details` a typed value; `rows`
 * audience or agenda rows added or removed; `draft` the whole draft (opened, imported, started
 * over, undone); `validation` which errors are shown; `checked` the checks have loaded (the draft
 * itself did not change, but now has a check).
 */
export type Change = 'insights' | 'details' | 'rows' | 'draft' | 'validation' | 'checked';

/** Checks a draft as `npm run check` would (`checkDraft` in `builder/briefing.ts`). */
export type DraftChecker = (draft: Draft, library: LibraryView) => DraftCheck;

/** The check of any draft before the checks have loaded: no briefing yet, nothing to show. */
const unchecked: DraftCheck = Object.freeze({ issues: [] });

/** Reads the saved work, or null when there is none or storage is switched off. */
export function readStorage(): string | null {
	try {
		return localStorage.getItem(storageKey);
	} catch {
		// Storage can be switched off (private modes, strict settings): start empty, say so on save.
		return null;
	}
}

export class DraftStore {
	#draft: Draft;
	#attempted = false;
	#touched = new Set<string>();
	#check: DraftCheck | undefined;
	#checker: DraftChecker | undefined;
	readonly #checked: Promise<void>;
	#resolveChecked: () => void = () => {};
	readonly #listeners: Array<(change: Change) => void> = [];
	readonly #library: LibraryView;
	readonly #onSaveFailed: () => void;

	constructor(draft: Draft, library: LibraryView, onSaveFailed: () => void) {
		this.#draft = draft;
		this.#library = library;
		this.#onSaveFailed = onSaveFailed;
		this.#checked = new Promise((resolve) => (this.#resolveChecked = resolve));
	}

	/** Gives the store its checks (once they have loaded) and tells the subscribers. */
	useChecker(checker: DraftChecker): void {
		if (this.#checker) return;
		this.#checker = checker;
		this.#check = undefined;
		this.#resolveChecked();
		this.#notify('checked');
	}

	/** Resolves once the checks have loaded: before that, {@link check} knows nothing. */
	whenChecked(): Promise<void> {
		return this.#checked;
	}

	/** The draft; change it only through {@link update}. */
	get draft(): Readonly<Draft> {
		return this.#draft;
	}

	/** Whether a download was attempted since the draft was opened. */
	get attempted(): boolean {
		return this.#attempted;
	}

	/**
	 * The draft checked as `npm run check` would, computed once per change; no briefing and no
	 * problems until the checks have loaded (see {@link whenChecked}).
	 */
	get check(): DraftCheck {
		if (!this.#checker) return unchecked;
		return (this.#check ??= this.#checker(this.#draft, this.#library));
	}

	/** The problems to show now: all after a download attempt, else those of fields left. */
	get visibleIssues(): ContentIssue[] {
		return this.check.issues.filter(
			(issue) =>
				this.#attempted ||
				this.#touched.has(issue.field) ||
				(issue.field.startsWith('insights') &&
					this.#touched.has('insights') &&
					issue.rule !== 'schema'),
		);
	}

	/** Calls `listener` after every change, in subscription order. */
	subscribe(listener: (change: Change) => void): void {
		this.#listeners.push(listener);
	}

	/** Changes the draft, saves it and tells the subscribers. */
	update(
		change: Exclude<Change, 'validation' | 'draft' | 'checked'>,
		mutate: (draft: Draft) => void,
	): void {
		mutate(this.#draft);
		if (change === 'insights') this.#touched.add('insights');
		this.#commit(change);
	}

	/**
	 * Puts a whole new draft in place (nothing is shown as touched or attempted yet); returns
	 * whether it was saved, so the caller does not report success over a failed save.
	 */
	replace(draft: Draft): boolean {
		this.#draft = draft;
		this.#attempted = false;
		this.#touched.clear();
		return this.#commit('draft');
	}

	/** Shows the errors of `field` from now on (the rep has left it). */
	touch(field: string): void {
		if (this.#touched.has(field)) return;
		this.#touched.add(field);
		this.#notify('validation');
	}

	/** Shows every error from now on; returns the check (wait for {@link whenChecked} first). */
	attempt(): DraftCheck {
		this.#attempted = true;
		this.#notify('validation');
		return this.check;
	}

	/** Saves the draft and redraws everything: for the first render. */
	start(): void {
		this.#commit('draft');
	}

	#commit(change: Change): boolean {
		this.#check = undefined;
		let saved = true;
		try {
			localStorage.setItem(storageKey, JSON.stringify(this.#draft));
		} catch {
			saved = false;
			this.#onSaveFailed();
		}
		this.#notify(change);
		return saved;
	}

	#notify(change: Change): void {
		for (const listener of this.#listeners) listener(change);
	}
}
