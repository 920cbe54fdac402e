/**
 * The limits the builder cuts an arriving draft to (a saved draft, a share link, an example
 * briefing), as plain data: the briefing schema's sizes (`limits.briefing` in
 * `schema/limits.ts`, read from the schema) written out, so the builder's page opens a draft
 * without loading zod and the schemas first; they load after the first render, for the checks.
 * `tests/builder-draft-limits.test.ts` proves these equal the schema's, so a limit changed in the
 * schema fails that test until it is changed here too.
 */
import { briefingLimits as sizes } from '../schema/briefing-limits.ts';
import type { SizeShape } from '../schema/size-shape.ts';

/** A text field: required ones (with a maximum) also have a minimum of one character. */
const text = (max?: number): SizeShape =>
	max === undefined ? { kind: 'text' } : { kind: 'text', min: 1, max };
const list = (item: SizeShape, max: number, min?: number): SizeShape =>
	min === undefined ? { kind: 'list', max, item } : { kind: 'list', min, max, item };
const object = (fields: Record<string, SizeShape>): SizeShape => ({ kind: 'object', fields });

// The person fields' sizes are written as numbers in the briefing schema itself.
const personName = 60;
const role = 60;
const jobTitle = 80;
const phone = 30;

/** Every list and text size the briefing schema allows (`sizeShape(briefingSchema)`). */
const shape = object({
	title: text(sizes.title),
	subtitle: text(sizes.subtitle),
	prospect: object({
		company: text(sizes.company),
		industry: text(),
		audience: list(object({ name: text(personName), role: text(role) }), sizes.audience, 1),
	}),
	presenter: object({
		name: text(personName),
		title: text(jobTitle),
		email: text(),
		phone: text(phone),
		company: text(sizes.company),
	}),
	date: text(),
	insights: list(text(), sizes.maxInsights, sizes.minInsights),
	nextStep: object({
		ask: text(sizes.ask),
		agenda: list(text(sizes.agendaItem), sizes.agenda),
		proposedDate: text(),
	}),
	questions: list(text(sizes.question), sizes.questions, 1),
	notes: text(sizes.notes),
	language: text(),
});

/** The subset of `limits` (`schema/limits.ts`) the builder's arrivals need, equal to it. */
export const draftLimits = {
	briefing: {
		shape,
		title: sizes.title,
		subtitle: sizes.subtitle,
		company: sizes.company,
		audience: sizes.audience,
		audienceName: personName,
		audienceRole: role,
		presenterName: personName,
		presenterTitle: jobTitle,
		presenterPhone: phone,
		presenterCompany: sizes.company,
		insights: sizes.maxInsights,
		ask: sizes.ask,
		agenda: sizes.agenda,
		agendaItem: sizes.agendaItem,
		notes: sizes.notes,
		email: 254,
		date: 10,
		id: 200,
	},
	fileBytes: 1_000_000,
	shareDetails: 32_000,
	namedIds: 10,
	draftTextFactor: 2,
} as const;
