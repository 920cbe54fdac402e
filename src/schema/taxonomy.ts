/** Schema of `content/taxonomy.yaml`: the industries and personas authors tag insights with. */
import { z } from 'astro/zod';
import { crossIndustry } from './cross-industry.ts';
import { idSchema, text } from './common.ts';

export { crossIndustry };

/** One industry or persona. */
export const taxonomyEntrySchema = z.strictObject({
	/** Stable id used in insight frontmatter and URLs. */
	id: idSchema.describe(
		'Stable id used in insight frontmatter and URLs: lowercase words joined by hyphens.',
	),
	/** Display name, e.g. "Healthcare providers". */
	name: text(60).describe('Display name, e.g. "Healthcare providers".'),
	/** Short name people use and search for, e.g. "CFO"; shown on chips when given. */
	short: text(16)
		.optional()
		.describe('Short name people use and search for, e.g. "CFO"; shown on chips when given.'),
	/** One or two sentences on who this covers, shown on browse pages. */
	description: text(300).describe(
		'One or two sentences on who this covers, shown on browse pages.',
	),
});

/** The whole taxonomy file. */
export const taxonomySchema = z.strictObject({
	/** Industries the library covers; `cross-industry` is built in and need not be listed. */
	industries: z
		.array(taxonomyEntrySchema)
		.min(1)
		.describe('Industries the library covers; cross-industry is built in and need not be listed.'),
	/** Buyer personas: the roles insights are written for. */
	personas: z
		.array(taxonomyEntrySchema)
		.min(1)
		.describe('Buyer personas: the roles insights are written for.'),
});

export type TaxonomyEntry = z.infer<typeof taxonomyEntrySchema>;
export type Taxonomy = z.infer<typeof taxonomySchema>;
