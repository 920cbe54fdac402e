/**
 * Where preview slides are drawn: in a module worker when the browser starts one, else on the main
 * thread with a yield between slides, so even then no single task holds up typing for the whole
 * deck. A worker that fails to load (blocked script, old browser) switches to the main thread and
 * redraws what it was asked. Answers come back through one callback, with the request's id.
 */
import type { PreviewRequest, PreviewResponse } from '../../builder/preview-input.ts';
import type { PreviewSlide } from '../../builder/slide-diff.ts';
import { yieldToMain } from './yield.ts';
// The worker's script, a chunk of this page's bundle (src/integrations/worker-chunks.ts).
import previewWorkerUrl from './preview-worker.ts?worker-chunk';

/** Draws previews; `onResponse` gets each request's answer once. */
export interface PreviewDrawer {
	draw(request: PreviewRequest): void;
}

/** Planning and SVG writing on the main thread, a slide per task. */
function mainThreadDrawer(onResponse: (response: PreviewResponse) => void): PreviewDrawer {
	let engine: Promise<typeof import('../../builder/preview-slides.ts')> | undefined;
	const run = async (request: PreviewRequest): Promise<PreviewResponse> => {
		const { previewScene, previewSlide } = await (engine ??=
			import('../../builder/preview-slides.ts'));
		await yieldToMain();
		const scene = previewScene(request);
		const slides: PreviewSlide[] = [];
		for (let index = 0; index < scene.slides.length; index++) {
			await yieldToMain();
			slides.push(previewSlide(scene, index));
		}
		return { id: request.id, slides };
	};
	return {
		draw(request) {
			run(request).then(onResponse, (error: unknown) =>
				onResponse({
					id: request.id,
					error: error instanceof Error ? error.message : String(error),
				}),
			);
		},
	};
}

/** A module worker when one starts, else the main thread. */
export function createPreviewDrawer(
	onResponse: (response: PreviewResponse) => void,
): PreviewDrawer {
	let fallback: PreviewDrawer | undefined;
	const onMainThread = () => (fallback ??= mainThreadDrawer(onResponse));
	let worker: Worker | undefined;
	try {
		worker = new Worker(previewWorkerUrl, { type: 'module' });
	} catch {
		// Workers can be refused (a content security policy, a very old browser).
		return onMainThread();
	}
	let pending: PreviewRequest | undefined;
	worker.addEventListener('message', (event: MessageEvent<PreviewResponse>) => {
		if (pending?.id === event.data.id) pending = undefined;
		onResponse(event.data);
	});
	// A worker whose script cannot load or run reports an error event: give up on it and draw the
	// request it was holding on the main thread.
	worker.addEventListener('error', (event) => {
		event.preventDefault();
		worker?.terminate();
		worker = undefined;
		const request = pending;
		pending = undefined;
		if (request) onMainThread().draw(request);
	});
	return {
		draw(request) {
			if (!worker) return onMainThread().draw(request);
			pending = request;
			worker.postMessage(request);
		},
	};
}
