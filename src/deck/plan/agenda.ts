/**
 * The agenda: the insights grouped by the four conversations (stages), one row per stage with the
 * stage's name and question on the left and its insights on the right, over as few pages as the
 * smallest size allows, at the largest size that keeps that many.
 */
import { stageIds, stages, type Stage } from '../../schema/stage-names.ts';
import type { SceneFrame, SceneParagraph, SceneSlide } from '../scene.ts';
import { largestSize } from '../text.ts';
import { bodyText, headerFrames, pageLabel } from './chrome.ts';
import type { Context, FilledInsight } from './context.ts';
import { measure, textAt } from './frames.ts';
import { AGENDA_LAYOUT, INSIGHT_LAYOUT } from './layouts.ts';
import { notesFor } from './notes.ts';

type Row = { stage: Stage; items: FilledInsight[]; continued: boolean };

export function agendaSlides(ctx: Context, insights: FilledInsight[]): SceneSlide[] {
	const layout = AGENDA_LAYOUT;
	const body = layout.body;
	const leftW = layout.leftW;
	const rightX = body.x + leftW + layout.gap;
	const rightW = body.w - leftW - layout.gap;
	const pad = layout.rowPad;
	const spec = bodyText(ctx, 'agenda', { min: layout.size[0], max: layout.size[1] });
	const left = (stage: Stage, continued: boolean): SceneParagraph[] => [
		{
			runs: [
				{
					text: stages[stage].name + (continued ? ' (continued)' : ''),
					bold: true,
					color: ctx.pal.primary,
				},
			],
		},
		{
			runs: [{ text: stages[stage].question, color: ctx.pal.muted }],
			scale: 0.8,
			spaceBefore: 0.15,
		},
	];
	const right = (items: FilledInsight[]) =>
		items.map((insight, index): SceneParagraph => ({
			runs: [{ text: insight.title }],
			bullet: { kind: 'bullet' },
			indent: INSIGHT_LAYOUT.bulletIndent,
			spaceBefore: index ? 0.35 : 0,
		}));
	// Insights in stage order (presenting order within a stage).
	const ordered = stageIds.flatMap((stage) =>
		insights.filter((insight) => insight.stage === stage),
	);
	const rowsOf = (page: FilledInsight[], previous: FilledInsight | undefined): Row[] => {
		const rows: Row[] = [];
		for (const insight of page) {
			const last = rows[rows.length - 1];
			if (last && last.stage === insight.stage) last.items.push(insight);
			else
				rows.push({
					stage: insight.stage,
					items: [insight],
					continued: !rows.length && previous?.stage === insight.stage,
				});
		}
		return rows;
	};
	const rowHeight = (row: Row, size: number) =>
		Math.max(
			measure(left(row.stage, row.continued), leftW, size, spec).height,
			measure(right(row.items), rightW, size, spec).height,
		) +
		2 * pad;
	const pageHeight = (page: FilledInsight[], previous: FilledInsight | undefined, size: number) =>
		rowsOf(page, previous).reduce((sum, row) => sum + rowHeight(row, size), 0);
	// Fewest pages at the smallest size, then the largest size that keeps that many.
	const paginateAt = (size: number) => {
		const pages: FilledInsight[][] = [];
		let current: FilledInsight[] = [];
		for (const insight of ordered) {
			const previous = pages.length ? pages[pages.length - 1]!.at(-1) : undefined;
			if (current.length && pageHeight([...current, insight], previous, size) > body.h) {
				pages.push(current);
				current = [];
			}
			current.push(insight);
		}
		pages.push(current);
		return pages;
	};
	const fewest = paginateAt(spec.min).length;
	const { size } = largestSize(spec.min, spec.max, (s) => paginateAt(s).length <= fewest);
	const pages = paginateAt(size);
	return pages.map((page, index) => {
		const previous = index ? pages[index - 1]!.at(-1) : undefined;
		const rows = rowsOf(page, previous);
		const fits = pageHeight(page, previous, size) <= body.h + 1e-6;
		const label = pageLabel('Agenda', index, pages.length);
		// The eyebrow is the agenda's title: the headline repeats the title slide's.
		const frames: SceneFrame[] = [
			...headerFrames(ctx, label, ctx.input.briefing.title, false, 'eyebrow'),
		];
		let y = body.y;
		rows.forEach((row, r) => {
			if (r > 0)
				frames.push({
					kind: 'rect',
					role: 'decoration',
					decorative: true,
					x: body.x,
					y,
					w: body.w,
					h: layout.ruleH,
					fill: ctx.pal.rule,
				});
			frames.push(
				{
					...textAt(
						{ x: body.x, y: y + pad, w: leftW },
						left(row.stage, row.continued),
						size,
						spec,
					),
					fits,
				},
				{ ...textAt({ x: rightX, y: y + pad, w: rightW }, right(row.items), size, spec), fits },
			);
			y += rowHeight(row, size);
		});
		return {
			master: 'content',
			kind: 'agenda',
			// The eyebrow is the title placeholder (uppercase, as it shows).
			title: label.toUpperCase(),
			notes: notesFor.agenda(ctx.input, ctx.fill),
			frames,
		};
	});
}
