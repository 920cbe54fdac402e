/**
 * `/builder/search.txt`: the searchable text `/builder/index.json` leaves out (each insight's
 * summary, evidence and implication, folded for search), one line per insight in index order.
 * Plain lines rather than JSON: the builder splits them at once, with nothing to parse, once it
 * is ready, so a search finds words in them too.
 */
import type { APIRoute } from 'astro';
import { builderSearchLines } from '../../builder/library.ts';
import { getInsights } from '../../site/data.ts';

export const GET: APIRoute = async () =>
	new Response(builderSearchLines({ insights: await getInsights() }), {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' },
	});
