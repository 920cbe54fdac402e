/**
 * Schema of an insight's frontmatter (`content/insights/<id>.mdx`). Field names are a contract
 * (see design.md); length limits exist so the longest allowed text still fits its slide box.
 * Rules that need other files (taxonomy ids, related ids) live in `src/library/validate.ts`.
 */
import { z } from 'astro/zod';
import { dateSchema, idSchema, text } from './common.ts';
import { stageSchema } from './stage.ts';
import { unknownTokens } from './tokens.ts';

/** Length limits, shared with the deck engine's layout and the authoring scaffolds. */
export const insightLimits = {
	title: 90,
	summary: 240,
	statValue: 12,
	statLabel: 80,
	point: 140,
	implication: 200,
	question: 160,
	chartTitle: 80,
	chartLabel: 24,
	seriesName: 40,
} as const;

/** Where a piece of evidence comes from. */
export const sourceSchema = z.object({
	/** Title of the report, article or dataset. */
	title: text(200),
	/** Who published it, e.g. "McKinsey & Company". */
	publisher: text(100),
	/** Where a reader can find it. */
	url: z.url({ protocol: /^https?$/ }).optional(),
	/** When it was published (YYYY-MM-DD); a month or year alone is written as its first day. */
	published: dateSchema,
	/** True when a figure citing this source is an illustration, not a published finding. */
	illustrative: z.boolean().default(false),
});

/** A headline number shown large on the insight's slide. */
export const statSchema = z.object({
	/** The figure as it should read, e.g. "17%" or "$4.2M". */
	value: text(insightLimits.statValue),
	/** What the figure measures, read after the value. */
	label: text(insightLimits.statLabel),
	/** Index into `sources` (0 is the first) of the source for this figure. */
	source: z.number().int().min(0),
});

/** A chart kind the deck renders as a native, editable PowerPoint chart. */
export const chartKindSchema = z.enum(['bar', 'column', 'line', 'pie', 'doughnut']);

/** One data series of a chart. */
export const chartSeriesSchema = z.object({
	/** Legend name of the series. */
	name: text(insightLimits.seriesName),
	/** One value per label, in the same order. */
	values: z.array(z.number().finite()).min(1),
});

/** Chart data for an insight; drawn as SVG on the site and as a native chart in decks. */
export const chartSchema = z.object({
	/** bar (horizontal), column (vertical), line, pie or doughnut. */
	kind: chartKindSchema,
	/** What the chart shows. */
	title: text(insightLimits.chartTitle),
	/** Unit of the values, e.g. "%" or "$M"; shown on axes and labels. */
	unit: z.string().trim().max(8).optional(),
	/** Category labels, one per value. */
	labels: z.array(text(insightLimits.chartLabel)).min(2).max(12),
	/** 1-4 series; pie and doughnut charts take exactly one. */
	series: z.array(chartSeriesSchema).min(1).max(4),
	/** Index into `sources` of the source for this data. */
	source: z.number().int().min(0).optional(),
});

/** Frontmatter of one insight. */
export const insightSchema = z
	.object({
		/** The claim, as a full sentence. */
		title: text(insightLimits.title),
		/** What the client does not know yet, in one or two sentences. */
		summary: text(insightLimits.summary),
		/** Taxonomy industry ids this holds for (`cross-industry` for all). */
		industries: z.array(idSchema).min(1),
		/** Taxonomy persona ids this is written for. */
		personas: z.array(idSchema).min(1),
		/** Which of the four conversations this insight serves. */
		stage: stageSchema,
		/** Up to five free tags (lowercase ids) for search facets. */
		topics: z.array(idSchema).max(5).default([]),
		/** Optional headline figure. */
		stat: statSchema.optional(),
		/** Optional chart data. */
		chart: chartSchema.optional(),
		/** 1-4 bullets of evidence. */
		points: z.array(text(insightLimits.point)).min(1).max(4),
		/** The so-what for the client. */
		implication: text(insightLimits.implication),
		/** 1-3 discovery questions the rep can ask. */
		questions: z.array(text(insightLimits.question)).min(1).max(3),
		/** Where the evidence comes from; at least one. */
		sources: z.array(sourceSchema).min(1).max(6),
		/** Who wrote it. */
		author: text(80),
		/** Who keeps it current, if not the author (a person or a team). */
		owner: text(80).optional(),
		/** When it was last reviewed for accuracy (YYYY-MM-DD). */
		reviewed: dateSchema,
		/** After this date the insight can no longer enter a briefing. */
		expires: dateSchema.optional(),
		/** `draft` insights stay out of production builds and decks. */
		status: z.enum(['draft', 'published']),
		/** Ids of insights worth reading next. */
		related: z.array(idSchema).default([]),
	})
	.superRefine((insight, ctx) => {
		if (insight.stat && insight.stat.source >= insight.sources.length) {
			ctx.addIssue({
				code: 'custom',
				path: ['stat', 'source'],
				message: `an index into sources: 0 to ${insight.sources.length - 1} (got ${insight.stat.source})`,
			});
		}
		const chart = insight.chart;
		if (chart) {
			if (chart.source !== undefined && chart.source >= insight.sources.length) {
				ctx.addIssue({
					code: 'custom',
					path: ['chart', 'source'],
					message: `an index into sources: 0 to ${insight.sources.length - 1} (got ${chart.source})`,
				});
			}
			chart.series.forEach((series, index) => {
				if (series.values.length !== chart.labels.length) {
					ctx.addIssue({
						code: 'custom',
						path: ['chart', 'series', index, 'values'],
						message: `${chart.labels.length} values, one per label (got ${series.values.length})`,
					});
				}
			});
			if ((chart.kind === 'pie' || chart.kind === 'doughnut') && chart.series.length !== 1) {
				ctx.addIssue({
					code: 'custom',
					path: ['chart', 'series'],
					message: `exactly one series for a ${chart.kind} chart (got ${chart.series.length})`,
				});
			}
			if (chart.kind === 'pie' || chart.kind === 'doughnut') {
				chart.series[0]?.values.forEach((value, index) => {
					if (value < 0) {
						ctx.addIssue({
							code: 'custom',
							path: ['chart', 'series', 0, 'values', index],
							message: `a value of 0 or more for a ${chart.kind} chart (got ${value})`,
						});
					}
				});
			}
		}
		if (insight.expires && insight.expires <= insight.reviewed) {
			ctx.addIssue({
				code: 'custom',
				path: ['expires'],
				message: 'a date after the reviewed date',
			});
		}
		for (const [path, value] of textFields(insight)) {
			for (const token of unknownTokens(value)) {
				ctx.addIssue({
					code: 'custom',
					path,
					message: `only the tokens {company}, {industry} and {audience} (found ${token})`,
				});
			}
		}
	});

export type Insight = z.infer<typeof insightSchema>;
export type InsightSource = z.infer<typeof sourceSchema>;
export type InsightStat = z.infer<typeof statSchema>;
export type InsightChart = z.infer<typeof chartSchema>;
export type ChartKind = z.infer<typeof chartKindSchema>;

/** The text fields that may carry tokens, each with its field path. */
export function textFields(
	insight: Pick<Insight, 'title' | 'summary' | 'points' | 'implication' | 'questions'> & {
		stat?: { label: string } | undefined;
	},
): Array<[(string | number)[], string]> {
	return [
		[['title'], insight.title],
		[['summary'], insight.summary],
		...insight.points.map((point, i): [(string | number)[], string] => [['points', i], point]),
		[['implication'], insight.implication],
		...insight.questions.map((q, i): [(string | number)[], string] => [['questions', i], q]),
		...(insight.stat ? [[['stat', 'label'], insight.stat.label] as [(string | number)[], string]] : []),
	];
}
