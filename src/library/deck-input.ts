/**
 * One assembler of the deck engine's input: a briefing plus the library (its insights with talk
 * tracks, the taxonomy, the brand and the logo's bytes) in, a `DeckInput` out. `npm run decks`,
 * the build's deck step and the browser builder all call it, so the same briefing gives the same
 * deck wherever it is made. Pure: callers read the logo (from disk or over HTTP) and pass its bytes.
 */
import type { DeckInput, DeckInsight, DeckLogo } from '../deck/types.ts';
import type { Brand } from '../schema/brand.ts';
import type { Briefing } from '../schema/briefing.ts';
import { crossIndustry } from '../schema/cross-industry.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';

/** What fills `{industry}` when the prospect's industry is the built-in cross-industry id. */
export const anyIndustryName = 'your industry';

/**
 * The prospect's industry as slides and briefing pages say it (the `{industry}` token): its
 * taxonomy name; "your industry" for `cross-industry`; the id itself for an id the taxonomy lacks
 * (the library rules refuse such briefings, so this only keeps a half-typed draft readable).
 */
export function prospectIndustryName(id: string, taxonomy: Pick<Taxonomy, 'industries'>): string {
	if (id === crossIndustry) return anyIndustryName;
	return taxonomy.industries.find((entry) => entry.id === id)?.name ?? id;
}

/**
 * Logos already made: a batch of decks shares one logo's bytes, encoded once, and one logo
 * object, so a deck thread is sent it once (src/integrations/deck-input-shares.ts).
 */
const logos = new WeakMap<Uint8Array, DeckLogo>();

/** A PNG logo for the masters, from its bytes. */
export function pngLogo(bytes: Uint8Array, brand: Brand): DeckLogo {
	const made = logos.get(bytes);
	if (made?.aspectRatio === brand.logo.aspectRatio) return made;
	let dataUrl = made?.dataUrl;
	if (dataUrl === undefined) {
		// btoa exists in browsers and in Node; chunks keep the argument list within engine limits.
		let binary = '';
		for (let i = 0; i < bytes.length; i += 0x8000)
			binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
		dataUrl = `data:image/png;base64,${btoa(binary)}`;
	}
	const logo = { dataUrl, aspectRatio: brand.logo.aspectRatio };
	logos.set(bytes, logo);
	return logo;
}

/** Everything {@link assembleDeckInput} reads. */
export interface DeckSources {
	/** The validated briefing. */
	briefing: Briefing;
	/** Insights by id (the library's, drafts included: they are refused here). */
	insights: ReadonlyMap<string, DeckInsight>;
	/** Industries, for the `{industry}` name. */
	taxonomy: Pick<Taxonomy, 'industries'>;
	/** The brand. */
	brand: Brand;
	/** The logo's PNG bytes (`brand.logo.png`). */
	logoPng: Uint8Array;
	/** The company template's bytes (`brand.template`), when the brand names one. */
	template?: Uint8Array;
	/** When the deck was made (see `deckTimestamp`). */
	modified: Date;
	/** Names the briefing in errors, e.g. `content/briefings/acme.yaml`. */
	file?: string;
}

/** The deck engine's input for one briefing. */
export function assembleDeckInput(sources: DeckSources): DeckInput {
	const { briefing, brand, file = 'briefing' } = sources;
	return {
		briefing,
		insights: briefing.insights.map((id) => {
			const entry = sources.insights.get(id);
			// The library rules check this first; repeated so a draft can never reach a deck.
			if (!entry || entry.data.status !== 'published') {
				throw new Error(`${file}: insight "${id}" is not a published insight`);
			}
			return { id: entry.id, data: entry.data, talkTrack: entry.talkTrack };
		}),
		industryName: prospectIndustryName(briefing.prospect.industry, sources.taxonomy),
		brand,
		logo: pngLogo(sources.logoPng, brand),
		...(sources.template ? { template: sources.template } : {}),
		modified: sources.modified,
	};
}
