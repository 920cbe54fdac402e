/** The builder's library: fetched once from `/builder/library.json`, with lookups by id. */
import type { BuilderLibrary, PublishedInsight } from '../../builder/types.ts';
import { crossIndustry } from '../../schema/taxonomy.ts';
import { fillTokens, genericTokenValues } from '../../schema/tokens.ts';

/** The library and the lookups every part of the builder uses. */
export interface LoadedLibrary {
	data: BuilderLibrary;
	/** Site base path, e.g. `/`. */
	base: string;
	insight: (id: string) => PublishedInsight;
	/** An industry's label on chips and lists ("Cross-industry" for the built-in id). */
	industryLabel: (id: string) => string;
	/** A persona's short name ("CFO"), else its name. */
	personaLabel: (id: string) => string;
}

/** An insight's text with tokens filled generically ("your company"), for lists and labels. */
export const generic = (text: string): string => fillTokens(text, genericTokenValues);

/** Fetches the library; undefined when it cannot be loaded. */
export async function loadLibrary(base: string): Promise<LoadedLibrary | undefined> {
	let data: BuilderLibrary;
	try {
		const response = await fetch(`${base}builder/library.json`);
		if (!response.ok) throw new Error(String(response.status));
		data = (await response.json()) as BuilderLibrary;
	} catch {
		return undefined;
	}
	const insights = new Map(data.insights.map((insight) => [insight.id, insight]));
	const industries = new Map(data.taxonomy.industries.map((entry) => [entry.id, entry.name]));
	industries.set(crossIndustry, 'Cross-industry');
	const personas = new Map(
		data.taxonomy.personas.map((entry) => [entry.id, entry.short ?? entry.name]),
	);
	return {
		data,
		base,
		insight: (id) => {
			const insight = insights.get(id);
			// Every draft is filtered through keepUsable on arrival: an unknown id here is a bug.
			if (!insight) throw new Error(`builder: unknown insight ${id}`);
			return insight;
		},
		industryLabel: (id) => industries.get(id) ?? '',
		personaLabel: (id) => personas.get(id) ?? id,
	};
}
