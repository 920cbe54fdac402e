/**
 * "Suggest a storyline": insights for an industry and persona that walk the four conversations in
 * order. Per stage, insights written for both the industry and the persona come first, then the
 * industry alone, then cross-industry ones for the persona; fresher reviews break ties.
 */
import { stageIds } from '../schema/stage-names.ts';
import { crossIndustry } from '../schema/cross-industry.ts';
import type { InsightSummary } from './types.ts';

/** How well an insight fits the audience (higher is better; 0 means it does not fit). */
export function fitScore(insight: InsightSummary, industry: string, persona: string): number {
	const industryScore = insight.data.industries.includes(industry)
		? 2
		: insight.data.industries.includes(crossIndustry)
			? 1
			: 0;
	if (!industryScore) return 0;
	const personaScore = !persona || insight.data.personas.includes(persona) ? 2 : 0;
	return industryScore * 2 + personaScore;
}

/** Up to `perStage` insights for each stage, in presenting order, at most `limit` in all. */
export function suggestStoryline(
	insights: readonly InsightSummary[],
	industry: string,
	persona: string,
	{ perStage = 2, limit = 8 }: { perStage?: number; limit?: number } = {},
): string[] {
	const ranked = stageIds.map((stage) =>
		insights
			.filter((insight) => insight.data.stage === stage && fitScore(insight, industry, persona) > 0)
			.sort(
				(a, b) =>
					fitScore(b, industry, persona) - fitScore(a, industry, persona) ||
					b.data.reviewed.localeCompare(a.data.reviewed) ||
					a.id.localeCompare(b.id),
			),
	);
	// First one per stage so every conversation is covered, then a second where there is room.
	const picked = new Set<string>();
	for (let round = 0; round < perStage; round++) {
		for (const list of ranked) {
			const next = list[round];
			if (next && picked.size < limit) picked.add(next.id);
		}
	}
	return stageIds.flatMap((_, index) =>
		ranked[index]!.filter((insight) => picked.has(insight.id)).map((insight) => insight.id),
	);
}
