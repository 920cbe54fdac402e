/**
 * Moving a draft in and out of the builder: share links, imported YAML files and saved work.
 * Whatever comes in is checked against the library; unknown or retired insights are named and
 * dropped, and everything else is kept.
 */
import { isoDate } from '../schema/common.ts';
import { parseYaml } from '../library/parse.ts';
import { emptyDraft, type BuilderLibrary, type Draft } from './types.ts';

/** What an incoming draft lost, so the builder can say so. */
export interface Arrival {
	/** The draft, with only usable insights. */
	draft: Draft;
	/** Ids that are not in the library (unknown, draft or retired), in the order they came. */
	dropped: string[];
	/** Problems that stopped the file from being read at all. */
	errors: string[];
}

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

/** A draft from a value saved or shared by the builder itself (the `Draft` shape), made safe. */
export function coerceDraft(value: unknown): Draft {
	const root = record(value);
	const presenter = record(root.presenter);
	const nextStep = record(root.nextStep);
	const draft = emptyDraft();
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
	};
}

/** A draft from any briefing-shaped value (a parsed YAML file or an example briefing). */
export function draftFromValue(value: unknown): Draft {
	const root = record(value);
	const prospect = record(root.prospect);
	return coerceDraft({
		...root,
		company: prospect.company,
		industry: prospect.industry,
		audience: prospect.audience,
	});
}

/** Keeps the insights the library can use, in order and once each, and names the rest. */
export function keepUsable(draft: Draft, library: BuilderLibrary): Arrival {
	const known = new Set(library.insights.map((insight) => insight.id));
	const dropped: string[] = [];
	const kept: string[] = [];
	for (const id of draft.insights) {
		if (!known.has(id)) dropped.push(id);
		else if (!kept.includes(id)) kept.push(id);
	}
	return { draft: { ...draft, insights: kept }, dropped, errors: [] };
}

/** Reads a briefing YAML file (as downloaded from the builder or written by hand). */
export function importYaml(text: string, library: BuilderLibrary, file = 'briefing.yaml'): Arrival {
	const parsed = parseYaml(file, text);
	if (parsed.issues.length || !parsed.data || typeof parsed.data !== 'object') {
		return {
			draft: emptyDraft(),
			dropped: [],
			errors: parsed.issues.length
				? parsed.issues.map((issue) => issue.message)
				: ['a briefing file: YAML with title, prospect, presenter, date, insights and nextStep'],
		};
	}
	return keepUsable(draftFromValue(parsed.data), library);
}

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
export function readShareQuery(search: string, library: BuilderLibrary): Arrival | undefined {
	const params = new URLSearchParams(search);
	if (!params.has('insights') && !params.has('d')) return undefined;
	let details: unknown = {};
	const errors: string[] = [];
	const encoded = params.get('d');
	if (encoded) {
		try {
			details = JSON.parse(fromBase64Url(encoded));
		} catch {
			errors.push('The link’s briefing details are damaged; the insights it names were kept.');
		}
	}
	const draft = coerceDraft(details);
	draft.insights = (params.get('insights') ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean);
	const arrival = keepUsable(draft, library);
	return { ...arrival, errors };
}

/** A draft saved in local storage, if it is still readable. */
export function readSaved(text: string | null, library: BuilderLibrary): Arrival | undefined {
	if (!text) return undefined;
	try {
		return keepUsable(coerceDraft(JSON.parse(text)), library);
	} catch {
		return undefined;
	}
}
