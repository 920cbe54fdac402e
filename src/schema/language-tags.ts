/**
 * Language tags as plain values, without zod: the deck engine reads the default language and the
 * writing direction without building any schema (`language.ts` re-exports them with its schema).
 */

/** A well-formed BCP 47 tag: language, then optional script, region and variants (`en-US`, `zh-Hant-TW`). */
export const bcp47 =
	/^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?(-([a-zA-Z\d]{5,8}|\d[a-zA-Z\d]{3}))*$/;

/** The language decks are in when a briefing names none. */
export const DEFAULT_LANGUAGE = 'en-US';

/** Languages written right to left. */
const rtlLanguages = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Is `tag` a language written right to left? */
export function isRtlLanguage(tag: string): boolean {
	return rtlLanguages.has(tag.split('-')[0]!.toLowerCase());
}
