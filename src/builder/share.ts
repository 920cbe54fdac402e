/**
 * Moving a draft in and out of the builder: share links and saved work (imported YAML files are
 * read in `import-file.ts`, with the YAML parser). Whatever comes in is checked against the
 * library; unknown or retired insights are named and dropped, and everything else is kept. No zod
 * and no YAML here: the builder's page opens a draft with this before the schemas load.
 */
import { briefingLimits } from '../schema/briefing-limits.ts';
import type { BriefingQuestion } from '../schema/briefing.ts';
import { isoDate } from '../schema/iso-date.ts';
import { capToShape, describeCuts, type SizeShape } from '../schema/size-shape.ts';
import { draftLimits as limits } from './draft-limits.ts';
import { emptyDraft, type Draft, type LibraryView } from './types.ts';

/** What an incoming draft lost, so the builder can say so. */
export interface Arrival {
	/** The draft, with only usable insights. */
	draft: Draft;
	/** Ids that are not in the library (unknown, draft or retired), in the order they came. */
	dropped: string[];
	/** Problems that stopped the file from being read at all. */
	errors: string[];
	/** Short sentences about what was cut to the limits a briefing allows (nothing stopped). */
	notices: string[];
}

/** The sizes a {@link Draft} may have: the briefing schema's limits, on the builder's shape. */
const draftShape: SizeShape = (() => {
	const l = limits.briefing;
	const text = (max: number): SizeShape => ({ kind: 'text', max });
	const list = (max: number, item: SizeShape): SizeShape => ({ kind: 'list', max, item });
	const object = (fields: Record<string, SizeShape>): SizeShape => ({ kind: 'object', fields });
	return object({
		title: text(l.title),
		subtitle: text(l.subtitle),
		company: text(l.company),
		industry: text(l.id),
		audience: list(l.audience, object({ name: text(l.audienceName), role: text(l.audienceRole) })),
		presenter: object({
			name: text(l.presenterName),
			title: text(l.presenterTitle),
			email: text(l.email),
			phone: text(l.presenterPhone),
			company: text(l.presenterCompany),
		}),
		date: text(l.date),
		insights: list(l.insights, text(l.id)),
		nextStep: object({
			ask: text(l.ask),
			agenda: list(l.agenda, text(l.agendaItem)),
			proposedDate: text(l.date),
		}),
		notes: text(l.notes),
		questions: list(briefingLimits.questions, text(briefingLimits.question)),
	});
})();

/** `n` bytes or characters as KB, for messages. */
export const kilobytes = (n: number) => `${Math.ceil(n / 1000).toLocaleString('en-US')} KB`;

const string = (value: unknown) =>
	value instanceof Date
		? isoDate(value)
		: typeof value === 'string'
			? value
			: typeof value === 'number'
				? String(value)
				: '';
const record = (value: unknown): Record<string, unknown> =>
	value && typeof value === 'object' && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * A draft from a value saved or shared by the builder itself (the `Draft` shape), made safe and
 * cut to the limits a briefing allows before anything else is done with it; `cuts` says what went.
 */
export function coerceDraft(value: unknown, cuts: string[] = []): Draft {
	const capped = capToShape(value, draftShape, { textFactor: limits.draftTextFactor });
	if (capped.cuts.length) cuts.push(describeCuts(capped.cuts));
	const root = record(capped.value);
	const presenter = record(root.presenter);
	const nextStep = record(root.nextStep);
	const draft = emptyDraft();
	// A question is an insight's (id and index) or the rep's own words; anything else is dropped.
	const questions = list(root.questions).flatMap((value): BriefingQuestion[] => {
		if (typeof value === 'string') return value.trim() ? [value] : [];
		const pick = record(value);
		const index = pick.index;
		return typeof pick.insight === 'string' && Number.isInteger(index) && (index as number) >= 0
			? [{ insight: pick.insight, index: index as number }]
			: [];
	});
	const audience = list(root.audience).map((person) => ({
		name: string(record(person).name),
		role: string(record(person).role),
	}));
	return {
		title: string(root.title),
		subtitle: string(root.subtitle),
		company: string(root.company),
		industry: string(root.industry),
		audience: audience.length ? audience : draft.audience,
		presenter: {
			name: string(presenter.name),
			title: string(presenter.title),
			email: string(presenter.email),
			phone: string(presenter.phone),
			company: string(presenter.company),
		},
		date: string(root.date),
		insights: list(root.insights).map(string).filter(Boolean),
		nextStep: {
			ask: string(nextStep.ask),
			agenda: list(nextStep.agenda).map(string),
			proposedDate: string(nextStep.proposedDate),
		},
		notes: string(root.notes),
		...(questions.length ? { questions } : {}),
	};
}

/** A draft from any briefing-shaped value (a parsed YAML file or an example briefing). */
export function draftFromValue(value: unknown, cuts: string[] = []): Draft {
	const capped = capToShape(value, limits.briefing.shape, {
		textFactor: limits.draftTextFactor,
	});
	if (capped.cuts.length) cuts.push(describeCuts(capped.cuts));
	const root = record(capped.value);
	const prospect = record(root.prospect);
	return coerceDraft({
		...root,
		company: prospect.company,
		industry: prospect.industry,
		audience: prospect.audience,
	});
}

/** Keeps the insights the library can use, in order and once each, and names the rest. */
export function keepUsable(draft: Draft, library: LibraryView): Arrival {
	const known = new Set(library.insights.map((insight) => insight.id));
	const dropped: string[] = [];
	const kept: string[] = [];
	for (const id of draft.insights) {
		if (!known.has(id)) dropped.push(id);
		else if (!kept.includes(id)) kept.push(id);
	}
	return { draft: { ...draft, insights: kept }, dropped, errors: [], notices: [] };
}

/** An arrival that brought nothing: the reasons are in `errors`. */
export const refused = (...errors: string[]): Arrival => ({
	draft: emptyDraft(),
	dropped: [],
	errors,
	notices: [],
});

function toBase64Url(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The query string of a share link: readable insight ids, plus the rest of the draft encoded. */
export function shareQuery(draft: Draft): string {
	const params = new URLSearchParams();
	if (draft.insights.length) params.set('insights', draft.insights.join(','));
	const { insights: _ids, ...rest } = draft;
	const blank = JSON.stringify({ ...emptyDraft(), insights: undefined });
	const details = JSON.stringify({ ...rest, insights: undefined });
	if (details !== blank) params.set('d', toBase64Url(JSON.stringify(rest)));
	return params.toString();
}

/** The draft a share link carries, or undefined when the link carries none. */
export function readShareQuery(search: string, library: LibraryView): Arrival | undefined {
	const params = new URLSearchParams(search);
	if (!params.has('insights') && !params.has('d')) return undefined;
	let details: unknown = {};
	const errors: string[] = [];
	const notices: string[] = [];
	const encoded = params.get('d');
	if (encoded && encoded.length > limits.shareDetails) {
		// Longer than any briefing the builder can share: not decoded at all.
		errors.push(
			`The link’s briefing details are too long (${kilobytes(encoded.length)}; a briefing needs under ${kilobytes(limits.shareDetails)}) and were left out; the insights it names were kept.`,
		);
	} else if (encoded) {
		try {
			details = JSON.parse(fromBase64Url(encoded));
		} catch {
			errors.push('The link’s briefing details are damaged; the insights it names were kept.');
		}
	}
	const draft = coerceDraft(details, notices);
	// Only the first ids a briefing can hold are read; a link naming thousands costs no more.
	const ids = params.get('insights') ?? '';
	const named = ids ? ids.split(',', limits.briefing.insights * 4 + 1) : [];
	draft.insights = named
		.slice(0, limits.briefing.insights * 4)
		.map((id) => id.trim().slice(0, limits.briefing.id))
		.filter(Boolean);
	const arrival = keepUsable(draft, library);
	if (
		arrival.draft.insights.length > limits.briefing.insights ||
		named.length > draft.insights.length
	) {
		const count = ids.split(',').filter((id) => id.trim()).length;
		notices.push(
			`The link names ${count.toLocaleString('en-US')} insights; a briefing takes at most ${limits.briefing.insights}, so the first ${limits.briefing.insights} the library has were kept.`,
		);
		arrival.draft.insights = arrival.draft.insights.slice(0, limits.briefing.insights);
	}
	return { ...arrival, dropped: arrival.dropped.slice(0, limits.namedIds), errors, notices };
}

/** A draft saved in local storage, if it is still readable. */
export function readSaved(text: string | null, library: LibraryView): Arrival | undefined {
	if (!text || text.length > limits.fileBytes) return undefined;
	try {
		const notices: string[] = [];
		const arrival = keepUsable(coerceDraft(JSON.parse(text), notices), library);
		return { ...arrival, notices };
	} catch {
		return undefined;
	}
}
