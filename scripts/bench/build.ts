/**
 * Runs `astro build` in a project and measures it: wall time, peak memory and where the time goes
 * (phases read from Astro's log, timed by when each line arrives; page render time per route
 * group from Astro's `(+12ms)` route lines; the decks step, which runs alongside Astro's bundling
 * and rendering, from its own summary line).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

/** One phase of a build: its name and how long it took. */
export interface Phase {
	name: string;
	ms: number;
}

/** What one build measured. */
export interface BuildRun {
	/** Wall time from spawning the process to its exit. */
	ms: number;
	/** Highest sum of resident memory of the build's process tree, sampled (bytes); NaN without /proc. */
	peakTreeRss: number;
	/** Largest single process's maximum resident memory from /usr/bin/time, when available (bytes). */
	maxRss?: number;
	/** User + system CPU time of the build and its children from /usr/bin/time, when available. */
	cpuMs?: number;
	/** The machine's 1-minute load average when the build started (other work skews wall times). */
	loadAverage: number;
	/** Time between the log's landmarks, in order (sequential: they add up to `ms`). */
	phases: Phase[];
	/** The decks step, which runs alongside the phases (not one of them); absent when it did not log. */
	decks?: DecksLog;
	/** Sum of Astro's per-route render times, by route group (first path segment). */
	routes: Record<string, { pages: number; ms: number }>;
	/** Pages Astro says it built. */
	pages: number;
}

/**
 * The decks step as its summary line tells it ("50 decks built in dist/briefings/ (3.5 s, 2 jobs)").
 * The step starts with the build and runs on worker threads while Astro bundles and renders, so
 * this line arrives in the middle of the build and is not a landmark.
 */
export interface DecksLog {
	decks: number;
	jobs: number;
	/** The step's own duration, as logged (tenths of a second). */
	ms: number;
	/** When the line arrived, in ms since the build started. */
	at: number;
	/**
	 * When the line arrived relative to the end of rendering (ms): negative when the decks were done
	 * first; positive when the build then waited for them (that wait falls in the search index phase).
	 */
	afterRenderMs: number;
}

const decksLine = /(\d+) decks? built in \S+ \((\d+(?:\.\d+)?) s, (\d+) jobs?\)/;

/**
 * Log landmarks: a phase ends when the line matching its pattern arrives. All sequential; the
 * search index phase runs from the end of rendering to Pagefind's line, so it also holds moving
 * the staged decks into dist/briefings/ (and any wait for decks still building).
 */
export const landmarks: ReadonlyArray<{ name: string; pattern: RegExp }> = [
	{ name: 'startup, config and integrations', pattern: /\[content\] Syncing content/ },
	{ name: 'content sync', pattern: /\[content\] Synced content/ },
	{ name: 'build info', pattern: /Building static entrypoints/ },
	{ name: 'bundle (Vite)', pattern: /generating static routes/ },
	{ name: 'render pages', pattern: /^\s*(?:\d\d:\d\d:\d\d )?✓ Completed in/ },
	{ name: 'search index (Pagefind)', pattern: /search index: \d+ pages? indexed/ },
	{ name: 'finish', pattern: /\[build\] Complete!/ },
];

const routeLine = /^\s*\S*\s*[├└]─ (\/\S*) \(\+(\d+(?:\.\d+)?)(ms|s)\)/;

/**
 * The route group of a built path: `/insights/x/index.html` is "insights/[id]", `/insights/index.html`
 * is "insights/", `/index.html` is "/", `/404.html` and `/builder/library.json` stay as they are.
 */
export function routeGroup(route: string): string {
	const parts = route.replace(/^\//, '').split('/');
	const file = parts.pop() ?? '';
	if (file !== 'index.html') return [...parts, file].join('/');
	if (!parts.length) return '/';
	if (parts.length === 1) return `${parts[0]}/`;
	return `${parts[0]}/[id]`;
}

/** Reads phases and route times from timed log lines (`at` in ms since the build started). */
export function parseBuildLog(
	lines: ReadonlyArray<{ at: number; text: string }>,
	endMs: number,
	group: (route: string) => string = routeGroup,
) {
	const hits: Array<{ name: string; at: number }> = [];
	const routes: Record<string, { pages: number; ms: number }> = {};
	let pages = 0;
	let routesStarted = false;
	let decks: Omit<DecksLog, 'afterRenderMs'> | undefined;
	for (const { at, text } of lines) {
		const clean = stripVTControlCharacters(text);
		if (/generating static routes/.test(clean)) routesStarted = true;
		const route = routeLine.exec(clean);
		if (route) {
			const name = group(route[1]!);
			const ms = Number(route[2]) * (route[3] === 's' ? 1000 : 1);
			routes[name] ??= { pages: 0, ms: 0 };
			routes[name].pages++;
			routes[name].ms += ms;
			continue;
		}
		const built = /\[build\] (\d+) page\(s\) built/.exec(clean);
		if (built) pages = Number(built[1]);
		const deckSummary = decksLine.exec(clean);
		if (deckSummary && !decks) {
			decks = {
				decks: Number(deckSummary[1]),
				ms: Number(deckSummary[2]) * 1000,
				jobs: Number(deckSummary[3]),
				at,
			};
			continue;
		}
		for (const landmark of landmarks) {
			if (hits.some((hit) => hit.name === landmark.name)) continue;
			if (landmark.name === 'render pages' && !routesStarted) continue;
			if (landmark.pattern.test(clean)) hits.push({ name: landmark.name, at });
		}
	}
	hits.sort((a, b) => a.at - b.at);
	const phases: Phase[] = [];
	let previous = 0;
	for (const hit of hits) {
		phases.push({ name: hit.name, ms: hit.at - previous });
		previous = hit.at;
	}
	phases.push({ name: 'exit', ms: Math.max(0, endMs - previous) });
	const rendered = hits.find((hit) => hit.name === 'render pages')?.at;
	return {
		phases,
		routes,
		pages,
		...(decks
			? {
					decks: {
						...decks,
						afterRenderMs: rendered === undefined ? Number.NaN : decks.at - rendered,
					},
				}
			: {}),
	};
}

/** Resident memory (bytes) of `pid` and all its descendants, read from /proc; 0 when unavailable. */
async function treeRss(pid: number): Promise<number> {
	let total = 0;
	const queue = [pid];
	const seen = new Set<number>();
	while (queue.length) {
		const current = queue.pop()!;
		if (seen.has(current)) continue;
		seen.add(current);
		try {
			const statm = await readFile(`/proc/${current}/statm`, 'utf8');
			total += Number(statm.split(' ')[1]) * 4096;
			for (const task of await readdir(`/proc/${current}/task`)) {
				const children = await readFile(`/proc/${current}/task/${task}/children`, 'utf8').catch(
					() => '',
				);
				for (const child of children.split(' ').filter(Boolean)) queue.push(Number(child));
			}
		} catch {
			// The process ended between two reads.
		}
	}
	return total;
}

/** Options for {@link runBuild}. */
export interface RunBuildOptions {
	/** Environment additions. */
	env?: Record<string, string>;
	/** Called with every output line (for --verbose). */
	onLine?: (line: string) => void;
	/** Memory sampling interval (ms). */
	sampleMs?: number;
	/** How built routes are grouped for render times (default {@link routeGroup}). */
	routeGroup?: (route: string) => string;
}

/** Runs `astro build` in `project` with this Node, and measures it. Throws when the build fails. */
export async function runBuild(project: string, options: RunBuildOptions = {}): Promise<BuildRun> {
	const astro = path.join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
	// GNU time (Linux) reports the largest process's peak memory and the tree's CPU time; BSD time has no -f.
	const time =
		process.platform === 'linux' && existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
	const command = [process.execPath, astro, 'build'];
	const [file, ...args] = time
		? [time, '-f', 'BENCH_TIME maxrss_kb=%M user_s=%U sys_s=%S', ...command]
		: command;
	const loadAverage = os.loadavg()[0] ?? 0;
	const started = performance.now();
	const child = spawn(file!, args, {
		cwd: project,
		env: {
			...process.env,
			ASTRO_TELEMETRY_DISABLED: '1',
			NO_COLOR: '1',
			FORCE_COLOR: '0',
			...options.env,
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const lines: Array<{ at: number; text: string }> = [];
	const tail: string[] = [];
	let maxRss: number | undefined;
	let cpuMs: number | undefined;
	const collect = (stream: NodeJS.ReadableStream, isErr: boolean) => {
		let buffer = '';
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			buffer += chunk;
			for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
				const text = buffer.slice(0, end);
				buffer = buffer.slice(end + 1);
				const usage = /BENCH_TIME maxrss_kb=(\d+) user_s=([\d.]+) sys_s=([\d.]+)/.exec(text);
				if (isErr && usage) {
					maxRss = Number(usage[1]) * 1024;
					cpuMs = (Number(usage[2]) + Number(usage[3])) * 1000;
					continue;
				}
				lines.push({ at: performance.now() - started, text });
				tail.push(text);
				if (tail.length > 40) tail.shift();
				options.onLine?.(text);
			}
		});
	};
	collect(child.stdout!, false);
	collect(child.stderr!, true);

	let peakTreeRss = 0;
	let sampling = true;
	const sampler = (async () => {
		while (sampling && child.pid) {
			peakTreeRss = Math.max(peakTreeRss, await treeRss(child.pid));
			await new Promise((resolve) => setTimeout(resolve, options.sampleMs ?? 100));
		}
	})();
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	const ms = performance.now() - started;
	sampling = false;
	await sampler;
	if (code !== 0) {
		throw new Error(`astro build in ${project} exited with ${code}:\n${tail.join('\n')}`);
	}
	const parsed = parseBuildLog(lines, ms, options.routeGroup);
	return {
		ms,
		peakTreeRss: Math.max(peakTreeRss, maxRss ?? 0) || Number.NaN,
		maxRss,
		cpuMs,
		loadAverage,
		...parsed,
	};
}
