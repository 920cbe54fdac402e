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

/** Scripts our font metrics do not cover, which the fitter measures at a full em per character. */
const estimatedScripts: Array<[string, RegExp]> = [
	[
		'Chinese, Japanese or Korean',
		/[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/,
	],
	['Arabic', /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/],
	['Hebrew', /[\u0590-\u05FF\uFB1D-\uFB4F]/],
];

/** Warnings about text in scripts whose widths are estimated (the text fits, maybe with room to spare). */
export function scriptWarnings(slides: ReadonlyArray<{ frames: SceneFrame[] }>): string[] {
	const text = slides
		.flatMap((slide) => slide.frames)
		.flatMap((frame) =>
			frame.kind === 'text' ? frame.paragraphs.flatMap((p) => p.runs.map((r) => r.text)) : [],
		)
		.join(' ');
	return estimatedScripts
		.filter(([, pattern]) => pattern.test(text))
		.map(
			([name]) =>
				`${name} text is measured with an estimate (a full em per character; the fonts' widths are not known here): check the slides`,
		);
}
