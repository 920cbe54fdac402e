/**
 * The scene: a deck as renderer-neutral data. The plan (`plan/`) makes it from a briefing; the
 * writers (`pptx/`, `svg/`, `pdf/`) draw it and know nothing of briefings, insights or brands.
 *
 * Everything is measured in inches from the slide's top left corner; font sizes in points; colours
 * are `RRGGBB` without `#`. Every text is already sized to fit its box by our own measurement
 * (`text.ts`), so a writer places it as given and never shrinks or wraps differently on purpose.
 */

import type { Template } from './template/model.ts';

/** Where a frame sits, in inches. */
export interface Frame {
	x: number;
	y: number;
	w: number;
	h: number;
}

/**
 * What a frame is on its slide, so a writer can put it where it belongs: the slide's title into a
 * title placeholder, body text into a body placeholder, and decoration out of the reading order.
 */
export type FrameRole = 'title' | 'body' | 'stat' | 'chart' | 'image' | 'decoration';

/** A piece of text with one format. */
export interface Run {
	text: string;
	bold?: boolean;
	color?: string;
	/** Link target (http/https). */
	hyperlink?: string;
}

/** One paragraph of a text frame. */
export interface SceneParagraph {
	runs: Run[];
	/** Font size relative to the frame's size. */
	scale?: number;
	/** Space before, in multiples of the frame's size (not on the first paragraph). */
	spaceBefore?: number;
	/** A bullet, or an automatic number starting at `startAt` (numbers continue in the frame). */
	bullet?: { kind: 'bullet' } | { kind: 'number'; startAt: number };
	/** Hanging indent for the bullet, inches. */
	indent?: number;
}

/** Text, sized by our own measurement. */
export interface TextFrame extends Frame {
	kind: 'text';
	/** `title` for the slide's title, `body`, `stat` (a stat call-out) or `chart` (its title). */
	role: Exclude<FrameRole, 'image' | 'decoration'>;
	/** What it is, for layout reports: "headline", "points", ... */
	name: string;
	paragraphs: SceneParagraph[];
	/** Font size in points (paragraph scales apply on top). */
	size: number;
	font: string;
	color: string;
	bold: boolean;
	align: 'left' | 'center' | 'right';
	valign: 'top' | 'middle' | 'bottom';
	/** Line pitch as a multiple of the size. */
	lineSpacing: number;
	/** False when the text could not be made to fit (reported, never expected). */
	fits: boolean;
	/**
	 * On a company template: this text goes into the slide layout's title placeholder, inheriting
	 * its font and colour; `inherit` when the layout's box is used as it is (else `x,y,w,h`).
	 */
	placeholder?: { type: 'title' | 'ctrTitle'; inherit: boolean };
}

/** A filled shape: panels, rules and bars that carry no information of their own. */
export interface ShapeFrame extends Frame {
	kind: 'rect' | 'roundRect' | 'ellipse';
	role: 'decoration';
	/** Always true: screen readers and the reading order skip it. */
	decorative: true;
	fill: string;
	line?: string;
}

/** A picture. */
export interface ImageFrame extends Frame {
	kind: 'image';
	role: 'image';
	/** A `data:image/png;base64,...` URL. */
	data: string;
	/** Alternative text. */
	alt: string;
}

/** A chart's data, as the writer draws it (a native chart in a .pptx, vectors elsewhere). */
export interface SceneChart {
	kind: 'bar' | 'column' | 'line' | 'pie' | 'doughnut';
	title: string;
	/** Unit of the values: `%`, `$`, `$M`, `hours`, ... */
	unit?: string;
	/** Category labels. */
	labels: string[];
	/** Every series has one value per label. */
	series: Array<{ name: string; values: number[] }>;
}

/** A chart. */
export interface ChartFrame extends Frame {
	kind: 'chart';
	role: 'chart';
	chart: SceneChart;
	/** Alternative text: what the chart shows, from its title, unit and values. */
	alt: string;
	font: string;
	/** Series (or, for pies, category) colours. */
	colors: string[];
	textColor: string;
	mutedColor: string;
	gridColor: string;
	/** Font size of axis and data labels. */
	labelSize: number;
}

export type SceneFrame = TextFrame | ShapeFrame | ImageFrame | ChartFrame;

/** What kind of slide; each kind has its own layout in `plan/layouts.ts`. */
export type SlideKind =
	'title' | 'agenda' | 'insight' | 'questions' | 'sources' | 'next-step' | 'closing';

/** One slide. */
export interface SceneSlide {
	kind: SlideKind;
	/** Which master: the dark one (title, closing) or the content one. */
	master: 'dark' | 'content';
	/** The slide's title as a reader names it (outline, bookmarks, document properties). */
	title: string;
	/** Speaker notes: talk track and provenance. */
	notes: string;
	/** In reading order. */
	frames: SceneFrame[];
	/** On a company template: the part name of the slide layout this slide is built on. */
	layout?: string;
}

/** What a master carries behind every slide that uses it. */
export interface SceneMaster {
	/** Background colour. */
	background: string;
	frames: SceneFrame[];
}

/** Document-level facts a writer needs. */
export interface SceneMeta {
	/** Title of the document (the first slide's title). */
	title: string;
	subject: string;
	author: string;
	/** Company that made the deck. */
	company: string;
	/** BCP 47 language of the text. */
	language: string;
	/** Created and modified time: document properties and zip entry times. */
	modified: Date;
}

/** A whole deck. */
export interface Scene {
	/** Slide size in inches. */
	size: { w: number; h: number };
	meta: SceneMeta;
	/** The theme's fonts: headings and body. */
	theme: { headingFont: string; bodyFont: string; bulletColor: string };
	/** Every font family the scene names. */
	fonts: string[];
	masters: {
		dark: SceneMaster;
		content: SceneMaster & {
			/** Where the content master shows the slide number. */
			slideNumber: Frame & { font: string; size: number; color: string };
		};
	};
	slides: SceneSlide[];
	/** Text frames that did not fit their box ("slide 4 (insight): points"); empty when all fit. */
	overflows: string[];
	/** Things an author should know, e.g. a brand font whose widths are only estimated. */
	warnings: string[];
	/** The company template the slides are built on (its masters replace `masters`). */
	template?: Template;
}
