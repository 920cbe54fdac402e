/**
 * Schema of `content/brand.yaml`: the one brand definition that styles both the site and the decks.
 */
import { z } from 'astro/zod';
import { text } from './common.ts';
import { templateSlideKinds } from './template-kinds.ts';

/** A colour written `#RRGGBB`. */
const colorSchema = z
	.string()
	.regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #RRGGBB, e.g. #1F3A5F')
	.transform((value) => value.toUpperCase());

/**
 * A font family name as PowerPoint and CSS take it: letters (any script), digits, spaces, dots,
 * hyphens, underscores and apostrophes. Quotes, angle brackets, commas and the like are refused:
 * the name is written into XML attributes and CSS, and a list of fonts is not a name.
 */
const fontSchema = text(60).regex(
	/^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M} ._'-]*[\p{L}\p{N}\p{M}.])?$/u,
	'a font name made of letters, digits, spaces, dots, hyphens or apostrophes, e.g. "Calibri" (one name, not a list)',
);

/** A file under `public/`, by a relative path that cannot climb out of it. */
const publicPath = (extension: 'svg' | 'png') =>
	z
		.string()
		.regex(new RegExp(`\\.${extension}$`), `a path ending in .${extension}`)
		.refine(
			(value) => !/^[\\/]|^[a-zA-Z]:|(^|[\\/])\.\.([\\/]|$)/.test(value),
			`a path inside public/, relative and without "..", e.g. "brand/logo.${extension}"`,
		);

export { templateSlideKinds };

/** A path under `public/` that cannot leave it: relative, `/`-separated, no `..` segments. */
const templatePath = z
	.string()
	.regex(/\.(potx|pptx)$/i, 'a .potx or .pptx file, e.g. "brand/template.potx"')
	.refine(
		(value) =>
			!value.startsWith('/') &&
			!value.includes('\\') &&
			!/^[a-zA-Z]:/.test(value) &&
			!value.split('/').some((segment) => segment === '..' || segment === '.' || segment === ''),
		'a path inside public/, relative and without ".." (e.g. "brand/template.potx")',
	);

/** The brand. */
export const brandSchema = z.strictObject({
	/** Company name, shown in the site header and on every slide's footer. */
	name: text(60).describe("Company name, shown in the site header and on every slide's footer."),
	/** Name of the library as users see it, e.g. "Insight Library". */
	product: text(60).describe('Name of the library as users see it, e.g. "Insight Library".'),
	/** One line under the name on the home page. */
	tagline: text(160).describe('One line under the name on the home page.'),
	/** Logo files in `public/`: an SVG for the site and a PNG for decks (PowerPoint needs raster). */
	logo: z.strictObject({
		/** Path under `public/`, e.g. "brand/logo.svg". */
		svg: publicPath('svg').describe(
			'SVG logo for the site: a path under public/, e.g. "brand/logo.svg".',
		),
		/** Path under `public/`, e.g. "brand/logo.png". */
		png: publicPath('png').describe(
			'PNG logo for decks (PowerPoint needs raster): a path under public/, e.g. "brand/logo.png".',
		),
		/** Width divided by height of the logo, so decks place it without distortion. */
		aspectRatio: z
			.number()
			.positive()
			.describe('Width divided by height of the logo, so decks place it without distortion.'),
		/** Text alternative for the logo. */
		alt: text(80).describe('Text alternative for the logo.'),
	}),
	/** Colours, each `#RRGGBB`. */
	colors: z.strictObject({
		/** Main brand colour: title slides, headings, buttons. */
		primary: colorSchema.describe('Main brand colour: title slides, headings, buttons.'),
		/** Highlight colour: big numbers, accents. */
		accent: colorSchema.describe('Highlight colour: big numbers, accents.'),
		/** Body text. */
		text: colorSchema.describe('Body text.'),
		/** Secondary text: captions, sources, footers. */
		muted: colorSchema.describe('Secondary text: captions, sources, footers.'),
		/** Page and slide background. */
		background: colorSchema.describe('Page and slide background.'),
		/** Panels and cards on the background. */
		surface: colorSchema.describe('Panels and cards on the background.'),
		/** Chart series colours, in order. */
		chart: z.array(colorSchema).min(4).describe('Chart series colours, in order: at least four.'),
	}),
	/** Fonts. Decks name a font PowerPoint has (the site adds web-safe fallbacks). */
	fonts: z.strictObject({
		/** Headings. */
		heading: fontSchema.describe('Heading font; decks need a font PowerPoint has, e.g. Calibri.'),
		/** Body text. */
		body: fontSchema.describe('Body font; decks need a font PowerPoint has, e.g. Calibri.'),
	}),
	/** A company PowerPoint template (`.potx`/`.pptx` under `public/`) every deck is built on. */
	template: templatePath
		.optional()
		.describe(
			'A company PowerPoint template (.potx or .pptx) under public/, e.g. "brand/template.potx": every deck keeps its theme, masters, layouts, backgrounds and footers.',
		),
	/** Layout name per slide kind, overriding the layout chosen by type. */
	templateLayouts: z
		.partialRecord(
			z.enum(templateSlideKinds),
			text(80).describe('The name of a layout in the template, e.g. "Title Only".'),
		)
		.optional()
		.describe(
			'Which template layout each slide kind uses, by layout name (title, agenda, insight, questions, sources, nextStep, closing), e.g. { insight: "Title Only" }; kinds left out are chosen by layout type.',
		),
	/** Optional link to the company's site, in the site footer. */
	url: z.url().optional().describe("Link to the company's site, in the site footer."),
});

export type Brand = z.infer<typeof brandSchema>;
