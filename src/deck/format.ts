/**
 * Wording helpers for decks: dates, lists, tokens and the deck's timestamp. Pure and
 * locale-independent, so Node and every browser write the same text.
 */
import type { Briefing } from '../schema/briefing.ts';
import { isoDate } from '../schema/iso-date.ts';
import {
	audienceRoles as rolesOf,
	briefingTokenValues,
	fillTokens,
	joinNaturally,
	type TokenValues,
} from '../schema/tokens.ts';

export { joinNaturally };

const months = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December',
];

const weekdays = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `12 March 2026` (UTC calendar date). */
export function longDate(date: Date): string {
	return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `Thursday, 12 March 2026` (UTC calendar date). */
export function weekdayDate(date: Date): string {
	return `${weekdays[date.getUTCDay()]}, ${longDate(date)}`;
}

/** `March 2026`: how a source's publication date reads on a slide. */
export function monthYear(date: Date): string {
	return `${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `2026-03-12`: the schema's own date form. */
export { isoDate as isoDay };

/** The briefing's audience roles, each once, joined naturally: "CFO and COO". */
export function audienceRoles(briefing: Pick<Briefing, 'prospect'>): string {
	return rolesOf(briefing.prospect.audience);
}

/** The values a briefing fills into `{company}`, `{industry}` and `{audience}`. */
export function tokenValues(
	briefing: Pick<Briefing, 'prospect'>,
	industryName: string,
): TokenValues {
	return briefingTokenValues(briefing.prospect, industryName);
}

/** `fillTokens` bound to one briefing's values. */
export function tokenFiller(values: TokenValues): (text: string) => string {
	return (text) => fillTokens(text, values);
}

/**
 * The timestamp a deck records (document properties, zip entries): `SOURCE_DATE_EPOCH` (whole
 * seconds since 1970, as the environment variable holds it) when given, else the briefing's date.
 * Throws on a malformed `SOURCE_DATE_EPOCH`, as reproducible-builds.org asks.
 */
export function deckTimestamp(sourceDateEpoch: string | undefined, briefingDate: Date): Date {
	if (sourceDateEpoch === undefined || sourceDateEpoch.trim() === '') {
		return new Date(briefingDate.getTime());
	}
	const value = sourceDateEpoch.trim();
	if (!/^\d{1,12}$/.test(value)) {
		throw new Error(
			`SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 (got "${sourceDateEpoch}")`,
		);
	}
	return new Date(Number(value) * 1000);
}
