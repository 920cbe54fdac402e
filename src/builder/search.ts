/**
 * The builder's insight picker: which insights a search and the filters show, and in what order
 * (the four conversations in order, then the best fit for the chosen industry and persona).
 */
import { stageIds } from '../schema/stage.ts';
import { fitScore } from './storyline.ts';
import type { InsightSummary } from './types.ts';

/** What the rep typed and chose above the list. */
export interface PickerFilters {
	/** Words to find; every word must occur. */
	query: string;
	/** Industry id, or '' for all (cross-industry insights fit every industry). */
	industry: string;
	/** Persona id, or ''. */
	persona: string;
	/** Stage id, or ''. */
	stage: string;
}

/** Lowercase, without accents, so "resume" finds "Résumé". */
export function foldText(text: string): string {
	return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a query, folded; empty for a blank query. */
export function searchWords(query: string): string[] {
	return foldText(query).split(/\s+/).filter(Boolean);
}

// The searchable text of each insight, made once (again when its search text arrives): the
// picker filters on every keystroke.
const haystacks = new WeakMap<InsightSummary, { text: string; full: boolean }>();

function haystack(insight: InsightSummary): string {
	const full = insight.text !== undefined;
	let cached = haystacks.get(insight);
	if (cached === undefined || cached.full !== full) {
		const { data } = insight;
		// A whole insight carries its summary, evidence and implication; an index entry gets them
		// as `text` once the search text has loaded.
		const rest =
			insight.text ??
			[data.summary ?? '', ...(data.points ?? []), data.implication ?? ''].join(' ');
		cached = { text: foldText([data.title, ...data.topics, rest].join(' ')), full };
		haystacks.set(insight, cached);
	}
	return cached.text;
}

/** Whether every word occurs in the insight's claim, summary, evidence, topics or implication. */
export function matchesSearch(insight: InsightSummary, words: readonly string[]): boolean {
	if (!words.length) return true;
	const text = haystack(insight);
	return words.every((word) => text.includes(word));
}

/** The insights to list for `filters`, in the order to list them. */
export function pickInsights<T extends InsightSummary>(
	insights: readonly T[],
	filters: PickerFilters,
): T[] {
	const words = searchWords(filters.query);
	const { industry, persona, stage } = filters;
	return insights
		.filter(
			(insight) =>
				(!industry || fitScore(insight, industry, '') > 0) &&
				(!persona || insight.data.personas.includes(persona)) &&
				(!stage || insight.data.stage === stage) &&
				matchesSearch(insight, words),
		)
		.sort(
			(a, b) =>
				stageIds.indexOf(a.data.stage) - stageIds.indexOf(b.data.stage) ||
				fitScore(b, industry, persona) - fitScore(a, industry, persona) ||
				a.id.localeCompare(b.id),
		);
}
