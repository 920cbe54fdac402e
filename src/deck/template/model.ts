/** What a company template (.potx/.pptx) offers a deck: size, theme, masters and layouts. */

/** A rectangle on the slide, in inches from the top-left corner. */
export interface TemplateBox {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** Placeholder types a layout may carry (ST_PlaceholderType); no `type` attribute means `obj`. */
export type PlaceholderType =
	| 'title'
	| 'ctrTitle'
	| 'subTitle'
	| 'body'
	| 'obj'
	| 'dt'
	| 'ftr'
	| 'sldNum'
	| 'pic'
	| 'chart'
	| 'tbl'
	| 'clipArt'
	| 'dgm'
	| 'media'
	| 'sldImg'
	| 'hdr';

/** One placeholder of a layout, with its box resolved (inherited from the master if omitted). */
export interface TemplatePlaceholder {
	type: PlaceholderType;
	/** `idx` attribute (0 when absent): what a slide's placeholder names to inherit from this one. */
	idx: number;
	/** Where it sits; undefined only when neither the layout nor its master places it. */
	box?: TemplateBox;
	/** Font of its first run or the master's text style (`+mj-lt`/`+mn-lt` resolved). */
	font?: string;
	/** Text colour `#RRGGBB`, when set as a solid colour. */
	color?: string;
	/** Font size in points, when set. */
	size?: number;
	/** Paragraph alignment its text shows, when set. */
	align?: 'left' | 'center' | 'right';
}

/** A fill as the preview simplifies it: a colour, or a picture (with a colour to fall back to). */
export interface TemplateFill {
	/** `#RRGGBB`: the solid colour, a gradient's first stop, or undefined for a picture alone. */
	color?: string;
	/** Part name of a picture (`ppt/media/image1.png`) filling the background. */
	image?: string;
}

/** A picture on a master or layout (a logo, a background photograph). */
export interface TemplatePicture {
	/** Part name of the image, e.g. `ppt/media/image1.png`. */
	part: string;
	box: TemplateBox;
	/** Its `descr` (alt text) if the template gave one. */
	description: string;
}

/** A solid-filled rectangle drawn on a master or layout (a band, a panel), for previews. */
export interface TemplateRect {
	box: TemplateBox;
	/** `#RRGGBB`. */
	color: string;
}

/** A slide layout: what our slides are built on. */
export interface TemplateLayout {
	/** `p:cSld name`, e.g. "Title Only": what `templateLayouts` in brand.yaml names. */
	name: string;
	/** `type` attribute (`title`, `obj`, `secHead`, `titleOnly`, ...; `cust` when absent). */
	type: string;
	/** Part name, e.g. `ppt/slideLayouts/slideLayout2.xml`. */
	part: string;
	/** Part name of its master. */
	master: string;
	placeholders: TemplatePlaceholder[];
	/** Background (its own, else its master's). */
	background: TemplateFill;
	/** Pictures on the layout and, unless the layout hides them, on its master. */
	pictures: TemplatePicture[];
	/** Solid rectangles on the master (unless hidden) and the layout, in drawing order. */
	rects: TemplateRect[];
}

/** A slide master. */
export interface TemplateMaster {
	part: string;
	/** Part name of its theme. */
	theme: string;
	background: TemplateFill;
	pictures: TemplatePicture[];
	rects: TemplateRect[];
	/** Footer text the master shows (its `ftr` placeholder), if any. */
	footer?: string;
	/** Box of the master's title placeholder. */
	title?: TemplateBox;
	/** Font, colour and size of the master's title placeholder. */
	titleStyle?: { font?: string; color?: string; size?: number };
	/** Box of the master's body placeholder: the template's content area by design. */
	body?: TemplateBox;
}

/** A theme's colour scheme (`#RRGGBB` each) and fonts. */
export interface TemplateTheme {
	name: string;
	colors: {
		dk1: string;
		lt1: string;
		dk2: string;
		lt2: string;
		accent1: string;
		accent2: string;
		accent3: string;
		accent4: string;
		accent5: string;
		accent6: string;
		hlink: string;
		folHlink: string;
	};
	/** Latin typefaces: `major` for headings, `minor` for body text. */
	fonts: { major: string; minor: string };
}

/** Slide size in inches and its shape. */
export interface TemplateSlideSize {
	width: number;
	height: number;
	/** `16:9`, `4:3`, `16:10`, or `custom`. */
	aspect: '16:9' | '4:3' | '16:10' | 'custom';
}

/** Everything read from a template package. */
export interface Template {
	slideSize: TemplateSlideSize;
	/** The first master's theme: the deck's theme. */
	theme: TemplateTheme;
	masters: TemplateMaster[];
	/** Every layout, masters in order, each master's layouts in order. */
	layouts: TemplateLayout[];
	/** The template's own parts, by name: what the pptx writer grafts onto. */
	parts: ReadonlyMap<string, Uint8Array>;
}
