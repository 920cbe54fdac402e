/**
 * Worker thread for `buildDecks` (src/integrations/decks.ts): builds one deck per message and
 * hands the bytes back without copying them.
 */
import module from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { DeckInput, PdfFonts } from '../deck/index.ts';

// A worker thread does not share the main thread's compile cache: asked for here, the engine's
// modules come stripped and compiled from it (tmpdir/node-compile-cache) instead of being
// stripped again by every worker. The engine is imported after this call for that reason.
module.enableCompileCache?.();
const { auditDeck, formatFindings } = await import('../deck/audit/index.ts');
const { buildDeckFiles } = await import('../deck/index.ts');

/** The PDF fonts come with the first deck (the thread starts before they are read). */
let pdfFonts: PdfFonts | undefined;

type Message = { id: string; input: DeckInput; pdfFonts?: PdfFonts };

parentPort?.on('message', async ({ id, input, pdfFonts: fonts }: Message) => {
	pdfFonts = fonts ?? pdfFonts;
	try {
		const { bytes, parts, pdf, plan } = await buildDeckFiles(input, { pdfFonts });
		const warnings = [
			...plan.warnings,
			...plan.overflows.map((overflow) => `text may not fit: ${overflow}`),
		];
		const transfer = [bytes.buffer as ArrayBuffer, ...(pdf ? [pdf.buffer as ArrayBuffer] : [])];
		// The deck audit (accessibility and package rules) runs here, off the main thread.
		const audit = formatFindings(id, auditDeck(parts));
		parentPort?.postMessage({ id, bytes, pdf, warnings, audit }, transfer);
	} catch (error) {
		parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
});
