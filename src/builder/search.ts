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

// The folded claim and topics of each insight, made once: the picker filters on every keystroke.
const heads = new WeakMap<InsightSummary, string>();
// The same for each insight of a list the picker searches, by position, filled in one pass on the
// list's first search: one table entry per list, not one per insight (5,000 at library scale).
const listHeads = new WeakMap<readonly InsightSummary[], string[]>();
// A whole insight's summary, evidence and implication, folded once.
const bodies = new WeakMap<InsightSummary, string>();

const claimText = (insight: InsightSummary) =>
	foldText(
		insight.data.topics.length
			? `${insight.data.title} ${insight.data.topics.join(' ')}`
			: insight.data.title,
	);

function head(insight: InsightSummary): string {
	let text = heads.get(insight);
	if (text === undefined) {
		text = claimText(insight);
		heads.set(insight, text);
	}
	return text;
}

function headsOf(insights: readonly InsightSummary[]): string[] {
	let texts = listHeads.get(insights);
	// A list changed since (no caller does that) is folded again rather than searched stale.
	if (texts?.length !== insights.length) {
		texts = insights.map(claimText);
		listHeads.set(insights, texts);
	}
	return texts;
}

function body(insight: InsightSummary): string {
	// An index entry gets its summary, evidence and implication as `text`, folded already at
	// build time (none until the search text arrives); a whole insight carries them as fields.
	if (insight.text !== undefined) return insight.text;
	const { data } = insight;
	if (data.summary === undefined && data.points === undefined && data.implication === undefined)
		return '';
	let text = bodies.get(insight);
	if (text === undefined) {
		text = foldText([data.summary ?? '', ...(data.points ?? []), data.implication ?? ''].join(' '));
		bodies.set(insight, text);
	}
	return text;
}

/** Whether every word occurs in the insight's claim, summary, evidence, topics or implication. */
export function matchesSearch(insight: InsightSummary, words: readonly string[]): boolean {
	if (!words.length) return true;
	// The two texts are searched apart rather than joined: a word holds no whitespace, so none can
	// straddle the join, and joining 5,000 insights' texts made megabytes of garbage per search.
	const claim = head(insight);
	const rest = body(insight);
	return words.every((word) => claim.includes(word) || rest.includes(word));
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
	const claims = words.length ? headsOf(insights) : [];
	// As `matchesSearch`, with the list's claims folded once.
	const matches = (insight: T, at: number) =>
		words.every((word) => claims[at]!.includes(word) || body(insight).includes(word));
	for (let at = 0; at < insights.length; at++) {
		const insight = insights[at]!;
		if (
			(industry && fitScore(insight, industry, '') === 0) ||
			(persona && !insight.data.personas.includes(persona)) ||
			(stage && insight.data.stage !== stage) ||
			!matches(insight, at)
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
