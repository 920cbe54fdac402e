/**
 * The .pptx writer: a scene in, the bytes of a clean package out (pptxgenjs draws the slides,
 * `package.ts` makes the package deterministic and well-formed). Knows nothing of briefings.
 */
import type { Scene } from '../scene.ts';
import { accessibleSlide, markShapes } from './accessibility.ts';
import type { RawDeflate } from './deflate.ts';
import { graftOnTemplate } from './graft.ts';
import { normalizeParts } from './package.ts';
import type { PartReader } from './problems.ts';
import { renderSlides } from './slides.ts';
import { deterministicZip, sortedNames } from './zip.ts';

/** MIME type of a .pptx file. */
export const PPTX_MIME =
	'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** How a .pptx is written. */
export interface PptxOptions {
	/**
	 * The compressor of the zip's parts (default: `fastDeflate`, plain JavaScript, which gives the
	 * same bytes in Node and in the browser). Another gives other bytes of the same parts.
	 */
	deflate?: RawDeflate;
	/**
	 * Reads the package's XML parts while the writer checks them, e.g. the deck audit's
	 * `auditReader`, so a deck audited right after is not parsed again.
	 */
	reader?: PartReader;
}

/** Writes the scene as a .pptx; the same scene (and compressor) gives the same bytes. */
export async function writePptx(scene: Scene, options: PptxOptions = {}): Promise<Uint8Array> {
	return (await writePptxParts(scene, options)).bytes;
}

/**
 * The .pptx of {@link writePptx} and its parts by name, in the zip's entry order (for reading it
 * without unzipping).
 */
export async function writePptxParts(
	scene: Scene,
	options: PptxOptions = {},
): Promise<{ bytes: Uint8Array; parts: ReadonlyMap<string, Uint8Array> }> {
	const drawn = await renderSlides(scene);
	// On a company template, the slides move onto its package (masters, layouts, theme).
	const raw = scene.template ? graftOnTemplate(drawn, scene, scene.template) : drawn;
	const parts = normalizeParts(raw, {
		title: scene.meta.title,
		subject: scene.meta.subject,
		author: scene.meta.author,
		company: scene.meta.company,
		slideTitles: scene.slides.map((slide) => slide.title),
		fonts: scene.fonts,
		timestamp: scene.meta.modified,
		bulletColor: scene.theme.bulletColor,
		language: scene.meta.language,
		...(options.deflate ? { deflate: options.deflate } : {}),
		...(options.reader ? { reader: options.reader } : {}),
		rewrite: (part, xml) => {
			const slide = /^ppt\/slides\/slide(\d+)\.xml$/.exec(part);
			if (slide) return accessibleSlide(xml, scene.slides[Number(slide[1]) - 1]!);
			// pptxgenjs writes its default layout first, then one per master in definition order.
			const layout = /^ppt\/slideLayouts\/slideLayout([23])\.xml$/.exec(part);
			// A template's layouts are its own, not drawn from the scene's masters.
			if (layout && !scene.template)
				return markShapes(
					xml,
					layout[1] === '2' ? scene.masters.dark.frames : scene.masters.content.frames,
				);
			return xml;
		},
	});
	const ordered = new Map(sortedNames(parts.keys()).map((name) => [name, parts.get(name)!]));
	return {
		bytes: deterministicZip(ordered, scene.meta.modified, options.deflate),
		parts: ordered,
	};
}
