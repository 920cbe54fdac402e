/**
 * `/builder/search.json`: the searchable text `/builder/index.json` leaves out (each insight's
 * summary, evidence and implication), in index order. The builder fetches it once it is ready, so
 * a search finds words in them too.
 */
import type { APIRoute } from 'astro';
import { builderSearchTexts } from '../../builder/library.ts';
import { getInsights } from '../../site/data.ts';

export const GET: APIRoute = async () =>
	new Response(JSON.stringify(builderSearchTexts({ insights: await getInsights() })), {
		headers: { 'Content-Type': 'application/json' },
	});
