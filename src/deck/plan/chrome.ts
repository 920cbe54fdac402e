/**
 * What slides share: the content slides' header (eyebrow and headline, the slide's title), the
 * body text style, bullets, and the two masters (brand lockup on the dark one; logo, footer and
 * slide number on the content one).
 */
import type { Frame, SceneFrame, SceneParagraph, TextFrame } from '../scene.ts';
import type { Context } from './context.ts';
import { fitted, paragraphs, type TextSpec } from './frames.ts';
import {
	CONTENT_MASTER_LAYOUT,
	DARK_MASTER_LAYOUT,
	GAP,
	HEADER_LAYOUT,
	INSIGHT_LAYOUT,
	SIZES,
} from './layouts.ts';

/**
 * Eyebrow and headline of a content slide; `compact` keeps the headline within two lines. The
 * headline is the slide's title unless `title` says the eyebrow is (when the headline repeats
 * another slide's).
 */
export function headerFrames(
	ctx: Context,
	eyebrow: string,
	headline: string,
	compact = false,
	title: 'headline' | 'eyebrow' = 'headline',
): TextFrame[] {
	const layout = HEADER_LAYOUT;
	const eyebrowW = layout.eyebrow.w - (ctx.logo.w ? ctx.logo.w + GAP : 0);
	const headlineBox = compact ? layout.compactHeadline : layout.headline;
	const [min, max] = compact ? layout.compactHeadlineSize : layout.headlineSize;
	return [
		fitted({ ...layout.eyebrow, w: eyebrowW }, paragraphs([eyebrow.toUpperCase()]), {
			name: 'eyebrow',
			...(title === 'eyebrow' ? { role: 'title' as const } : {}),
			font: ctx.body,
			color: ctx.pal.accentText,
			bold: true,
			min: layout.eyebrowSize[0],
			max: layout.eyebrowSize[1],
			maxLines: 1,
		}),
		fitted({ ...headlineBox }, paragraphs([headline]), {
			name: 'headline',
			role: title === 'headline' ? 'title' : 'body',
			font: ctx.heading,
			color: ctx.pal.primary,
			bold: true,
			min,
			max,
			lineSpacing: 1.1,
		}),
	];
}

/** Body text in the brand's body font and text colour. */
export const bodyText = (ctx: Context, name: string, extra: Partial<TextSpec> = {}): TextSpec => ({
	name,
	font: ctx.body,
	color: ctx.pal.text,
	min: SIZES.body[0],
	max: SIZES.body[1],
	...extra,
});

/** Bulleted paragraphs. */
export function bullets(texts: readonly string[], spaceBefore = 0.45): SceneParagraph[] {
	return texts.map((text) => ({
		runs: [{ text }],
		bullet: { kind: 'bullet' },
		indent: INSIGHT_LAYOUT.bulletIndent,
		spaceBefore,
	}));
}

/** The first paragraph of a box takes no space before it. */
export function normalizeFirst(list: SceneParagraph[]): SceneParagraph[] {
	if (!list.length || !list[0]!.spaceBefore) return list;
	return [{ ...list[0]!, spaceBefore: 0 }, ...list.slice(1)];
}

/** `Agenda (1 of 2)` when a slide runs over several pages, else `Agenda`. */
export function pageLabel(base: string, index: number, count: number): string {
	return count > 1 ? `${base} (${index + 1} of ${count})` : base;
}

/** The logo on a white rounded chip (it may not read on the dark background otherwise). */
function logoChip(ctx: Context, x: number, y: number, size: number): SceneFrame[] {
	const logo = ctx.input.logo;
	if (!logo) return [];
	const inner = size * 0.78;
	const w = logo.aspectRatio >= 1 ? inner : inner * logo.aspectRatio;
	const h = logo.aspectRatio >= 1 ? inner / logo.aspectRatio : inner;
	const chipW = Math.max(size, w + size - inner);
	return [
		{
			kind: 'roundRect',
			role: 'decoration',
			decorative: true,
			x,
			y,
			w: chipW,
			h: size,
			fill: 'FFFFFF',
		},
		{
			kind: 'image',
			role: 'image',
			x: x + (chipW - w) / 2,
			y: y + (size - h) / 2,
			w,
			h,
			data: logo.dataUrl,
			alt: ctx.input.brand.logo.alt,
		},
	];
}

/** The dark master: logo chip and brand name. */
export function darkMaster(ctx: Context): SceneFrame[] {
	const layout = DARK_MASTER_LAYOUT;
	const chip = logoChip(ctx, layout.chip.x, layout.chip.y, layout.chip.size);
	const chipW = chip.length ? (chip[0] as Frame).w + layout.chipGap : 0;
	return [
		...chip,
		fitted({ ...layout.name, x: layout.name.x + chipW }, paragraphs([ctx.input.brand.name]), {
			name: 'brand',
			font: ctx.heading,
			color: ctx.pal.onPrimary,
			bold: true,
			min: layout.nameSize[0],
			max: layout.nameSize[1],
			maxLines: 1,
			valign: 'middle',
		}),
	];
}

/** The content master: logo top right, a rule and the brand name in the footer. */
export function contentMaster(ctx: Context): SceneFrame[] {
	const layout = CONTENT_MASTER_LAYOUT;
	const frames: SceneFrame[] = [];
	const logo = ctx.input.logo;
	if (logo) {
		frames.push({
			kind: 'image',
			role: 'image',
			x: layout.logo.right - ctx.logo.w,
			y: layout.logo.y,
			w: ctx.logo.w,
			h: ctx.logo.h,
			data: logo.dataUrl,
			alt: ctx.input.brand.logo.alt,
		});
	}
	frames.push(
		{ kind: 'rect', role: 'decoration', decorative: true, ...layout.rule, fill: ctx.pal.rule },
		fitted({ ...layout.footer }, paragraphs([ctx.input.brand.name]), {
			name: 'footer',
			font: ctx.body,
			color: ctx.pal.muted,
			min: layout.footerSize[0],
			max: layout.footerSize[1],
			maxLines: 1,
			valign: 'middle',
		}),
	);
	return frames;
}

/** Where the content master shows the slide number. */
export function slideNumber(ctx: Context): Frame & { font: string; size: number; color: string } {
	const layout = CONTENT_MASTER_LAYOUT;
	return {
		...layout.slideNumber,
		font: ctx.body,
		size: layout.slideNumberSize,
		color: ctx.pal.muted,
	};
}
