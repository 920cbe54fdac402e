/**
 * Schema of a briefing (`content/briefings/<id>.yaml`): who it is for, which insights it walks
 * through in order, and the next step it proposes. Whether the insight ids exist, are published and
 * are current on the meeting date is checked in `src/library/validate.ts`.
 */
import { z } from 'astro/zod';
import { dateSchema, idSchema, text } from './common.ts';

/** Length limits, shared with the deck layout and the browser builder's inline errors. */
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
} as const;

/** One person in the room. */
export const audienceMemberSchema = z.object({
	/** Their name, when known. */
	name: text(60).optional(),
	/** Their role, e.g. "Chief Financial Officer". */
	role: text(60),
});

/** The company the briefing is for. */
export const prospectSchema = z.object({
	/** Company name, filled into `{company}`. */
	company: text(briefingLimits.company),
	/** Taxonomy industry id, whose name fills `{industry}`. */
	industry: idSchema,
	/** Who will attend (1-6 people); their roles fill `{audience}`. */
	audience: z.array(audienceMemberSchema).min(1).max(briefingLimits.audience),
});

/** The rep presenting. */
export const presenterSchema = z.object({
	/** Full name. */
	name: text(60),
	/** Job title. */
	title: text(80),
	/** Email shown on the closing slide. */
	email: z.email().optional(),
	/** Phone shown on the closing slide. */
	phone: text(30).optional(),
	/** Their company, if not the brand's. */
	company: text(60).optional(),
});

/** What the rep proposes at the end: the reason the meeting happens. */
export const nextStepSchema = z.object({
	/** The concrete ask, e.g. "A 90-minute working session with your FP&A leads". */
	ask: text(briefingLimits.ask),
	/** Up to four agenda items for that next meeting. */
	agenda: z.array(text(briefingLimits.agendaItem)).max(briefingLimits.agenda).optional(),
	/** When it could happen (YYYY-MM-DD). */
	proposedDate: dateSchema.optional(),
});

/** A whole briefing file. */
export const briefingSchema = z
	.object({
		/** Title of the briefing, on the first slide. */
		title: text(briefingLimits.title),
		/** Optional line under the title. */
		subtitle: text(briefingLimits.subtitle).optional(),
		/** Who it is for. */
		prospect: prospectSchema,
		/** Who presents it. */
		presenter: presenterSchema,
		/** Date of the meeting (YYYY-MM-DD); insights must be current on this date. */
		date: dateSchema,
		/** 2-12 insight ids, in presenting order. */
		insights: z
			.array(idSchema)
			.min(briefingLimits.minInsights)
			.max(briefingLimits.maxInsights),
		/** The proposed next step. */
		nextStep: nextStepSchema,
		/** Opening talk track for the title slide's speaker notes. */
		notes: text(briefingLimits.notes).optional(),
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
