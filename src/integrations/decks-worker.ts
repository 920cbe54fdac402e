/**
 * Worker thread for `buildDecks` (src/integrations/decks.ts): builds one deck per message and
 * hands the bytes back without copying them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { auditDeck, formatFindings } from '../deck/audit/index.ts';
import { buildDeckFiles, type DeckInput, type PdfFonts } from '../deck/index.ts';

const pdfFonts = (workerData as { pdfFonts?: PdfFonts } | null)?.pdfFonts;

parentPort?.on('message', async ({ id, input }: { id: string; input: DeckInput }) => {
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
