/**
 * The four conversations a client in a complex, high-stakes decision must have, in the order a
 * briefing walks them. Fixed by design: they are the spine of every storyline, not a taxonomy.
 */
import { z } from 'astro/zod';

/** Stage ids in presenting order. */
export const stageIds = [
	'decision-to-change',
	'change-challenges',
	'approaches',
	'decision-factors',
] as const;

/** One of the four conversations. */
export const stageSchema = z.enum(stageIds);

export type Stage = z.infer<typeof stageSchema>;

/** How each stage is named and which question it answers for the client. */
export const stages: Record<Stage, { name: string; question: string }> = {
	'decision-to-change': { name: 'Why change', question: 'Why change at all, and why now?' },
	'change-challenges': { name: 'What makes it hard', question: 'What makes this change hard?' },
	approaches: { name: 'What works', question: 'Which approaches work, and which fail?' },
	'decision-factors': { name: 'What decides it', question: 'Which factors decide the outcome?' },
};
