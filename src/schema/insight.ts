/**
 * Schema of an insight's frontmatter (`content/insights/<id>.mdx`). Field names are a contract
 * (docs/authoring.md describes each field); length limits exist so the longest allowed text still
 * fits its slide box.
 * Rules that need other files (taxonomy ids, related ids) live in `src/library/validate.ts`.
 */
import { z } from 'astro/zod';
import { dateSchema, isoDate, idSchema, text } from './common.ts';
import {
	citedPointSchema,
	quoteSchema,
	sourceIndexSchema,
	sourceSchema,
	type Citation,
} from './source.ts';
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

/** A headline number shown large on the insight's slide. */
export const statSchema = z.strictObject({
	/** The figure as it should read, e.g. "17%" or "$4.2M". */
	value: text(insightLimits.statValue).describe(
		'The figure as it should read, e.g. "17%" or "$4.2M".',
	),
	/** What the figure measures, read after the value. */
	label: text(insightLimits.statLabel).describe('What the figure measures, read after the value.'),
	/** Index into `sources` (0 is the first) of the source for this figure. */
	source: sourceIndexSchema.describe(
		'Index into sources of the source for this figure: 0 is the first source.',
	),
	/** The passage of the source the figure comes from, word for word. */
	quote: quoteSchema.optional(),
});

/** One evidence bullet: its text, or its text with the source it cites and the passage. */
export const pointSchema = z.union([
	text(insightLimits.point),
	citedPointSchema(insightLimits.point),
]);

/** A chart kind the deck renders as a native, editable PowerPoint chart. */
export const chartKindSchema = z.enum(['bar', 'column', 'line', 'pie', 'doughnut']);

/** One data series of a chart. */
export const chartSeriesSchema = z.strictObject({
	/** Legend name of the series. */
	name: text(insightLimits.seriesName).describe('Legend name of the series.'),
	/** One value per label, in the same order. */
	values: z.array(z.number()).min(1).describe('One number per label, in the same order as labels.'),
});

/** Chart data for an insight; drawn as SVG on the site and as a native chart in decks. */
export const chartSchema = z.strictObject({
	/** bar (horizontal), column (vertical), line, pie or doughnut. */
	kind: chartKindSchema.describe(
		'bar (horizontal), column (vertical), line, pie or doughnut; pie and doughnut take one series.',
	),
	/** What the chart shows. */
	title: text(insightLimits.chartTitle).describe('What the chart shows.'),
	/** Unit of the values, e.g. "%" or "$M"; shown on axes and labels. */
	unit: z
		.string()
		.trim()
		.max(8)
		.optional()
		.describe('Unit of the values, e.g. "%" or "$M"; shown on axes and labels.'),
	/** Category labels, one per value. */
	labels: z
		.array(text(insightLimits.chartLabel))
		.min(2)
		.max(12)
		.describe('2-12 category labels, one per value.'),
	/** 1-4 series; pie and doughnut charts take exactly one. */
	series: z
		.array(chartSeriesSchema)
		.min(1)
		.max(4)
		.describe(
			'1-4 data series, each with one value per label; pie and doughnut charts take exactly one.',
		),
	/** Index into `sources` of the source for this data. */
	source: z
		.number()
		.int()
		.min(0)
		.optional()
		.describe('Index into sources of the source for this data: 0 is the first source.'),
});

/** The fields of an insight's frontmatter, before the rules that span them. */
export const insightFields = z.strictObject({
	/** The claim, as a full sentence. */
	title: text(insightLimits.title).describe(
		'The claim, as a full sentence a prospect would not read on a vendor site (at most 90 characters).',
	),
	/** What the client does not know yet, in one or two sentences. */
	summary: text(insightLimits.summary).describe(
		'What the client does not know yet, in one or two sentences (at most 240 characters).',
	),
	/** Taxonomy industry ids this holds for (`cross-industry` for all). */
	industries: z
		.array(idSchema)
		.min(1)
		.describe('Industry ids from content/taxonomy.yaml this holds for, or cross-industry.'),
	/** Taxonomy persona ids this is written for. */
	personas: z
		.array(idSchema)
		.min(1)
		.describe('Persona ids from content/taxonomy.yaml this is written for.'),
	/** Which of the four conversations this insight serves. */
	stage: stageSchema.describe(
		'The conversation it serves: decision-to-change (why change), change-challenges (what makes it hard), approaches (what works), decision-factors (what decides it).',
	),
	/** Up to five free tags (lowercase ids) for search facets. */
	topics: z
		.array(idSchema)
		.max(5)
		.default([])
		.describe('Up to five free tags, lowercase words joined by hyphens, for search facets.'),
	/** Optional headline figure. */
	stat: statSchema.optional().describe('Optional headline figure shown large on the slide.'),
	/** Optional chart data. */
	chart: chartSchema
		.optional()
		.describe('Optional chart data: an SVG chart on the site, a native chart in decks.'),
	/** 1-4 bullets of evidence, each plain text or `{ text, source, quote? }`. */
	points: z
		.array(pointSchema)
		.min(1)
		.max(4)
		.describe(
			'1-4 bullets of evidence, each at most 140 characters: plain text, or { text, source, quote } to cite a source by index with the passage that supports it.',
		),
	/** The so-what for the client. */
	implication: text(insightLimits.implication).describe(
		'The so-what for the client (at most 200 characters).',
	),
	/** 1-3 discovery questions the rep can ask. */
	questions: z
		.array(text(insightLimits.question))
		.min(1)
		.max(3)
		.describe('1-3 discovery questions the rep can ask, each at most 160 characters.'),
	/** Where the evidence comes from; at least one. */
	sources: z
		.array(sourceSchema)
		.min(1)
		.max(6)
		.describe('Where the evidence comes from: 1-6 sources.'),
	/** Who wrote it. */
	author: text(80).describe('Who wrote it.'),
	/** Who keeps it current, if not the author (a person or a team). */
	owner: text(80)
		.optional()
		.describe('Who keeps it current, if not the author (a person or a team).'),
	/** When it was last reviewed for accuracy (YYYY-MM-DD). */
	reviewed: dateSchema.describe(
		'When it was last reviewed for accuracy, YYYY-MM-DD. Over 12 months ago draws a warning.',
	),
	/** After this date the insight can no longer enter a briefing. */
	expires: dateSchema
		.optional()
		.describe(
			'Optional YYYY-MM-DD after the reviewed date; after it the insight can no longer enter a briefing.',
		),
	/** `draft` insights stay out of production builds and decks. */
	status: z
		.enum(['draft', 'published'])
		.describe('draft stays out of production builds, briefings and decks; published is live.'),
	/** Ids of insights worth reading next. */
	related: z
		.array(idSchema)
		.default([])
		.describe('Ids of other insights worth reading next (their file names without .mdx).'),
});

const indexMessage = (count: number, index: number) =>
	`an index into sources: 0 to ${count - 1} (got ${index})`;

/** Frontmatter of one insight. */
export const insightSchema = insightFields
	.superRefine((insight, ctx) => {
		const count = insight.sources.length;
		if (insight.stat && insight.stat.source >= count) {
			ctx.addIssue({
				code: 'custom',
				path: ['stat', 'source'],
				message: indexMessage(count, insight.stat.source),
			});
		}
		insight.points.forEach((point, index) => {
			if (typeof point !== 'string' && point.source >= count) {
				ctx.addIssue({
					code: 'custom',
					path: ['points', index, 'source'],
					message: indexMessage(count, point.source),
				});
			}
		});
		insight.sources.forEach((source, index) => {
			// A review checks the sources it cites: one published after it cannot have been checked.
			if (source.published > insight.reviewed) {
				ctx.addIssue({
					code: 'custom',
					path: ['sources', index, 'published'],
					message: `a date on or before reviewed (${isoDate(insight.reviewed)}): a review cannot have checked a source published after it`,
				});
			}
		});
		const chart = insight.chart;
		if (chart) {
			if (chart.source !== undefined && chart.source >= insight.sources.length) {
				ctx.addIssue({
					code: 'custom',
					path: ['chart', 'source'],
					message: indexMessage(count, chart.source),
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
		for (const [path, value] of textFields({ ...insight, points: insight.points.map(pointText) })) {
			for (const token of unknownTokens(value)) {
				ctx.addIssue({
					code: 'custom',
					path,
					message: `only the tokens {company}, {industry} and {audience} (found ${token})`,
				});
			}
		}
	})
	.transform(
		({
			points,
			...insight
		}): Omit<z.output<typeof insightFields>, 'points'> & {
			/** The bullets' text. */
			points: string[];
			/** Per point (same order), the source it cites and the passage; null when it cites none. */
			pointCitations?: Array<Citation | null>;
		} => ({
			...insight,
			points: points.map(pointText),
			pointCitations: points.map((point): Citation | null =>
				typeof point === 'string'
					? null
					: { source: point.source, ...(point.quote ? { quote: point.quote } : {}) },
			),
		}),
	);

/** A point's text, whether written plain or with its citation. */
function pointText(point: z.infer<typeof pointSchema>): string {
	return typeof point === 'string' ? point : point.text;
}

export type Insight = z.infer<typeof insightSchema>;
export type InsightInput = z.input<typeof insightSchema>;
export type InsightStat = z.infer<typeof statSchema>;
export type InsightChart = z.infer<typeof chartSchema>;
export type ChartKind = z.infer<typeof chartKindSchema>;
export { sourceFields, sourceSchema, type Citation, type InsightSource } from './source.ts';

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
		...(insight.stat
			? [[['stat', 'label'], insight.stat.label] as [(string | number)[], string]]
			: []),
	];
}
