/**
 * The search index step's side of the Pagefind thread (search-index-worker.ts): pages are posted
 * to it as Astro renders them (a string copy, instead of Pagefind's JSON, base64 and pipe write on
 * Astro's thread), and it writes the index when asked.
 */
import type { Worker } from 'node:worker_threads';
import { typescriptThread } from './typescript-thread.ts';

/** What the step asks of the thread: index a page, write the index into a site folder, or end. */
export type SearchThreadRequest =
	{ add: { sourcePath: string; content: string } } | { write: string } | { close: true };

/** What the thread answers: Pagefind started (with its errors), or the index was written. */
export type SearchThreadReply =
	{ ready: string[] } | { written: { pages: number } | { problem: string } };

/** Pagefind on its own thread. */
export class SearchIndexThread {
	readonly #worker: Worker;
	/** Those waiting for the thread's next answer, in the order they asked. */
	readonly #waiting: Array<{
		resolve: (reply: SearchThreadReply) => void;
		reject: (error: Error) => void;
	}> = [];
	#stopped: Error | undefined;

	private constructor() {
		this.#worker = typescriptThread(new URL('./search-index-worker.ts', import.meta.url));
		// Kept alive only while an answer is awaited: a build that fails elsewhere still exits.
		this.#worker.unref();
		this.#worker.on('message', (reply: SearchThreadReply) => {
			this.#waiting.shift()?.resolve(reply);
			if (!this.#waiting.length) this.#worker.unref();
		});
		const stop = (error: Error) => {
			this.#stopped ??= error;
			for (const waiting of this.#waiting.splice(0)) waiting.reject(this.#stopped);
		};
		this.#worker.on('error', stop);
		this.#worker.on('exit', (code) =>
			stop(new Error(`the search index thread stopped (exit code ${code})`)),
		);
	}

	/** The next answer from the thread. */
	#reply(): Promise<SearchThreadReply> {
		if (this.#stopped) return Promise.reject(this.#stopped);
		this.#worker.ref();
		return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
	}

	/** Starts the thread and Pagefind in it; throws when Pagefind cannot start. */
	static async start(): Promise<SearchIndexThread> {
		const thread = new SearchIndexThread();
		const reply = await thread.#reply();
		const errors = 'ready' in reply ? reply.ready : ['unexpected answer'];
		if (errors.length) {
			await thread.close();
			throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
		}
		return thread;
	}

	/** Hands Pagefind a page (`sourcePath` as if read from the written site). */
	add(sourcePath: string, content: string): void {
		this.#worker.postMessage({ add: { sourcePath, content } } satisfies SearchThreadRequest);
	}

	/** Writes the index into `outDir/pagefind` once every page handed over is indexed; the pages indexed. */
	async write(outDir: string): Promise<number> {
		const answer = this.#reply();
		this.#worker.postMessage({ write: outDir } satisfies SearchThreadRequest);
		const reply = await answer;
		if (!('written' in reply)) throw new Error('the search index thread gave an unexpected answer');
		if ('problem' in reply.written) throw new Error(reply.written.problem);
		return reply.written.pages;
	}

	/** Stops Pagefind and the thread. */
	async close(): Promise<void> {
		if (this.#stopped) return;
		const exited = new Promise((resolve) => this.#worker.once('exit', resolve));
		this.#worker.ref();
		this.#worker.postMessage({ close: true } satisfies SearchThreadRequest);
		await exited;
	}
}
