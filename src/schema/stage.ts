/**
 * The four conversations a client in a complex, high-stakes decision must have, in the order a
 * briefing walks them. Fixed by design: they are the spine of every storyline, not a taxonomy.
 * Their ids and names are in `stage-names.ts` (no zod there, for the builder's page).
 */
import { z } from 'astro/zod';
import { stageIds, stages, type Stage } from './stage-names.ts';

export { stageIds, stages, type Stage };

/** One of the four conversations. */
export const stageSchema = z.enum(stageIds);
