/**
 * New content files from an author's answers: the pure part of `npm run new:insight` and
 * `npm run new:briefing` (no file system, no prompts), so the scripts and tests share it.
 *
 * A new insight is written with `status: draft` and only what the author supplied: no placeholder
 * text, nothing to forget to delete. It passes `npm run check` as written, stays out of the site
 * and every deck until the author sets `status: published`.
 */
import { Document, isSeq, type Node as YamlNode } from 'yaml';
import type { BriefingInput } from '../schema/briefing.ts';
import { isoDate } from '../schema/iso-date.ts';
import type { Insight } from '../schema/insight.ts';
import { stageIds } from '../schema/stage-names.ts';
import { fillTokens, genericTokenValues } from '../schema/tokens.ts';
import type { InsightEntry } from './validate.ts';

/** What an author supplies for a new insight. Dates are written `YYYY-MM-DD`. */
export interface InsightDraft {
	title: string;
	summary: string;
	industries: string[];
	personas: string[];
	stage: Insight['stage'];
	topics?: string[];
	points: string[];
	implication: string;
	questions: string[];
	source: { title: string; publisher: string; published: string; url?: string | undefined };
	author: string;
	owner?: string | undefined;
	reviewed: string;
	expires?: string | undefined;
	/** The long-form explanation; by default the summary and implication, as plain text. */
	body?: string | undefined;
}

/** What an author supplies for a new briefing. */
export interface BriefingDraft {
	title: string;
	/** Language of the deck (BCP 47); left out means en-US. */
	language?: string | undefined;
	subtitle?: string | undefined;
	prospect: {
		company: string;
		industry: string;
		audience: Array<{ name?: string | undefined; role: string }>;
	};
	presenter: { name: string; title: string; email?: string | undefined };
	date: string;
	insights: string[];
	nextStep: { ask: string; agenda?: string[] | undefined; proposedDate?: string | undefined };
	notes?: string | undefined;
	/** The questions to explore (default: the first of each insight, at most 6). */
	questions?: BriefingInput['questions'];
}

const stopWords = new Set([
	'a',
	'an',
	'the',
	'of',
	'and',
	'or',
	'to',
	'in',
	'for',
	'on',
	'is',
	'are',
	'its',
	'their',
]);

/** A file name (id) suggested for a title: its first content words, lowercase, joined by hyphens. */
export function suggestId(title: string, maxLength = 60): string {
	const words = title
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/%/g, ' percent ')
		.replace(/\{[a-z]+\}(['’]s\b)?/g, ' ')
		.replace(/['’]s\b/g, '')
		.replace(/['’]/g, '')
		.split(/[^a-z0-9]+/)
		.filter((word) => word && !stopWords.has(word));
	let id = '';
	for (const word of new Set(words)) {
		const next = id ? `${id}-${word}` : word;
		if (next.length > maxLength) break;
		id = next;
	}
	return id;
}

/** Leaves out undefined, empty strings and empty lists, so optional fields are simply absent. */
function compact<T extends Record<string, unknown>>(record: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(record).filter(
			([, value]) =>
				value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0),
		),
	) as Partial<T>;
}

/** YAML text of `data`, with short id lists written inline (`[a, b]`) as the library does. */
function toYaml(data: Record<string, unknown>, inline: string[]): string {
	const doc = new Document(data);
	for (const key of inline) {
		const node = doc.get(key, true) as YamlNode | undefined;
		if (node && isSeq(node)) node.flow = true;
	}
	return doc.toString({ lineWidth: 0, flowCollectionPadding: false, singleQuote: true });
}

/** The default body: the author's summary and implication, tokens in their generic wording. */
export function defaultBody(draft: Pick<InsightDraft, 'summary' | 'implication'>): string {
	return [draft.summary, draft.implication]
		.map((text) => fillTokens(text, genericTokenValues))
		.map((text) => text.charAt(0).toUpperCase() + text.slice(1))
		.join('\n\n');
}

/** The text of a new insight file (`content/insights/<id>.mdx`), as a draft. */
export function insightFile(draft: InsightDraft): string {
	const frontmatter = compact({
		title: draft.title,
		summary: draft.summary,
		industries: draft.industries,
		personas: draft.personas,
		stage: draft.stage,
		topics: draft.topics,
		points: draft.points,
		implication: draft.implication,
		questions: draft.questions,
		sources: [compact(draft.source)],
		author: draft.author,
		owner: draft.owner,
		reviewed: draft.reviewed,
		expires: draft.expires,
		status: 'draft',
	});
	const body = (draft.body?.trim() || defaultBody(draft)).trim();
	return `---\n${toYaml(frontmatter, ['industries', 'personas', 'topics'])}---\n\n${body}\n`;
}

/** The text of a new briefing file (`content/briefings/<id>.yaml`). */
export function briefingFile(draft: BriefingDraft): string {
	const data = compact({
		title: draft.title,
		subtitle: draft.subtitle,
		prospect: {
			company: draft.prospect.company,
			industry: draft.prospect.industry,
			audience: draft.prospect.audience.map((person) => compact(person)),
		},
		presenter: compact(draft.presenter),
		date: draft.date,
		insights: draft.insights,
		nextStep: compact(draft.nextStep),
		questions: draft.questions,
		notes: draft.notes,
		language: draft.language,
	} satisfies Record<keyof BriefingInput, unknown>);
	return toYaml(data, []);
}

/**
 * Insights a briefing on `date` may use: published and not expired on that date. Those tagged with
 * `industry` (or cross-industry) come first; within that, in the order of the four stages.
 */
export function eligibleInsights<T extends Pick<InsightEntry, 'id' | 'data'>>(
	insights: readonly T[],
	date: Date,
	industry?: string,
): T[] {
	const fits = (entry: T) =>
		industry === undefined ||
		entry.data.industries.includes(industry) ||
		entry.data.industries.includes('cross-industry');
	return insights
		.filter(
			(entry) =>
				entry.data.status === 'published' && !(entry.data.expires && entry.data.expires < date),
		)
		.sort(
			(a, b) =>
				Number(fits(b)) - Number(fits(a)) ||
				stageIds.indexOf(a.data.stage) - stageIds.indexOf(b.data.stage) ||
				a.id.localeCompare(b.id),
		);
}

/** `ids` in presenting order: the four conversations in turn, keeping the chosen order within each. */
export function presentingOrder(
	ids: readonly string[],
	insights: ReadonlyMap<string, Pick<InsightEntry, 'data'>>,
): string[] {
	const stageOf = (id: string) => {
		const stage = insights.get(id)?.data.stage;
		return stage ? stageIds.indexOf(stage) : stageIds.length;
	};
	return ids
		.map((id, index) => ({ id, index }))
		.sort((a, b) => stageOf(a.id) - stageOf(b.id) || a.index - b.index)
		.map((item) => item.id);
}

/** Today's date as authors write it. */
export const todayIso = (now = new Date()) => isoDate(now);
