/**
 * The builder's library, in pieces: `/builder/index.json` at start (what the picker shows and
 * searches), then the rest of the searchable text once the page is ready, each insight's details
 * (questions, evidence, sources, talk track) when it is added, and the example briefings only when
 * the page opens one. Every fetch is made once and cached.
 */
import type {
	BuilderIndex,
	BuilderLibrary,
	ExampleBriefing,
	InsightSummary,
	LibraryView,
	PublishedInsight,
} from '../../builder/types.ts';
import { unpackIndex, type PackedIndex } from '../../builder/index-pack.ts';
import { fetchSearchLines } from './search-text.ts';
import { crossIndustry } from '../../schema/cross-industry.ts';
import { fillTokens, genericTokenValues } from '../../schema/tokens.ts';

/** The library and the lookups every part of the builder uses. */
export interface LoadedLibrary {
	/** The index (and the example briefings, when the page asked for one). */
	data: LibraryView;
	/** Site base path, e.g. `/`. */
	base: string;
	/** An insight as the index has it. */
	insight: (id: string) => InsightSummary;
	/** The whole insight, when its details have arrived. */
	detail: (id: string) => PublishedInsight | undefined;
	/** The whole insights `ids` names, fetched as needed; rejects when a details file cannot load. */
	details: (ids: readonly string[]) => Promise<PublishedInsight[]>;
	/** What a deck of these insights is made from: brand, taxonomy and the insights, whole. */
	deckLibrary: (ids: readonly string[]) => Promise<BuilderLibrary>;
	/**
	 * Loads summaries, evidence and implications into search; resolves when search covers them.
	 * `inWorker`: fetch and split them in a worker (see `search-text.ts`).
	 */
	loadSearchText: (options: { inWorker: boolean }) => Promise<void>;
	/** An industry's label on chips and lists ("Cross-industry" for the built-in id). */
	industryLabel: (id: string) => string;
	/** A persona's short name ("CFO"), else its name. */
	personaLabel: (id: string) => string;
}

/** An insight's text with tokens filled generically ("your company"), for lists and labels. */
export const generic = (text: string): string => fillTokens(text, genericTokenValues);

async function getJson<T>(url: string): Promise<T> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return (await response.json()) as T;
}

/**
 * Fetches the index (and, with `withBriefings`, the example briefings); undefined when either
 * cannot be loaded.
 */
export async function loadLibrary(
	base: string,
	{ withBriefings = false }: { withBriefings?: boolean } = {},
): Promise<LoadedLibrary | undefined> {
	let index: BuilderIndex;
	let briefings: ExampleBriefing[];
	try {
		[index, briefings] = await Promise.all([
			getJson<PackedIndex>(`${base}builder/index.json`).then(unpackIndex),
			withBriefings ? getJson<ExampleBriefing[]>(`${base}builder/briefings.json`) : [],
		]);
	} catch {
		return undefined;
	}
	const position = new Map(index.insights.map((insight, at) => [insight.id, at]));
	const industries = new Map(index.taxonomy.industries.map((entry) => [entry.id, entry.name]));
	industries.set(crossIndustry, 'Cross-industry');
	const personas = new Map(
		index.taxonomy.personas.map((entry) => [entry.id, entry.short ?? entry.name]),
	);
	const insight = (id: string) => {
		const at = position.get(id);
		// Every draft is filtered through keepUsable on arrival: an unknown id here is a bug.
		if (at === undefined) throw new Error(`builder: unknown insight ${id}`);
		return index.insights[at]!;
	};

	const loaded = new Map<string, PublishedInsight>();
	const shards = new Map<number, Promise<void>>();
	const shard = (number: number) => {
		let pending = shards.get(number);
		if (!pending) {
			pending = getJson<PublishedInsight[]>(`${base}builder/details/${number}.json`).then(
				(insights) => {
					for (const entry of insights) loaded.set(entry.id, entry);
				},
				(error: unknown) => {
					// Forgotten, so the next attempt fetches again (the connection may be back).
					shards.delete(number);
					throw error;
				},
			);
			shards.set(number, pending);
		}
		return pending;
	};
	const details = async (ids: readonly string[]) => {
		const needed = new Set(
			ids
				.filter((id) => !loaded.has(id) && position.has(id))
				.map((id) => Math.floor(position.get(id)! / index.shardSize)),
		);
		try {
			await Promise.all([...needed].map(shard));
		} catch {
			throw new Error('the insights’ details could not be loaded: check the connection');
		}
		return ids.map((id) => {
			const entry = loaded.get(id);
			if (!entry) throw new Error(`builder: no details for insight ${id}`);
			return entry;
		});
	};

	let searchText: Promise<void> | undefined;
	const loadSearchText = ({ inWorker }: { inWorker: boolean }) =>
		(searchText ??= fetchSearchLines(`${base}builder/search.txt`, { inWorker }).then(
			(lines) => {
				index.insights.forEach((entry, at) => {
					if (typeof lines[at] === 'string') entry.text = lines[at];
				});
			},
			() => {
				// Search keeps to titles and topics; a later call tries again.
				searchText = undefined;
			},
		));

	return {
		data: { ...index, briefings },
		base,
		insight,
		detail: (id) => loaded.get(id),
		details,
		deckLibrary: async (ids) => ({
			taxonomy: index.taxonomy,
			brand: index.brand,
			insights: await details(ids),
			briefings: [],
		}),
		loadSearchText,
		industryLabel: (id) => industries.get(id) ?? '',
		personaLabel: (id) => personas.get(id) ?? id,
	};
}
