/** Findings of the deck audit and the context every rule reads. */
import type { OpenedDeck } from './package.ts';

/** The rules the audit checks. */
export type AuditRule =
	| 'slide-title'
	| 'duplicate-title'
	| 'alt-text'
	| 'reading-order'
	| 'contrast'
	| 'language'
	| 'package';

/** One problem. Errors are what PowerPoint's Accessibility Checker calls errors, or break the file. */
export interface AuditFinding {
	/** 1-based slide number; absent for findings about the whole file. */
	slide?: number;
	rule: AuditRule;
	severity: 'error' | 'warning';
	message: string;
}

/** A rule: reads the opened deck, returns its findings. */
export type RuleCheck = (deck: OpenedDeck) => AuditFinding[];

/** A short quotation of slide text for messages. */
export function quote(text: string, max = 60): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}
