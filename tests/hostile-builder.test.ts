/**
 * Hostile input to the browser builder's pure logic (issue 11): share links, imported files and
 * saved drafts are cut to the limits the briefing schema sets before any other work, refused
 * when too large, and never throw. The same cases in Chromium are in `tests/browser/hostile.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../src/builder/briefing.ts';
import { importFile, importYaml } from '../src/builder/import-file.ts';
import { readSaved, readShareQuery, shareQuery } from '../src/builder/share.ts';
import { emptyDraft, type BuilderLibrary, type PublishedInsight } from '../src/builder/types.ts';
import { limits } from '../src/schema/limits.ts';

const ids = Array.from({ length: 40 }, (_, i) => `insight-${i}`);

const library: BuilderLibrary = {
	taxonomy: {
		industries: [{ id: 'manufacturing', name: 'Manufacturing', description: 'Factories.' }],
		personas: [{ id: 'cfo', name: 'Chief Financial Officer', description: 'Money.' }],
	},
	brand: {} as BuilderLibrary['brand'],
	briefings: [],
	insights: ids.map((id): PublishedInsight => ({
		id,
		talkTrack: 'Talk.',
		data: {
			title: `Claim ${id}.`,
			summary: 'Summary.',
			industries: ['manufacturing'],
			personas: ['cfo'],
			stage: 'decision-to-change',
			topics: [],
			points: ['Point.'],
			implication: 'So what.',
			questions: ['Why?'],
			sources: [{ title: 'R', publisher: 'P', published: '2025-01-01', illustrative: false }],
			author: 'A',
			reviewed: '2026-01-01',
			status: 'published',
			related: [],
		} as PublishedInsight['data'],
	})),
};

/** The details part of a share link, encoded as the builder encodes it. */
function detailsParam(value: unknown): string {
	const bytes = new TextEncoder().encode(JSON.stringify(value));
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

describe('share links', () => {
	it('10,000 ids: at most 12 selected and a short notice, not a 69,583-character one', () => {
		const many = Array.from({ length: 10_000 }, (_, i) => (i % 3 ? `gone-${i}` : ids[i % 40]!));
		const arrival = readShareQuery(`?insights=${many.join(',')}`, library)!;
		expect(arrival.draft.insights.length).toBeLessThanOrEqual(limits.briefing.insights);
		expect(arrival.draft.insights.length).toBeGreaterThan(0);
		expect(arrival.notices).toEqual([
			'The link names 10,000 insights; a briefing takes at most 12, so the first 12 the library has were kept.',
		]);
		expect(arrival.dropped.length).toBeLessThanOrEqual(limits.namedIds);
		const everything = [...arrival.notices, ...arrival.errors, ...arrival.dropped].join(' ');
		expect(everything.length).toBeLessThan(500);
	});

	it('3,000 audience and 3,000 agenda rows (a 24 KB link): cut to 6 and 4, with one sentence', () => {
		const d = detailsParam({
			...emptyDraft(),
			audience: Array.from({ length: 3_000 }, () => ({})),
			nextStep: { ask: 'Meet', agenda: Array.from({ length: 3_000 }, () => ''), proposedDate: '' },
		});
		expect(d.length).toBeGreaterThan(20_000);
		const arrival = readShareQuery(`?insights=${ids[0]}&d=${d}`, library)!;
		expect(arrival.draft.audience).toHaveLength(limits.briefing.audience);
		expect(arrival.draft.nextStep.agenda).toHaveLength(limits.briefing.agenda);
		expect(arrival.notices).toEqual([
			'Cut to the limits a briefing allows: audience (3,000 items, kept 6), nextStep.agenda (3,000 items, kept 4).',
		]);
		// The checks run on the capped draft: few issues, whatever the link held.
		expect(checkDraft(arrival.draft, library).issues.length).toBeLessThan(20);
	});

	it('details longer than any briefing are not decoded at all', () => {
		const arrival = readShareQuery(`?insights=${ids[0]}&d=${'A'.repeat(2_000_000)}`, library)!;
		expect(arrival.draft.insights).toEqual([ids[0]]);
		expect(arrival.errors).toEqual([
			'The link’s briefing details are too long (2,000 KB; a briefing needs under 32 KB) and were left out; the insights it names were kept.',
		]);
	});

	it('a megabyte of text in one field is cut; a little over a limit is kept for the author to fix', () => {
		const arrival = readShareQuery(
			`?d=${detailsParam({ title: 'x'.repeat(20_000), notes: 'y'.repeat(2_500) })}`,
			library,
		)!;
		expect(arrival.draft.title).toHaveLength(limits.briefing.title * limits.draftTextFactor);
		expect(arrival.draft.notes).toHaveLength(2_500);
		expect(checkDraft(arrival.draft, library).issues.map((issue) => issue.field)).toContain(
			'notes',
		);
	});

	it.each([
		['JSON that is a string', detailsParam('hello')],
		['JSON that is null', detailsParam(null)],
		['a list', detailsParam([1, 2, 3])],
		['wrong types everywhere', detailsParam({ audience: 'x', nextStep: 5, presenter: [1] })],
		['__proto__ keys', detailsParam(JSON.parse('{"__proto__": {"polluted": 1}, "title": "T"}'))],
		['not base64', '%%%'],
	])('details that are %s give a usable draft, never an exception', (_, d) => {
		const arrival = readShareQuery(`?insights=${ids[1]}&d=${d}`, library)!;
		expect(arrival.draft.insights).toEqual([ids[1]]);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('markup and script in every field round-trip as text', () => {
		const evil = '<img src=x onerror=alert(1)>"\'&';
		const draft = {
			...emptyDraft(),
			title: evil,
			subtitle: evil,
			company: evil,
			audience: [{ name: evil, role: evil }],
			presenter: { name: evil, title: evil, email: evil, phone: evil, company: evil },
			nextStep: { ask: evil, agenda: [evil], proposedDate: '2026-01-01' },
			notes: evil,
			insights: [ids[0]!],
		};
		expect(readShareQuery(`?${shareQuery(draft)}`, library)!.draft).toEqual(draft);
	});
});

describe('imports', () => {
	const file = (text: string | Uint8Array, name = 'briefing.yaml') => {
		const blob = new Blob([text as BlobPart]);
		return { name, size: blob.size, arrayBuffer: () => blob.arrayBuffer() };
	};

	it('a file over 1 MB is refused by its size, before it is read', async () => {
		let read = false;
		const big = {
			name: 'huge.yaml',
			size: 50_000_000,
			arrayBuffer: async () => {
				read = true;
				return new ArrayBuffer(0);
			},
		};
		const arrival = await importFile(big, library);
		expect(read).toBe(false);
		expect(arrival.errors).toEqual(['a briefing file of at most 1,000 KB (this one is 50,000 KB)']);
	});

	it('an alias bomb is an error message, not a page error', async () => {
		const bomb = [
			'a: &a ["x","x","x","x","x","x","x","x","x"]',
			'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
			'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
			'title: [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
		].join('\n');
		const arrival = await importFile(file(bomb), library);
		expect(arrival.errors).toEqual([
			`YAML whose aliases (*name) expand to a reasonable size (they expand past ${limits.yamlAliases} copies: write the values out)`,
		]);
	});

	it('UTF-16 and Latin-1 files are named as such', async () => {
		const utf16 = new Uint8Array([0xff, 0xfe, 0x74, 0x00, 0x3a, 0x00]);
		expect((await importFile(file(utf16), library)).errors).toEqual([
			'UTF-8 text (the file is UTF-16, little-endian, by its byte-order mark; save it as UTF-8)',
		]);
		const latin1 = new Uint8Array([...new TextEncoder().encode('title: Caf'), 0xe9]);
		expect((await importFile(file(latin1), library)).errors[0]).toMatch(/Latin-1/);
	});

	it('thousands of rows are cut to the limits, with one sentence', () => {
		const rows = Array.from({ length: 3_000 }, () => '  - role: CFO').join('\n');
		const arrival = importYaml(
			`title: T\nprospect:\n  company: C\n  audience:\n${rows}\ninsights: [${ids.join(', ')}]\n`,
			library,
		);
		expect(arrival.errors).toEqual([]);
		expect(arrival.draft.audience).toHaveLength(limits.briefing.audience);
		expect(arrival.draft.insights).toHaveLength(limits.briefing.insights);
		expect(arrival.notices).toEqual([
			'Cut to the limits a briefing allows: prospect.audience (3,000 items, kept 6), insights (40 items, kept 12).',
		]);
	});

	it.each([
		['a list', '- 1\n- 2\n'],
		['a number', '42\n'],
		['a tag', 'title: !!binary aGVsbG8=\n'],
		['binary garbage', '\u0001\u0002\u0003'],
	])('a file that is %s is an error message', (_, text) => {
		expect(importYaml(text, library).errors.length).toBeGreaterThan(0);
	});
});

describe('saved drafts', () => {
	it('a saved draft with 3,000 rows is cut on load', () => {
		const rows = Array.from({ length: 3_000 }, () => ({ name: '', role: 'CFO' }));
		const arrival = readSaved(JSON.stringify({ ...emptyDraft(), audience: rows }), library)!;
		expect(arrival.draft.audience).toHaveLength(limits.briefing.audience);
		expect(arrival.notices[0]).toMatch(/^Cut to the limits a briefing allows: audience/);
	});

	it('a saved draft over 1 MB is not parsed', () => {
		expect(readSaved(`{"notes":"${'x'.repeat(2_000_000)}"}`, library)).toBeUndefined();
	});
});
