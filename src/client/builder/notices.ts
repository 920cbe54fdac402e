/** Notices above the builder (dismissable, optionally with an Undo) and the action status line. */
import { el } from './dom.ts';

export interface Notices {
	/** Shows a notice; `extra` (e.g. an Undo button) follows the message. */
	show: (message: string, extra?: Node) => void;
	/** Shows a notice with an Undo button that calls `undo` and removes the notice. */
	withUndo: (message: string, undo: () => void) => void;
	/** Sets the status line under the action buttons (announced to screen readers). */
	status: (message: string) => void;
}

export function createNotices(container: HTMLElement, statusLine: HTMLElement): Notices {
	const show = (message: string, extra?: Node) => {
		const item = el('p', { class: 'notice' }, message);
		if (extra) item.append(' ', extra);
		const close = el('button', { type: 'button', class: 'link-button', text: 'Dismiss' });
		close.addEventListener('click', () => item.remove());
		item.append(close);
		container.append(item);
	};
	return {
		show,
		withUndo: (message, undo) => {
			const button = el('button', { type: 'button', class: 'link-button', text: 'Undo' });
			button.addEventListener('click', () => {
				undo();
				button.closest('.notice')?.remove();
			});
			show(message, button);
		},
		status: (message) => {
			statusLine.textContent = message;
		},
	};
}
