/**
 * `/builder/library.json`: what the browser builder needs, made at build time: published insights
 * (drafts only in dev) with their talk tracks, the example briefings, the taxonomy and the brand.
 */
import type { APIRoute } from 'astro';
import { builderLibrary } from '../../builder/library.ts';
import { brand } from '../../site/brand.ts';
import { getBriefings, getIndustries, getInsights, getPersonas } from '../../site/data.ts';

export const GET: APIRoute = async () => {
	const library = builderLibrary({
		insights: await getInsights(),
		briefings: await getBriefings(),
		taxonomy: {
			industries: (await getIndustries()).map((entry) => entry.data),
			personas: (await getPersonas()).map((entry) => entry.data),
		},
		brand,
	});
	return new Response(JSON.stringify(library), { headers: { 'Content-Type': 'application/json' } });
};
