/**
 * From a draft to a briefing: the same schema and cross-file rules as `npm run check`, so the
 * builder's inline errors and the CLI agree, and the downloaded YAML passes the check.
 */
import { stringify } from 'yaml';
import { briefingSchema, type Briefing, type BriefingInput } from '../schema/briefing.ts';
import type { Insight } from '../schema/insight.ts';
import type { ContentIssue } from '../library/issues.ts';
import { issuesFromZod } from '../library/issues.ts';
import { validateBriefingReferences, type InsightFacts } from '../library/validate.ts';
import type { Draft, InsightSummary, LibraryView, PublishedInsight } from './types.ts';

const trimmed = (value: string) => value.trim() || undefined;

/** The briefing file's content for a draft: empty optional fields are left out. */
export function draftToInput(draft: Draft): BriefingInput {
	const agenda = draft.nextStep.agenda.map((item) => item.trim());
	// Picks of insights the rep has since removed no longer apply; none left means the default.
	const questions = draft.questions?.filter(
		(question) => typeof question === 'string' || draft.insights.includes(question.insight),
	);
	const input: BriefingInput = {
		title: draft.title.trim(),
		...(trimmed(draft.subtitle) ? { subtitle: draft.subtitle.trim() } : {}),
		prospect: {
			company: draft.company.trim(),
			industry: draft.industry,
			// Rows stay as typed (empty ones included) so error paths match the rows on screen.
			audience: draft.audience.map((person) => ({
				...(trimmed(person.name) ? { name: person.name.trim() } : {}),
				role: person.role.trim(),
			})),
		},
		presenter: {
			name: draft.presenter.name.trim(),
			title: draft.presenter.title.trim(),
			...(trimmed(draft.presenter.email) ? { email: draft.presenter.email.trim() } : {}),
			...(trimmed(draft.presenter.phone) ? { phone: draft.presenter.phone.trim() } : {}),
			...(trimmed(draft.presenter.company) ? { company: draft.presenter.company.trim() } : {}),
		},
		date: draft.date,
		insights: [...draft.insights],
		nextStep: {
			ask: draft.nextStep.ask.trim(),
			...(agenda.length ? { agenda } : {}),
			...(draft.nextStep.proposedDate ? { proposedDate: draft.nextStep.proposedDate } : {}),
		},
		...(trimmed(draft.notes) ? { notes: draft.notes.trim() } : {}),
		...(questions?.length ? { questions } : {}),
	};
	return input;
}

/** An insight from the builder's JSON with its dates as `Date`s, as the deck engine expects. */
export function reviveInsight(insight: PublishedInsight): {
	id: string;
	data: Insight;
	talkTrack: string;
} {
	const date = (value: string) => new Date(`${value}T00:00:00Z`);
	return {
		id: insight.id,
		talkTrack: insight.talkTrack,
		data: {
			...insight.data,
			reviewed: date(insight.data.reviewed),
			...(insight.data.expires ? { expires: date(insight.data.expires) } : {}),
			sources: insight.data.sources.map((source) => ({
				...source,
				published: date(source.published),
			})),
		} as Insight,
	};
}

/** The outcome of checking a draft. */
export interface DraftCheck {
	/** The validated briefing, when there are no errors. */
	briefing?: Briefing;
	/** Every problem, with field paths such as `prospect.company` or `insights[2]`. */
	issues: ContentIssue[];
}

const utcDate = (value: string) => new Date(`${value}T00:00:00Z`);

/** What the briefing check reads of an insight: from the index, or from a whole insight. */
function insightFacts(insight: InsightSummary): InsightFacts {
	const { status, expires, questions, questionCount } = insight.data;
	return {
		id: insight.id,
		data: {
			status,
			...(expires ? { expires: utcDate(expires) } : {}),
			questions: { length: questionCount ?? questions?.length ?? 0 },
		},
	};
}

/**
 * The library's facts about the insights `ids` names (only those: a draft names at most a dozen
 * of thousands), and every id, for "did you mean" hints.
 */
function factsFor(
	ids: readonly string[],
	library: Pick<LibraryView, 'insights'>,
): { byId: Map<string, InsightFacts>; known: string[] } {
	const wanted = new Set(ids);
	const byId = new Map<string, InsightFacts>();
	const known: string[] = [];
	for (const insight of library.insights) {
		known.push(insight.id);
		if (wanted.has(insight.id)) byId.set(insight.id, insightFacts(insight));
	}
	return { byId, known };
}

/** Checks a draft against the briefing schema and the library, as `npm run check` would. */
export function checkDraft(draft: Draft, library: LibraryView, file = 'briefing'): DraftCheck {
	const input = draftToInput(draft);
	const parsed = briefingSchema.safeParse(input);
	const { byId, known } = factsFor(draft.insights, library);
	if (!parsed.success) {
		const issues = issuesFromZod(file, parsed.error, input);
		// Reference problems are worth showing even while other fields are incomplete.
		// Without a valid meeting date nothing can have expired yet: use the earliest date there is.
		const date = /^\d{4}-\d{2}-\d{2}$/.test(draft.date)
			? new Date(`${draft.date}T00:00:00Z`)
			: new Date(-8.64e15);
		const references = validateBriefingReferences(
			file,
			{ insights: draft.insights, date, prospect: { ...input.prospect, audience: [] } },
			byId,
			library.taxonomy,
			new Set(),
			known,
		).filter((issue) => !(issue.field === 'prospect.industry' && !draft.industry));
		const seen = new Set(issues.map((issue) => issue.field));
		return { issues: [...issues, ...references.filter((issue) => !seen.has(issue.field))] };
	}
	const issues = validateBriefingReferences(
		file,
		parsed.data,
		byId,
		library.taxonomy,
		new Set(),
		known,
	);
	return issues.length ? { issues } : { briefing: parsed.data, issues: [] };
}

/** The briefing as a YAML file for `content/briefings/`, with a header saying where it came from. */
export function draftToYaml(draft: Draft): string {
	return `# Made with the briefing builder. Save as content/briefings/<id>.yaml and run npm run check.\n${stringify(draftToInput(draft), { lineWidth: 0 })}`;
}

/** A file name for the draft: the company and date as an id. */
export function draftFileId(draft: Draft): string {
	const slug = `${draft.company} ${draft.date}`
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
	return slug || 'briefing';
}
