/** The layout report: text that did not fit, frames off the slide, fonts measured by estimate. */
import type { Scene, SceneFrame } from '../scene.ts';
import { isMeasuredFont } from '../text.ts';

/** Every overflow: `slide 4 (insight): points`, `slide master: footer is off the slide`. */
export function overflowReport(
	size: Scene['size'],
	masters: SceneFrame[],
	slides: ReadonlyArray<{ kind: string; frames: SceneFrame[] }>,
): string[] {
	const overflows: string[] = [];
	const all = [{ kind: 'master', frames: masters }, ...slides];
	all.forEach((slide, index) => {
		for (const frame of slide.frames) {
			if (frame.kind === 'text' && !frame.fits)
				overflows.push(`slide ${index} (${slide.kind}): ${frame.name}`);
			if (
				frame.x < -1e-6 ||
				frame.y < -1e-6 ||
				frame.x + frame.w > size.w + 1e-6 ||
				frame.y + frame.h > size.h + 1e-6
			) {
				overflows.push(
					`slide ${index} (${slide.kind}): ${frame.kind === 'text' ? frame.name : frame.kind} is off the slide`,
				);
			}
		}
	});
	return overflows.map((line) => line.replace(/^slide 0 \(master\)/, 'slide master'));
}

/** Warnings about fonts whose widths are estimated, not measured. */
export function fontWarnings(fonts: readonly string[]): string[] {
	return fonts
		.filter((font) => !isMeasuredFont(font))
		.map(
			(font) =>
				`the brand font "${font}" is measured with estimated widths (Calibri and Arial are measured exactly): check the slides`,
		);
}
