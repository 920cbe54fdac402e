/**
 * The deck engine: a briefing, its insights and the brand in, a `.pptx` out. Pure (no file system,
 * no Astro, no `process`), so it runs in Node, in worker threads and in the browser builder.
 *
 *   briefing + insights + brand -> plan/ -> scene -> pptx/ (and svg/, pdf/)
 *
 *   const bytes = await buildDeck({ briefing, insights, industryName, brand, logo, modified });
 */
import { planDeck } from './plan/index.ts';
import type { PdfFonts } from './pdf/index.ts';
import { writePptx, writePptxParts, type PptxOptions } from './pptx/index.ts';
import { isoDate } from '../schema/iso-date.ts';
import type { Scene } from './scene.ts';
import type { DeckInput } from './types.ts';

export type { DeckInput, DeckInsight, DeckLogo } from './types.ts';
export type * from './scene.ts';
/** A planned deck: the scene every writer draws. */
export type DeckPlan = Scene;
export { planDeck } from './plan/index.ts';
export { writePptx, PPTX_MIME, type PptxOptions } from './pptx/index.ts';
export type { RawDeflate } from './pptx/deflate.ts';
export type { PdfFonts } from './pdf/index.ts';
export { deckTimestamp, audienceRoles, tokenValues } from './format.ts';
export {
	fitText,
	layoutText,
	textWidth,
	faceFor,
	type Box,
	type FitOptions,
	type FittedText,
} from './text.ts';
export { packageProblems, xmlProblems, relationships, resolveTarget } from './pptx/problems.ts';
export { xmlError, escapeXml } from './xml.ts';

/** A built deck and the plan it was built from. */
export interface BuiltDeck {
	bytes: Uint8Array;
	plan: DeckPlan;
}

/**
 * The engine builds only what a briefing may hold: published insights, current on the meeting
 * date. Callers check this first with friendlier messages; this guard keeps any caller honest.
 */
function assertPresentable({ briefing, insights }: DeckInput): void {
	for (const insight of insights) {
		if (insight.data.status !== 'published') {
			throw new Error(`insight "${insight.id}" is a draft: a deck takes only published insights`);
		}
		if (insight.data.expires && insight.data.expires < briefing.date) {
			throw new Error(
				`insight "${insight.id}" expired on ${isoDate(insight.data.expires)}, before the briefing date ${isoDate(briefing.date)}`,
			);
		}
	}
}

/** Builds the deck and returns it with its plan (slide titles, layout report). */
export async function buildDeckWithPlan(input: DeckInput): Promise<BuiltDeck> {
	assertPresentable(input);
	const plan = planDeck(input);
	return { bytes: await writePptx(plan), plan };
}

/**
 * A deck's files: the .pptx (and its parts, to audit it without unzipping), the PDF leave-behind
 * when fonts for it were given, and the plan.
 */
export interface BuiltDeckFiles extends BuiltDeck {
	parts: ReadonlyMap<string, Uint8Array>;
	pdf?: Uint8Array;
}

/**
 * Builds the .pptx and, given `pdfFonts`, the PDF of the same scene (planned once); `deflate`
 * compresses the .pptx's parts and `reader` reads them as they are checked (see {@link PptxOptions}).
 */
export async function buildDeckFiles(
	input: DeckInput,
	options: { pdfFonts?: PdfFonts } & PptxOptions = {},
): Promise<BuiltDeckFiles> {
	assertPresentable(input);
	const plan = planDeck(input);
	const { bytes, parts } = await writePptxParts(plan, {
		...(options.deflate ? { deflate: options.deflate } : {}),
		...(options.reader ? { reader: options.reader } : {}),
	});
	// Loaded only when asked for: the builder's .pptx download does not carry the PDF engine.
	const pdf = options.pdfFonts
		? await (await import('./pdf/index.ts')).writePdf(plan, options.pdfFonts)
		: undefined;
	return pdf ? { bytes, parts, pdf, plan } : { bytes, parts, plan };
}

/** Builds a briefing's deck: the bytes of a `.pptx` file, identical for identical input. */
export async function buildDeck(input: DeckInput): Promise<Uint8Array> {
	return (await buildDeckWithPlan(input)).bytes;
}
