/**
 * The builder's data, made at build time from the library's entries, in pieces so a rep can start
 * before a large library has arrived: `/builder/index.json` (what the picker shows and first searches:
 * {@link builderIndex}), `/builder/search.txt` (the rest of the searchable text), and
 * `/builder/details/<n>.json` (whole insights with their talk tracks, a few dozen a file, fetched
 * when added), and `/builder/briefings.json` (the example briefings). Dates as `YYYY-MM-DD`. Pure,
 * so a test can make them from the files on disk and compare the browser's decks with the CLI's.
 */
import { talkTrack } from '../library/talk-track.ts';
import { foldText } from './search.ts';
import type { Brand } from '../schema/brand.ts';
import type { Briefing } from '../schema/briefing.ts';
import { isoDate } from '../schema/common.ts';
import type { Insight } from '../schema/insight.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import type {
	BuilderIndex,
	BuilderLibrary,
	ExampleBriefing,
	InsightSummary,
	PublishedInsight,
} from './types.ts';

/** The entries the builder's library is made from (Astro's collections or `loadLibrary`'s). */
export interface BuilderLibrarySources {
	/** Insights the builder may offer (published ones; drafts too in dev), with their MDX body. */
	insights: ReadonlyArray<{ id: string; data: Insight; body?: string }>;
	/** Example briefings, openable with `?briefing=<id>`. */
	briefings: ReadonlyArray<{ id: string; data: Briefing }>;
	taxonomy: Taxonomy;
	brand: Brand;
}

/** An insight as JSON: frontmatter with string dates, and its talk track. */
export function publishInsight(entry: {
	id: string;
	data: Insight;
	body?: string;
}): PublishedInsight {
	const { expires, reviewed, sources, ...rest } = entry.data;
	return {
		id: entry.id,
		talkTrack: talkTrack(entry.body ?? '', sources),
		data: {
			...rest,
			reviewed: isoDate(reviewed),
			...(expires ? { expires: isoDate(expires) } : {}),
			sources: sources.map((source) => ({ ...source, published: isoDate(source.published) })),
		},
	};
}

/** A briefing as JSON: its dates as strings. */
export function publishBriefing(entry: { id: string; data: Briefing }): ExampleBriefing {
	const { date, nextStep, ...rest } = entry.data;
	const { proposedDate, ...step } = nextStep;
	return {
		id: entry.id,
		data: {
			...rest,
			date: isoDate(date),
			nextStep: { ...step, ...(proposedDate ? { proposedDate: isoDate(proposedDate) } : {}) },
		},
	};
}

/** The whole data file. */
export function builderLibrary(sources: BuilderLibrarySources): BuilderLibrary {
	return {
		taxonomy: sources.taxonomy,
		brand: sources.brand,
		insights: sources.insights.map(publishInsight),
		briefings: sources.briefings.map(publishBriefing),
	};
}

/** Insights per details file: a few files for a briefing's insights, each a few kilobytes. */
export const detailsShardSize = 32;

/** The insights the builder offers, sorted by id: the order of the index and the details files. */
function sortedInsights(
	sources: Pick<BuilderLibrarySources, 'insights'>,
): BuilderLibrarySources['insights'] {
	return [...sources.insights].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** An insight as the picker index carries it. */
export function summarizeInsight(entry: { id: string; data: Insight }): InsightSummary {
	const { data } = entry;
	return {
		id: entry.id,
		data: {
			title: data.title,
			stage: data.stage,
			industries: data.industries,
			personas: data.personas,
			topics: data.topics,
			reviewed: isoDate(data.reviewed),
			...(data.expires ? { expires: isoDate(data.expires) } : {}),
			status: data.status,
			questionCount: data.questions.length,
		},
	};
}

/** `/builder/index.json`. */
export function builderIndex(sources: Omit<BuilderLibrarySources, 'briefings'>): BuilderIndex {
	return {
		taxonomy: sources.taxonomy,
		brand: sources.brand,
		insights: sortedInsights(sources).map(summarizeInsight),
		shardSize: detailsShardSize,
	};
}

/**
 * The searchable text the index leaves out (summary, evidence, implication), one string per
 * insight, folded for search already (see `foldText`), so the browser has nothing to do with it
 * but look words up: at 5,000 insights the index with summaries would not fit the builder's
 * start-up budget, and folding it there took longer than the search.
 */
export function searchText(data: Pick<Insight, 'summary' | 'points' | 'implication'>): string {
	// Runs of whitespace as one space: search words never hold any, and a line holds one insight.
	return foldText([data.summary, ...data.points, data.implication].join(' ')).replace(/\s+/g, ' ');
}

/** {@link searchText} of each insight, in index order. */
export function builderSearchTexts(sources: Pick<BuilderLibrarySources, 'insights'>): string[] {
	return sortedInsights(sources).map((entry) => searchText(entry.data));
}

/** `/builder/search.txt`: {@link builderSearchTexts}, one line each. */
export function builderSearchLines(sources: Pick<BuilderLibrarySources, 'insights'>): string {
	return builderSearchTexts(sources).join('\n');
}

/** The details files' contents: whole insights, {@link detailsShardSize} a file, in index order. */
export function builderDetails(
	sources: Pick<BuilderLibrarySources, 'insights'>,
): PublishedInsight[][] {
	const insights = sortedInsights(sources);
	const shards: PublishedInsight[][] = [];
	for (let start = 0; start < insights.length; start += detailsShardSize)
		shards.push(insights.slice(start, start + detailsShardSize).map(publishInsight));
	return shards;
}
