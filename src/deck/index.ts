/**
 * The deck engine: a briefing, its insights and the brand in, a `.pptx` out. Pure (no file system,
 * no Astro, no `process`), so it runs in Node, in worker threads and in the browser builder.
 *
 *   const bytes = await buildDeck({ briefing, insights, industryName, brand, logo, modified });
 */
import { planDeck, type DeckPlan } from './plan.ts';
import { normalizePackage } from './package.ts';
import { renderDeck } from './render.ts';
import { isoDate } from '../schema/common.ts';
import type { DeckInput } from './types.ts';

export type { DeckInput, DeckInsight, DeckLogo } from './types.ts';
export type { DeckPlan } from './plan.ts';
export type { SlidePlan, Element, TextElement, ChartElement } from './elements.ts';
export { planDeck } from './plan.ts';
export { deckTimestamp, audienceRoles, tokenValues } from './format.ts';
export {
	fitText,
	layoutText,
	textWidth,
	faceFor,
	type Box,
	type FitOptions,
	type FittedText,
} from './text.ts';
export { packageProblems, xmlProblems, relationships, resolveTarget } from './package.ts';
export { xmlError, escapeXml } from './xml.ts';

/** MIME type of a .pptx file. */
export const PPTX_MIME =
	'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** A built deck and the plan it was built from. */
export interface BuiltDeck {
	bytes: Uint8Array;
	plan: DeckPlan;
}

/**
 * The engine builds only what a briefing may hold: published insights, current on the meeting
 * date. Callers check this first with friendlier messages; this guard keeps any caller honest.
 */
function assertPresentable({ briefing, insights }: DeckInput): void {
	for (const insight of insights) {
		if (insight.data.status !== 'published') {
			throw new Error(`insight "${insight.id}" is a draft: a deck takes only published insights`);
		}
		if (insight.data.expires && insight.data.expires < briefing.date) {
			throw new Error(
				`insight "${insight.id}" expired on ${isoDate(insight.data.expires)}, before the briefing date ${isoDate(briefing.date)}`,
			);
		}
	}
}

/** Builds the deck and returns it with its plan (slide titles, layout report). */
export async function buildDeckWithPlan(input: DeckInput): Promise<BuiltDeck> {
	assertPresentable(input);
	const plan = planDeck(input);
	const { briefing, brand } = input;
	const company = briefing.presenter.company ?? brand.name;
	// The title as the first slide shows it (tokens filled).
	const title = plan.slides[0]?.title ?? briefing.title;
	const raw = await renderDeck(plan, {
		title,
		subject: `Executive briefing for ${briefing.prospect.company}`,
		author: briefing.presenter.name,
		company,
		primary: brand.colors.primary.replace('#', ''),
		background: brand.colors.background.replace('#', ''),
		headingFont: brand.fonts.heading,
		bodyFont: brand.fonts.body,
	});
	const bytes = normalizePackage(raw, {
		title,
		subject: `Executive briefing for ${briefing.prospect.company}`,
		author: briefing.presenter.name,
		company,
		slideTitles: plan.slides.map((slide) => slide.title),
		fonts: plan.fonts,
		timestamp: input.modified,
		bulletColor: brand.colors.accent.replace('#', ''),
	});
	return { bytes, plan };
}

/** Builds a briefing's deck: the bytes of a `.pptx` file, identical for identical input. */
export async function buildDeck(input: DeckInput): Promise<Uint8Array> {
	return (await buildDeckWithPlan(input)).bytes;
}
