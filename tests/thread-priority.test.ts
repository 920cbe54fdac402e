/**
 * Background priority for the site build's deck thread (src/integrations/thread-priority.ts): on
 * Linux it lowers the calling thread's nice value, and only that thread's, and never a process's
 * main thread's; a thread it cannot name (no /proc/thread-self) it leaves alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { backgroundNice, kernelThreadId } from '../src/integrations/thread-priority.ts';

const linux = existsSync('/proc/thread-self');
const moduleUrl = new URL('../src/integrations/thread-priority.ts', import.meta.url).href;

/** Runs runInBackground() on a new thread: what it returned, the thread's id and its nice value after. */
function backgroundThread(): Promise<{ ran: boolean; id: number; nice: number }> {
	const code = `
		const { parentPort } = require('node:worker_threads');
		const { getPriority } = require('node:os');
		import(${JSON.stringify(moduleUrl)}).then(({ runInBackground, kernelThreadId }) => {
			const ran = runInBackground();
			const id = kernelThreadId();
			parentPort.postMessage({ ran, id, nice: getPriority(id) });
		});`;
	return new Promise((resolve, reject) => {
		const worker = new Worker(code, { eval: true });
		worker.once('message', (reply) => {
			resolve(reply);
			void worker.terminate();
		});
		worker.once('error', reject);
	});
}

describe('kernelThreadId', () => {
	it('reads the thread id from the /proc/thread-self link', () => {
		expect(kernelThreadId(() => '4242/task/4250')).toBe(4250);
	});

	it('gives undefined where there is no such link or it names no thread', () => {
		const missing = () => {
			throw new Error('ENOENT');
		};
		expect(kernelThreadId(missing)).toBeUndefined();
		expect(kernelThreadId(() => 'self')).toBeUndefined();
		expect(kernelThreadId(() => '4242/task/')).toBeUndefined();
	});
});

describe.runIf(linux)('runInBackground', () => {
	it('lowers the calling thread, and only it, to the background nice value', async () => {
		const own = getPriority(kernelThreadId());
		const thread = await backgroundThread();
		expect(thread.ran).toBe(true);
		expect(thread.id).not.toBe(kernelThreadId());
		expect(thread.nice).toBe(Math.max(own, backgroundNice));
		expect(getPriority(kernelThreadId()), 'the thread that started it').toBe(own);
	});

	it('leaves a process’s main thread alone', () => {
		const code = `const { runInBackground } = await import(${JSON.stringify(moduleUrl)});
const { getPriority } = await import('node:os');
const before = getPriority();
console.log(JSON.stringify({ ran: runInBackground(), same: getPriority() === before }));`;
		const answer = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
			encoding: 'utf8',
		});
		expect(JSON.parse(answer)).toEqual({ ran: false, same: true });
	});
});
