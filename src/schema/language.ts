/** Languages: BCP 47 tags, as decks carry them on their text (`lang`) for screen readers and proofing. */
import { z } from 'astro/zod';
import { bcp47, DEFAULT_LANGUAGE, isRtlLanguage } from './language-tags.ts';

export { bcp47, DEFAULT_LANGUAGE, isRtlLanguage };

/** The language of a briefing's deck. */
export const languageSchema = z
	.string()
	.regex(bcp47, 'a BCP 47 language tag such as en-US, de-DE, ja-JP or ar-SA')
	.describe(
		'Language of the deck text, a BCP 47 tag such as en-US, de-DE, ja-JP or ar-SA (default en-US).',
	);
