/**
 * Builds decks on worker threads for `buildDecks` (decks.ts). The threads can be started before
 * the decks' inputs exist, so each loads the deck engine, and parses the insight texts the main
 * thread reads, while the library is still being loaded; a thread that cannot start hands its
 * work back to the main thread.
 */
import { Worker } from 'node:worker_threads';
import type { DeckInput, PdfFonts } from '../deck/index.ts';
import type {
	InsightFileRead,
	InsightParser,
	InsightText,
	ReadInsightOptions,
} from '../library/insight-file.ts';
import type { BriefingPreview } from '../site/briefing-preview.ts';
import { SharedValuesSent } from './deck-input-shares.ts';
import { typescriptThread } from './typescript-thread.ts';

/** What building one deck gave; `audit` holds the deck audit's findings (`id: slide N: rule: ...`). */
export type DeckOutcome = {
	bytes?: Uint8Array;
	pdf?: Uint8Array;
	error?: string;
	warnings?: string[];
	audit?: string[];
	/** The briefing page's preview, when the threads were asked for previews (the site build). */
	preview?: BriefingPreview;
	ms: number;
};

/** A worker's answer for one deck (decks-worker.ts). */
type WorkerReply = Omit<DeckOutcome, 'ms'> & { id: string };

/** Called with each deck as it is built, one at a time, in the order they finish. */
export type OnDeck = (id: string, outcome: DeckOutcome) => Promise<void>;

/** One deck built in this thread. */
async function buildHere(
	id: string,
	input: DeckInput,
	pdfFonts: PdfFonts | undefined,
): Promise<DeckOutcome> {
	const started = performance.now();
	try {
		const { buildAuditedDeck } = await import('./audited-deck.ts');
		const deck = await buildAuditedDeck(id, input, pdfFonts);
		return { ...deck, ms: performance.now() - started };
	} catch (error) {
		return {
			error: error instanceof Error ? error.message : String(error),
			ms: performance.now() - started,
		};
	}
}

/** A worker thread as started: online once its first message could be handled, or failed. */
interface Thread {
	worker?: Worker;
	/** Why the thread cannot build decks (it failed to start or crashed before its first deck). */
	failed?: Error;
	/** Settles when the thread is online or has failed. */
	ready: Promise<void>;
	/** Insight texts sent to the thread and not yet answered, by request number. */
	parsing: Map<
		number,
		{ texts: InsightText[]; options: ReadInsightOptions; done: (reads: InsightFileRead[]) => void }
	>;
	/** How many texts those requests hold (the next request goes to the least busy thread). */
	queued: number;
}

/** A thread's answer to texts sent to parse (decks-worker.ts). */
type ParseReply = { seq: number; reads?: InsightFileRead[]; unparsed?: string };

/** Parses texts in this thread: for a thread that cannot (the parser loads when first needed). */
const parseHere = async (texts: InsightText[], options: ReadInsightOptions) => {
	const { parsedInsightFile } = await import('../library/insight-parsed.ts');
	return texts.map(({ file, source }) => parsedInsightFile(file, source, options));
};

/**
 * A deck thread's heap limits: a larger young generation (a deck allocates a few MB of short-lived
 * strings and arrays, and fewer scavenges save about 3% of a batch's CPU). The bench's threads
 * take the same (bench/decks.ts).
 */
export const deckThreadLimits = { maxYoungGenerationSizeMb: 64 };

/** Options for {@link DeckWorkers}. */
export interface DeckWorkersOptions {
	/** The site build's deck-preview.ts: each deck's outcome also holds its briefing page's preview. */
	previewModule?: URL;
	/** The threads run at background priority (thread-priority.ts): the site build's, beside Astro. */
	background?: boolean;
}

/** How long {@link DeckWorkers.close} waits for a thread to exit before terminating it. */
const closeWait = 2000;

/** What scripts/lib/bundled-cli.mjs tells the CLI it runs from: the bundle file and its entry. */
type CliBundle = { file: string; entry: string };

/**
 * Starts one deck thread. Under `npm run decks` (the CLI's bundle) the thread runs that bundle
 * (decks-worker-bundled.mjs); elsewhere (the site build, tests, the CLI from its sources) it loads
 * decks-worker.ts from its sources. `keepCodeCache`: this thread writes the bundle's thread code
 * cache when it has none.
 */
function startWorker(
	keepCodeCache: boolean,
	{ previewModule, background }: DeckWorkersOptions,
): Worker {
	const bundle = (globalThis as Record<symbol, CliBundle | undefined>)[
		Symbol.for('insight-briefings.cli-bundle-file')
	];
	return bundle
		? new Worker(new URL('./decks-worker-bundled.mjs', import.meta.url), {
				workerData: { bundle, keepCodeCache },
				resourceLimits: deckThreadLimits,
			})
		: typescriptThread(new URL('./decks-worker.ts', import.meta.url), {
				resourceLimits: deckThreadLimits,
				workerData: { previewModule: previewModule?.href, background },
			});
}

/** Worker threads for a batch of decks, started ahead of the decks' inputs. */
export class DeckWorkers {
	readonly #threads: Thread[];
	#seq = 0;

	/** Starts `count` threads; each loads the deck engine at once. */
	constructor(count: number, options: DeckWorkersOptions = {}) {
		this.#threads = Array.from({ length: count }, (_, index) => {
			const thread: Thread = { ready: Promise.resolve(), parsing: new Map(), queued: 0 };
			try {
				const worker = startWorker(index === 0, options);
				thread.worker = worker;
				worker.on('message', (reply: ParseReply | object) => {
					if (!('seq' in reply)) return;
					const request = thread.parsing.get(reply.seq);
					thread.parsing.delete(reply.seq);
					if (!request) return;
					if (reply.reads) request.done(reply.reads);
					else void parseHere(request.texts, request.options).then(request.done);
				});
				// A thread that fails or stops leaves the texts it had to this thread.
				const giveBack = (error: Error) => {
					thread.failed ??= error;
					for (const request of thread.parsing.values())
						void parseHere(request.texts, request.options).then(request.done);
					thread.parsing.clear();
				};
				worker.on('error', giveBack);
				worker.on('exit', (code) => giveBack(new Error(`the thread stopped (exit code ${code})`)));
				thread.ready = new Promise<void>((resolve) => {
					worker.once('online', () => resolve());
					worker.once('error', (error) => {
						thread.failed ??= error;
						resolve();
					});
				});
			} catch (error) {
				thread.failed = error instanceof Error ? error : new Error(String(error));
			}
			return thread;
		});
	}

	/** How many threads were asked for. */
	get size(): number {
		return this.#threads.length;
	}

	/**
	 * Parses insight texts on the least busy thread, while the threads load the engine (a thread
	 * that cannot parses them here). For `loadBriefingLibrary`, which reads the files.
	 */
	parseInsights: InsightParser = async (texts, options) => {
		let thread: Thread | undefined;
		for (const candidate of this.#threads)
			if (candidate.worker && !candidate.failed && (!thread || candidate.queued < thread.queued))
				thread = candidate;
		if (!thread?.worker) return parseHere(texts, options);
		const seq = this.#seq++;
		thread.queued += texts.length;
		const reads = await new Promise<InsightFileRead[]>((done) => {
			thread.parsing.set(seq, { texts, options, done });
			thread.worker!.postMessage({ parse: { seq, texts, options } });
		});
		thread.queued -= texts.length;
		return reads;
	};

	/**
	 * Stops every thread (idempotent); call when the batch is refused or done. Each is asked to
	 * exit first (a thread started from the CLI's bundle may keep its code cache then) and
	 * terminated when it has not within {@link closeWait} ms.
	 */
	async close(): Promise<void> {
		await Promise.all(
			this.#threads.map(async ({ worker }) => {
				if (!worker) return;
				const exited = new Promise<void>((resolve) => {
					worker.once('exit', () => resolve());
					setTimeout(resolve, closeWait).unref();
				});
				try {
					worker.postMessage({ close: true });
				} catch {
					// Already stopped.
				}
				await exited;
				await worker.terminate();
			}),
		);
	}

	/**
	 * Builds every deck of `inputs`, handing each outcome to `onDeck`. A thread that fails gives its
	 * current deck back to the queue and its share of the work to this thread (noted with `note`).
	 */
	async build(
		inputs: ReadonlyMap<string, DeckInput>,
		onDeck: OnDeck,
		note: (line: string) => void,
		pdfFonts: PdfFonts | undefined,
	): Promise<void> {
		const queue = [...inputs.keys()];
		let reported = Promise.resolve();
		const report = (id: string, outcome: DeckOutcome) =>
			(reported = reported.then(() => onDeck(id, outcome)));
		const inProcess = async () => {
			for (let id = queue.shift(); id !== undefined; id = queue.shift())
				await report(id, await buildHere(id, inputs.get(id)!, pdfFonts));
		};
		const drive = async (thread: Thread) => {
			await thread.ready;
			const worker = thread.worker;
			if (!worker || thread.failed) {
				note(
					`  (a worker thread failed: ${thread.failed?.message ?? 'it did not start'}; building in the main thread)`,
				);
				return inProcess();
			}
			// The brand, logo and template go to a thread once (deck-input-shares.ts).
			const sent = new SharedValuesSent();
			await new Promise<void>((resolve) => {
				// Decks sent and not yet answered, in order (the thread builds them in that order). A
				// thread is sent its next deck before it answers, so it never waits for this thread to
				// hear its answer; only while every thread can still get one, so no thread ends the
				// batch with a deck another could have built.
				const sentDecks: Array<{ id: string; started: number }> = [];
				// The fonts go with a thread's first deck only: they are the same for every deck.
				let fonts = pdfFonts;
				const send = () => {
					const id = queue.shift();
					if (id === undefined) return false;
					sentDecks.push({ id, started: performance.now() });
					const input = sent.split(inputs.get(id)!);
					worker.postMessage({ id, input, ...(fonts ? { pdfFonts: fonts } : {}) });
					fonts = undefined;
					return true;
				};
				const fill = () => {
					if (!sentDecks.length) send();
					if (sentDecks.length === 1 && queue.length >= this.#threads.length) send();
					if (!sentDecks.length) resolve();
				};
				worker.on('message', (reply: WorkerReply | ParseReply) => {
					if ('seq' in reply) return;
					const done = sentDecks.shift();
					// A deck's time runs from when the thread could start it: sent, or its previous one done.
					const ms = done ? performance.now() - done.started : 0;
					if (sentDecks[0])
						sentDecks[0].started = Math.max(sentDecks[0].started, performance.now());
					const { id, ...outcome } = reply;
					void report(id, { ...outcome, ms });
					fill();
				});
				worker.once('error', (error) => {
					// A thread that cannot run (e.g. no TypeScript support) hands its decks back to this thread.
					note(`  (a worker thread failed: ${error.message}; building in the main thread)`);
					queue.unshift(...sentDecks.splice(0).map(({ id }) => id));
					void inProcess().then(resolve);
				});
				fill();
			});
		};
		if (!this.#threads.length) await inProcess();
		else await Promise.all(this.#threads.map(drive));
		await reported;
	}
}

/** Builds every deck of `inputs` in this thread (one job, or a single deck). */
export async function buildInThisThread(
	inputs: ReadonlyMap<string, DeckInput>,
	onDeck: OnDeck,
	pdfFonts: PdfFonts | undefined,
): Promise<void> {
	for (const [id, input] of inputs) await onDeck(id, await buildHere(id, input, pdfFonts));
}
