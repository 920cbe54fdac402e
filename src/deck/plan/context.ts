/**
 * What every slide module needs, and the input made ready for slides: text cleaned for XML and
 * measurement, and the tokens `{company}`, `{industry}` and `{audience}` filled once, here.
 */
import type { InsightChart, InsightSource, InsightStat } from '../../schema/insight.ts';
import type { Stage } from '../../schema/stage.ts';
import { tokenFiller, tokenValues } from '../format.ts';
import type { DeckInput, DeckInsight } from '../types.ts';
import { stripInvalidXmlChars } from '../xml.ts';
import { FRAME } from './layouts.ts';
import { palette, type Palette } from './palette.ts';

/** What every slide builder needs. */
export interface Context {
	/** The input with the briefing's own tokens filled. */
	input: DeckInput;
	pal: Palette;
	/** Heading and body font families. */
	heading: string;
	body: string;
	/** Fills tokens in a text. */
	fill: (text: string) => string;
	/** The prospect's company name. */
	company: string;
	/** Logo size on content slides (0 x 0 without a logo). */
	logo: { w: number; h: number };
}

/** An insight with its tokens filled, as slides show it. */
export interface FilledInsight {
	id: string;
	/** Position in the briefing, from 1. */
	number: number;
	stage: Stage;
	title: string;
	points: string[];
	implication: string;
	questions: string[];
	stat?: InsightStat & { label: string };
	chart?: InsightChart;
	sources: InsightSource[];
	/** The insight as the input had it (for notes and provenance). */
	source: DeckInsight;
}

/** Fields whose line breaks are kept (speaker notes); every other text is one line. */
const multiline = new Set(['talkTrack', 'notes']);

/**
 * The input with text safe for slides: characters XML cannot hold removed, and runs of white space
 * (line breaks a YAML block may carry) in one-line fields made single spaces, as they are measured.
 */
function cleanInput<T>(value: T, key = ''): T {
	if (typeof value === 'string') {
		const text = stripInvalidXmlChars(value);
		return (multiline.has(key) ? text : text.replace(/\s+/g, ' ').trim()) as T;
	}
	if (Array.isArray(value)) return value.map((item) => cleanInput(item, key)) as T;
	// Bytes (a company template) hold no text; walking them entry by entry took longer than the deck.
	if (ArrayBuffer.isView(value)) return value;
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanInput(v, k)])) as T;
	}
	return value;
}

/** The context for planning `raw`: cleaned input, palette, fonts and the briefing's tokens filled. */
export function planContext(raw: DeckInput): Context {
	const input = cleanInput(raw);
	const fill = tokenFiller(tokenValues(input.briefing, input.industryName));
	const logoH = FRAME.logo.h;
	// Briefing text may carry tokens too; fill them once for every slide.
	const briefing = input.briefing;
	return {
		input: {
			...input,
			briefing: {
				...briefing,
				title: fill(briefing.title),
				subtitle: briefing.subtitle === undefined ? undefined : fill(briefing.subtitle),
				nextStep: {
					...briefing.nextStep,
					ask: fill(briefing.nextStep.ask),
					agenda: briefing.nextStep.agenda?.map(fill),
				},
				notes: briefing.notes === undefined ? undefined : fill(briefing.notes),
			},
		},
		pal: palette(input.brand),
		heading: input.brand.fonts.heading,
		body: input.brand.fonts.body,
		fill,
		company: input.briefing.prospect.company,
		logo: input.logo ? { w: logoH * input.logo.aspectRatio, h: logoH } : { w: 0, h: 0 },
	};
}

/** An insight with its tokens filled. */
export function fillInsight(ctx: Context, insight: DeckInsight, index: number): FilledInsight {
	const data = insight.data;
	const chart = data.chart
		? {
				...data.chart,
				title: ctx.fill(data.chart.title),
				labels: data.chart.labels.map(ctx.fill),
				series: data.chart.series.map((series) => ({ ...series, name: ctx.fill(series.name) })),
			}
		: undefined;
	return {
		id: insight.id,
		number: index + 1,
		stage: data.stage,
		title: ctx.fill(data.title),
		points: data.points.map(ctx.fill),
		implication: ctx.fill(data.implication),
		questions: data.questions.map(ctx.fill),
		stat: data.stat ? { ...data.stat, label: ctx.fill(data.stat.label) } : undefined,
		chart,
		sources: data.sources,
		source: insight,
	};
}
