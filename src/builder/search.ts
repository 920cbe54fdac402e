/**
 * The builder's insight picker: which insights a search and the filters show, and in what order
 * (the four conversations in order, then the best fit for the chosen industry and persona). It
 * runs on every keystroke over the whole library (thousands of insights), so each insight's
 * searchable text is folded once and the order is sorted on numbers computed once per search.
 */
import { stageIds } from '../schema/stage-names.ts';
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

/** Printable ASCII and whitespace only: such text folds by lowercasing alone. */
const plainAscii = /^[\t\n\r\x20-\x7e]*$/;

/** Lowercase, without accents, so "resume" finds "Résumé". */
export function foldText(text: string): string {
	// Normalising and stripping marks is costly at library scale and changes nothing in ASCII.
	if (plainAscii.test(text)) return text.toLowerCase();
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
		// An index entry gets its summary, evidence and implication as `text`, folded already at
		// build time; a whole insight carries them as fields.
		const rest =
			insight.text ??
			foldText([data.summary ?? '', ...(data.points ?? []), data.implication ?? ''].join(' '));
		cached = { text: `${foldText([data.title, ...data.topics].join(' '))} ${rest}`, full };
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

const stageOrder = new Map<string, number>(stageIds.map((id, index) => [id, index]));

/**
 * Code-unit order of ids. Insight ids are slugs (`a-z`, `0-9`, single hyphens), for which it is
 * the order `localeCompare` gives, at a fraction of the cost.
 */
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The insights to list for `filters`, in the order to list them. */
export function pickInsights<T extends InsightSummary>(
	insights: readonly T[],
	filters: PickerFilters,
): T[] {
	const words = searchWords(filters.query);
	const { industry, persona, stage } = filters;
	const ranked: Array<{ insight: T; stage: number; fit: number }> = [];
	for (const insight of insights) {
		if (
			(industry && fitScore(insight, industry, '') === 0) ||
			(persona && !insight.data.personas.includes(persona)) ||
			(stage && insight.data.stage !== stage) ||
			!matchesSearch(insight, words)
		)
			continue;
		ranked.push({
			insight,
			stage: stageOrder.get(insight.data.stage) ?? -1,
			fit: fitScore(insight, industry, persona),
		});
	}
	return ranked
		.sort((a, b) => a.stage - b.stage || b.fit - a.fit || byId(a.insight.id, b.insight.id))
		.map((entry) => entry.insight);
}
