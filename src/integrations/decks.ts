/**
 * Builds briefing decks from the library on disk: for `npm run decks` and for the Astro build's
 * after-build step. Checks the content each deck depends on first (nothing is built from broken
 * content), builds on every core with worker threads, and writes each file atomically: a deck
 * that fails leaves no file, and decks built earlier stay as they were.
 */
import { statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
// The deck engine itself loads only where decks are built (deck-workers.ts): the site's config
// imports this module, and Astro should not wait for pptxgenjs before it starts.
import { deckTimestamp } from '../deck/format.ts';
import type { DeckInput, PdfFonts } from '../deck/index.ts';
import { didYouMean, formatIssue, type ContentIssue } from '../library/issues.ts';
import { contentPaths, errorsOf, loadBriefingLibrary, type Library } from '../library/load.ts';
import { assembleDeckInput } from '../library/deck-input.ts';
import { listFiles } from '../library/files.ts';
import type { ParseMemo, SplitParseMemo } from '../library/parse-memo.ts';
import { plural } from '../library/plural.ts';
import { dropBriefingPreviews, keepBriefingPreview } from './briefing-previews.ts';
import { buildInThisThread, DeckWorkers, type OnDeck } from './deck-workers.ts';
import type { BuildStep } from './library.ts';
import {
	copyAtomically,
	makeFolder,
	orphanDecks,
	outDirProblem,
	sweepTempFiles,
	writeAtomically,
} from './output-folder.ts';
import { loadPdfFonts } from './pdf-fonts.ts';

// The CLI imports these through this module (one dynamic import after the compile cache is on).
export {
	outDirProblem,
	removeTempFiles,
	removeTempFilesOnSignals,
	writeAtomically,
} from './output-folder.ts';

/** Options for {@link buildDecks}. */
export interface BuildDecksOptions {
	/** Project root (content/, public/). */
	root: string;
	/** Directory the decks are written to (created when missing). */
	outDir: string;
	/** Briefing ids to build; all briefings when empty or missing. */
	ids?: string[];
	/** Parallel builds (default: the cores available, at most one per deck). */
	jobs?: number;
	/** `SOURCE_DATE_EPOCH` (default: the environment's). */
	sourceDateEpoch?: string;
	/** Where progress lines go. */
	log?: (line: string) => void;
	/** The library, when the caller has loaded it already (the build has). */
	library?: Library;
	/** How `outDir` is named in progress lines (the build stages decks elsewhere first). */
	label?: string;
	/** Remove decks in `outDir` that no briefing produces (otherwise they are only named). */
	prune?: boolean;
	/** Also write each deck's PDF leave-behind, `<id>.pdf`, next to its `<id>.pptx`. */
	pdf?: boolean;
	/** Content files' parse results kept between runs (the CLI's content cache; a batch parses on
	 * threads what it does not find there when it can look up and keep results apart). */
	memo?: ParseMemo & Partial<SplitParseMemo>;
	/** Worker threads started earlier to build on (closed when done); otherwise started here. */
	workers?: DeckWorkers;
}

/** One deck that was written. */
export interface BuiltDeckFile {
	id: string;
	file: string;
	bytes: number;
	ms: number;
	/** The PDF leave-behind, when asked for. */
	pdf?: { file: string; bytes: number };
}

/** What {@link buildDecks} did. */
export interface BuildDecksResult {
	/** Decks written. */
	built: BuiltDeckFile[];
	/** Decks that failed to build or write, with the reason. */
	failed: Array<{ id: string; error: string }>;
	/** Problems that stopped everything before a deck was built (content errors, unknown ids). */
	refused: string[];
	/** Decks in the output folder that no briefing produces (removed with `prune`). */
	orphans: string[];
	/** True when nothing went wrong. */
	ok: boolean;
}

/** The ids of every briefing file, including those whose content is broken. */
export function briefingIds(library: Library): string[] {
	const ids = new Set(library.briefings.map((briefing) => briefing.id));
	const prefix = `${contentPaths.briefings}/`;
	for (const issue of library.issues) {
		if (issue.file.startsWith(prefix)) ids.add(path.basename(issue.file).replace(/\.ya?ml$/, ''));
	}
	return [...ids].sort();
}

/** The content errors that affect the decks of `ids`: their files, their insights, brand and taxonomy. */
export function deckIssues(library: Library, ids: readonly string[]): ContentIssue[] {
	const files = new Set<string>([contentPaths.brand, contentPaths.taxonomy]);
	for (const id of ids) {
		files.add(`${contentPaths.briefings}/${id}.yaml`);
		files.add(`${contentPaths.briefings}/${id}.yml`);
		const briefing = library.briefings.find((entry) => entry.id === id);
		for (const insight of briefing?.data.insights ?? [])
			files.add(`${contentPaths.insights}/${insight}.mdx`);
	}
	const issues = errorsOf(library).filter((issue) => files.has(issue.file));
	if (!library.brand && !issues.some((issue) => issue.file === contentPaths.brand)) {
		issues.push({
			file: contentPaths.brand,
			field: '',
			message: 'a valid brand file (decks need it)',
			severity: 'error',
			rule: 'brand',
		});
	}
	return issues;
}

/** The deck inputs for `ids`, from a library without errors in them. */
export async function deckInputs(
	library: Library,
	ids: readonly string[],
	sourceDateEpoch: string | undefined,
): Promise<Map<string, DeckInput>> {
	const brand = library.brand;
	if (!brand) throw new Error(`${contentPaths.brand}: the brand is missing or broken`);
	const logoPng = await readFile(path.join(library.root, 'public', brand.logo.png));
	// The company template, read once; `npm run check` has reported it already if it is unusable.
	const templateFile = brand.template
		? await (await import('../library/template.ts')).readTemplateFile(library.root, brand.template)
		: undefined;
	if (templateFile && 'problem' in templateFile) {
		throw new Error(
			`${contentPaths.brand}: template: public/${brand.template}: ${templateFile.problem}`,
		);
	}
	const template = templateFile?.bytes;
	const insights = new Map(library.insights.map((entry) => [entry.id, entry]));
	const inputs = new Map<string, DeckInput>();
	for (const id of ids) {
		const briefing = library.briefings.find((entry) => entry.id === id);
		if (!briefing) throw new Error(`${contentPaths.briefings}/${id}.yaml: no such briefing`);
		inputs.set(
			id,
			assembleDeckInput({
				briefing: briefing.data,
				insights,
				taxonomy: library.taxonomy ?? { industries: [] },
				brand,
				logoPng,
				...(template ? { template } : {}),
				modified: deckTimestamp(sourceDateEpoch, briefing.data.date),
				file: briefing.file,
			}),
		);
	}
	return inputs;
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** The id of every briefing file, read or not (`npm run decks` with no ids builds them all). */
async function briefingFileIds(root: string): Promise<string[]> {
	const files = await listFiles(root, contentPaths.briefings, /\.ya?ml$/, []);
	return [...new Set(files.map((file) => path.basename(file).replace(/\.ya?ml$/, '')))];
}

/** Checks the content of the chosen briefings and builds their decks into `outDir`. */
export async function buildDecks(options: BuildDecksOptions): Promise<BuildDecksResult> {
	const ids = options.ids?.length
		? [...new Set(options.ids)]
		: options.library
			? briefingIds(options.library)
			: await briefingFileIds(options.root);
	const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), ids.length));
	// Started now, the threads load the deck engine and parse the insights this thread reads.
	const workers = options.workers ?? (jobs > 1 ? new DeckWorkers(jobs) : undefined);
	try {
		return await checkAndBuild(options, ids, jobs, workers);
	} finally {
		await workers?.close();
	}
}

/** {@link buildDecks} once the decks to build (`ids`) and the threads to build them on are known. */
async function checkAndBuild(
	options: BuildDecksOptions,
	ids: readonly string[],
	jobs: number,
	workers: DeckWorkers | undefined,
): Promise<BuildDecksResult> {
	const log = options.log ?? ((line: string) => console.log(line));
	const result: BuildDecksResult = { built: [], failed: [], refused: [], orphans: [], ok: false };
	// The decks need only their own files: the briefings, the insights they name, the taxonomy and
	// the brand (and whether related ids are valid). Problems in other files are no deck's business
	// (`npm run check` reports them), so a 250-deck run does not read all 5,000 insights.
	let library: Library;
	let known: string[];
	if (options.library) [library, known] = [options.library, briefingIds(options.library)];
	else {
		const partial = await loadBriefingLibrary({
			root: options.root,
			ids,
			...(workers ? { parseInsights: workers.parseInsights } : {}),
			...(options.memo ? { memo: options.memo } : {}),
		});
		[library, known] = [partial, partial.briefingIds];
	}

	const requested = options.ids?.length ? [...new Set(options.ids)] : known;
	for (const id of requested) {
		if (!known.includes(id)) {
			result.refused.push(
				`${contentPaths.briefings}/${id}.yaml: no briefing with the id "${id}"${didYouMean(id, known)}`,
			);
		}
	}
	if (result.refused.length) {
		result.refused.forEach((line) => log(line));
		return result;
	}
	if (!requested.length) {
		log(`No briefings in ${contentPaths.briefings}/: nothing to build.`);
		result.ok = true;
		return result;
	}

	const issues = deckIssues(library, requested);
	if (issues.length) {
		result.refused.push(...issues.map(formatIssue));
		result.refused.forEach((line) => log(line));
		log(
			`${plural(issues.length, 'content error')}: no decks built (fix them, or run \`npm run check\`).`,
		);
		return result;
	}

	let inputs: Map<string, DeckInput>;
	try {
		inputs = await deckInputs(
			library,
			requested,
			options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH,
		);
	} catch (error) {
		result.refused.push(error instanceof Error ? error.message : String(error));
		result.refused.forEach((line) => log(line));
		return result;
	}

	const where = options.label ?? (path.relative(options.root, options.outDir) || options.outDir);
	const problem = (await outDirProblem(options.outDir)) ?? (await makeFolder(options.outDir));
	if (problem) {
		result.refused.push(`decks: ${problem.message}`);
		result.refused.forEach((line) => log(line));
		return result;
	}
	const swept = await sweepTempFiles(options.outDir);
	if (swept.length) {
		log(
			`  removed ${swept.length} temporary file${swept.length === 1 ? '' : 's'} an interrupted run left in ${where}/`,
		);
	}
	let pdfFonts: PdfFonts | undefined;
	if (options.pdf) {
		try {
			pdfFonts = await loadPdfFonts(options.root);
		} catch (error) {
			result.refused.push(`decks: ${error instanceof Error ? error.message : String(error)}`);
			result.refused.forEach((line) => log(line));
			return result;
		}
	}
	const started = performance.now();
	// Problems the deck audit (accessibility and package rules) finds in the decks written.
	let audited = 0;
	const onDeck: OnDeck = async (id, deck) => {
		const file = path.join(options.outDir, `${id}.pptx`);
		const pdfFile = path.join(options.outDir, `${id}.pdf`);
		const shown = (name: string, full: string) =>
			options.label ? `${options.label}/${name}` : path.relative(options.root, full) || full;
		if (deck.bytes && (deck.pdf || !pdfFonts)) {
			try {
				// The PDF first: a deck is reported built only when all its files are written.
				if (deck.pdf) await writeAtomically(pdfFile, deck.pdf);
				await writeAtomically(file, deck.bytes);
				const built: BuiltDeckFile = { id, file, bytes: deck.bytes.length, ms: deck.ms };
				if (deck.pdf) built.pdf = { file: pdfFile, bytes: deck.pdf.length };
				result.built.push(built);
				const pdfNote = deck.pdf
					? ` and ${shown(`${id}.pdf`, pdfFile)} (${kb(deck.pdf.length)})`
					: '';
				log(
					`  built  ${id} -> ${shown(`${id}.pptx`, file)} (${kb(deck.bytes.length)}, ${Math.round(deck.ms)} ms)${pdfNote}`,
				);
				if (deck.preview) keepBriefingPreview(id, deck.preview);
				for (const warning of deck.warnings ?? []) log(`  warning ${id}: ${warning}`);
				for (const finding of deck.audit ?? []) log(`  audit  ${finding}`);
				audited += deck.audit?.length ?? 0;
				return;
			} catch (error) {
				deck = {
					...deck,
					error: `could not write ${file}: ${error instanceof Error ? error.message : String(error)}`,
				};
			}
		}
		result.failed.push({ id, error: deck.error ?? 'unknown error' });
		log(
			`  FAILED ${id}: ${deck.error}${statSync(file, { throwIfNoEntry: false })?.isFile() ? ' (the previous deck is kept)' : ''}`,
		);
	};
	if (workers) await workers.build(inputs, onDeck, log, pdfFonts);
	else await buildInThisThread(inputs, onDeck, pdfFonts);

	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	// Decks of deleted or renamed briefings: named, so a stale deck is not mistaken for a current one.
	result.orphans = await orphanDecks(options.outDir, known);
	for (const name of result.orphans) {
		if (options.prune) {
			await rm(path.join(options.outDir, name), { force: true });
			log(`  pruned ${where}/${name}: no briefing produces it`);
		} else {
			log(
				`  warning ${where}/${name}: no briefing produces this deck (its briefing was deleted or renamed); --prune removes it`,
			);
		}
	}
	log(
		`${plural(result.built.length, 'deck')} built in ${where}/ (${seconds} s, ${plural(jobs, 'job')})` +
			(result.failed.length ? `, ${result.failed.length} failed` : '') +
			`; audit: ${plural(audited, 'problem')}`,
	);
	result.ok = result.failed.length === 0;
	return result;
}

/**
 * Worker threads building the site's decks: one, so the decks use the core Astro leaves idle
 * (Astro's start, its rendering) without taking both from Vite's bundling, and load the engine once.
 */
const siteDeckJobs = 1;

/**
 * The site's deck thread: also draws each briefing page's preview from its deck's scene, and runs
 * in the background, so it takes the core time Astro leaves, not Astro's.
 */
const siteDeckWorkers = () =>
	new DeckWorkers(siteDeckJobs, {
		previewModule: new URL('./deck-preview.ts', import.meta.url),
		background: true,
	});

/**
 * Build step for `insightLibrary({ steps })`: every briefing's deck. Its thread starts loading the
 * deck engine while the content is checked; the decks need only the content, so they are built
 * into a staging folder while Astro works, then moved into `<outDir>/briefings/` once the site is
 * written (each file atomically). Drafts never reach a deck.
 */
export const decksStep: BuildStep<{ staging: string; result: BuildDecksResult }, DeckWorkers> = {
	name: 'decks',
	start: siteDeckWorkers,
	cancel: async (workers) => {
		dropBriefingPreviews();
		await workers.close();
	},
	prepare: async ({ root, library, outDir, log }, workers) => {
		const staging = await mkdtemp(path.join(tmpdir(), 'insight-decks-'));
		const label = path.relative(root, path.join(outDir, 'briefings'));
		const result = await buildDecks({
			root,
			library,
			outDir: staging,
			label,
			log,
			pdf: true,
			jobs: siteDeckJobs,
			workers: workers ?? siteDeckWorkers(),
		});
		return { staging, result };
	},
	complete: async ({ outDir }, { staging, result }) => {
		try {
			if (!result.ok) {
				const count = result.failed.length || result.refused.length;
				throw new Error(`decks: ${plural(count, 'problem')} (see above)`);
			}
			const target = path.join(outDir, 'briefings');
			await mkdir(target, { recursive: true });
			// All at once: one at a time, each copy waited for a file system round trip or four.
			const copies = await Promise.allSettled(
				result.built.flatMap((deck) => [
					...(deck.pdf ? [copyAtomically(deck.pdf.file, path.join(target, `${deck.id}.pdf`))] : []),
					copyAtomically(deck.file, path.join(target, `${deck.id}.pptx`)),
				]),
			);
			const failed = copies.find((copy) => copy.status === 'rejected');
			if (failed) throw failed.reason;
		} finally {
			dropBriefingPreviews();
			await rm(staging, { recursive: true, force: true });
		}
	},
};
