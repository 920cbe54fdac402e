/** The proposed next step: the ask as the headline, what we would cover, and date and people. */
import type { SceneFrame, SceneParagraph, SceneSlide } from '../scene.ts';
import { audienceRoles, weekdayDate } from '../format.ts';
import { bodyText, bullets, headerFrames } from './chrome.ts';
import type { Context } from './context.ts';
import { fitted, paragraphs } from './frames.ts';
import { NEXT_STEP_LAYOUT } from './layouts.ts';
import { notesFor } from './notes.ts';

export function nextStepSlide(ctx: Context): SceneSlide {
	const layout = NEXT_STEP_LAYOUT;
	const { briefing } = ctx.input;
	const next = briefing.nextStep;
	const frames: SceneFrame[] = [...headerFrames(ctx, 'Proposed next step', next.ask)];
	const agenda = next.agenda?.length ? next.agenda : undefined;
	const leftParas: SceneParagraph[] = [
		{
			runs: [
				{
					text: agenda ? 'What we would cover' : 'How we would use the time',
					bold: true,
					color: ctx.pal.primary,
				},
			],
			scale: 0.85,
		},
		...(agenda
			? bullets(agenda.map(ctx.fill), 0.5).map((p, i) => (i === 0 ? { ...p, spaceBefore: 0.5 } : p))
			: paragraphs(
					[
						`Go deeper on the insights that matter most to ${ctx.company}, and agree what to test first.`,
					],
					{ spaceBefore: 0.5 },
				)),
	];
	frames.push(
		fitted(
			{ ...layout.left },
			leftParas,
			bodyText(ctx, 'next-step-agenda', { min: layout.leftSize[0], max: layout.leftSize[1] }),
		),
	);
	const who = audienceRoles(briefing);
	const panel: SceneParagraph[] = [
		{ runs: [{ text: 'PROPOSED DATE', bold: true, color: ctx.pal.muted }], scale: 0.7 },
		{
			runs: [
				{
					text: next.proposedDate ? weekdayDate(next.proposedDate) : 'To be agreed together',
					bold: true,
					color: ctx.pal.primary,
				},
			],
			scale: 1.15,
			spaceBefore: 0.2,
		},
		{ runs: [{ text: 'WITH', bold: true, color: ctx.pal.muted }], scale: 0.7, spaceBefore: 1.1 },
		{ runs: [{ text: `${who}, ${briefing.prospect.company}` }], spaceBefore: 0.2 },
		{
			runs: [{ text: 'PRESENTED BY', bold: true, color: ctx.pal.muted }],
			scale: 0.7,
			spaceBefore: 1.1,
		},
		{
			runs: [{ text: `${briefing.presenter.name}, ${briefing.presenter.title}` }],
			spaceBefore: 0.2,
		},
	];
	const box = layout.panel;
	const inset = layout.panelText;
	frames.push(
		{ kind: 'rect', role: 'decoration', decorative: true, ...box, fill: ctx.pal.surface },
		{
			kind: 'rect',
			role: 'decoration',
			decorative: true,
			x: box.x,
			y: box.y,
			w: box.w,
			h: layout.panelBarH,
			fill: ctx.pal.accent,
		},
		fitted(
			{ x: box.x + inset.dx, y: box.y + inset.dy, w: box.w - inset.dw, h: box.h - inset.dh },
			panel,
			bodyText(ctx, 'next-step-panel', { min: layout.panelSize[0], max: layout.panelSize[1] }),
		),
	);
	return {
		master: 'content',
		kind: 'next-step',
		title: 'Proposed next step',
		notes: notesFor.nextStep(ctx.input, ctx.fill),
		frames,
	};
}
