/**
 * A briefing's length limits as plain numbers, in a module of their own without zod, so the
 * browser builder's page can draw its form and picker before the schemas load.
 */
/** Length limits, shared with the briefing schema, the deck layout and the builder's inline errors. */
export const briefingLimits = {
	title: 90,
	subtitle: 140,
	company: 60,
	audience: 6,
	ask: 140,
	agendaItem: 80,
	agenda: 4,
	minInsights: 2,
	maxInsights: 12,
	notes: 2000,
	questions: 6,
	question: 160,
} as const;
