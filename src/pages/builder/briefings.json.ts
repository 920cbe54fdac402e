/**
 * `/builder/briefings.json`: the example briefings, fetched by the builder only when a page opens
 * one (`/builder/?briefing=<id>`).
 */
import type { APIRoute } from 'astro';
import { publishBriefing } from '../../builder/library.ts';
import { getBriefings } from '../../site/data.ts';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify((await getBriefings()).map(publishBriefing)), {
		headers: { 'Content-Type': 'application/json' },
	});
