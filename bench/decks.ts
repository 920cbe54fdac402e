/**
 * Deck throughput: 12-slide decks built in this process (ms per deck), on every core with worker
 * threads as `npm run decks` does (decks per second), `npm run decks` end to end for one briefing
 * and for a whole corpus, and pandoc's Markdown-to-pptx conversion of the same briefings as a peer
 * when pandoc is installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { buildDeck, planDeck, type DeckInput } from '../src/deck/index.ts';
import { deckInputs } from '../src/integrations/decks.ts';
import { deckThreadLimits } from '../src/integrations/deck-workers.ts';
import { errorsOf, loadLibrary } from '../src/library/load.ts';
import { isoDate } from '../src/schema/common.ts';
import { median, percentile } from './stats.ts';

/** Slides in the decks the per-deck figures are for. */
export const targetSlides = 12;

/**
 * Decks of exactly `slides` slides: each of the library's briefings with k of its published
 * insights (a window over the library, so a small corpus yields as many decks as a large one),
 * k chosen so the planned deck has `slides` slides.
 */
export async function decksOfSlides(
	root: string,
	slides = targetSlides,
	limit = 24,
): Promise<DeckInput[]> {
	const library = await loadLibrary({ root });
	const errors = errorsOf(library);
	if (errors.length) throw new Error(`the corpus at ${root} has ${errors.length} content errors`);
	const inputs = [
		...(
			await deckInputs(
				library,
				library.briefings.map((entry) => entry.id),
				'0',
			)
		).values(),
	];
	const published = library.insights
		.filter((entry) => entry.data.status === 'published')
		.map((entry) => ({ id: entry.id, data: entry.data, talkTrack: entry.talkTrack }));
	const found: DeckInput[] = [];
	for (let attempt = 0; found.length < limit && attempt < limit * 8; attempt++) {
		const input = inputs[attempt % inputs.length]!;
		const start = (attempt * 13) % published.length;
		for (let count = 1; count <= 12 && count <= published.length; count++) {
			const insights = Array.from(
				{ length: count },
				(_, i) => published[(start + i) % published.length]!,
			);
			const candidate: DeckInput = {
				...input,
				briefing: { ...input.briefing, insights: insights.map((insight) => insight.id) },
				insights,
			};
			const planned = planDeck(candidate).slides.length;
			if (planned === slides) found.push(candidate);
			if (planned >= slides) break;
		}
	}
	if (!found.length) throw new Error(`no briefing of the corpus makes a ${slides}-slide deck`);
	return found;
}

/** The corpus briefing whose deck is nearest `slides` slides (the one-briefing CLI figure's). */
export async function briefingNear(
	root: string,
	slides = targetSlides,
): Promise<{ id: string; input: DeckInput; slides: number }> {
	const library = await loadLibrary({ root });
	const inputs = await deckInputs(
		library,
		library.briefings.map((entry) => entry.id),
		'0',
	);
	let best: { id: string; input: DeckInput; slides: number } | undefined;
	for (const [id, input] of inputs) {
		const planned = planDeck(input).slides.length;
		if (!best || Math.abs(planned - slides) < Math.abs(best.slides - slides))
			best = { id, input, slides: planned };
	}
	if (!best) throw new Error(`the corpus at ${root} has no briefing`);
	return best;
}

/** Deck figures measured in this process. */
export interface InProcessDecks {
	/** Decks timed (after warm-up). */
	decks: number;
	/** Median and 90th percentile build time of one deck. */
	medianMs: number;
	p90Ms: number;
	/** Decks per second on one core (1000 / mean). */
	perSecond: number;
	/** CPU time (user + system) of this process per deck: wall time minus waiting for a busy machine. */
	cpuMs: number;
	/** Median size of a deck (bytes). */
	medianBytes: number;
}

/** Untimed decks a thread builds before its decks are timed, in this process and on each worker. */
const warmupDecks = 5;

/** Builds `count` decks one after another (cycling through `inputs`) after `warmup` untimed ones. */
export async function decksInProcess(
	inputs: readonly DeckInput[],
	count: number,
	warmup = warmupDecks,
): Promise<InProcessDecks> {
	for (let i = 0; i < warmup; i++) await buildDeck(inputs[i % inputs.length]!);
	const times: number[] = [];
	const sizes: number[] = [];
	const cpu = process.cpuUsage();
	for (let i = 0; i < count; i++) {
		const started = performance.now();
		const bytes = await buildDeck(inputs[i % inputs.length]!);
		times.push(performance.now() - started);
		sizes.push(bytes.length);
	}
	const used = process.cpuUsage(cpu);
	const mean = times.reduce((sum, ms) => sum + ms, 0) / times.length;
	return {
		cpuMs: (used.user + used.system) / 1000 / count,
		decks: count,
		medianMs: median(times),
		p90Ms: percentile(times, 90),
		perSecond: 1000 / mean,
		medianBytes: median(sizes),
	};
}

/** Deck figures with one worker thread per core. */
export interface ParallelDecks {
	/** Worker threads. */
	jobs: number;
	decks: number;
	/** Wall time for all decks, workers already started and warm. */
	ms: number;
	perSecond: number;
	/** Wall time of one deck as seen by its worker, median. */
	medianMs: number;
	/** Starting the workers and their first deck (loading the engine), median per worker. */
	startupMs: number;
}

/** Worker-thread figures with their speed-up over one thread, measured side by side. */
export interface ParallelSpeedup extends ParallelDecks {
	/** Decks per second on the workers over decks per second on one thread, each round. */
	speedups: number[];
	/** The median of {@link speedups}: the figure the budget is checked against. */
	speedup: number;
}

type Reply = { index: number; bytes?: number; ms?: number; error?: string };

/** Decks a worker is sent ahead of its answers: its next one waits there, as under `npm run decks`. */
const inFlight = 2;

/**
 * Sends decks to `worker` by index into `inputs`; answers come back in the order sent (the worker
 * builds one at a time).
 */
function deckSender(
	worker: Worker,
	inputs: readonly DeckInput[],
): (index: number) => Promise<Reply> {
	const waiting: Array<{ resolve: (reply: Reply) => void; reject: (error: Error) => void }> = [];
	worker.on('message', (reply: Reply) => {
		const next = waiting.shift();
		if (reply.error) next?.reject(new Error(reply.error));
		else next?.resolve(reply);
	});
	worker.on('error', (error) => {
		for (const next of waiting.splice(0)) next.reject(error);
	});
	return (index) =>
		new Promise<Reply>((resolve, reject) => {
			waiting.push({ resolve, reject });
			worker.postMessage({ index, input: inputs[index % inputs.length] });
		});
}

/**
 * Builds `count` decks on `jobs` worker threads, as the decks CLI does: each worker is sent its
 * next deck before it answers (src/integrations/deck-workers.ts), so it never waits for this
 * thread between decks. Workers warm up first, as {@link decksInProcess} does.
 */
export async function decksInWorkers(
	inputs: readonly DeckInput[],
	count: number,
	jobs: number,
	warmup = warmupDecks,
): Promise<ParallelDecks> {
	const workers: Worker[] = [];
	const senders: Array<(index: number) => Promise<Reply>> = [];
	const startup: number[] = [];
	try {
		await Promise.all(
			Array.from({ length: jobs }, async (_, w) => {
				const started = performance.now();
				// With the heap limits `npm run decks` gives its threads.
				const worker = new Worker(new URL('./deck-worker.ts', import.meta.url), {
					resourceLimits: deckThreadLimits,
				});
				workers.push(worker);
				const send = deckSender(worker, inputs);
				senders.push(send);
				await send(w);
				startup.push(performance.now() - started);
				for (let i = 1; i < warmup; i++) await send(w + i);
			}),
		);
		let next = 0;
		const times: number[] = [];
		const started = performance.now();
		const lane = async (send: (index: number) => Promise<Reply>) => {
			for (let index = next++; index < count; index = next++)
				times.push((await send(index)).ms ?? 0);
		};
		await Promise.all(
			senders.flatMap((send) => Array.from({ length: inFlight }, () => lane(send))),
		);
		const ms = performance.now() - started;
		return {
			jobs,
			decks: count,
			ms,
			perSecond: (count * 1000) / ms,
			medianMs: median(times),
			startupMs: median(startup),
		};
	} finally {
		await Promise.all(workers.map((worker) => worker.terminate()));
	}
}

/**
 * The workers' decks per second over one thread's, in `rounds` rounds: in each, `count` decks on
 * this thread, then `count` per worker on `jobs` fresh workers. One thread's figure alone moves
 * by a tenth between runs on a shared machine; measured beside each round of workers, the ratio
 * sees the same machine on both sides. The worker figures returned are the last round's.
 */
export async function parallelSpeedup(
	inputs: readonly DeckInput[],
	count: number,
	jobs: number,
	rounds = 3,
): Promise<ParallelSpeedup> {
	const speedups: number[] = [];
	let parallel: ParallelDecks | undefined;
	for (let round = 0; round < rounds; round++) {
		// This thread is warm from the in-process row and earlier rounds; fresh workers are not.
		const one = await decksInProcess(inputs, count, 2);
		parallel = await decksInWorkers(inputs, count * jobs, jobs);
		speedups.push(parallel.perSecond / one.perSecond);
	}
	if (!parallel) throw new Error('parallelSpeedup needs at least one round');
	return { ...parallel, speedups, speedup: median(speedups) };
}

/** `npm run decks` end to end (a fresh Node process: load and check the library, build every deck). */
export interface CliDecks {
	decks: number;
	ms: number;
	/**
	 * The whole corpus only: the project's first run, with no content cache (every content file
	 * parsed and checked); `ms` is then the second run, with the cache the first one left.
	 */
	coldMs?: number;
	/** Median and total size of the decks written. */
	medianBytes: number;
	totalBytes: number;
}

/**
 * The Node arguments of `npm run decks` in `project` (its package.json script, e.g. `node
 * --max-semi-space-size=1 scripts/lib/bundled-cli.mjs scripts/decks.ts`: Node's flags included),
 * so the bench times what the command runs, less
 * npm's own start-up. The bundle cache starts empty in a bench project (node_modules/.cache is not
 * linked): {@link warmDecksCli} makes it, untimed, as a user's first run does.
 */
export async function decksScriptArgs(project: string): Promise<string[]> {
	const { scripts } = JSON.parse(await readFile(path.join(project, 'package.json'), 'utf8')) as {
		scripts: Record<string, string>;
	};
	const [command, ...args] = (scripts.decks ?? 'node scripts/decks.ts').trim().split(/\s+/);
	if (command !== 'node') throw new Error(`npm run decks runs ${command}, not node`);
	return args;
}

/**
 * Runs `npm run decks -- --help` in `project`, untimed: it builds the command's bundle, as a
 * user's first run after `npm ci` does, so a timed run of a fresh project copy does not pay for it.
 */
export async function warmDecksCli(project: string): Promise<void> {
	const args = await decksScriptArgs(project);
	const result = spawnSync(process.execPath, [...args, '--help'], {
		cwd: project,
		encoding: 'utf8',
	});
	if (result.status !== 0)
		throw new Error(`npm run decks -- --help failed (${result.status}):\n${result.stderr}`);
}

/** Runs `npm run decks -- [ids] --out <outDir>`'s Node command in `project` and measures it. */
export async function decksCli(
	project: string,
	outDir: string,
	ids: readonly string[] = [],
): Promise<CliDecks> {
	await rm(outDir, { recursive: true, force: true });
	const args = await decksScriptArgs(project);
	const started = performance.now();
	const child = spawn(process.execPath, [...args, ...ids, '--out', outDir], {
		cwd: project,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, SOURCE_DATE_EPOCH: '0' },
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const ms = performance.now() - started;
	if (code !== 0)
		throw new Error(`npm run decks failed (${code}):\n${output.split('\n').slice(-20).join('\n')}`);
	const sizes: number[] = [];
	for (const name of await readdir(outDir))
		if (name.endsWith('.pptx')) sizes.push((await stat(path.join(outDir, name))).size);
	return {
		decks: sizes.length,
		ms,
		medianBytes: median(sizes),
		totalBytes: sizes.reduce((sum, size) => sum + size, 0),
	};
}

/**
 * `npm run decks` for the whole corpus, twice in a row on the fresh project: the first run finds
 * no content cache (`coldMs`), the second finds what the first left, as a user's second run after
 * editing a file does (`ms`, the figure the budget is checked with). Same decks both times.
 */
export async function batchDecksCli(project: string, outDir: string): Promise<CliDecks> {
	await rm(path.join(project, 'node_modules/.cache/insight-briefings/content'), {
		recursive: true,
		force: true,
	});
	const cold = await decksCli(project, outDir);
	const warm = await decksCli(project, outDir);
	return { ...warm, coldMs: cold.ms };
}

/** `npm run decks -- <id>`: one briefing, whole process, median of `runs` after one warm-up. */
export interface OneDeckCli {
	/** The briefing built. */
	id: string;
	runs: number;
	/** With the content cache the previous runs left (what a user's second run finds). */
	medianMs: number;
	/** With no content cache (removed before each run: every content file parsed and checked). */
	coldMs: number;
	/** The same briefing as Markdown through pandoc (one process per run), when pandoc is installed. */
	pandocMs?: number;
}

/** Times `npm run decks -- <id>` and, when installed, pandoc on the same briefing as Markdown. */
export async function oneDeckCli(
	project: string,
	{ id, input }: { id: string; input: DeckInput },
	dir: string,
	runs = 5,
): Promise<OneDeckCli> {
	const times: number[] = [];
	const cold: number[] = [];
	const contentCache = path.join(project, 'node_modules/.cache/insight-briefings/content');
	for (let run = 0; run <= runs; run++) {
		const { ms } = await decksCli(project, path.join(dir, 'one'), [id]);
		if (run > 0) times.push(ms);
		// In turns: the same run again without the content cache (written again by it).
		await rm(contentCache, { recursive: true, force: true });
		const { ms: coldMs } = await decksCli(project, path.join(dir, 'one'), [id]);
		if (run > 0) cold.push(coldMs);
	}
	const pandoc = await decksPandoc([input], path.join(dir, 'one-pandoc'), runs);
	return {
		id,
		runs,
		medianMs: median(times),
		coldMs: median(cold),
		...(pandoc ? { pandocMs: pandoc.medianMs } : {}),
	};
}

/** The installed pandoc's version line, or undefined when pandoc is not on the PATH. */
export function pandocVersion(): string | undefined {
	const result = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.split('\n')[0]?.trim() : undefined;
}

const yamlString = (text: string) => JSON.stringify(text);
const line = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * A briefing as the Markdown pandoc turns into slides: title slide from the metadata, then agenda,
 * one slide per insight (headline, stat, points, implication, talk track as notes), questions,
 * sources, next step and closing: the same sequence as our decks.
 */
export function briefingMarkdown(input: DeckInput): string {
	const { briefing } = input;
	const fill = (text: string) =>
		text
			.replaceAll('{company}', briefing.prospect.company)
			.replaceAll('{industry}', input.industryName)
			.replaceAll('{audience}', briefing.prospect.audience.map((member) => member.role).join(', '));
	const out = [
		'---',
		`title: ${yamlString(fill(briefing.title))}`,
		...(briefing.subtitle ? [`subtitle: ${yamlString(fill(briefing.subtitle))}`] : []),
		`author: ${yamlString(`${briefing.presenter.name}, ${briefing.presenter.title}`)}`,
		`date: ${yamlString(isoDate(briefing.date))}`,
		'---',
		'',
		'# Agenda',
		'',
		...input.insights.map((insight) => `- ${line(fill(insight.data.title))}`),
		'',
	];
	for (const insight of input.insights) {
		const data = insight.data;
		out.push(`# ${line(fill(data.title))}`, '');
		if (data.stat) out.push(`**${data.stat.value}** ${line(fill(data.stat.label))}`, '');
		out.push(
			...data.points.map((point) => `- ${line(fill(point))}`),
			'',
			`*${line(fill(data.implication))}*`,
			'',
		);
		out.push('::: notes', '', fill(insight.talkTrack), '', ':::', '');
	}
	out.push('# Questions to explore', '');
	input.insights.forEach((insight, index) =>
		out.push(`${index + 1}. ${line(fill(insight.data.questions[0] ?? ''))}`),
	);
	out.push('', '# Sources', '');
	for (const insight of input.insights)
		for (const source of insight.data.sources)
			out.push(`- ${line(source.title)}, ${line(source.publisher)}, ${isoDate(source.published)}`);
	out.push('', '# Proposed next step', '', line(fill(briefing.nextStep.ask)), '');
	for (const item of briefing.nextStep.agenda ?? []) out.push(`- ${line(fill(item))}`);
	out.push(
		'',
		'# Thank you',
		'',
		`${briefing.presenter.name}, ${briefing.presenter.title}${briefing.presenter.email ? `, ${briefing.presenter.email}` : ''}`,
		'',
	);
	return out.join('\n');
}

/** Pandoc as a peer: ms per deck (one `pandoc` process per deck, as a CLI user runs it) and size. */
export interface PandocDecks {
	version: string;
	decks: number;
	medianMs: number;
	medianBytes: number;
}

/** Converts each input's Markdown to .pptx with pandoc, one after another; undefined without pandoc. */
export async function decksPandoc(
	inputs: readonly DeckInput[],
	dir: string,
	count: number,
): Promise<PandocDecks | undefined> {
	const version = pandocVersion();
	if (!version) return undefined;
	await mkdir(dir, { recursive: true });
	const times: number[] = [];
	const sizes: number[] = [];
	for (let i = 0; i < count + 1; i++) {
		const source = path.join(dir, `deck-${i}.md`);
		const target = path.join(dir, `deck-${i}.pptx`);
		await writeFile(source, briefingMarkdown(inputs[i % inputs.length]!));
		const started = performance.now();
		const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'pptx', '-o', target, source], {
			encoding: 'utf8',
		});
		const ms = performance.now() - started;
		if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr}`);
		// The first conversion warms the disk cache; it is not counted.
		if (i === 0) continue;
		times.push(ms);
		sizes.push((await stat(target)).size);
	}
	return { version, decks: times.length, medianMs: median(times), medianBytes: median(sizes) };
}
