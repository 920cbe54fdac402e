/**
 * The package's own DEFLATE and zip writer: every stream inflates back to its input (checked with
 * fflate's inflate, an independent decoder), the output does not depend on what was compressed
 * before, and XML shrinks about as much as with fflate's level 6.
 */
import { deflateSync, inflateSync, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, deflateCached, partCrc } from '../src/deck/pptx/deflate.ts';
import { fastDeflate } from '../src/deck/pptx/fast-deflate.ts';
import { xmlProblems } from '../src/deck/pptx/problems.ts';
import { TextMemo } from '../src/deck/pptx/text-memo.ts';
import { deterministicZip, entryOrder, naturalCompare, sortedNames } from '../src/deck/pptx/zip.ts';

/** Seeded pseudo-random bytes from an alphabet of `alphabet` symbols. */
function randomBytes(length: number, alphabet: number, seed: number): Uint8Array {
	let state = seed;
	const out = new Uint8Array(length);
	for (let i = 0; i < length; i++) {
		state = (Math.imul(state, 1103515245) + 12345) >>> 0;
		out[i] = (state >>> 16) % alphabet;
	}
	return out;
}

const xml = strToU8(
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sld>' +
		Array.from(
			{ length: 400 },
			(_, i) =>
				`<p:sp><p:nvSpPr><p:cNvPr id="${i + 2}" name="Text ${i}"/></p:nvSpPr><a:t>Point ${i * 7} of the briefing</a:t></p:sp>`,
		).join('') +
		'</p:sld>',
);

describe('fastDeflate', () => {
	const inputs: Array<[string, Uint8Array]> = [
		['empty', new Uint8Array(0)],
		['one byte', new Uint8Array([65])],
		['three bytes', strToU8('abc')],
		['a long run (matches of 258 and overlapping copies)', new Uint8Array(100_000).fill(7)],
		['random bytes (no matches)', randomBytes(70_000, 256, 1)],
		['a small alphabet (many short matches, several blocks)', randomBytes(200_000, 4, 2)],
		[
			'text repeated 40 KB apart (beyond the window)',
			new Uint8Array([
				...xml.subarray(0, 5000),
				...randomBytes(40_000, 256, 3),
				...xml.subarray(0, 5000),
			]),
		],
		['slide XML', xml],
	];

	for (const [name, input] of inputs) {
		it(`inflates back to the input: ${name}`, () => {
			expect(Buffer.from(inflateSync(fastDeflate(input))).equals(Buffer.from(input))).toBe(true);
		});
	}

	it('gives the same bytes whatever it compressed before', () => {
		const alone = fastDeflate(xml);
		fastDeflate(randomBytes(50_000, 8, 4));
		fastDeflate(xml.subarray(100));
		expect(Buffer.from(fastDeflate(xml)).equals(Buffer.from(alone))).toBe(true);
	});

	it('compresses XML about as well as fflate at level 6', () => {
		const ours = fastDeflate(xml).length;
		expect(ours).toBeLessThan(xml.length / 5);
		expect(ours).toBeLessThan(deflateSync(xml, { level: 6 }).length * 1.15);
	});
});

describe('deterministicZip', () => {
	it('writes a zip any reader opens: entries in order, contents and CRCs intact', () => {
		const files = new Map<string, Uint8Array>([
			['ppt/slides/slide10.xml', xml],
			['[Content_Types].xml', strToU8('<Types/>')],
			['ppt/media/image1.png', randomBytes(3000, 256, 5)],
			['ppt/slides/slide2.xml', strToU8('<p:sld/>')],
		]);
		const zip = deterministicZip(files, new Date('2026-03-12T09:30:00Z'));
		const back = unzipSync(zip);
		expect(Object.keys(back)).toEqual([
			'[Content_Types].xml',
			'ppt/media/image1.png',
			'ppt/slides/slide2.xml',
			'ppt/slides/slide10.xml',
		]);
		for (const [name, content] of files)
			expect(Buffer.from(back[name]!).equals(Buffer.from(content))).toBe(true);
		expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
	});
});

describe('checksums and compressed bytes remembered per part', () => {
	it('gives each part object its own checksum and stream, however often it is met', () => {
		const a = strToU8('<p:sld>a part every deck shares</p:sld>');
		const b = strToU8('<p:sld>another part, the same length</p:sld>'.slice(0, a.length));
		expect(partCrc(a)).toBe(crc32(a));
		expect(partCrc(b)).toBe(crc32(b));
		expect(partCrc(a)).toBe(crc32(a));
		const once = deflateCached(a, partCrc(a));
		expect(deflateCached(a, partCrc(a))).toBe(once);
		expect(Buffer.from(inflateSync(deflateCached(b, partCrc(b)))).equals(Buffer.from(b))).toBe(
			true,
		);
		// A copy with the same bytes is a new object: checked by content, and the same stream.
		const copy = a.slice();
		expect(partCrc(copy)).toBe(crc32(a));
		expect(Buffer.from(deflateCached(copy, partCrc(copy))).equals(Buffer.from(once))).toBe(true);
	});

	it("keeps each compressor's streams apart, and zips with the one given", () => {
		// Another raw DEFLATE (fflate's, at level 1): its own bytes, never fastDeflate's from the cache.
		const other = (data: Uint8Array) => deflateSync(data, { level: 1 });
		const part = xml.slice();
		const crc = partCrc(part);
		const ours = deflateCached(part, crc);
		const theirs = deflateCached(part, crc, other);
		expect(Buffer.from(theirs).equals(Buffer.from(other(xml)))).toBe(true);
		expect(Buffer.from(theirs).equals(Buffer.from(ours))).toBe(false);
		expect(deflateCached(part, crc)).toBe(ours);
		expect(deflateCached(part, crc, other)).toBe(theirs);
		// By content too: a copy of the part finds each compressor's own stream.
		expect(Buffer.from(deflateCached(xml.slice(), crc, other)).equals(Buffer.from(theirs))).toBe(
			true,
		);
		expect(Buffer.from(deflateCached(xml.slice(), crc)).equals(Buffer.from(ours))).toBe(true);
		const files = new Map([['ppt/slides/slide1.xml', part]]);
		const time = new Date('2026-03-12T09:30:00Z');
		const zipped = deterministicZip(files, time, other);
		expect(Buffer.from(zipped).equals(Buffer.from(deterministicZip(files, time)))).toBe(false);
		expect(Buffer.from(zipped).indexOf(Buffer.from(theirs))).toBeGreaterThan(0);
		expect(Buffer.from(unzipSync(zipped)['ppt/slides/slide1.xml']!).equals(Buffer.from(xml))).toBe(
			true,
		);
	});

	it('zips the same parts to the same bytes the first time and after', () => {
		const files = () =>
			new Map<string, Uint8Array>([
				['[Content_Types].xml', strToU8('<Types/>')],
				['ppt/slides/slide1.xml', xml],
			]);
		const shared = files();
		const time = new Date('2026-03-12T09:30:00Z');
		const first = deterministicZip(shared, time);
		expect(Buffer.from(deterministicZip(shared, time)).equals(Buffer.from(first))).toBe(true);
		expect(Buffer.from(deterministicZip(files(), time)).equals(Buffer.from(first))).toBe(true);
	});
});

describe('naturalCompare', () => {
	it('orders runs of digits as numbers, the same on every call', () => {
		const names = ['slide10.xml', 'slide2.xml', 'slide1.xml', 'chart2.xml', 'slide02.xml'];
		const sorted = ['chart2.xml', 'slide1.xml', 'slide02.xml', 'slide2.xml', 'slide10.xml'];
		expect([...names].sort(naturalCompare)).toEqual(sorted);
		expect([...names].reverse().sort(naturalCompare)).toEqual(sorted);
	});
});

describe('xmlProblems', () => {
	it('checks each part, and finds a broken one however often well-formed ones were seen', () => {
		const good = strToU8('<p:sld><a:t>fine</a:t></p:sld>');
		const broken = strToU8('<p:sld><a:t>a & b</a:t></p:sld>');
		for (let round = 0; round < 2; round++) {
			expect(xmlProblems(new Map([['ppt/slides/slide1.xml', good]]))).toEqual([]);
			expect(
				xmlProblems(
					new Map([
						['ppt/slides/slide1.xml', good],
						['ppt/slides/slide2.xml', broken],
					]),
				),
			).toEqual([expect.stringMatching(/^ppt\/slides\/slide2\.xml: an unterminated entity/)]);
		}
	});
});

describe('sortedNames', () => {
	it('orders names as sorting with entryOrder and naturalCompare does', () => {
		const names = [
			'ppt/slides/slide10.xml',
			'ppt/_rels/presentation.xml.rels',
			'ppt/slides/slide2.xml',
			'[Content_Types].xml',
			'ppt/charts/chart11.xml',
			'docProps/app.xml',
			'ppt/charts/chart9.xml',
			'ppt/presentation.xml',
			'_rels/.rels',
			'ppt/slides/slide02.xml',
			'docProps/core.xml',
		];
		expect(sortedNames(names)).toEqual([...names].sort(entryOrder));
		expect(sortedNames(names).slice(0, 6)).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'docProps/core.xml',
			'docProps/app.xml',
			'ppt/presentation.xml',
			'ppt/_rels/presentation.xml.rels',
		]);
		expect(sortedNames(names, true)).toEqual([...names].sort(naturalCompare));
	});
});

describe('TextMemo', () => {
	it('finds texts by content, keeps the most recently used, and lets the oldest go', () => {
		const memo = new TextMemo<number>(2);
		memo.set('alpha', 1);
		memo.set('bravo', 2);
		expect(memo.get('alpha')).toBe(1);
		memo.set('gamma', 3);
		expect(memo.get('bravo')).toBeUndefined();
		expect(memo.get('alpha')).toBe(1);
		expect(memo.get(['gam', 'ma'].join(''))).toBe(3);
		memo.set('alpha', 4);
		memo.set('delta', 5);
		expect([memo.get('alpha'), memo.get('gamma'), memo.get('delta')]).toEqual([undefined, 3, 5]);
	});
});
