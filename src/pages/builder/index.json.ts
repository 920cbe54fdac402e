/**
 * `/builder/index.json`: what the builder needs before a rep can use it: every insight the builder
 * offers (published ones; drafts too in dev) as the picker shows and searches it, the taxonomy and
 * the brand, packed in columns (see `builder/index-pack.ts`). Whole insights are in
 * `/builder/details/<n>.json`.
 */
import type { APIRoute } from 'astro';
import { packIndex } from '../../builder/index-pack.ts';
import { builderIndex } from '../../builder/library.ts';
import { brand } from '../../site/brand.ts';
import { getInsights, getTaxonomy } from '../../site/data.ts';

export const GET: APIRoute = async () => {
	const index = builderIndex({
		insights: await getInsights(),
		taxonomy: await getTaxonomy(),
		brand,
	});
	return new Response(JSON.stringify(packIndex(index)), {
		headers: { 'Content-Type': 'application/json' },
	});
};
