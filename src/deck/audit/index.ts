/**
 * The deck audit: the rules of PowerPoint's Accessibility Checker that can be read from a .pptx
 * (slide titles, alternative text, reading order, text contrast, language) and the package rules
 * PowerPoint enforces by "repairing" a file. Pure: bytes in, findings out; runs in Node and in the
 * browser, on any .pptx, ours or not.
 *
 *   const findings = auditDeck(bytes);
 *   for (const line of formatFindings('deck.pptx', findings)) console.log(line);
 */
import { openPackage } from './package.ts';
import { checkAltText } from './rules/alt-text.ts';
import { checkContrast } from './rules/contrast.ts';
import { checkLanguage } from './rules/language.ts';
import { checkPackage } from './rules/package.ts';
import { checkReadingOrder } from './rules/reading-order.ts';
import { checkTitles } from './rules/titles.ts';
import type { AuditFinding, RuleCheck } from './types.ts';

export type { AuditFinding, AuditRule } from './types.ts';
export { auditReader } from './package.ts';
export { DECORATIVE_EXTENSION } from './shapes.ts';
export { contrastRatio } from './color.ts';

const rules: RuleCheck[] = [
	checkPackage,
	checkTitles,
	checkAltText,
	checkReadingOrder,
	checkContrast,
	checkLanguage,
];

/**
 * Audits a .pptx, given as its bytes or, for a deck just built, its parts by name. Throws when it
 * is not a presentation at all.
 */
export function auditDeck(pptx: Uint8Array | ReadonlyMap<string, Uint8Array>): AuditFinding[] {
	const deck = openPackage(pptx);
	const findings = rules.flatMap((rule) => rule(deck));
	// By slide (file-wide findings first), then in rule order.
	return findings
		.map((finding, index) => ({ finding, index }))
		.sort((a, b) => (a.finding.slide ?? 0) - (b.finding.slide ?? 0) || a.index - b.index)
		.map(({ finding }) => finding);
}

/** `FILE: slide N: rule: message` lines (`FILE: rule: message` for the whole file); warnings say so. */
export function formatFindings(file: string, findings: AuditFinding[]): string[] {
	return findings.map(
		(finding) =>
			`${file}: ${finding.slide ? `slide ${finding.slide}: ` : ''}${finding.rule}: ${finding.severity === 'warning' ? 'warning: ' : ''}${finding.message}`,
	);
}
