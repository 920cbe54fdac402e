/**
 * What the builder opens with when several things arrive at once. In order of precedence:
 *
 * 1. a share link (`?insights=` and/or `?d=`): someone sent this briefing on purpose;
 * 2. an example briefing (`?briefing=<id>`), from a briefing page's "Open in the builder";
 * 3. the work saved in this browser.
 *
 * The first present one wins and the rest are set aside, and the rep is told which (saved work
 * that is replaced is named, never dropped silently). Then `?add=<insight>` adds one insight to
 * whatever opened, and `?industry=<id>` presets the industry of a draft that has none.
 */
import { fillTokens, genericTokenValues } from '../schema/tokens.ts';
import { briefingLimits } from '../schema/briefing-limits.ts';
import { draftFromValue, keepUsable, readSaved, readShareQuery, type Arrival } from './share.ts';
import { emptyDraft, type Draft, type LibraryView } from './types.ts';

/** Where the opening draft came from. */
export type OpeningSource = 'share' | 'briefing' | 'saved' | 'empty';

/** The draft the builder opens with, and what to tell the rep about it. */
export interface Opening {
	draft: Draft;
	/** Which arrival won. */
	source: OpeningSource;
	/** Plain-text notices, in the order they apply. */
	notices: string[];
}

/** What arrived: the page's query string and the saved work's text (null when none). */
export interface Arrivals {
	search: string;
	saved: string | null;
}

/** The notices for what stopped an arrival being read, what was cut, and insights left out. */
export function droppedNotices(arrival: Arrival, from: string): string[] {
	const notices = [...arrival.errors, ...arrival.notices];
	const count = arrival.dropped.length;
	if (count) {
		const one = count === 1;
		notices.push(
			`${one ? 'One insight' : `${count} insights`} from ${from} ${one ? 'is' : 'are'} no longer in the library (retired, renamed or not published) and ${one ? 'was' : 'were'} left out: ${arrival.dropped.join(', ')}. The rest ${arrival.draft.insights.length === 1 ? 'was' : 'were'} kept.`,
		);
	}
	return notices;
}

/** The opening draft for `arrivals`, by the precedence above. */
export function openingDraft(arrivals: Arrivals, library: LibraryView): Opening {
	const params = new URLSearchParams(arrivals.search);
	const saved = readSaved(arrivals.saved, library);
	const hasSavedWork = Boolean(saved && saved.draft.insights.length);
	const shared = readShareQuery(arrivals.search, library);
	const briefingId = params.get('briefing');
	const notices: string[] = [];
	let opening: Opening;

	if (shared) {
		notices.push(...droppedNotices(shared, 'the link'));
		if (briefingId)
			notices.push(
				`The link also names the briefing “${briefingId}”; the shared briefing was opened.`,
			);
		if (hasSavedWork)
			notices.push('Opened the shared briefing; your previous work in progress was replaced.');
		opening = { draft: shared.draft, source: 'share', notices };
	} else if (briefingId !== null) {
		const example = library.briefings.find((entry) => entry.id === briefingId);
		if (example) {
			const arrival = keepUsable(draftFromValue(example.data), library);
			notices.push(...droppedNotices(arrival, `briefing “${briefingId}”`));
			notices.push(
				`Opened the briefing “${briefingId}”. Changes here do not alter the original.` +
					(hasSavedWork ? ' Your previous work in progress was replaced.' : ''),
			);
			opening = { draft: arrival.draft, source: 'briefing', notices };
		} else if (saved) {
			notices.push(`There is no briefing “${briefingId}”; your previous work is shown instead.`);
			notices.push(...droppedNotices(saved, 'your saved work'));
			opening = { draft: saved.draft, source: 'saved', notices };
		} else {
			notices.push(`There is no briefing “${briefingId}”; you can start a new one here.`);
			opening = { draft: emptyDraft(), source: 'empty', notices };
		}
	} else if (saved) {
		notices.push(...droppedNotices(saved, 'your saved work'));
		opening = { draft: saved.draft, source: 'saved', notices };
	} else {
		opening = { draft: emptyDraft(), source: 'empty', notices };
	}

	const add = params.get('add');
	if (add) notices.push(...addInsight(opening.draft, add, library));
	const industry = params.get('industry');
	if (
		industry &&
		!opening.draft.industry &&
		library.taxonomy.industries.some((entry) => entry.id === industry)
	)
		opening.draft.industry = industry;
	return opening;
}

/** Adds insight `id` to the end of `draft` when it can; returns why not, as notices. */
function addInsight(draft: Draft, id: string, library: LibraryView): string[] {
	const insight = library.insights.find((entry) => entry.id === id);
	if (!insight) return [`The insight “${id}” is not in the library, so it was not added.`];
	if (draft.insights.includes(id))
		return [`“${fillTokens(insight.data.title, genericTokenValues)}” is already in your briefing.`];
	if (draft.insights.length >= briefingLimits.maxInsights)
		return [
			`Your briefing already has ${briefingLimits.maxInsights} insights, the most a briefing can take; remove one to add another.`,
		];
	draft.insights.push(id);
	return [];
}
