/**
 * Every size limit in one place. List and text lengths are read from the schemas themselves, so a
 * limit changed in a schema changes what share links, saved drafts and imports accept; the few
 * limits no schema can express (file sizes, YAML aliases, link lengths) are named here.
 */
import type { z } from 'astro/zod';
import { briefingSchema } from './briefing.ts';
import { fileBytes, yamlAliases } from './file-limits.ts';
import { insightSchema } from './insight.ts';
import { capToShape, describeCuts, type Cut, type SizeShape } from './size-shape.ts';

export { capToShape, describeCuts, type Cut, type SizeShape };

/** The zod internals this module reads (zod 4 keeps a schema's definition on `_zod.def`). */
interface ZodInternals {
	_zod: {
		def: {
			type: string;
			shape?: Record<string, ZodInternals>;
			element?: ZodInternals;
			innerType?: ZodInternals;
			in?: ZodInternals;
			options?: ZodInternals[];
			checks?: Array<{ _zod: { def: { check: string; minimum?: number; maximum?: number } } }>;
		};
	};
}

function lengthChecks(schema: ZodInternals): { min?: number; max?: number } {
	const out: { min?: number; max?: number } = {};
	for (const check of schema._zod.def.checks ?? []) {
		const def = check._zod.def;
		if (def.check === 'max_length') out.max = Math.min(out.max ?? Infinity, def.maximum!);
		if (def.check === 'min_length') out.min = Math.max(out.min ?? 0, def.minimum!);
	}
	return out;
}

/** The sizes `schema` allows: list lengths, text lengths and the fields of objects. */
export function sizeShape(schema: z.ZodType): SizeShape {
	const walk = (node: ZodInternals): SizeShape => {
		const def = node._zod.def;
		switch (def.type) {
			case 'object':
				return {
					kind: 'object',
					fields: Object.fromEntries(
						Object.entries(def.shape ?? {}).map(([key, field]) => [key, walk(field)]),
					),
				};
			case 'array':
				return { kind: 'list', ...lengthChecks(node), item: walk(def.element!) };
			case 'string':
				return { kind: 'text', ...lengthChecks(node) };
			case 'optional':
			case 'nullable':
			case 'default':
			case 'prefault':
			case 'readonly':
				return walk(def.innerType!);
			case 'pipe':
				return walk(def.in!);
			case 'union': {
				// A union of a text and something else (a date, say) is capped as text.
				const text = def.options?.map(walk).find((option) => option.kind === 'text');
				return text ?? { kind: 'other' };
			}
			default:
				return { kind: 'other' };
		}
	};
	return walk(schema as unknown as ZodInternals);
}

/** The shape at a dotted path (`prospect.audience[].role`); throws for a path the schema lacks. */
export function shapeAt(shape: SizeShape, dotted: string): SizeShape {
	let node = shape;
	for (const part of dotted.split('.')) {
		const [key, ...items] = part.split('[]');
		if (node.kind !== 'object' || !node.fields[key!]) {
			throw new Error(`limits: the schema has no field "${dotted}"`);
		}
		node = node.fields[key!]!;
		for (let i = 0; i < items.length; i++) {
			if (node.kind !== 'list') throw new Error(`limits: "${dotted}" is not a list`);
			node = node.item;
		}
	}
	return node;
}

/** The largest length the schema allows at `dotted` (characters of a text, items of a list). */
export function maxAt(shape: SizeShape, dotted: string): number {
	const node = shapeAt(shape, dotted);
	if ((node.kind !== 'text' && node.kind !== 'list') || node.max === undefined) {
		throw new Error(`limits: "${dotted}" has no maximum length in the schema`);
	}
	return node.max;
}

const briefing = sizeShape(briefingSchema);

/** Every limit, by what it limits. */
export const limits = {
	/** A briefing's lists and texts, from `briefingSchema`. */
	briefing: {
		shape: briefing,
		title: maxAt(briefing, 'title'),
		subtitle: maxAt(briefing, 'subtitle'),
		company: maxAt(briefing, 'prospect.company'),
		audience: maxAt(briefing, 'prospect.audience'),
		audienceName: maxAt(briefing, 'prospect.audience[].name'),
		audienceRole: maxAt(briefing, 'prospect.audience[].role'),
		presenterName: maxAt(briefing, 'presenter.name'),
		presenterTitle: maxAt(briefing, 'presenter.title'),
		presenterPhone: maxAt(briefing, 'presenter.phone'),
		presenterCompany: maxAt(briefing, 'presenter.company'),
		insights: maxAt(briefing, 'insights'),
		ask: maxAt(briefing, 'nextStep.ask'),
		agenda: maxAt(briefing, 'nextStep.agenda'),
		agendaItem: maxAt(briefing, 'nextStep.agenda[]'),
		notes: maxAt(briefing, 'notes'),
		/** An email address (RFC 5321's limit; the schema checks the form, not the length). */
		email: 254,
		/** A date written `YYYY-MM-DD`. */
		date: 10,
		/** An insight id; ids are file names, and file systems stop at 255 bytes. */
		id: 200,
	},
	/** An insight's lists and texts, from `insightSchema`. */
	insight: { shape: sizeShape(insightSchema) },
	/** Any content file read from disk, and any file imported into the builder. */
	fileBytes,
	/** YAML aliases expanded per document: enough to reuse a source, far too few for a bomb. */
	yamlAliases,
	/** Characters of a share link's encoded details (a full briefing needs under 10,000). */
	shareDetails: 32_000,
	/** Unknown insight ids named in a notice; the rest are counted. */
	namedIds: 10,
	/** How far past its limit a text in a draft may run before it is cut (see {@link capToShape}). */
	draftTextFactor: 2,
} as const;
