/**
 * Speaker notes for every slide: what to say (the insight's talk track, the briefing's opening
 * notes, guidance elsewhere) and, on insight slides, where the content comes from.
 */
import { isoPublished } from '../../schema/published.ts';
import { stageIds, stages } from '../../schema/stage-names.ts';
import { audienceRoles, isoDay, joinNaturally, longDate, weekdayDate } from '../format.ts';
import type { DeckInput, DeckInsight } from '../types.ts';

type Fill = (text: string) => string;

/** The people in the room: "Dana Reyes (CFO), COO". */
function attendees(input: DeckInput): string {
	return joinNaturally(
		input.briefing.prospect.audience.map((member) =>
			member.name ? `${member.name} (${member.role})` : member.role,
		),
	);
}

/** The provenance block of an insight slide. */
export function provenance(insight: DeckInsight): string {
	const lines = [
		'Provenance',
		`Insight: ${insight.id}`,
		`Reviewed: ${isoDay(insight.data.reviewed)}${insight.data.expires ? ` (valid until ${isoDay(insight.data.expires)})` : ''}`,
		`Author: ${insight.data.author}${insight.data.owner ? `; owner: ${insight.data.owner}` : ''}`,
		'Sources:',
		...insight.data.sources.map(
			(source, index) =>
				`${index + 1}. ${source.title}, ${source.publisher}, published ${isoPublished(source)}${source.illustrative ? ' (illustrative figure)' : ''}${source.url ? `, ${source.url}` : ''}`,
		),
		...evidence(insight),
	];
	return lines.join('\n');
}

/**
 * Where the stat and each cited point come from, with the supporting passage, so a rep can
 * answer "where is that from?" without opening the source.
 */
export function evidence(insight: DeckInsight): string[] {
	const { stat, points, pointCitations = [] } = insight.data;
	const cite = (label: string, source: number, quote?: string) =>
		`- ${label}: source ${source + 1}${quote ? `, "${quote}"` : ''}`;
	const lines = [
		...(stat ? [cite(`The ${stat.value} figure`, stat.source, stat.quote)] : []),
		...points.flatMap((_, index) => {
			const citation = pointCitations[index];
			return citation ? [cite(`Point ${index + 1}`, citation.source, citation.quote)] : [];
		}),
	];
	return lines.length ? ['Where the figures come from:', ...lines] : [];
}

export const notesFor = {
	title(input: DeckInput, fill: Fill): string {
		const { briefing } = input;
		const opening = briefing.notes
			? fill(briefing.notes)
			: `Thank ${attendees(input)} for their time. Say why you asked for the meeting: you see patterns across ${input.industryName} that ${briefing.prospect.company} may not see from the inside, and you want to test them together. Agree the time available and what a good outcome would be.`;
		return [
			opening,
			'',
			`Briefing: ${briefing.title}`,
			`For: ${briefing.prospect.company} (${input.industryName}), ${longDate(briefing.date)}`,
			`In the room: ${attendees(input)}`,
			`Presented by: ${briefing.presenter.name}, ${briefing.presenter.title}`,
		].join('\n');
	},

	agenda(input: DeckInput, fill: Fill): string {
		const groups = stageIds
			.map((stage) => ({
				stage,
				items: input.insights.filter((insight) => insight.data.stage === stage),
			}))
			.filter((group) => group.items.length);
		return [
			`Set up the conversation: ${input.insights.length} insights, in the order a decision like this is made. Ask which of these matters most to ${audienceRoles(input.briefing)} today, and spend the time there.`,
			'',
			...groups.map(
				({ stage, items }) =>
					`${stages[stage].name} (${stages[stage].question}): ${items.map((insight) => fill(insight.data.title)).join(' / ')}`,
			),
		].join('\n');
	},

	insight(_input: DeckInput, insight: DeckInsight, fill: Fill): string {
		const talk = insight.talkTrack.trim()
			? fill(insight.talkTrack.trim())
			: `Make the point in one sentence, then let the evidence speak: ${fill(insight.data.summary)}`;
		return [
			talk,
			'',
			`Ask: ${fill(insight.data.questions[0] ?? '')}`,
			'',
			provenance(insight),
		].join('\n');
	},

	questions(
		input: DeckInput,
		chosen: ReadonlyArray<{ number: number; insight?: DeckInsight }>,
		fill: Fill,
		page: number,
		pages: number,
	): string {
		const intro =
			page === 0
				? `Turn the conversation to ${input.briefing.prospect.company}. Pick the two or three questions that landed best during the insights; listen more than you talk, and note what they say for the follow-up.`
				: 'More questions, continued from the previous slide. Use them only where the conversation leads there.';
		const map = chosen.map(({ number, insight }) =>
			insight
				? `Question ${number}: from "${fill(insight.data.title)}" (${insight.id})`
				: `Question ${number}: the briefing's own`,
		);
		return [intro, '', ...(pages > 1 ? [`Page ${page + 1} of ${pages}.`, ''] : []), ...map].join(
			'\n',
		);
	},

	sources(input: DeckInput, page: number, pages: number): string {
		return [
			page === 0
				? 'Leave this up briefly or skip it; it is here so every figure can be traced. Offer to send the sources with the deck.'
				: `Sources, continued (page ${page + 1} of ${pages}).`,
			'',
			`Every insight was reviewed by its author before ${longDate(input.briefing.date)}; the review date and each source's publication date are in the notes of each insight slide.`,
		].join('\n');
	},

	nextStep(input: DeckInput, fill: Fill): string {
		const next = input.briefing.nextStep;
		return [
			`Make the ask plainly and stop talking: ${fill(next.ask)}`,
			'',
			next.proposedDate
				? `Proposed date: ${weekdayDate(next.proposedDate)}.`
				: 'No date proposed yet: offer two concrete options.',
			...(next.agenda?.length
				? ['Agenda:', ...next.agenda.map((item, index) => `${index + 1}. ${fill(item)}`)]
				: []),
			'',
			'If they hesitate, ask what would make the session worth their time, and adjust the agenda with them.',
		].join('\n');
	},

	closing(input: DeckInput, _fill: Fill): string {
		const presenter = input.briefing.presenter;
		return [
			`Thank ${attendees(input)}. Confirm the next step, who owns it and the date, and say when the deck and sources will be in their inbox.`,
			'',
			`Contact: ${[presenter.name, presenter.title, presenter.company ?? input.brand.name, presenter.email, presenter.phone].filter(Boolean).join(', ')}`,
		].join('\n');
	},
};
