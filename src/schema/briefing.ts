/**
 * Schema of a briefing (`content/briefings/<id>.yaml`): who it is for, which insights it walks
 * through in order, and the next step it proposes. Whether the insight ids exist, are published and
 * are current on the meeting date is checked in `src/library/validate.ts`.
 */
import { z } from 'astro/zod';
import { dateSchema, idSchema, text } from './common.ts';
import { briefingLimits } from './briefing-limits.ts';
import { languageSchema } from './language.ts';

export { briefingLimits };

/**
 * A question the briefing asks: one of an insight's own questions (`{ insight, index }`, `index`
 * counting from 0 as in the insight's `questions` list), or the rep's own words (tokens allowed).
 */
export const briefingQuestionSchema = z.union([
	z.strictObject({
		/** Id of one of this briefing's insights. */
		insight: idSchema.describe("Id of one of this briefing's insights."),
		/** Which of its questions, counting from 0. */
		index: z
			.number()
			.int()
			.min(0)
			.max(2)
			.describe("Which of the insight's questions, counting from 0 (0-2)."),
	}),
	text(briefingLimits.question).describe(
		'A question in your own words (at most 160 characters; {company}, {industry}, {audience} allowed).',
	),
]);

/** One person in the room. */
export const audienceMemberSchema = z.strictObject({
	/** Their name, when known. */
	name: text(60).optional().describe('Their name, when known.'),
	/** Their role, e.g. "Chief Financial Officer". */
	role: text(60).describe('Their role, e.g. "Chief Financial Officer".'),
});

/** The company the briefing is for. */
export const prospectSchema = z.strictObject({
	/** Company name, filled into `{company}`. */
	company: text(briefingLimits.company).describe('Company name; fills {company}.'),
	/** Taxonomy industry id, whose name fills `{industry}`. */
	industry: idSchema.describe('Industry id from content/taxonomy.yaml; its name fills {industry}.'),
	/** Who will attend (1-6 people); their roles fill `{audience}`. */
	audience: z
		.array(audienceMemberSchema)
		.min(1)
		.max(briefingLimits.audience)
		.describe('Who will attend (1-6 people); their roles fill {audience}.'),
});

/** The rep presenting. */
export const presenterSchema = z.strictObject({
	/** Full name. */
	name: text(60).describe('Full name.'),
	/** Job title. */
	title: text(80).describe('Job title.'),
	/** Email shown on the closing slide. */
	email: z.email().optional().describe('Email shown on the closing slide.'),
	/** Phone shown on the closing slide. */
	phone: text(30).optional().describe('Phone shown on the closing slide.'),
	/** Their company, if not the brand's. */
	company: text(60).optional().describe("Their company, if not the brand's."),
});

/** What the rep proposes at the end: the reason the meeting happens. */
export const nextStepSchema = z.strictObject({
	/** The concrete ask, e.g. "A 90-minute working session with your FP&A leads". */
	ask: text(briefingLimits.ask).describe(
		'The concrete ask, e.g. "A 90-minute working session with your FP&A leads" (at most 140 characters).',
	),
	/** Up to four agenda items for that next meeting. */
	agenda: z
		.array(text(briefingLimits.agendaItem))
		.max(briefingLimits.agenda)
		.optional()
		.describe('Up to four agenda items for that next meeting.'),
	/** When it could happen (YYYY-MM-DD). */
	proposedDate: dateSchema
		.optional()
		.describe('When it could happen, YYYY-MM-DD, on or after the briefing date.'),
});

/** A whole briefing file. */
export const briefingSchema = z
	.strictObject({
		/** Title of the briefing, on the first slide. */
		title: text(briefingLimits.title).describe('Title of the briefing, on the first slide.'),
		/** Optional line under the title. */
		subtitle: text(briefingLimits.subtitle).optional().describe('Optional line under the title.'),
		/** Who it is for. */
		prospect: prospectSchema.describe('Who it is for.'),
		/** Who presents it. */
		presenter: presenterSchema.describe('Who presents it.'),
		/** Date of the meeting (YYYY-MM-DD); insights must be current on this date. */
		date: dateSchema.describe(
			'Date of the meeting, YYYY-MM-DD; every insight must be published and not expired on it.',
		),
		/** 2-12 insight ids, in presenting order. */
		insights: z
			.array(idSchema)
			.min(briefingLimits.minInsights)
			.max(briefingLimits.maxInsights)
			.describe(
				'2-12 ids of published insights (file names without .mdx), in presenting order, each once.',
			),
		/** The proposed next step. */
		nextStep: nextStepSchema.describe('The next meeting you propose: the reason this one happens.'),
		/** The questions to explore (at most 6); default: the first question of each insight, at most 6. */
		questions: z
			.array(briefingQuestionSchema)
			.min(1)
			.max(briefingLimits.questions)
			.optional()
			.describe(
				"The questions to explore, at most 6: { insight, index } picks an insight's question, or write your own. Default: the first question of each insight, at most 6.",
			),
		/** Opening talk track for the title slide's speaker notes. */
		notes: text(briefingLimits.notes)
			.optional()
			.describe("Opening talk track for the title slide's speaker notes."),
		/** Language of the deck's text (BCP 47); default en-US. */
		language: languageSchema.optional(),
	})
	.superRefine((briefing, ctx) => {
		const seen = new Map<string, number>();
		briefing.insights.forEach((id, index) => {
			const first = seen.get(id);
			if (first !== undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['insights', index],
					message: `each insight once (${id} is already insights[${first}])`,
				});
			} else seen.set(id, index);
		});
		briefing.questions?.forEach((question, index) => {
			if (typeof question === 'string' || briefing.insights.includes(question.insight)) return;
			ctx.addIssue({
				code: 'custom',
				path: ['questions', index, 'insight'],
				message: `one of this briefing's insights (got "${question.insight}")`,
			});
		});
		const proposed = briefing.nextStep.proposedDate;
		if (proposed && proposed < briefing.date) {
			ctx.addIssue({
				code: 'custom',
				path: ['nextStep', 'proposedDate'],
				message: 'a date on or after the briefing date',
			});
		}
	});

export type Briefing = z.infer<typeof briefingSchema>;
/** What an author writes, before defaults and date parsing. */
export type BriefingInput = z.input<typeof briefingSchema>;
export type AudienceMember = z.infer<typeof audienceMemberSchema>;
export type Presenter = z.infer<typeof presenterSchema>;
export type NextStep = z.infer<typeof nextStepSchema>;
export type BriefingQuestion = z.infer<typeof briefingQuestionSchema>;
