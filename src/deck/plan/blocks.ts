/**
 * The blocks an insight slide is made of: points, the implication panel, the stat (as a call-out
 * beside a chart, or as a big-number panel), the chart with its title, and the chart's footnote.
 */
import type { InsightSource, InsightStat } from '../../schema/insight.ts';
import type { Run, SceneFrame, SceneParagraph, TextFrame } from '../scene.ts';
import { largestSize } from '../text.ts';
import { monthYear } from '../format.ts';
import { bodyText, bullets, normalizeFirst } from './chrome.ts';
import { chartAlt, chartLabelSize, chartMinHeight, sceneChart } from './chart.ts';
import { memo, type Block } from './columns.ts';
import type { Context, FilledInsight } from './context.ts';
import { fitted, lineHeight, measure, paragraphs, textAt, type TextSpec } from './frames.ts';
import { HEADER_LAYOUT, INSIGHT_LAYOUT, SIZES } from './layouts.ts';

const L = INSIGHT_LAYOUT;
const PANEL_PAD = L.panelPad;

/** A filled panel behind a block. */
const panel = (
	ctx: Context,
	frame: { x: number; y: number; w: number; h: number },
): SceneFrame => ({
	kind: 'rect',
	role: 'decoration',
	decorative: true,
	...frame,
	fill: ctx.pal.surface,
});

/** `McKinsey & Company, Title, March 2024` (with the title when asked). */
function attribution(source: InsightSource, withTitle: boolean): string {
	const title = withTitle ? `, ${source.title}` : '';
	return `${source.publisher}${title}, ${monthYear(source.published)}`;
}

/** `Source: ...` line, led by an "Illustrative" mark when the figure is an illustration. */
function sourceCaption(ctx: Context, source: InsightSource, withTitle: boolean): SceneParagraph[] {
	const runs: Run[] = [{ text: 'Source: ', bold: true }, { text: attribution(source, withTitle) }];
	if (source.illustrative) {
		runs.unshift(
			{ text: 'Illustrative figure', bold: true, color: ctx.pal.accentOnSurface },
			{ text: ' (not a published finding). ' },
		);
	}
	return [{ runs }];
}

const captionSize = (size: number) =>
	Math.max(SIZES.caption[0], Math.min(SIZES.caption[1], Math.round(size * 1.5) / 2));

export function pointsBlock(ctx: Context, insight: FilledInsight): Block {
	const spec = bodyText(ctx, 'points');
	const list = normalizeFirst(bullets(insight.points));
	return {
		height: memo((size, w) => measure(list, w, size, spec).height),
		render: (frame, size) => [textAt(frame, list, size, spec)],
	};
}

export function implicationBlock(ctx: Context, insight: FilledInsight, bottom: boolean): Block {
	const spec = bodyText(ctx, 'implication');
	const list: SceneParagraph[] = [
		{
			runs: [{ text: `What this means for ${ctx.company}`, bold: true, color: ctx.pal.primary }],
			scale: 0.8,
		},
		{ runs: [{ text: insight.implication }], spaceBefore: 0.3 },
	];
	const innerW = (w: number) => w - PANEL_PAD.bar - 2 * PANEL_PAD.x;
	return {
		bottom,
		height: memo((size, w) => measure(list, innerW(w), size, spec).height + 2 * PANEL_PAD.y),
		render: (frame, size) => [
			panel(ctx, frame),
			{
				kind: 'rect',
				role: 'decoration',
				decorative: true,
				x: frame.x,
				y: frame.y,
				w: PANEL_PAD.bar,
				h: frame.h,
				fill: ctx.pal.accent,
			},
			textAt(
				{ x: frame.x + PANEL_PAD.bar + PANEL_PAD.x, y: frame.y + PANEL_PAD.y, w: innerW(frame.w) },
				list,
				size,
				spec,
			),
		],
	};
}

/**
 * The stat as a small callout (when the slide's main figure is a chart): the value large over its
 * label, or, `inline`, the value leading the label in one paragraph (for crowded slides).
 */
export function calloutBlock(
	ctx: Context,
	insight: FilledInsight,
	stat: InsightStat & { label: string },
	inline = false,
): Block {
	const source = insight.sources[stat.source];
	const caption = source ? sourceCaption(ctx, source, false) : [];
	const label: SceneParagraph[] = inline
		? [
				{
					runs: [
						{ text: `${stat.value} `, bold: true, color: ctx.pal.accentOnSurface },
						{ text: stat.label },
					],
					scale: 1.15,
				},
			]
		: paragraphs([stat.label]);
	const value = paragraphs([stat.value]);
	const spec = bodyText(ctx, 'stat-label', { role: 'stat' });
	const valueSpec: TextSpec = {
		name: 'stat-value',
		role: 'stat',
		font: ctx.heading,
		color: ctx.pal.accent,
		bold: true,
		min: 0,
		max: 0,
		maxLines: 1,
		lineSpacing: 1.1,
	};
	const captionSpec: TextSpec = { ...spec, name: 'stat-source', color: ctx.pal.muted };
	const pad = inline ? L.inlinePad : PANEL_PAD;
	const innerW = (w: number) => w - 2 * pad.x;
	// The value is set large but stays on one line: at most 1.9 x the body size, less if it is wide.
	const valueSize = (size: number, w: number) =>
		inline
			? 0
			: largestSize(
					size,
					Math.min(36, size * 1.9),
					(s) => measure(value, innerW(w), s, valueSpec).lineCount <= 1,
				).size;
	const parts = (size: number, w: number) => {
		const vs = valueSize(size, w);
		const valueH = inline ? 0 : measure(value, innerW(w), vs, valueSpec).height;
		const labelH = measure(label, innerW(w), size, spec).height;
		const captionH = caption.length
			? measure(caption, innerW(w), captionSize(size), captionSpec).height + L.calloutCaptionGap
			: 0;
		return { vs, valueH, labelH, captionH, h: valueH + labelH + captionH + 2 * pad.y };
	};
	return {
		height: memo((size, w) => parts(size, w).h),
		render: (frame, size) => {
			const p = parts(size, frame.w);
			const x = frame.x + pad.x;
			const w = innerW(frame.w);
			let y = frame.y + pad.y;
			const frames: SceneFrame[] = [panel(ctx, frame)];
			if (!inline) frames.push(textAt({ x, y, w }, value, p.vs, valueSpec));
			y += p.valueH;
			frames.push(textAt({ x, y, w }, label, size, spec));
			y += p.labelH;
			if (caption.length)
				frames.push(
					textAt({ x, y: y + L.calloutCaptionGap, w }, caption, captionSize(size), captionSpec),
				);
			return frames;
		},
	};
}

/** The big number panel of a slide without a chart. */
export function statPanelBlock(
	ctx: Context,
	insight: FilledInsight,
	stat: InsightStat & { label: string },
): Block {
	return {
		minHeight: () => L.statPanelMinH,
		render: (frame) => {
			const pad = L.statPanelPad;
			const innerW = frame.w - 2 * pad;
			const x = frame.x + pad;
			const source = insight.sources[stat.source];
			const caption = source ? sourceCaption(ctx, source, true) : [];
			const captionSpec: TextSpec = {
				name: 'stat-source',
				role: 'stat',
				font: ctx.body,
				color: ctx.pal.muted,
				min: SIZES.caption[0],
				max: SIZES.caption[1],
			};
			const captionEl = caption.length
				? fitted(
						{ x, y: 0, w: innerW, h: Math.min(L.statCaptionMaxH, frame.h * L.statCaptionShare) },
						caption,
						captionSpec,
					)
				: undefined;
			const captionH = captionEl ? measure(caption, innerW, captionEl.size, captionSpec).height : 0;
			const value = fitted(
				{ x, y: frame.y + pad, w: innerW, h: L.statValueH },
				paragraphs([stat.value]),
				{
					name: 'stat-value',
					role: 'stat',
					font: ctx.heading,
					color: ctx.pal.accent,
					bold: true,
					min: SIZES.statValue[0],
					max: SIZES.statValue[1],
					maxLines: 1,
					lineSpacing: 1.1,
				},
			);
			const valueH = lineHeight(value.size, 1.1);
			const labelY = frame.y + pad + valueH + L.statValueGap;
			const labelH = frame.y + frame.h - pad - captionH - L.statCaptionGap - labelY;
			const label = fitted({ x, y: labelY, w: innerW, h: labelH }, paragraphs([stat.label]), {
				name: 'stat-label',
				role: 'stat',
				font: ctx.body,
				color: ctx.pal.text,
				min: L.statLabelSize[0],
				max: L.statLabelSize[1],
			});
			const frames: SceneFrame[] = [panel(ctx, frame), { ...value, h: valueH }, label];
			if (captionEl)
				frames.push({ ...captionEl, y: frame.y + frame.h - pad - captionH, h: captionH });
			return frames;
		},
	};
}

/** Chart title and the chart; fills the height it is given (its source is a footnote). */
export function chartBlock(ctx: Context, insight: FilledInsight): Block {
	const chart = sceneChart(insight.chart!);
	const title = paragraphs([chart.title]);
	// The chart title is set a little larger than the body text, so it groups with the chart.
	const titleSpec = (size: number): TextSpec => {
		const titleSize = Math.min(16, Math.max(11, size + 1));
		return {
			name: 'chart-title',
			role: 'chart',
			font: ctx.heading,
			color: ctx.pal.primary,
			bold: true,
			min: titleSize,
			max: titleSize,
		};
	};
	const titleH = (w: number, size: number) =>
		measure(title, w, titleSpec(size).max, titleSpec(size)).height;
	return {
		minHeight: memo(
			(w, size) => titleH(w, size) + L.chartTitleGap + chartMinHeight(chart, w, ctx.body),
		),
		render: (frame, size) => {
			const h = titleH(frame.w, size);
			const chartY = frame.y + h + L.chartTitleGap;
			return [
				textAt({ x: frame.x, y: frame.y, w: frame.w }, title, titleSpec(size).max, titleSpec(size)),
				{
					kind: 'chart',
					role: 'chart',
					x: frame.x,
					y: chartY,
					w: frame.w,
					h: frame.y + frame.h - chartY,
					chart,
					alt: chartAlt(chart),
					font: ctx.body,
					colors: ctx.pal.chart,
					textColor: ctx.pal.text,
					mutedColor: ctx.pal.muted,
					gridColor: ctx.pal.rule,
					labelSize: chartLabelSize(chart),
				},
			];
		},
	};
}

/** The chart's source as a footnote across the bottom of the body, or undefined. */
export function chartFootnote(ctx: Context, insight: FilledInsight): TextFrame | undefined {
	const chart = insight.chart;
	const source = chart?.source !== undefined ? insight.sources[chart.source] : undefined;
	if (!source) return undefined;
	const list = sourceCaption(ctx, source, true);
	const spec: TextSpec = {
		name: 'chart-source',
		font: ctx.body,
		color: ctx.pal.muted,
		min: L.footnoteSize[0],
		max: L.footnoteSize[1],
	};
	const box = L.footnote;
	const frame = fitted({ x: box.x, y: 0, w: box.w, h: box.h }, list, spec);
	const h = measure(list, box.w, frame.size, spec).height;
	const body = HEADER_LAYOUT.body;
	return { ...frame, y: body.y + body.h - h, h };
}
