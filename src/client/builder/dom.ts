/**
 * The builder page's elements, looked up once, and small DOM helpers. Everything the rep typed
 * is set as text (never as HTML), so hostile input stays inert.
 */

/** The element matching `selector`; a missing one is a bug in the page, so it throws. */
export function $<T extends HTMLElement>(selector: string, root: ParentNode = document): T {
	const element = root.querySelector<T>(selector);
	if (!element) throw new Error(`builder: missing ${selector}`);
	return element;
}

/** Creates an element with text content (never HTML) and attributes. */
export function el<K extends keyof HTMLElementTagNameMap>(
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

/** Saves `data` as a file named `name`. */
export function download(name: string, data: BlobPart, type: string): void {
	const url = URL.createObjectURL(new Blob([data], { type }));
	const link = el('a', { href: url, download: name });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Copies `text`; when the clipboard is refused, selects `fallback` for the rep to copy. */
export async function copyText(
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

/** The builder page's elements, by what they are. */
export function builderElements() {
	return {
		root: $<HTMLElement>('#builder'),
		notices: $<HTMLElement>('#builder-notices'),
		status: $<HTMLElement>('#action-status'),
		picker: {
			search: $<HTMLInputElement>('#pick-search'),
			industry: $<HTMLSelectElement>('#pick-industry'),
			persona: $<HTMLSelectElement>('#pick-persona'),
			stage: $<HTMLSelectElement>('#pick-stage'),
			list: $<HTMLUListElement>('#pick-list'),
			count: $<HTMLElement>('#pick-count'),
			suggest: $<HTMLButtonElement>('#suggest'),
		},
		selected: {
			list: $<HTMLOListElement>('#selected-list'),
			empty: $<HTMLElement>('#selected-empty'),
			coverage: $<HTMLUListElement>('#coverage'),
		},
		details: {
			form: $<HTMLFormElement>('#details-form'),
			industry: $<HTMLSelectElement>('#f-industry'),
			audienceRows: $<HTMLUListElement>('#audience-rows'),
			agendaRows: $<HTMLUListElement>('#agenda-rows'),
			addPerson: $<HTMLButtonElement>('#add-person'),
			addAgenda: $<HTMLButtonElement>('#add-agenda'),
		},
		errors: {
			summary: $<HTMLElement>('#error-summary'),
			list: $<HTMLUListElement>('#error-list'),
		},
		actions: {
			downloadDeck: $<HTMLButtonElement>('#download-deck'),
			downloadPdf: $<HTMLButtonElement>('#download-pdf'),
			downloadYaml: $<HTMLButtonElement>('#download-yaml'),
			importYaml: $<HTMLInputElement>('#import-yaml'),
			copyLink: $<HTMLButtonElement>('#copy-link'),
			shareOutput: $<HTMLElement>('#share-output'),
			shareUrl: $<HTMLInputElement>('#share-url'),
			copyEmail: $<HTMLButtonElement>('#copy-email'),
			emailOutput: $<HTMLElement>('#email-output'),
			emailSubject: $<HTMLInputElement>('#email-subject'),
			emailBody: $<HTMLTextAreaElement>('#email-body'),
			emailMailto: $<HTMLAnchorElement>('#email-mailto'),
			startOver: $<HTMLButtonElement>('#start-over'),
		},
	};
}

/** The builder page's elements. */
export type BuilderElements = ReturnType<typeof builderElements>;
