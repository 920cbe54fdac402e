/**
 * `/builder/library.json`: what the browser builder needs, made at build time: published insights
 * (drafts only in dev) with their talk tracks, the example briefings, the taxonomy and the brand.
 */
import type { APIRoute } from 'astro';
import { isoDate } from '../../schema/common.ts';
import { talkTrack } from '../../library/talk-track.ts';
import { brand } from '../../site/brand.ts';
import { getBriefings, getIndustries, getInsights, getPersonas } from '../../site/data.ts';
import type { BuilderLibrary, PublishedInsight } from '../../builder/types.ts';

export const GET: APIRoute = async () => {
	const insights: PublishedInsight[] = (await getInsights()).map((entry) => {
		const { expires, reviewed, sources, ...rest } = entry.data;
		return {
			id: entry.id,
			talkTrack: talkTrack(entry.body ?? ''),
			data: {
				...rest,
				reviewed: isoDate(reviewed),
				...(expires ? { expires: isoDate(expires) } : {}),
				sources: sources.map((source) => ({ ...source, published: isoDate(source.published) })),
			},
		};
	});
	const briefings = (await getBriefings()).map((entry) => ({
		id: entry.id,
		data: {
			...entry.data,
			date: isoDate(entry.data.date),
			nextStep: {
				...entry.data.nextStep,
				...(entry.data.nextStep.proposedDate
					? { proposedDate: isoDate(entry.data.nextStep.proposedDate) }
					: {}),
			},
		},
	}));
	const library: BuilderLibrary & { briefings: typeof briefings } = {
		taxonomy: {
			industries: (await getIndustries()).map((entry) => entry.data),
			personas: (await getPersonas()).map((entry) => entry.data),
		},
		brand,
		insights,
		briefings,
	};
	return new Response(JSON.stringify(library), { headers: { 'Content-Type': 'application/json' } });
};
