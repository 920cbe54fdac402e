/**
 * Language: screen readers pick their voice, and PowerPoint its proofing, from the language of the
 * text. The presentation sets a default (`lang` on its default text style), or every run sets its
 * own; every `lang` given is a well-formed BCP 47 tag.
 */
import { descendants, kid, textOf } from '../xml.ts';
import type { OpenedDeck } from '../package.ts';
import type { AuditFinding } from '../types.ts';

/** A plausible BCP 47 tag: language, then script, region or variants. */
const bcp47 =
	/^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?(-([a-zA-Z\d]{5,8}|\d[a-zA-Z\d]{3}))*$/;

export function checkLanguage(deck: OpenedDeck): AuditFinding[] {
	const findings: AuditFinding[] = [];
	const defaults = kid(deck.presentation, 'defaultTextStyle', 'lvl1pPr', 'defRPr')?.attrs.lang;
	if (defaults !== undefined && !bcp47.test(defaults))
		findings.push({
			rule: 'language',
			severity: 'warning',
			message: `the presentation's language "${defaults}" is not a BCP 47 tag`,
		});
	for (const slide of deck.slides) {
		let unset = 0;
		const bad = new Set<string>();
		for (const run of descendants(slide.xml, 'r')) {
			const lang = kid(run, 'rPr')?.attrs.lang;
			if (lang === undefined) {
				if (/\S/.test(textOf(kid(run, 't')))) unset++;
			} else if (!bcp47.test(lang)) bad.add(lang);
		}
		if (unset && !defaults)
			findings.push({
				slide: slide.number,
				rule: 'language',
				severity: 'warning',
				message: `${unset} text run${unset === 1 ? ' has' : 's have'} no language, and the presentation sets none`,
			});
		for (const lang of bad)
			findings.push({
				slide: slide.number,
				rule: 'language',
				severity: 'warning',
				message: `"${lang}" is not a BCP 47 language tag`,
			});
	}
	return findings;
}
