/** Sources: every insight's sources under its title, linked, over as many pages as they need. */
import type { Run, SceneParagraph, SceneSlide } from '../scene.ts';
import { monthYear } from '../format.ts';
import { bodyText, headerFrames, pageLabel } from './chrome.ts';
import type { Context, FilledInsight } from './context.ts';
import { textAt } from './frames.ts';
import { SOURCES_LAYOUT } from './layouts.ts';
import { notesFor } from './notes.ts';
import { paginate } from './paginate.ts';

export function sourceSlides(ctx: Context, insights: FilledInsight[]): SceneSlide[] {
	const layout = SOURCES_LAYOUT;
	const groups = insights.map((insight): SceneParagraph[] => [
		{
			runs: [{ text: `${insight.number}. ${insight.title}`, bold: true, color: ctx.pal.primary }],
			scale: 0.9,
			spaceBefore: 0.9,
		},
		...insight.sources.map((source, index): SceneParagraph => {
			const runs: Run[] = [
				{ text: source.title, hyperlink: source.url },
				{ text: ` · ${source.publisher}, ${monthYear(source.published)}`, color: ctx.pal.muted },
			];
			if (source.illustrative)
				runs.push({ text: ' · Illustrative', bold: true, color: ctx.pal.accentText });
			return {
				runs,
				bullet: { kind: 'bullet' },
				indent: layout.indent,
				scale: 0.9,
				spaceBefore: index ? 0.2 : 0.25,
			};
		}),
	]);
	const box = layout.box;
	const spec = bodyText(ctx, 'sources', { min: layout.size[0], max: layout.size[1] });
	const { pages, size, fits } = paginate(groups, box, spec);
	return pages.map((page, index) => {
		// The page count goes on the headline, the slide's title: titles tell slides apart.
		const title = pageLabel('Where the evidence comes from', index, pages.length);
		return {
			master: 'content',
			kind: 'sources',
			title,
			notes: notesFor.sources(ctx.input, index, pages.length),
			frames: [
				...headerFrames(ctx, 'Sources', title),
				{ ...textAt({ ...box }, page, size, spec), fits },
			],
		};
	});
}
