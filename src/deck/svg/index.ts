/**
 * The preview writer: a scene slide as an `<svg role="img">` whose `<title>` is "Slide N: <title>".
 * It draws the scene's own geometry (`../draw/`) in points (a 13.333 x 7.5 in slide is a 960 x 540
 * view box), with the scene's fonts; Calibri falls back to Carlito, its metric twin, which the
 * site serves from `public/fonts/` (see {@link fontFaceCss}). Kerning and ligatures are on, as the
 * scene's measurement and the .pptx's renderers have them.
 */
import { drawSlide, pathData, type DrawItem } from '../draw/index.ts';
import type { Scene } from '../scene.ts';
import { PT_PER_IN } from '../text.ts';
import { escapeXml } from '../xml.ts';

/**
 * `@font-face` rules for Carlito, served from `base` (e.g. `/fonts/`). A Carlito installed on the
 * machine is used first (`local()`, by its full and PostScript names): the site's own copy is
 * 1.3 MB to download and decode, and the page's own text, whose font stack names Carlito too,
 * was laid out again when it arrived.
 */
export function fontFaceCss(base = '/fonts/'): string {
	return [
		['400', 'Carlito-Regular.ttf', "local('Carlito')"],
		['700', 'Carlito-Bold.ttf', "local('Carlito Bold'),local('Carlito-Bold')"],
	]
		.map(
			([weight, file, local]) =>
				`@font-face{font-family:Carlito;font-style:normal;font-weight:${weight};font-display:swap;src:${local},url(${base}${file}) format("truetype")}`,
		)
		.join('');
}

/** The CSS font stack for a scene font: the font itself, then its metric twin. */
export function fontStack(family: string): string {
	const twins = /calibri/i.test(family)
		? ', Carlito'
		: /arial|helvetica/i.test(family)
			? ", 'Liberation Sans', Arimo"
			: ', Carlito';
	return `'${family.replace(/['\\<>&"]/g, '')}'${twins}, sans-serif`;
}

const n = (value: number) => String(Math.round(value * PT_PER_IN * 100) / 100);
const pt = (value: number) => String(Math.round(value * 100) / 100);

/** An image drawn from the symbol `id` (see {@link imageSymbols}), stretched to its box as `<image>` would be. */
const linkedImage = (id: string, entry: Extract<DrawItem, { type: 'image' }>) =>
	`<use href="#${escapeXml(id)}" x="${n(entry.x)}" y="${n(entry.y)}" width="${n(entry.w)}" height="${n(entry.h)}"/>`;

function item(entry: DrawItem, images?: Map<string, string>): string {
	switch (entry.type) {
		case 'rect': {
			const fill = entry.fill ? `#${entry.fill}` : 'none';
			const stroke = entry.stroke
				? ` stroke="#${entry.stroke}" stroke-width="${pt(entry.strokeWidth ?? 0.75)}"`
				: '';
			const radius = entry.radius ? ` rx="${n(entry.radius)}"` : '';
			return `<rect x="${n(entry.x)}" y="${n(entry.y)}" width="${n(entry.w)}" height="${n(entry.h)}"${radius} fill="${fill}"${stroke}/>`;
		}
		case 'ellipse':
			return `<ellipse cx="${n(entry.cx)}" cy="${n(entry.cy)}" rx="${n(entry.rx)}" ry="${n(entry.ry)}" fill="#${entry.fill}"/>`;
		case 'path': {
			const d = pathData(entry.segments, PT_PER_IN);
			const stroke = entry.stroke
				? ` stroke="#${entry.stroke}" stroke-width="${pt(entry.strokeWidth ?? 0.75)}" stroke-linejoin="round"`
				: '';
			return `<path d="${d}" fill="${entry.fill ? `#${entry.fill}` : 'none'}"${stroke}/>`;
		}
		case 'image': {
			if (images) {
				let id = images.get(entry.data);
				if (id === undefined) images.set(entry.data, (id = `slide-image-${images.size + 1}`));
				return linkedImage(id, entry);
			}
			return `<image href="${escapeXml(entry.data)}" x="${n(entry.x)}" y="${n(entry.y)}" width="${n(entry.w)}" height="${n(entry.h)}" preserveAspectRatio="none"/>`;
		}
		case 'text': {
			const anchor =
				entry.anchor && entry.anchor !== 'start' ? ` text-anchor="${entry.anchor}"` : '';
			return `<text x="${n(entry.x)}" y="${n(entry.y)}" font-family="${escapeXml(fontStack(entry.family))}" font-size="${pt(entry.size)}"${entry.bold ? ' font-weight="700"' : ''} fill="#${entry.color}"${anchor}>${escapeXml(entry.text)}</text>`;
		}
	}
}

/** Options for {@link slideSvg}. */
export interface SlideSvgOptions {
	/** `id` of the `<title>` element (for `aria-labelledby`), e.g. `slide-3-title`. */
	titleId?: string;
	/** Extra attributes' class on the root element. */
	className?: string;
	/**
	 * Images shared by reference, for a page showing many slides: each image is drawn as a `<use>`
	 * of a symbol whose id this map gives by the image's data URL (an image not in it yet is added),
	 * and the page defines the symbols once ({@link imageSymbols}). Without it every slide carries
	 * its images' bytes: the logo alone is 18 KB, on every slide of a 26-slide deck.
	 */
	images?: Map<string, string>;
}

/** Slide `index` (from 0) as an SVG document fragment. */
export function slideSvg(scene: Scene, index: number, options: SlideSvgOptions = {}): string {
	const drawn = drawSlide(scene, index);
	const slide = scene.slides[index]!;
	const w = n(drawn.w);
	const h = n(drawn.h);
	const titleId = options.titleId ? ` id="${escapeXml(options.titleId)}"` : '';
	const labelled = options.titleId ? ` aria-labelledby="${escapeXml(options.titleId)}"` : '';
	const className = options.className ? ` class="${escapeXml(options.className)}"` : '';
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${w} ${h}"${className}${labelled} style="font-kerning:normal">` +
		`<title${titleId}>${escapeXml(`Slide ${index + 1}: ${slide.title}`)}</title>` +
		`<rect width="${w}" height="${h}" fill="#${drawn.background}"/>` +
		drawn.items.map((entry) => item(entry, options.images)).join('') +
		'</svg>'
	);
}

/**
 * The symbols the slides drawn with `images` (see {@link SlideSvgOptions.images}) use, in one
 * hidden `<svg>` for the page; an image box of 1 x 1 that each `<use>` stretches to its own box.
 * Empty when there are none.
 */
export function imageSymbols(images: ReadonlyMap<string, string>): string {
	if (!images.size) return '';
	const symbols = [...images].map(
		([data, id]) =>
			`<symbol id="${escapeXml(id)}" viewBox="0 0 1 1" preserveAspectRatio="none"><image href="${escapeXml(data)}" width="1" height="1" preserveAspectRatio="none"/></symbol>`,
	);
	return `<svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" width="0" height="0" style="position:absolute">${symbols.join('')}</svg>`;
}

/** Every slide of the scene as SVG. */
export function sceneSvgs(scene: Scene): string[] {
	return scene.slides.map((_, index) => slideSvg(scene, index));
}
