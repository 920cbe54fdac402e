/**
 * Astro collections, built from the shared schemas in `src/schema/`. Cross-file rules (taxonomy
 * ids, related ids, briefing references) are enforced by the `insightLibrary` integration, because
 * Astro's `reference()` does not fail a build on a missing id; and a file Astro's schema refuses
 * fails the build with that check's report (`checkedFirst`). In a build whose check passed,
 * insights and briefings are stored from the checked library, not read and parsed again.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { checkedFirst } from './integrations/build-check.ts';
import { checkedBriefing, checkedInsight } from './integrations/checked-store.ts';
import { briefingSchema } from './schema/briefing.ts';
import { insightSchema } from './schema/insight.ts';
import { taxonomyEntrySchema } from './schema/taxonomy.ts';

const taxonomyList = (key: 'industries' | 'personas') => (text: string) =>
	(parse(text) as Record<typeof key, Record<string, unknown>[]>)[key] ?? [];

/** Keeps file names as ids exactly (Astro would otherwise slugify them). */
const idFromFile = ({ entry }: { entry: string }) => entry.replace(/\.(mdx|ya?ml)$/, '');

export const collections = {
	insights: defineCollection({
		loader: checkedFirst(
			glob({ pattern: '*.mdx', base: './content/insights', generateId: idFromFile }),
			(library) => library.insights.map(checkedInsight),
		),
		schema: insightSchema,
	}),
	briefings: defineCollection({
		loader: checkedFirst(
			glob({ pattern: '*.yaml', base: './content/briefings', generateId: idFromFile }),
			(library) => library.briefings.map(checkedBriefing),
		),
		schema: briefingSchema,
	}),
	industries: defineCollection({
		loader: checkedFirst(file('content/taxonomy.yaml', { parser: taxonomyList('industries') })),
		schema: taxonomyEntrySchema,
	}),
	personas: defineCollection({
		loader: checkedFirst(file('content/taxonomy.yaml', { parser: taxonomyList('personas') })),
		schema: taxonomyEntrySchema,
	}),
};
