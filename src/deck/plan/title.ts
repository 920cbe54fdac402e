/** The title slide (dark master): who the briefing is for, its title, subtitle and presenter. */
import type { SceneFrame, SceneSlide } from '../scene.ts';
import { longDate } from '../format.ts';
import type { Context } from './context.ts';
import { fitted, paragraphs } from './frames.ts';
import { TITLE_LAYOUT } from './layouts.ts';
import { notesFor } from './notes.ts';

export function titleSlide(ctx: Context): SceneSlide {
	const { briefing } = ctx.input;
	const layout = TITLE_LAYOUT;
	const frames: SceneFrame[] = [
		fitted(
			{ ...layout.prospect },
			paragraphs([`Executive briefing for ${briefing.prospect.company}`]),
			{
				name: 'prospect',
				font: ctx.body,
				color: ctx.pal.accentOnPrimary,
				bold: true,
				min: layout.prospectSize[0],
				max: layout.prospectSize[1],
				maxLines: 2,
				valign: 'bottom',
			},
		),
		fitted({ ...layout.title }, paragraphs([briefing.title]), {
			name: 'title',
			role: 'title',
			font: ctx.heading,
			color: ctx.pal.onPrimary,
			bold: true,
			min: layout.titleSize[0],
			max: layout.titleSize[1],
			lineSpacing: 1.05,
		}),
	];
	if (briefing.subtitle) {
		frames.push(
			fitted({ ...layout.subtitle }, paragraphs([briefing.subtitle]), {
				name: 'subtitle',
				font: ctx.body,
				color: ctx.pal.onPrimaryMuted,
				min: layout.subtitleSize[0],
				max: layout.subtitleSize[1],
			}),
		);
	}
	const presenter = briefing.presenter;
	frames.push(
		{
			kind: 'rect',
			role: 'decoration',
			decorative: true,
			...layout.rule,
			fill: ctx.pal.accentOnPrimary,
		},
		fitted(
			{ ...layout.presenter },
			[
				{ runs: [{ text: presenter.name, bold: true }, { text: `, ${presenter.title}` }] },
				{ runs: [{ text: longDate(briefing.date) }], spaceBefore: 0.25, scale: 0.9 },
			],
			{
				name: 'presenter',
				font: ctx.body,
				color: ctx.pal.onPrimary,
				min: layout.presenterSize[0],
				max: layout.presenterSize[1],
			},
		),
	);
	return {
		master: 'dark',
		kind: 'title',
		title: briefing.title,
		notes: notesFor.title(ctx.input, ctx.fill),
		frames,
	};
}
