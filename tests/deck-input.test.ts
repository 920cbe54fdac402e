/**
 * One assembler of deck input: `npm run decks` (and the build) and the browser builder give the
 * deck engine the same input for the same briefing, so their decks are the same deck.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../src/builder/briefing.ts';
import { builderDeckInput } from '../src/builder/deck.ts';
import { builderDetails, builderIndex, publishBriefing } from '../src/builder/library.ts';
import { draftFromValue } from '../src/builder/share.ts';
import { receivedLibrary } from './fixtures/builder.ts';
import type { BuilderIndex, BuilderLibrary, LibraryView } from '../src/builder/types.ts';
import { deckInputs } from '../src/integrations/decks.ts';
import {
	anyIndustryName,
	assembleDeckInput,
	pngLogo,
	prospectIndustryName,
} from '../src/library/deck-input.ts';
import { loadLibrary } from '../src/library/load.ts';

const root = path.resolve(import.meta.dirname, '..');
const library = await loadLibrary({ root });
const brand = library.brand!;
const taxonomy = library.taxonomy!;
const logoPng = new Uint8Array(await readFile(path.join(root, 'public', brand.logo.png)));

/** The builder's whole library as the browser would receive it (through JSON, published insights only). */
const published: BuilderLibrary = receivedLibrary(library);

/** The builder's data as the browser receives it in pieces: the index, the details files. */
const publishedEntries = library.insights.filter((entry) => entry.data.status === 'published');
const index: BuilderIndex = JSON.parse(
	JSON.stringify(builderIndex({ insights: publishedEntries, taxonomy, brand })),
);
const details: BuilderLibrary['insights'] = JSON.parse(
	JSON.stringify(builderDetails({ insights: publishedEntries })),
).flat();

describe('deck input', () => {
	it('the library has example briefings to compare', () => {
		expect(library.briefings.length).toBeGreaterThan(1);
		expect(library.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
	});

	for (const { id } of library.briefings) {
		it(`the CLI and the browser builder give the same input for ${id}`, async () => {
			const cli = (await deckInputs(library, [id], undefined)).get(id)!;
			const example = published.briefings.find((entry) => entry.id === id)!;
			const check = checkDraft(draftFromValue(example.data), published);
			expect(check.issues).toEqual([]);
			const browser = builderDeckInput(published, check.briefing!, logoPng);
			expect(browser).toEqual(cli);
			expect(browser.logo?.dataUrl).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
			expect(browser.insights.every((insight) => insight.talkTrack.length > 0)).toBe(true);
		});
	}

	for (const briefing of library.briefings) {
		it(`the builder's index and details files give the same input for ${briefing.id}`, async () => {
			const cli = (await deckInputs(library, [briefing.id], undefined)).get(briefing.id)!;
			const example = JSON.parse(JSON.stringify(publishBriefing(briefing)));
			const view: LibraryView = { ...index, briefings: [example] };
			const draft = draftFromValue(example.data);
			const check = checkDraft(draft, view);
			expect(check).toEqual(checkDraft(draft, published));
			// Only the briefing's own insights, whole, as the builder fetches them when added.
			const own = details.filter((entry) => draft.insights.includes(entry.id));
			expect(own).toHaveLength(draft.insights.length);
			const browser = builderDeckInput({ ...view, insights: own }, check.briefing!, logoPng);
			expect(browser).toEqual(cli);
		});
	}

	it('names the industry the same way everywhere', () => {
		const named = taxonomy.industries[0]!;
		expect(prospectIndustryName(named.id, taxonomy)).toBe(named.name);
		expect(prospectIndustryName('cross-industry', taxonomy)).toBe(anyIndustryName);
		expect(prospectIndustryName('not-listed', taxonomy)).toBe('not-listed');
	});

	it('encodes the logo bytes as a PNG data URL with the brand aspect ratio', () => {
		const logo = pngLogo(logoPng, brand);
		expect(logo.aspectRatio).toBe(brand.logo.aspectRatio);
		expect(Buffer.from(logo.dataUrl.split(',')[1]!, 'base64')).toEqual(Buffer.from(logoPng));
	});

	it('refuses an insight that is missing or a draft, naming the file', () => {
		const briefing = library.briefings[0]!;
		const draft = library.insights.find((entry) => entry.data.status === 'draft');
		const insights = new Map(library.insights.map((entry) => [entry.id, entry]));
		const sources = { insights, taxonomy, brand, logoPng, modified: new Date(0), file: 'b.yaml' };
		expect(() =>
			assembleDeckInput({
				...sources,
				briefing: { ...briefing.data, insights: [...briefing.data.insights, 'no-such-insight'] },
			}),
		).toThrow('b.yaml: insight "no-such-insight" is not a published insight');
		if (draft) {
			expect(() =>
				assembleDeckInput({
					...sources,
					briefing: { ...briefing.data, insights: [draft.id, ...briefing.data.insights] },
				}),
			).toThrow(`insight "${draft.id}" is not a published insight`);
		}
	});
});
