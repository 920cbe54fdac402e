/**
 * The four conversations a client in a complex, high-stakes decision must have, in the order a
 * briefing walks them: their ids and names, without zod (the builder's page draws them before the
 * schemas load). `stage.ts` is their schema.
 */

/** Stage ids in presenting order. */
export const stageIds = [
	'decision-to-change',
	'change-challenges',
	'approaches',
	'decision-factors',
] as const;

/** One of the four conversations. */
export type Stage = (typeof stageIds)[number];

/** How each stage is named and which question it answers for the client. */
export const stages: Record<Stage, { name: string; question: string }> = {
	'decision-to-change': { name: 'Why change', question: 'Why change at all, and why now?' },
	'change-challenges': { name: 'What makes it hard', question: 'What makes this change hard?' },
	approaches: { name: 'What works', question: 'Which approaches work, and which fail?' },
	'decision-factors': { name: 'What decides it', question: 'Which factors decide the outcome?' },
};
