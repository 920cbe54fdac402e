/**
 * One deck of a batch, built and audited the same way wherever it is built: in a deck thread
 * (decks-worker.ts) or in the main thread when no thread can (deck-workers.ts). Its parts are
 * compressed by node:zlib (native-deflate.ts) and checked by the deck audit (accessibility and
 * package rules) before the bytes leave the thread.
 */
import { auditDeck, auditReader, formatFindings } from '../deck/audit/index.ts';
import { buildDeckFiles, type DeckInput, type DeckPlan, type PdfFonts } from '../deck/index.ts';
import { nativeDeflate } from './native-deflate.ts';

/** A built deck: its .pptx, its PDF when fonts were given, the plan's warnings, the audit's findings. */
export interface AuditedDeck {
	bytes: Uint8Array;
	pdf?: Uint8Array;
	/** The plan's warnings and the text it could not fit (`text may not fit: ...`). */
	warnings: string[];
	/** The deck audit's findings (`id: slide N: rule: ...`). */
	audit: string[];
	/** The scene the deck was drawn from. */
	plan: DeckPlan;
}

/** Builds and audits the deck `id`; throws what building it threw. */
export async function buildAuditedDeck(
	id: string,
	input: DeckInput,
	pdfFonts: PdfFonts | undefined,
): Promise<AuditedDeck> {
	// The audit's trees of the parts it reads are built while the writer checks them.
	const { bytes, parts, pdf, plan } = await buildDeckFiles(input, {
		pdfFonts,
		deflate: nativeDeflate,
		reader: auditReader,
	});
	const warnings = [
		...plan.warnings,
		...plan.overflows.map((overflow) => `text may not fit: ${overflow}`),
	];
	return { bytes, pdf, warnings, audit: formatFindings(id, auditDeck(parts)), plan };
}
