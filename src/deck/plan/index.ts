/**
 * The storyline and layout of a briefing deck: title, agenda, one slide per insight, questions to
 * explore, sources, the proposed next step and the closing, as a renderer-neutral scene
 * (`../scene.ts`). Every text is sized here so that the longest text the schemas allow fits its box.
 */
import type { Scene, SceneSlide } from '../scene.ts';
import type { DeckInput } from '../types.ts';
import { agendaSlides } from './agenda.ts';
import { contentMaster, darkMaster, slideNumber } from './chrome.ts';
import { closingSlide } from './closing.ts';
import { fillInsight, planContext } from './context.ts';
import { insightSlide } from './insight.ts';
import { SLIDE } from './layouts.ts';
import { nextStepSlide } from './next-step.ts';
import { questionSlides } from './questions.ts';
import { fontWarnings, overflowReport, scriptWarnings } from './report.ts';
import { sourceSlides } from './sources.ts';
import { titleSlide } from './title.ts';
import { DEFAULT_LANGUAGE } from '../../schema/language-tags.ts';
import { onTemplate } from '../template/plan.ts';

/** Plans every slide of a briefing's deck. */
export function planDeck(input: DeckInput): Scene {
	if (!input.insights.length) throw new Error('a deck needs at least one insight');
	const ctx = planContext(input);
	const insights = ctx.input.insights.map((insight, index) => fillInsight(ctx, insight, index));
	const planned: SceneSlide[] = [
		titleSlide(ctx),
		...agendaSlides(ctx, insights),
		...insights.map((insight) => insightSlide(ctx, insight, insights.length)),
		...questionSlides(ctx, insights),
		...sourceSlides(ctx, insights),
		nextStepSlide(ctx),
		closingSlide(ctx),
	];
	// A slide's title is its title frame's text: the outline, the PDF and the previews list what
	// PowerPoint reads from the title placeholder.
	const slides = planned.map((slide) => {
		const frame = slide.frames.find((f) => f.role === 'title');
		const text =
			frame?.kind === 'text'
				? frame.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join(' ')
				: '';
		return text ? { ...slide, title: text } : slide;
	});
	const masters = { dark: darkMaster(ctx), content: contentMaster(ctx) };
	const size = { w: SLIDE.w, h: SLIDE.h };
	const { briefing, brand } = input;
	const fonts = [...new Set([ctx.heading, ctx.body])];
	const scene: Scene = {
		size,
		meta: {
			// The title as the first slide shows it (tokens filled).
			title: slides[0]?.title ?? briefing.title,
			subject: `Executive briefing for ${briefing.prospect.company}`,
			author: briefing.presenter.name,
			company: briefing.presenter.company ?? brand.name,
			language: briefing.language ?? DEFAULT_LANGUAGE,
			modified: input.modified,
		},
		theme: {
			headingFont: brand.fonts.heading,
			bodyFont: brand.fonts.body,
			bulletColor: brand.colors.accent.replace('#', ''),
		},
		fonts,
		masters: {
			dark: { background: brand.colors.primary.replace('#', ''), frames: masters.dark },
			content: {
				background: brand.colors.background.replace('#', ''),
				frames: masters.content,
				slideNumber: slideNumber(ctx),
			},
		},
		slides,
		overflows: overflowReport(size, [...masters.dark, ...masters.content], slides),
		warnings: [...fontWarnings(fonts), ...scriptWarnings(slides)],
	};
	// A company template replaces the built-in layouts' geometry with its own.
	return input.template ? onTemplate(scene, input.template, input.brand.templateLayouts) : scene;
}
