/**
 * `/builder/index.json` as it travels: the picker index in columns rather than one object per
 * insight, industries, personas and stages as small numbers into lists named once, and fields at
 * their usual value left out. At 5,000 insights the object form spent most of its bytes on
 * repeated keys and ids, and parsing them was the largest single cost of the builder's start.
 * {@link packIndex} at build time and {@link unpackIndex} in the browser give back the same index.
 */
import type { Stage } from '../schema/stage.ts';
import type { BuilderIndex, InsightSummary } from './types.ts';

/** The packed index: the same taxonomy, brand and shard size, the insights in columns. */
export interface PackedIndex extends Omit<BuilderIndex, 'insights'> {
	/** Every name the numbers below point into: stages, industry and persona ids. */
	names: {
		stages: Stage[];
		industries: string[];
		personas: string[];
	};
	/** One entry per insight, in index order (sorted by id). */
	columns: {
		id: string[];
		title: string[];
		/** Index into `names.stages`. */
		stage: number[];
		/** Indexes into `names.industries`. */
		industries: number[][];
		/** Indexes into `names.personas`. */
		personas: number[][];
		topics: string[][];
		reviewed: string[];
		/** `''` when the insight does not expire. */
		expires: string[];
		/** 1 for a draft (offered in the dev server only), else 0. */
		draft: number[];
		questionCount: number[];
	};
}

/** Numbers for the distinct values of a list, in order of first use. */
function numbering(): { names: string[]; number: (name: string) => number } {
	const names: string[] = [];
	const numbers = new Map<string, number>();
	return {
		names,
		number(name) {
			let number = numbers.get(name);
			if (number === undefined) {
				number = names.length;
				names.push(name);
				numbers.set(name, number);
			}
			return number;
		},
	};
}

/** Packs the index for the wire. */
export function packIndex(index: BuilderIndex): PackedIndex {
	const stages = numbering();
	const industries = numbering();
	const personas = numbering();
	const { insights, ...rest } = index;
	const column = <T>(read: (insight: InsightSummary) => T) => insights.map(read);
	return {
		...rest,
		columns: {
			id: column((insight) => insight.id),
			title: column((insight) => insight.data.title),
			stage: column((insight) => stages.number(insight.data.stage)),
			industries: column((insight) => insight.data.industries.map(industries.number)),
			personas: column((insight) => insight.data.personas.map(personas.number)),
			topics: column((insight) => insight.data.topics),
			reviewed: column((insight) => insight.data.reviewed),
			expires: column((insight) => insight.data.expires ?? ''),
			draft: column((insight) => (insight.data.status === 'draft' ? 1 : 0)),
			questionCount: column((insight) => insight.data.questionCount ?? 0),
		},
		names: {
			stages: stages.names as Stage[],
			industries: industries.names,
			personas: personas.names,
		},
	};
}

/** The index as the builder works with it. */
export function unpackIndex(packed: PackedIndex): BuilderIndex {
	const { columns, names, ...rest } = packed;
	const insights: InsightSummary[] = new Array(columns.id.length);
	for (let at = 0; at < insights.length; at++) {
		const expires = columns.expires[at];
		insights[at] = {
			id: columns.id[at]!,
			data: {
				title: columns.title[at]!,
				stage: names.stages[columns.stage[at]!]!,
				industries: columns.industries[at]!.map((number) => names.industries[number]!),
				personas: columns.personas[at]!.map((number) => names.personas[number]!),
				topics: columns.topics[at]!,
				reviewed: columns.reviewed[at]!,
				...(expires ? { expires } : {}),
				status: columns.draft[at] ? 'draft' : 'published',
				questionCount: columns.questionCount[at]!,
			},
		};
	}
	return { ...rest, insights };
}
