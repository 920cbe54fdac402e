/**
 * Decks built in Node compress their parts with node:zlib (src/integrations/native-deflate.ts),
 * the browser builder with the engine's JavaScript DEFLATE: the two .pptx files differ in their
 * compressed bytes only. Every part, embedded chart workbooks' parts included, is the same, in the
 * same order, and each compressor gives the same bytes for the same input.
 */
import { describe, expect, it } from 'vitest';
import { buildDeckFiles } from '../src/deck/index.ts';
import { nativeDeflate } from '../src/integrations/native-deflate.ts';
import { maxInput, sampleInput } from './fixtures/decks/inputs.ts';
import { zipParts } from './fixtures/decks/read.ts';

describe('decks compressed with node:zlib', () => {
	for (const [name, input] of [
		['the sample deck (charts and their workbooks)', sampleInput],
		['a deck at every field maximum', maxInput],
	] as const) {
		it(`hold the same parts as the JavaScript DEFLATE's: ${name}`, async () => {
			const js = await buildDeckFiles(input());
			const native = await buildDeckFiles(input(), { deflate: nativeDeflate });
			expect(Buffer.from(native.bytes).equals(Buffer.from(js.bytes))).toBe(false);
			const jsEntries = zipParts(js.bytes);
			if (name.includes('charts'))
				expect(jsEntries.some(([entry]) => entry.includes('.xlsx!'))).toBe(true);
			expect(zipParts(native.bytes)).toEqual(jsEntries);
			// The parts handed to the audit are the same too (workbooks aside, which are zips).
			expect([...native.parts.keys()]).toEqual([...js.parts.keys()]);
			for (const [part, bytes] of js.parts)
				if (!part.endsWith('.xlsx'))
					expect(Buffer.from(native.parts.get(part)!).equals(Buffer.from(bytes))).toBe(true);
			// Again, in the same process (its constant parts now come from the cache): the same bytes.
			const again = await buildDeckFiles(input(), { deflate: nativeDeflate });
			expect(Buffer.from(again.bytes).equals(Buffer.from(native.bytes))).toBe(true);
		});
	}
});
