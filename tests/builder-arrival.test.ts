/**
 * What the builder opens with when a share link, `?briefing=` and saved work arrive together:
 * the share link wins, then the example briefing, then saved work, and the rep is told what was
 * set aside. `?add=` and `?industry=` then apply to whatever opened.
 */
import { describe, expect, it } from 'vitest';
import { openingDraft } from '../src/builder/arrival.ts';
import { shareQuery } from '../src/builder/share.ts';
import { emptyDraft, type BuilderLibrary, type Draft } from '../src/builder/types.ts';
import { completeDraft, library as baseLibrary } from './fixtures/builder.ts';

const library: BuilderLibrary = {
	...baseLibrary,
	briefings: [
		{
			id: 'example',
			data: {
				title: 'The example',
				prospect: {
					company: 'Example Health',
					industry: 'healthcare-providers',
					audience: [{ role: 'CFO' }],
				},
				presenter: { name: 'Ada', title: 'Director' },
				date: '2027-03-01',
				insights: ['hc-decides', 'hc-why', 'retired-one'],
				nextStep: { ask: 'A working session' },
			},
		},
	],
};

const savedDraft = (): Draft => ({ ...completeDraft(), title: 'My saved work' });
const saved = JSON.stringify(savedDraft());
const shared = (): string =>
	shareQuery({ ...completeDraft(), title: 'Shared', insights: ['hc-hard'] });

describe('openingDraft precedence', () => {
	it('opens empty when nothing arrives', () => {
		const opening = openingDraft({ search: '', saved: null }, library);
		expect(opening).toEqual({ draft: emptyDraft(), source: 'empty', notices: [] });
	});

	it('restores saved work when nothing else arrives, silently', () => {
		const opening = openingDraft({ search: '', saved }, library);
		expect(opening.source).toBe('saved');
		expect(opening.draft).toEqual(savedDraft());
		expect(opening.notices).toEqual([]);
	});

	it('a share link wins over ?briefing= and saved work, and says so', () => {
		const opening = openingDraft({ search: `?${shared()}&briefing=example`, saved }, library);
		expect(opening.source).toBe('share');
		expect(opening.draft.title).toBe('Shared');
		expect(opening.draft.insights).toEqual(['hc-hard']);
		expect(opening.notices).toEqual([
			'The link also names the briefing “example”; the shared briefing was opened.',
			'Opened the shared briefing; your previous work in progress was replaced.',
		]);
	});

	it('?briefing= wins over saved work, drops what the library lacks, and says both', () => {
		const opening = openingDraft({ search: '?briefing=example', saved }, library);
		expect(opening.source).toBe('briefing');
		expect(opening.draft.company).toBe('Example Health');
		expect(opening.draft.date).toBe('2027-03-01');
		expect(opening.draft.insights).toEqual(['hc-decides', 'hc-why']);
		expect(opening.notices).toEqual([
			'One insight from briefing “example” is no longer in the library (retired, renamed or not published) and was left out: retired-one. The rest were kept.',
			'Opened the briefing “example”. Changes here do not alter the original. Your previous work in progress was replaced.',
		]);
	});

	it('an unknown ?briefing= keeps the saved work and says so', () => {
		const opening = openingDraft({ search: '?briefing=nope', saved }, library);
		expect(opening.source).toBe('saved');
		expect(opening.draft).toEqual(savedDraft());
		expect(opening.notices).toEqual([
			'There is no briefing “nope”; your previous work is shown instead.',
		]);
	});

	it('an unknown ?briefing= without saved work opens an empty draft', () => {
		const opening = openingDraft({ search: '?briefing=nope', saved: null }, library);
		expect(opening.source).toBe('empty');
		expect(opening.notices).toEqual(['There is no briefing “nope”; you can start a new one here.']);
	});

	it('damaged saved work is ignored rather than breaking the page', () => {
		expect(openingDraft({ search: '', saved: '{not json' }, library).source).toBe('empty');
	});

	it('names insights of saved work that left the library', () => {
		const text = JSON.stringify({ ...savedDraft(), insights: ['hc-why', 'gone'] });
		const opening = openingDraft({ search: '', saved: text }, library);
		expect(opening.draft.insights).toEqual(['hc-why']);
		expect(opening.notices).toEqual([
			'One insight from your saved work is no longer in the library (retired, renamed or not published) and was left out: gone. The rest was kept.',
		]);
	});
});

describe('?add= and ?industry=', () => {
	it('adds an insight to whatever opened', () => {
		expect(openingDraft({ search: '?add=mfg-why', saved }, library).draft.insights).toEqual([
			...savedDraft().insights,
			'mfg-why',
		]);
		const fromLink = openingDraft({ search: `?${shared()}&add=hc-why`, saved }, library);
		expect(fromLink.draft.insights).toEqual(['hc-hard', 'hc-why']);
	});

	it('explains an unknown, duplicate or one-too-many insight instead of adding it', () => {
		expect(openingDraft({ search: '?add=nope', saved: null }, library).notices).toEqual([
			'The insight “nope” is not in the library, so it was not added.',
		]);
		expect(openingDraft({ search: '?add=hc-why', saved }, library).notices).toEqual([
			'“Claim hc-why holds for your company.” is already in your briefing.',
		]);
		// Saved drafts keep each insight once, so a full draft needs twelve distinct ids.
		const twelve = {
			...library,
			insights: Array.from({ length: 13 }, (_, i) => ({
				...library.insights[0]!,
				id: `insight-${i}`,
			})),
		};
		const fullDraft = JSON.stringify({
			...savedDraft(),
			insights: twelve.insights.slice(0, 12).map((entry) => entry.id),
		});
		const opening = openingDraft({ search: '?add=insight-12', saved: fullDraft }, twelve);
		expect(opening.draft.insights).toHaveLength(12);
		expect(opening.notices).toEqual([
			'Your briefing already has 12 insights, the most a briefing can take; remove one to add another.',
		]);
	});

	it('presets a known industry only when the draft has none', () => {
		expect(
			openingDraft({ search: '?industry=manufacturing', saved: null }, library).draft.industry,
		).toBe('manufacturing');
		expect(openingDraft({ search: '?industry=manufacturing', saved }, library).draft.industry).toBe(
			'healthcare-providers',
		);
		expect(openingDraft({ search: '?industry=nope', saved: null }, library).draft.industry).toBe(
			'',
		);
	});
});
