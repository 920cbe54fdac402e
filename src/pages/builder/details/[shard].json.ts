/**
 * `/builder/details/<n>.json`: whole insights (frontmatter and talk track), `detailsShardSize` of
 * them in the order of `/builder/index.json`, fetched by the builder when a rep adds one.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { builderDetails } from '../../../builder/library.ts';
import { getInsights } from '../../../site/data.ts';

export const getStaticPaths = (async () =>
	builderDetails({ insights: await getInsights() }).map((insights, shard) => ({
		params: { shard: String(shard) },
		props: { insights },
	}))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
	new Response(JSON.stringify(props.insights), {
		headers: { 'Content-Type': 'application/json' },
	});
