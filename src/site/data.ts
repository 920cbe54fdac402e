/**
 * The site's queries over the content collections. Pages stay thin: they ask here for what to
 * show. Drafts appear only in `npm run dev`, never in a production build.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { stageIds, type Stage } from '../schema/stage.ts';
import { crossIndustry, type Taxonomy } from '../schema/taxonomy.ts';

export type InsightEntry = CollectionEntry<'insights'>;
export type BriefingEntry = CollectionEntry<'briefings'>;
export type TaxonomyEntry = CollectionEntry<'industries'>;

/** Whether drafts are shown: only in the dev server (set by the `insightLibrary` integration). */
export const showDrafts: boolean = __DEV_SERVER__;

/** Insights visible on this build, most recently reviewed first. */
export async function getInsights(): Promise<InsightEntry[]> {
	const all = await getCollection(
		'insights',
		(entry) => showDrafts || entry.data.status === 'published',
	);
	return all.sort(
		(a, b) => b.data.reviewed.getTime() - a.data.reviewed.getTime() || a.id.localeCompare(b.id),
	);
}

/** Briefings, soonest meeting first. */
export async function getBriefings(): Promise<BriefingEntry[]> {
	const all = await getCollection('briefings');
	return all.sort(
		(a, b) => a.data.date.getTime() - b.data.date.getTime() || a.id.localeCompare(b.id),
	);
}

/** Industries in taxonomy order. */
export async function getIndustries(): Promise<TaxonomyEntry[]> {
	return getCollection('industries');
}

/** Personas in taxonomy order. */
export async function getPersonas(): Promise<CollectionEntry<'personas'>[]> {
	return getCollection('personas');
}

/** The taxonomy as the builder receives it: industries and personas, in taxonomy order. */
export async function getTaxonomy(): Promise<Taxonomy> {
	return {
		industries: (await getIndustries()).map((entry) => entry.data),
		personas: (await getPersonas()).map((entry) => entry.data),
	};
}

/** Display names for industry and persona ids (including the built-in cross-industry id). */
export interface Names {
	/** Industry id to name. */
	industry: Map<string, string>;
	/** Persona id to full name, e.g. "Chief financial officer". */
	persona: Map<string, string>;
	/** Persona id to the short name people use, e.g. "CFO" (the full name when none is set). */
	personaShort: Map<string, string>;
}

export async function getNames(): Promise<Names> {
	const industry = new Map((await getIndustries()).map((entry) => [entry.id, entry.data.name]));
	industry.set(crossIndustry, 'Cross-industry');
	const personas = await getPersonas();
	const persona = new Map(personas.map((entry) => [entry.id, entry.data.name]));
	const personaShort = new Map(
		personas.map((entry) => [entry.id, entry.data.short ?? entry.data.name]),
	);
	return { industry, persona, personaShort };
}

/** Insights grouped by the four stages, in presenting order. */
export function byStage(
	insights: InsightEntry[],
): Array<{ stage: Stage; insights: InsightEntry[] }> {
	return stageIds.map((stage) => ({
		stage,
		insights: insights.filter((entry) => entry.data.stage === stage),
	}));
}

// Made once: `toLocaleDateString` with options builds a new formatter per call (slow on big libraries).
const dateFormats = {
	short: new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC',
	}),
	month: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
	long: new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC',
	}),
};

/** A date as readers see it, e.g. "14 Mar 2026" (UTC, so builds do not depend on the time zone). */
export function formatDate(date: Date, style: 'short' | 'long' = 'short'): string {
	return dateFormats[style].format(date);
}

/**
 * A source's publication month, e.g. "March 2026". Sources often give only a month or a year
 * (authors then write its first day), so a day would claim precision the source does not have.
 */
export function formatMonth(date: Date): string {
	return dateFormats.month.format(date);
}

/** A topic id as a label: "pricing-power" becomes "pricing power". */
export const topicLabel = (topic: string) => topic.replace(/-/g, ' ');
