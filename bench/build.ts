/**
 * Runs `astro build` in a project and measures the whole process: wall time, peak memory and CPU
 * time. Only what the process reports about itself: nothing is read from Astro's log, whose
 * wording changes between Astro versions.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** What one build measured. */
export interface BuildRun {
	/** Wall time from spawning the process to its exit. */
	ms: number;
	/** Highest sum of resident memory of the build's process tree, sampled (bytes); NaN without /proc. */
	peakTreeRss: number;
	/** User + system CPU time of the build and its children from GNU time, when available. */
	cpuMs?: number;
	/** The machine's 1-minute load average when the build started (other work skews wall times). */
	loadAverage: number;
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
	/** Called with every output line (for --verbose). */
	onLine?: (line: string) => void;
	/** Memory sampling interval (ms). */
	sampleMs?: number;
}

/** Runs `astro build` in `project` with this Node, and measures it. Throws when the build fails. */
export async function runBuild(project: string, options: RunBuildOptions = {}): Promise<BuildRun> {
	const astro = path.join(project, 'node_modules', 'astro', 'bin', 'astro.mjs');
	// GNU time (Linux) reports the CPU time of the whole process tree; BSD time has no -f.
	const time =
		process.platform === 'linux' && existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
	const command = [process.execPath, astro, 'build'];
	const [file, ...args] = time
		? [time, '-f', 'BENCH_TIME user_s=%U sys_s=%S', ...command]
		: command;
	const loadAverage = os.loadavg()[0] ?? 0;
	const started = performance.now();
	const child = spawn(file!, args, {
		cwd: project,
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const tail: string[] = [];
	let cpuMs: number | undefined;
	const collect = (stream: NodeJS.ReadableStream) => {
		let buffer = '';
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			buffer += chunk;
			for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
				const text = buffer.slice(0, end);
				buffer = buffer.slice(end + 1);
				const usage = /BENCH_TIME user_s=([\d.]+) sys_s=([\d.]+)/.exec(text);
				if (usage) {
					cpuMs = (Number(usage[1]) + Number(usage[2])) * 1000;
					continue;
				}
				tail.push(text);
				if (tail.length > 40) tail.shift();
				options.onLine?.(text);
			}
		});
	};
	collect(child.stdout!);
	collect(child.stderr!);

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
	return {
		ms,
		peakTreeRss: peakTreeRss || Number.NaN,
		...(cpuMs === undefined ? {} : { cpuMs }),
		loadAverage,
	};
}
