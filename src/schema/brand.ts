/**
 * Schema of `content/brand.yaml`: the one brand definition that styles both the site and the decks.
 */
import { z } from 'astro/zod';
import { text } from './common.ts';

/** A colour written `#RRGGBB`. */
const colorSchema = z
	.string()
	.regex(/^#[0-9a-fA-F]{6}$/, 'a colour written #RRGGBB, e.g. #1F3A5F')
	.transform((value) => value.toUpperCase());

/** The brand. */
export const brandSchema = z.object({
	/** Company name, shown in the site header and on every slide's footer. */
	name: text(60),
	/** Name of the library as users see it, e.g. "Insight Library". */
	product: text(60),
	/** One line under the name on the home page. */
	tagline: text(160),
	/** Logo files in `public/`: an SVG for the site and a PNG for decks (PowerPoint needs raster). */
	logo: z.object({
		/** Path under `public/`, e.g. "brand/logo.svg". */
		svg: z.string().regex(/\.svg$/, 'a path ending in .svg'),
		/** Path under `public/`, e.g. "brand/logo.png". */
		png: z.string().regex(/\.png$/, 'a path ending in .png'),
		/** Width divided by height of the logo, so decks place it without distortion. */
		aspectRatio: z.number().positive(),
		/** Text alternative for the logo. */
		alt: text(80),
	}),
	/** Colours, each `#RRGGBB`. */
	colors: z.object({
		/** Main brand colour: title slides, headings, buttons. */
		primary: colorSchema,
		/** Highlight colour: big numbers, accents. */
		accent: colorSchema,
		/** Body text. */
		text: colorSchema,
		/** Secondary text: captions, sources, footers. */
		muted: colorSchema,
		/** Page and slide background. */
		background: colorSchema,
		/** Panels and cards on the background. */
		surface: colorSchema,
		/** Chart series colours, in order. */
		chart: z.array(colorSchema).min(4),
	}),
	/** Fonts. Decks name a font PowerPoint has (the site adds web-safe fallbacks). */
	fonts: z.object({
		/** Headings. */
		heading: text(60),
		/** Body text. */
		body: text(60),
	}),
	/** Optional link to the company's site, in the site footer. */
	url: z.url().optional(),
});

export type Brand = z.infer<typeof brandSchema>;
