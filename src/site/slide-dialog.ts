/**
 * Slide previews that open large: activating a thumbnail shows the slide in a dialog with its
 * speaker notes. Shared by the briefing pages and the builder.
 */

/** Wires the thumbnails inside `region` (`.slide-thumb` buttons, `.slide-notes`, a `dialog`). */
export function enableSlidePreviews(region: HTMLElement): void {
	const dialog = region.querySelector<HTMLDialogElement>('dialog.slide-dialog');
	if (!dialog) return;
	region.addEventListener('click', (event) => {
		const thumb = (event.target as Element).closest<HTMLButtonElement>('.slide-thumb');
		if (!thumb) return;
		const item = thumb.closest('li');
		const large = dialog.querySelector('.slide-large')!;
		const svg = thumb.querySelector('svg');
		large.replaceChildren(...(svg ? [svg.cloneNode(true)] : []));
		dialog.querySelector('.slide-dialog-notes')!.textContent =
			item?.querySelector('.slide-notes')?.textContent?.trim() ?? '';
		dialog.setAttribute('aria-label', svg?.querySelector('title')?.textContent ?? 'Slide');
		dialog.showModal();
	});
}
