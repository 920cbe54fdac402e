/**
 * The .pptx writer: a scene in, the bytes of a clean package out (pptxgenjs draws the slides,
 * `package.ts` makes the package deterministic and well-formed). Knows nothing of briefings.
 */
import type { Scene } from '../scene.ts';
import { graftOnTemplate } from './graft.ts';
import { normalizePackage } from './package.ts';
import { renderSlides } from './slides.ts';

/** MIME type of a .pptx file. */
export const PPTX_MIME =
	'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Writes the scene as a .pptx; the same scene gives the same bytes. */
export async function writePptx(scene: Scene): Promise<Uint8Array> {
	const drawn = await renderSlides(scene);
	// On a company template, the slides move onto its package (masters, layouts, theme).
	const raw = scene.template ? graftOnTemplate(drawn, scene, scene.template) : drawn;
	return normalizePackage(raw, {
		title: scene.meta.title,
		subject: scene.meta.subject,
		author: scene.meta.author,
		company: scene.meta.company,
		slideTitles: scene.slides.map((slide) => slide.title),
		fonts: scene.fonts,
		timestamp: scene.meta.modified,
		bulletColor: scene.theme.bulletColor,
		language: scene.meta.language,
	});
}
