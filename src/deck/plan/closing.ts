/** The closing slide (dark master): thanks, and the presenter's contact details. */
import type { SceneFrame, SceneParagraph, SceneSlide } from '../scene.ts';
import type { Context } from './context.ts';
import { fitted, paragraphs } from './frames.ts';
import { CLOSING_LAYOUT } from './layouts.ts';
import { notesFor } from './notes.ts';

export function closingSlide(ctx: Context): SceneSlide {
	const layout = CLOSING_LAYOUT;
	const presenter = ctx.input.briefing.presenter;
	const company = presenter.company ?? ctx.input.brand.name;
	const contact: SceneParagraph[] = [
		{ runs: [{ text: presenter.name, bold: true }], scale: 1.25 },
		{ runs: [{ text: presenter.title }], spaceBefore: 0.3 },
		{ runs: [{ text: company }] },
	];
	if (presenter.email) contact.push({ runs: [{ text: presenter.email }], spaceBefore: 0.6 });
	if (presenter.phone)
		contact.push({ runs: [{ text: presenter.phone }], spaceBefore: presenter.email ? 0 : 0.6 });
	const frames: SceneFrame[] = [
		fitted({ ...layout.thanks }, paragraphs(['Thank you']), {
			name: 'thanks',
			role: 'title',
			font: ctx.heading,
			color: ctx.pal.onPrimary,
			bold: true,
			min: layout.thanksSize[0],
			max: layout.thanksSize[1],
			maxLines: 1,
		}),
		fitted(
			{ ...layout.line },
			paragraphs([`We look forward to continuing the conversation with ${ctx.company}.`]),
			{
				name: 'closing-line',
				font: ctx.body,
				color: ctx.pal.onPrimaryMuted,
				min: layout.lineSize[0],
				max: layout.lineSize[1],
				maxLines: 2,
			},
		),
		{
			kind: 'rect',
			role: 'decoration',
			decorative: true,
			...layout.rule,
			fill: ctx.pal.accentOnPrimary,
		},
		fitted({ ...layout.contact }, contact, {
			name: 'contact',
			font: ctx.body,
			color: ctx.pal.onPrimary,
			min: layout.contactSize[0],
			max: layout.contactSize[1],
		}),
	];
	return {
		master: 'dark',
		kind: 'closing',
		title: 'Thank you',
		notes: notesFor.closing(ctx.input, ctx.fill),
		frames,
	};
}
