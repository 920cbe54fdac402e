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
	/** Every name the numbers below point into: stages, industry, persona and topic names. */
	names: {
		stages: Stage[];
		industries: string[];
		personas: string[];
		topics: string[];
	};
	/**
	 * The distinct lists of industries, personas and topics, each a list of numbers into `names`.
	 * Insights share them: a library of 5,000 insights has a few hundred distinct lists of each,
	 * and a parser makes an array for every list it reads (15,000 of them, before, were most of
	 * the parse's time).
	 */
	lists: {
		industries: number[][];
		personas: number[][];
		topics: number[][];
	};
	/** One entry per insight, in index order (sorted by id). */
	columns: {
		id: string[];
		title: string[];
		/** Index into `names.stages`. */
		stage: number[];
		/** Index into `lists.industries`. */
		industries: number[];
		/** Index into `lists.personas`. */
		personas: number[];
		/** Index into `lists.topics`. */
		topics: number[];
		reviewed: string[];
		/** `''` when the insight does not expire. */
		expires: string[];
		/** 1 for a draft (offered in the dev server only), else 0. */
		draft: number[];
		questionCount: number[];
	};
}

/** Numbers for the distinct values of a list, in order of first use. */
function numbering<T>(key: (value: T) => string): { names: T[]; number: (value: T) => number } {
	const names: T[] = [];
	const numbers = new Map<string, number>();
	return {
		names,
		number(value) {
			const name = key(value);
			let number = numbers.get(name);
			if (number === undefined) {
				number = names.length;
				names.push(value);
				numbers.set(name, number);
			}
			return number;
		},
	};
}

const itself = (name: string) => name;
// Numbers hold no comma, so a list's numbers joined by commas name it.
const joined = (numbers: number[]) => numbers.join(',');

/** Packs the index for the wire. */
export function packIndex(index: BuilderIndex): PackedIndex {
	const stages = numbering(itself);
	const industries = numbering(itself);
	const personas = numbering(itself);
	const topics = numbering(itself);
	const industryLists = numbering(joined);
	const personaLists = numbering(joined);
	const topicLists = numbering(joined);
	const { insights, ...rest } = index;
	const column = <T>(read: (insight: InsightSummary) => T) => insights.map(read);
	return {
		...rest,
		columns: {
			id: column((insight) => insight.id),
			title: column((insight) => insight.data.title),
			stage: column((insight) => stages.number(insight.data.stage)),
			industries: column((insight) =>
				industryLists.number(insight.data.industries.map(industries.number)),
			),
			personas: column((insight) =>
				personaLists.number(insight.data.personas.map(personas.number)),
			),
			topics: column((insight) => topicLists.number(insight.data.topics.map(topics.number))),
			reviewed: column((insight) => insight.data.reviewed),
			expires: column((insight) => insight.data.expires ?? ''),
			draft: column((insight) => (insight.data.status === 'draft' ? 1 : 0)),
			questionCount: column((insight) => insight.data.questionCount ?? 0),
		},
		names: {
			stages: stages.names as Stage[],
			industries: industries.names,
			personas: personas.names,
			topics: topics.names,
		},
		lists: {
			industries: industryLists.names,
			personas: personaLists.names,
			topics: topicLists.names,
		},
	};
}

/**
 * The index as the builder works with it. Insights with the same industries (personas, topics)
 * share one frozen array: the builder only reads them.
 */
export function unpackIndex(packed: PackedIndex): BuilderIndex {
	const { columns, names, lists, ...rest } = packed;
	const named = (numbered: number[][], of: string[]) =>
		numbered.map((numbers) => Object.freeze(numbers.map((number) => of[number]!)) as string[]);
	const industries = named(lists.industries, names.industries);
	const personas = named(lists.personas, names.personas);
	const topics = named(lists.topics, names.topics);
	const insights: InsightSummary[] = new Array(columns.id.length);
	for (let at = 0; at < insights.length; at++) {
		const expires = columns.expires[at];
		insights[at] = {
			id: columns.id[at]!,
			data: {
				title: columns.title[at]!,
				stage: names.stages[columns.stage[at]!]!,
				industries: industries[columns.industries[at]!]!,
				personas: personas[columns.personas[at]!]!,
				topics: topics[columns.topics[at]!]!,
				reviewed: columns.reviewed[at]!,
				...(expires ? { expires } : {}),
				status: columns.draft[at] ? 'draft' : 'published',
				questionCount: columns.questionCount[at]!,
			},
		};
	}
	return { ...rest, insights };
}
