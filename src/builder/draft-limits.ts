/**
 * The limits the builder cuts an arriving draft to (a saved draft, a share link, an example
 * briefing), as plain data: the briefing schema's sizes (`limits.briefing` in
 * `schema/limits.ts`, read from the schema) written out, so the builder's page opens a draft
 * without loading zod and the schemas first; they load after the first render, for the checks.
 * `tests/builder-arrival.test.ts` proves these equal the schema's, so a limit changed in the
 * schema fails that test until it is changed here too.
 */
import type { SizeShape } from '../schema/size-shape.ts';

/** Every list and text size the briefing schema allows (`sizeShape(briefingSchema)`). */
const shape: SizeShape = {
	kind: 'object',
	fields: {
		title: {
			kind: 'text',
			min: 1,
			max: 90,
		},
		subtitle: {
			kind: 'text',
			min: 1,
			max: 140,
		},
		prospect: {
			kind: 'object',
			fields: {
				company: {
					kind: 'text',
					min: 1,
					max: 60,
				},
				industry: {
					kind: 'text',
				},
				audience: {
					kind: 'list',
					min: 1,
					max: 6,
					item: {
						kind: 'object',
						fields: {
							name: {
								kind: 'text',
								min: 1,
								max: 60,
							},
							role: {
								kind: 'text',
								min: 1,
								max: 60,
							},
						},
					},
				},
			},
		},
		presenter: {
			kind: 'object',
			fields: {
				name: {
					kind: 'text',
					min: 1,
					max: 60,
				},
				title: {
					kind: 'text',
					min: 1,
					max: 80,
				},
				email: {
					kind: 'text',
				},
				phone: {
					kind: 'text',
					min: 1,
					max: 30,
				},
				company: {
					kind: 'text',
					min: 1,
					max: 60,
				},
			},
		},
		date: {
			kind: 'text',
		},
		insights: {
			kind: 'list',
			min: 2,
			max: 12,
			item: {
				kind: 'text',
			},
		},
		nextStep: {
			kind: 'object',
			fields: {
				ask: {
					kind: 'text',
					min: 1,
					max: 140,
				},
				agenda: {
					kind: 'list',
					max: 4,
					item: {
						kind: 'text',
						min: 1,
						max: 80,
					},
				},
				proposedDate: {
					kind: 'text',
				},
			},
		},
		questions: {
			kind: 'list',
			min: 1,
			max: 6,
			item: {
				kind: 'text',
				min: 1,
				max: 160,
			},
		},
		notes: {
			kind: 'text',
			min: 1,
			max: 2000,
		},
		language: {
			kind: 'text',
		},
	},
};

/** The subset of `limits` (`schema/limits.ts`) the builder's arrivals need, equal to it. */
export const draftLimits = {
	briefing: {
		shape,
		title: 90,
		subtitle: 140,
		company: 60,
		audience: 6,
		audienceName: 60,
		audienceRole: 60,
		presenterName: 60,
		presenterTitle: 80,
		presenterPhone: 30,
		presenterCompany: 60,
		insights: 12,
		ask: 140,
		agenda: 4,
		agendaItem: 80,
		notes: 2000,
		email: 254,
		date: 10,
		id: 200,
	},
	fileBytes: 1_000_000,
	shareDetails: 32_000,
	namedIds: 10,
	draftTextFactor: 2,
} as const;
