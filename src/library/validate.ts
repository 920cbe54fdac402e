/**
 * Rules that span files: taxonomy ids, related ids, and what a briefing may include. Pure, so the
 * loader, the Astro build, `npm run check` and the browser builder all apply the same rules.
 */
import type { Briefing } from '../schema/briefing.ts';
import { isoDate } from '../schema/iso-date.ts';
import type { Insight } from '../schema/insight.ts';
import { crossIndustry } from '../schema/cross-industry.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import { didYouMean, type ContentIssue } from './issues.ts';

/** A schema-valid insight and where it came from. */
export interface InsightEntry {
	/** The file name without `.mdx`. */
	id: string;
	/** Path relative to the project root. */
	file: string;
	/** Validated frontmatter. */
	data: Insight;
	/** The MDX body as written. */
	body: string;
	/** Line of the file the body starts on (1-based), so body problems name the file's line. */
	bodyLine?: number;
	/** The body as plain text: the slide's talk track. */
	talkTrack: string;
}

/** A schema-valid briefing and where it came from. */
export interface BriefingEntry {
	/** The file name without `.yaml`. */
	id: string;
	/** Path relative to the project root. */
	file: string;
	/** Validated content. */
	data: Briefing;
}

const error = (file: string, field: string, message: string, rule: string): ContentIssue => ({
	file,
	field,
	message,
	severity: 'error',
	rule,
});

/** What a briefing's check reads of an insight it names (the builder has no more before details load). */
export interface InsightFacts {
	id: string;
	data: Pick<Insight, 'status' | 'expires'> & { questions: { length: number } };
}

/** Industry ids an insight or briefing may use. */
export function industryIds(taxonomy: Taxonomy): string[] {
	return taxonomy.industries.map((industry) => industry.id);
}

/** Taxonomy and related-id problems in one insight. */
export function validateInsightReferences(
	entry: Pick<InsightEntry, 'id' | 'file' | 'data'>,
	taxonomy: Taxonomy,
	insightIds: ReadonlySet<string>,
	brokenIds: ReadonlySet<string> = new Set(),
): ContentIssue[] {
	const issues: ContentIssue[] = [];
	const industries = [...industryIds(taxonomy), crossIndustry];
	const personas = taxonomy.personas.map((persona) => persona.id);
	entry.data.industries.forEach((id, index) => {
		if (typeof id === 'string' && id && !industries.includes(id)) {
			issues.push(
				error(
					entry.file,
					`industries[${index}]`,
					`an industry id from content/taxonomy.yaml or "${crossIndustry}" (got "${id}")${didYouMean(id, industries)}`,
					'unknown-industry',
				),
			);
		}
	});
	entry.data.personas.forEach((id, index) => {
		if (typeof id === 'string' && id && !personas.includes(id)) {
			issues.push(
				error(
					entry.file,
					`personas[${index}]`,
					`a persona id from content/taxonomy.yaml (got "${id}")${didYouMean(id, personas)}`,
					'unknown-persona',
				),
			);
		}
	});
	entry.data.related.forEach((id, index) => {
		if (typeof id !== 'string' || !id) return;
		if (id === entry.id) {
			issues.push(
				error(
					entry.file,
					`related[${index}]`,
					'another insight (this is the insight itself)',
					'self-related',
				),
			);
		} else if (!insightIds.has(id) && brokenIds.has(id)) {
			issues.push(
				error(
					entry.file,
					`related[${index}]`,
					`a valid insight ("${id}.mdx" has errors of its own; fix those first)`,
					'broken-insight',
				),
			);
		} else if (!insightIds.has(id)) {
			issues.push(
				error(
					entry.file,
					`related[${index}]`,
					`the id of an insight in content/insights/ (no "${id}.mdx")${didYouMean(id, insightIds)}`,
					'unknown-insight',
				),
			);
		}
	});
	return issues;
}

/**
 * Problems with what a briefing refers to: the prospect's industry, and each insight, which must
 * exist, be published, and be current on the briefing's date. `knownIds` are the ids an unknown
 * one is compared with for a "did you mean" (default: those of `insights`, when that is all of them).
 */
export function validateBriefingReferences(
	file: string,
	briefing: Pick<Briefing, 'insights' | 'date' | 'prospect'> & Partial<Pick<Briefing, 'questions'>>,
	insights: ReadonlyMap<string, InsightFacts>,
	taxonomy: Taxonomy,
	brokenIds: ReadonlySet<string> = new Set(),
	knownIds: Iterable<string> = insights.keys(),
): ContentIssue[] {
	const issues: ContentIssue[] = [];
	const industries = industryIds(taxonomy);
	if (briefing.prospect.industry && !industries.includes(briefing.prospect.industry)) {
		issues.push(
			error(
				file,
				'prospect.industry',
				`an industry id from content/taxonomy.yaml (got "${briefing.prospect.industry}")${didYouMean(briefing.prospect.industry, industries)}`,
				'unknown-industry',
			),
		);
	}
	briefing.insights.forEach((id, index) => {
		if (typeof id !== 'string' || !id) return;
		const field = `insights[${index}]`;
		const insight = insights.get(id);
		if (!insight && brokenIds.has(id)) {
			issues.push(
				error(
					file,
					field,
					`a valid insight ("${id}.mdx" has errors of its own; fix those first)`,
					'broken-insight',
				),
			);
		} else if (!insight) {
			issues.push(
				error(
					file,
					field,
					`the id of an insight in content/insights/ (no "${id}.mdx")${didYouMean(id, knownIds)}`,
					'unknown-insight',
				),
			);
		} else if (insight.data.status !== 'published') {
			issues.push(
				error(
					file,
					field,
					`a published insight ("${id}" is a draft; publish it or pick another)`,
					'draft-insight',
				),
			);
		} else if (insight.data.expires && insight.data.expires < briefing.date) {
			issues.push(
				error(
					file,
					field,
					`an insight current on the briefing date ${isoDate(briefing.date)} ("${id}" expired on ${isoDate(insight.data.expires)})`,
					'expired-insight',
				),
			);
		}
	});
	// A chosen question must exist: the insight has that many questions.
	briefing.questions?.forEach((question, index) => {
		if (typeof question !== 'object' || question === null) return;
		const count = insights.get(question.insight)?.data.questions.length;
		if (count !== undefined && question.index >= count) {
			issues.push(
				error(
					file,
					`questions[${index}].index`,
					`0-${count - 1}: "${question.insight}" has ${count} question${count === 1 ? '' : 's'}`,
					'unknown-question',
				),
			);
		}
	});
	return issues;
}

/** The strings of a list at their own indexes; anything else becomes '' (and is skipped). */
function stringsAt(value: unknown): string[] {
	return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : '')) : [];
}

const fieldOf = (value: unknown, key: string): unknown =>
	value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/**
 * Reference problems in a file that failed its schema, read from its raw data, so an author sees
 * an unknown industry or insight id together with the schema errors rather than in a second
 * round. Fields the schema check already reported (`reported`) are left out. `knownIds`: the ids
 * of valid insights, when `insights` holds only some of them.
 */
export function validateRawReferences(
	file: string,
	kind: 'insight' | 'briefing',
	raw: unknown,
	taxonomy: Taxonomy,
	insights: ReadonlyMap<string, Pick<InsightEntry, 'id' | 'data'>>,
	brokenIds: ReadonlySet<string>,
	reported: readonly ContentIssue[],
	knownIds: ReadonlySet<string> = new Set(insights.keys()),
): ContentIssue[] {
	const id = (file.split('/').pop() ?? file).replace(/\.(mdx|ya?ml)$/, '');
	let issues: ContentIssue[];
	if (kind === 'insight') {
		const data = {
			industries: stringsAt(fieldOf(raw, 'industries')),
			personas: stringsAt(fieldOf(raw, 'personas')),
			related: stringsAt(fieldOf(raw, 'related')),
		} as unknown as Insight;
		issues = validateInsightReferences({ id, file, data }, taxonomy, knownIds, brokenIds);
	} else {
		const rawDate = fieldOf(raw, 'date');
		const date = rawDate instanceof Date ? rawDate : new Date(`${String(rawDate)}T00:00:00Z`);
		const industry = fieldOf(fieldOf(raw, 'prospect'), 'industry');
		const briefing = {
			insights: stringsAt(fieldOf(raw, 'insights')),
			date,
			prospect: { industry: typeof industry === 'string' ? industry : '' },
		} as unknown as Pick<Briefing, 'insights' | 'date' | 'prospect'>;
		issues = validateBriefingReferences(file, briefing, insights, taxonomy, brokenIds, knownIds);
	}
	const fields = new Set(
		reported.filter((issue) => issue.file === file).map((issue) => issue.field),
	);
	return issues.filter((issue) => !fields.has(issue.field));
}
