/**
 * The main thread's handle on one render thread (render-thread-worker.ts): pages go in, rendered
 * pages (or their errors) come back in the order sent, and a thread that fails or stops answers
 * every page it still had with `undefined`, for the main thread to render them itself.
 */
import type { Worker } from 'node:worker_threads';
import type { RenderThreadReply, RenderThreadRequest } from './render-thread-protocol.ts';
import type { RenderThreadStart } from './render-thread-setup.ts';
import { typescriptThread } from './typescript-thread.ts';

/** A page a thread rendered: the response's parts and the search index parts it handed over. */
export type ThreadPage = Extract<RenderThreadReply, { body: unknown }>;

/** A page a thread rendered or failed to render; `undefined` when the thread stopped first. */
export type ThreadOutcome = { page: ThreadPage } | { error: Error } | undefined;

export class RenderThread {
	readonly #worker: Worker;
	readonly #waiting = new Map<number, (outcome: ThreadOutcome) => void>();
	#seq = 0;
	#stopped = false;
	/** Closed on purpose: its exit is no failure. */
	#closing = false;

	/** `stopped` hears why the thread stopped, should it fail before it is closed. */
	constructor({ data, log }: RenderThreadStart, stopped?: (reason: string) => void) {
		this.#worker = typescriptThread(new URL('./render-thread-worker.ts', import.meta.url), {
			workerData: data,
		});
		this.#worker.on('message', (reply: RenderThreadReply) => {
			if ('log' in reply) return log(reply.log);
			if (!('id' in reply)) return;
			const answer = this.#waiting.get(reply.id);
			this.#waiting.delete(reply.id);
			if ('error' in reply) {
				const { name, message, stack, hint } = reply.error;
				answer?.({ error: Object.assign(new Error(message), { name, stack, hint }) });
			} else answer?.({ page: reply });
		});
		const stop = (reason: string) => {
			if (this.#stopped) return;
			this.#stopped = true;
			if (!this.#closing) stopped?.(reason);
			for (const answer of this.#waiting.values()) answer(undefined);
			this.#waiting.clear();
		};
		this.#worker.on('error', (error) => stop(error.message));
		this.#worker.on('exit', (code) => stop(`it exited (code ${code})`));
	}

	/** Pages sent and not yet back; Infinity once the thread has stopped (it takes no more). */
	get load(): number {
		return this.#stopped ? Infinity : this.#waiting.size;
	}

	/** Renders the page at `url` of the route with pattern `route` from `component`. */
	render(url: string, route: string, component: string): Promise<ThreadOutcome> {
		if (this.#stopped) return Promise.resolve(undefined);
		const id = ++this.#seq;
		return new Promise((resolve) => {
			this.#waiting.set(id, resolve);
			this.#worker.postMessage({ id, url, route, component } satisfies RenderThreadRequest);
		});
	}

	/** Ends the thread once it has rendered the pages it was sent. */
	async close(): Promise<void> {
		if (this.#stopped) return;
		this.#closing = true;
		const exited = new Promise((resolve) => this.#worker.once('exit', resolve));
		this.#worker.postMessage({ close: true } satisfies RenderThreadRequest);
		await exited;
	}
}
