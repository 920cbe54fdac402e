/**
 * The template's masters as the scene's previews and PDF draw them: each layout's background
 * colour, its PNG pictures (backgrounds, logos) and solid rectangles. Simplified on purpose: JPEG
 * pictures, other drawn shapes and gradients of the template are left out (a gradient shows as its first colour); the
 * .pptx carries the template itself. Solid rectangles (bands, panels) are drawn.
 */
import type { Frame, ImageFrame, SceneMaster, ShapeFrame } from '../scene.ts';
import type { LayoutChoice } from './choose.ts';
import type { Template, TemplateLayout } from './model.ts';

const pngSignature = [0x89, 0x50, 0x4e, 0x47];

/** A PNG part as a data URL, or undefined for anything else. */
function pngDataUrl(bytes: Uint8Array | undefined): string | undefined {
	if (!bytes || !pngSignature.every((byte, i) => bytes[i] === byte)) return undefined;
	let binary = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return `data:image/png;base64,${btoa(binary)}`;
}

const hex = (color: string | undefined) => color?.replace(/^#/, '').toUpperCase();

/** The master a preview draws behind slides on `layout`. */
export function previewMaster(template: Template, layout: TemplateLayout): SceneMaster {
	const { width, height } = template.slideSize;
	const frames: Array<ImageFrame | ShapeFrame> = [];
	const picture = (part: string | undefined, box: Frame, alt: string) => {
		const data = pngDataUrl(part ? template.parts.get(part) : undefined);
		if (data) frames.push({ kind: 'image', role: 'image', data, alt, ...box });
	};
	if (layout.background.image) {
		picture(layout.background.image, { x: 0, y: 0, w: width, h: height }, '');
	}
	for (const pic of layout.pictures) {
		if (pic.part !== layout.background.image) picture(pic.part, pic.box, pic.description);
	}
	for (const rect of layout.rects) {
		frames.push({
			kind: 'rect',
			role: 'decoration',
			decorative: true,
			fill: hex(rect.color)!,
			...rect.box,
		});
	}
	return { background: hex(layout.background.color) ?? 'FFFFFF', frames };
}

/** Where previews put the slide number: the layout's slide-number placeholder, if it has one. */
export function previewSlideNumber(choice: LayoutChoice, template: Template, color: string) {
	const box = choice.layout.placeholders.find((ph) => ph.type === 'sldNum')?.box ?? {
		x: template.slideSize.width - 1.5,
		y: template.slideSize.height - 0.5,
		w: 1.2,
		h: 0.3,
	};
	return { ...box, font: template.theme.fonts.minor, size: 10, color };
}
