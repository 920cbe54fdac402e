/**
 * The whole library's problems, bodies included: Node only (the loader, the build, `npm run check`
 * and the scaffold), because a body is read with the site's MDX parser (`mdx-body.ts`), which the
 * browser builder, applying `validate.ts`'s rules to a briefing, has no use for.
 */
import type { Taxonomy } from '../schema/taxonomy.ts';
import type { ContentIssue } from './issues.ts';
import { checkBody } from './mdx-body.ts';
import {
	validateBriefingReferences,
	validateInsightReferences,
	type BriefingEntry,
	type InsightEntry,
} from './validate.ts';

/**
 * Problems in the MDX body that would break the site build or the talk track: see `mdx-body.ts`.
 * `sourceCount` is how many sources the insight has, so `<Quote source={n}>` can be checked.
 */
export function validateInsightBody(
	file: string,
	body: string,
	firstLine = 1,
	sourceCount?: number,
): ContentIssue[] {
	return checkBody(file, body, {
		firstLine,
		...(sourceCount === undefined ? {} : { sourceCount }),
	});
}

/**
 * Every cross-file problem in a library whose files each passed their schema, and every body's
 * problems (`bodyIssues`: those found already while the files were read; other bodies are checked).
 */
export function validateLibrary(
	taxonomy: Taxonomy,
	insights: readonly InsightEntry[],
	briefings: readonly BriefingEntry[],
	brokenIds: ReadonlySet<string> = new Set(),
	bodyIssues: ReadonlyMap<InsightEntry, ContentIssue[]> = new Map(),
): ContentIssue[] {
	const byId = new Map(insights.map((entry) => [entry.id, entry]));
	const ids = new Set(byId.keys());
	return [
		...insights.flatMap((entry) => [
			...validateInsightReferences(entry, taxonomy, ids, brokenIds),
			...(bodyIssues.get(entry) ??
				validateInsightBody(entry.file, entry.body, entry.bodyLine, entry.data.sources.length)),
		]),
		...briefings.flatMap((entry) =>
			validateBriefingReferences(entry.file, entry.data, byId, taxonomy, brokenIds),
		),
	];
}
