/**
 * `/builder/library.json`'s content, made at build time from the library's entries: insights
 * with their talk tracks and dates as `YYYY-MM-DD`, the example briefings, the taxonomy and the
 * brand. Pure, so a test can make it from the files on disk and compare the browser's decks
 * with the CLI's.
 */
import { talkTrack } from '../library/talk-track.ts';
import type { Brand } from '../schema/brand.ts';
import type { Briefing } from '../schema/briefing.ts';
import { isoDate } from '../schema/common.ts';
import type { Insight } from '../schema/insight.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import type { BuilderLibrary, ExampleBriefing, PublishedInsight } from './types.ts';

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
