/**
 * Worker thread for `buildDecks` (src/integrations/decks.ts): parses insight files' texts the
 * main thread read (and did not find in the content cache) while the batch loads its content,
 * then builds one deck per message, in the order they came (the main thread sends the next deck
 * before this one is done), and hands the bytes back without copying them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DeckInput, PdfFonts } from '../deck/index.ts';
import type { InsightText, ReadInsightOptions } from '../library/insight-file.ts';
import { SharedValuesKept, type SharedDeckInput } from './deck-input-shares.ts';
import { runInBackground } from './thread-priority.ts';

// The thread starts with the compile cache on (thread-entry.mjs, or decks-worker-bundled.mjs when
// it falls back to this file), so the engine's modules come stripped and compiled from it. The
// engine starts loading at once, while the thread may be parsing insight files.
const engine = import('./audited-deck.ts');

/**
 * The site build also asks for each briefing page's preview, drawn from the deck's own scene
 * (deck-preview.ts, named by URL so the CLI's bundle does not carry it): the page then does not
 * plan the deck again on Astro's thread. It also asks for background priority (`background`).
 */
const { previewModule, background } =
	(workerData as { previewModule?: string; background?: boolean } | null) ?? {};
const previews = previewModule
	? (import(previewModule) as Promise<typeof import('./deck-preview.ts')>)
	: undefined;

// The site build's decks wait for Astro, not Astro for them (thread-priority.ts).
if (background) runInBackground();

/** The PDF fonts come with the first deck (the thread starts before they are read). */
let pdfFonts: PdfFonts | undefined;
/** The brand, logo and template the decks share, sent once (deck-input-shares.ts). */
const shared = new SharedValuesKept();
/** The decks received and not yet built settle in order: one is built at a time. */
let building = Promise.resolve();

/**
 * A deck to build, insight texts to parse (`parse`: answered with their reads, in order), or the
 * end of the batch (`close`: the thread exits).
 */
type Message =
	| { id: string; input: SharedDeckInput; pdfFonts?: PdfFonts }
	| { parse: { seq: number; texts: InsightText[]; options: ReadInsightOptions } }
	| { close: true };

/** Parses insight texts and answers with their reads, or `unparsed` when that failed. */
async function parseTexts({ seq, texts, options }: Extract<Message, { parse: unknown }>['parse']) {
	try {
		const { parsedInsightFile } = await import('../library/insight-parsed.ts');
		const reads = texts.map(({ file, source }) => parsedInsightFile(file, source, options));
		parentPort?.postMessage({ seq, reads });
	} catch (error) {
		parentPort?.postMessage({
			seq,
			unparsed: error instanceof Error ? error.message : String(error),
		});
	}
}

/**
 * Builds one deck and posts its bytes, or why it could not be built (`input` is what made its
 * input whole threw, when that failed).
 */
async function buildDeck(id: string, input: DeckInput | Error, fonts: PdfFonts | undefined) {
	try {
		if (input instanceof Error) throw input;
		const { buildAuditedDeck } = await engine;
		const { bytes, pdf, warnings, audit, plan } = await buildAuditedDeck(id, input, fonts);
		const preview = previews && (await previews).deckPreview(input, plan);
		const transfer = [bytes.buffer as ArrayBuffer, ...(pdf ? [pdf.buffer as ArrayBuffer] : [])];
		parentPort?.postMessage({ id, bytes, pdf, warnings, audit, preview }, transfer);
	} catch (error) {
		parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
}

parentPort?.on('message', (message: Message) => {
	if ('close' in message) {
		// The batch is done: the thread started from the CLI's bundle may keep its code cache first.
		(globalThis as Record<symbol, { beforeClose?: () => void } | undefined>)[
			Symbol.for('insight-briefings.decks-thread')
		]?.beforeClose?.();
		process.exit(0);
	}
	if ('parse' in message) return parseTexts(message.parse);
	const { id } = message;
	const fonts = (pdfFonts = message.pdfFonts ?? pdfFonts);
	// Made whole now, in the order sent: a value later decks share comes with the first of them.
	let input: DeckInput | Error;
	try {
		input = shared.join(message.input);
	} catch (error) {
		input = error instanceof Error ? error : new Error(String(error));
	}
	building = building.then(() => buildDeck(id, input, fonts));
});
