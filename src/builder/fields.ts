/**
 * The details form's single-value fields, typed: each `data-field` name in the page maps to how it
 * reads and writes the draft, so the form needs no casts and a misspelt name fails to compile.
 */
import type { Draft } from './types.ts';

/** Reads and writes one text field of a draft. */
export interface DraftField {
	get: (draft: Draft) => string;
	set: (draft: Draft, value: string) => void;
}

/** Every single-value field of the form, by its `data-field` name. */
export const draftFields = {
	title: { get: (d) => d.title, set: (d, v) => void (d.title = v) },
	subtitle: { get: (d) => d.subtitle, set: (d, v) => void (d.subtitle = v) },
	company: { get: (d) => d.company, set: (d, v) => void (d.company = v) },
	industry: { get: (d) => d.industry, set: (d, v) => void (d.industry = v) },
	date: { get: (d) => d.date, set: (d, v) => void (d.date = v) },
	notes: { get: (d) => d.notes, set: (d, v) => void (d.notes = v) },
	'presenter.name': { get: (d) => d.presenter.name, set: (d, v) => void (d.presenter.name = v) },
	'presenter.title': { get: (d) => d.presenter.title, set: (d, v) => void (d.presenter.title = v) },
	'presenter.email': { get: (d) => d.presenter.email, set: (d, v) => void (d.presenter.email = v) },
	'presenter.phone': { get: (d) => d.presenter.phone, set: (d, v) => void (d.presenter.phone = v) },
	'presenter.company': {
		get: (d) => d.presenter.company,
		set: (d, v) => void (d.presenter.company = v),
	},
	'nextStep.ask': { get: (d) => d.nextStep.ask, set: (d, v) => void (d.nextStep.ask = v) },
	'nextStep.proposedDate': {
		get: (d) => d.nextStep.proposedDate,
		set: (d, v) => void (d.nextStep.proposedDate = v),
	},
} satisfies Record<string, DraftField>;

/** A `data-field` name. */
export type DraftFieldName = keyof typeof draftFields;

/** Whether `name` is a field of the form (a page's `data-field` attribute is just a string). */
export function isDraftField(name: string | undefined): name is DraftFieldName {
	return name !== undefined && Object.hasOwn(draftFields, name);
}
