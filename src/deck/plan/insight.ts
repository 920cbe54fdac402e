/**
 * Insight slides. An insight slide is laid out from blocks (stat call-out, points, implication
 * panel, chart, big number panel) stacked in columns. Several arrangements are tried, each at the
 * largest body size that fits; the first arrangement that fits at a comfortable size wins, else the
 * one that fits at the largest size. Long content therefore changes the arrangement before it
 * shrinks the type.
 */
import { stages } from '../../schema/stage-names.ts';
import type { SceneFrame, SceneSlide } from '../scene.ts';
import { largestSize } from '../text.ts';
import {
	calloutBlock,
	chartBlock,
	chartFootnote,
	implicationBlock,
	pointsBlock,
	statPanelBlock,
} from './blocks.ts';
import { bodyText, headerFrames } from './chrome.ts';
import { columnHeight, renderColumn, split, type Arrangement } from './columns.ts';
import type { Context, FilledInsight } from './context.ts';
import { measure } from './frames.ts';
import { HEADER_LAYOUT, INSIGHT_LAYOUT } from './layouts.ts';
import { notesFor } from './notes.ts';

/** A comfortable body size: the first arrangement that fits at this size or more is taken. */
const COMFORTABLE = 14;

/** The smallest body size of an insight slide whose content fits no other way. */
const DENSE_MIN = 9;

/** An arrangement and how much less it is liked, in points of body size given up for it. */
interface Option {
	arrange: Arrangement;
	penalty: number;
}

function arrangements(ctx: Context, insight: FilledInsight): Option[] {
	const L = INSIGHT_LAYOUT;
	const points = pointsBlock(ctx, insight);
	const panel = implicationBlock(ctx, insight, true);
	const band = implicationBlock(ctx, insight, false);
	const option =
		(penalty: number) =>
		(arrange: Arrangement): Option => ({ arrange, penalty });
	if (insight.chart) {
		const chart = chartBlock(ctx, insight);
		const widths = L.chartColumn;
		if (!insight.stat) {
			return [
				...widths.preferred.map((w) => option(0)(split(w, [chart], [points, panel]))),
				...widths.narrow.map((w) => option(0.5)(split(w, [chart], [points, panel]))),
				...widths.banded.map((w) => option(1)(split(w, [chart], [points], band))),
			];
		}
		const callout = calloutBlock(ctx, insight, insight.stat);
		const inline = calloutBlock(ctx, insight, insight.stat, true);
		return [
			...widths.preferred.map((w) => option(0)(split(w, [chart], [callout, points, panel]))),
			...widths.narrow.map((w) => option(0.5)(split(w, [chart], [callout, points, panel]))),
			...widths.banded.map((w) => option(1)(split(w, [chart], [callout, points], band))),
			...L.inlineColumn.beside.map((w) => option(1.5)(split(w, [chart], [inline, points, panel]))),
			...L.calloutFirstColumn.map((w) => option(1.5)(split(w, [callout, chart], [points], band))),
			...L.inlineColumn.below.map((w) => option(2)(split(w, [chart, inline], [points, panel]))),
			...L.inlineColumn.banded.map((w) => option(2)(split(w, [chart], [inline, points], band))),
		];
	}
	if (insight.stat) {
		const stat = statPanelBlock(ctx, insight, insight.stat);
		const { wide, narrow } = L.statColumn;
		return [
			option(0)(split(wide, [stat], [points, panel])),
			option(0.5)(split(narrow, [stat], [points, panel])),
			option(0.5)(split(wide, [stat], [points], band)),
			option(1)(split(narrow, [stat], [points], band)),
		];
	}
	return [
		option(0)(split(L.pointsColumn.wide, [points], [band])),
		option(0.5)(split(L.pointsColumn.narrow, [points], [band])),
	];
}

export function insightSlide(ctx: Context, insight: FilledInsight, total: number): SceneSlide {
	const stage = stages[insight.stage];
	const eyebrow = `${stage.name} · Insight ${insight.number} of ${total}`;
	type Candidate = { frames: SceneFrame[]; score: number; fits: boolean };
	let best: Candidate | undefined;
	const spec = bodyText(ctx, 'points');
	const layoutBody = INSIGHT_LAYOUT.body;
	// The normal header and body size first; a compact header next; the dense minimum only when
	// nothing else fits.
	const passes = [
		{ compact: false, min: spec.min, penalty: 0 },
		{ compact: true, min: spec.min, penalty: 1 },
		{ compact: true, min: DENSE_MIN, penalty: 1 },
	];
	const options = arrangements(ctx, insight);
	const footnote = chartFootnote(ctx, insight);
	for (const pass of passes) {
		if (pass.min === DENSE_MIN && best?.fits) break;
		const header: SceneFrame[] = headerFrames(ctx, eyebrow, insight.title, pass.compact);
		const headline = header[1] as ReturnType<typeof headerFrames>[number];
		const top = pass.compact
			? headline.y +
				measure(headline.paragraphs, headline.w, headline.size, {
					font: ctx.heading,
					bold: true,
					lineSpacing: headline.lineSpacing,
				}).height +
				HEADER_LAYOUT.compactGap
			: layoutBody.y;
		const bottom =
			layoutBody.y + layoutBody.h - (footnote ? footnote.h + INSIGHT_LAYOUT.footnote.gap : 0);
		const body = { x: layoutBody.x, y: top, w: layoutBody.w, h: bottom - top };
		if (footnote) header.push(footnote);
		for (const { arrange, penalty } of options) {
			// Not even its largest size could beat a best that fits: no need to search.
			if (best?.fits && spec.max - penalty - pass.penalty <= best.score) continue;
			const fitsAt = (size: number) =>
				arrange(body, size).every((column) => columnHeight(column, size) <= column.h + 1e-6);
			const { size, found } = largestSize(pass.min, spec.max, fitsAt);
			const score = size - penalty - pass.penalty;
			// A candidate that cannot beat a fitting best is not laid out (whether it fits or not).
			if (best?.fits && score <= best.score) continue;
			const bodyFrames = arrange(body, size)
				.flatMap((column) => renderColumn(column, size))
				.map((frame) => (frame.kind === 'text' && !found ? { ...frame, fits: false } : frame));
			const frames = [...header, ...bodyFrames];
			const fits = frames.every((frame) => frame.kind !== 'text' || frame.fits);
			const candidate = { frames, score, fits };
			if (!best || (fits && (!best.fits || candidate.score > best.score))) best = candidate;
		}
		// The best arrangement with the normal header reads comfortably: no need to squeeze.
		if (best?.fits && best.score >= COMFORTABLE) break;
	}
	return {
		master: 'content',
		kind: 'insight',
		title: insight.title,
		notes: notesFor.insight(ctx.input, insight.source, ctx.fill),
		frames: best!.frames,
	};
}
