/**
 * Text contrast (WCAG 2, as PowerPoint's "hard-to-read text contrast"): text with an explicit
 * colour against what is behind it: the shape's own fill, else the filled shapes beneath it on the
 * slide, its layout and master, else the slide's background. At least 4.5:1, or 3:1 for large text
 * (18 pt, or 14 pt bold). Text whose colour or background cannot be known from the file is skipped.
 */
import { kid, kids, type XmlElement } from '../xml.ts';
import {
	colorContext,
	contrastRatio,
	cssHex,
	fillColor,
	over,
	resolveColor,
	type ColorContext,
	type Rgba,
} from '../color.ts';
import { flatten, shapesOf, type Box, type Shape } from '../shapes.ts';
import type { AuditSlide, OpenedDeck } from '../package.ts';
import { quote, type AuditFinding } from '../types.ts';

/** The background of a slide, layout or master (`p:bg`), or undefined. */
function background(part: XmlElement | undefined, context: ColorContext): Rgba | undefined {
	const bg = kid(part, 'cSld', 'bg');
	if (!bg) return undefined;
	const props = kid(bg, 'bgPr');
	if (props) {
		const fill = fillColor(props, context);
		return fill === 'none' ? undefined : fill;
	}
	// A background style reference paints the theme's background fill in the colour given.
	const ref = kid(bg, 'bgRef');
	return ref ? resolveColor(kids(ref)[0], context) : undefined;
}

function shapeFill(shape: Shape, context: ColorContext): Rgba | 'none' | undefined {
	const fill = fillColor(shape.properties, context);
	if (fill) return fill;
	// No fill of its own: a shape style's fill reference, else nothing.
	const ref = kid(shape.element, 'style', 'fillRef');
	if (!ref || ref.attrs.idx === '0') return 'none';
	return resolveColor(kids(ref)[0], context);
}

function covers(outer: Box | undefined, inner: Box): boolean {
	if (!outer) return false;
	const cx = inner.x + inner.w / 2;
	const cy = inner.y + inner.h / 2;
	return cx >= outer.x && cx <= outer.x + outer.w && cy >= outer.y && cy <= outer.y + outer.h;
}

/** The opaque colour behind `shape`, or undefined when unknown. */
function behind(
	slide: AuditSlide,
	layers: Shape[],
	index: number,
	box: Box,
	context: ColorContext,
): Rgba | undefined {
	const transparent: Rgba[] = [];
	for (let i = index - 1; i >= 0; i--) {
		const layer = layers[i]!;
		if (layer.kind !== 'sp' || layer.hidden || !covers(layer.box, box)) continue;
		const fill = shapeFill(layer, context);
		if (fill === 'none') continue;
		if (!fill) return undefined;
		if (fill.a >= 1) return transparent.reduceRight((below, top) => over(top, below), fill);
		transparent.push(fill);
	}
	const base =
		background(slide.xml, context) ??
		background(slide.layout, context) ??
		background(slide.master, context);
	if (!base) return undefined;
	return transparent.reduceRight((below, top) => over(top, below), { ...base, a: 1 });
}

function isLarge(props: XmlElement | undefined): boolean {
	const size = Number(props?.attrs.sz ?? 0) / 100;
	const bold = props?.attrs.b === '1' || props?.attrs.b === 'true';
	return size >= 18 || (bold && size >= 14);
}

export function checkContrast(deck: OpenedDeck): AuditFinding[] {
	const findings: AuditFinding[] = [];
	for (const slide of deck.slides) {
		const context = colorContext(slide.master, slide.theme, slide.xml);
		const showMaster = (part: XmlElement | undefined) => part?.attrs.showMasterSp !== '0';
		const underneath = [
			...(showMaster(slide.xml) && showMaster(slide.layout) ? shapesOf(slide.master) : []),
			...(showMaster(slide.xml) ? shapesOf(slide.layout, [slide.master]) : []),
		].filter((shape) => !shape.placeholder);
		const own = flatten(shapesOf(slide.xml, [slide.layout, slide.master]));
		const layers = [...flatten(underneath), ...own];
		layers.forEach((shape, index) => {
			if (index < layers.length - own.length || !shape.text || !shape.box || shape.hidden) return;
			let worst: { ratio: number; need: number; text: string; fg: Rgba; bg: Rgba } | undefined;
			for (const run of shape.paragraphs.flatMap((p) => p.runs)) {
				if (!run.text.trim()) continue;
				const solid = kid(run.props, 'solidFill');
				const color = solid ? resolveColor(kids(solid)[0], context) : undefined;
				if (!color) continue;
				const fill = shapeFill(shape, context);
				const base =
					fill && fill !== 'none' && fill.a >= 1
						? fill
						: behind(slide, layers, index, shape.box, context);
				if (!base) continue;
				const fg = color.a < 1 ? over(color, base) : color;
				const ratio = contrastRatio(fg, base);
				const need = isLarge(run.props) ? 3 : 4.5;
				if (ratio < need && (!worst || ratio / need < worst.ratio / worst.need))
					worst = { ratio, need, text: run.text, fg, bg: base };
			}
			if (worst)
				findings.push({
					slide: slide.number,
					rule: 'contrast',
					severity: 'warning',
					message: `text ${quote(worst.text, 40)} is ${cssHex(worst.fg)} on ${cssHex(worst.bg)}: ${worst.ratio.toFixed(2)}:1, needs ${worst.need}:1`,
				});
		});
	}
	return findings;
}
