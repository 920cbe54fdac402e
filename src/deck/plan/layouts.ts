/**
 * Slide geometry: one named layout per slide kind, in inches on a 16:9 slide (13.333 x 7.5,
 * PowerPoint's "Widescreen"), and the type sizes each box may take (points, [min, max]).
 *
 * These are the built-in brand layouts. Every number the plan places comes from here, so a company
 * template's layout boxes (its title and body placeholders, its slide size) can replace them.
 */
import type { Frame } from '../scene.ts';

/** Slide size in inches. */
export const SLIDE = { w: 13.333, h: 7.5 } as const;

/** Left and right margin. */
export const MARGIN_X = 0.65;

/** Width between the margins. */
export const CONTENT_W = SLIDE.w - 2 * MARGIN_X;

/** Gap between columns and stacked blocks. */
export const GAP = 0.35;

/** A type size range in points: [smallest, largest]. */
export type SizeRange = readonly [number, number];

/** Font sizes (points): [min, max] per role. */
export const SIZES = {
	eyebrow: [10, 13],
	headline: [20, 30],
	body: [11, 20],
	caption: [8, 11],
	statValue: [20, 66],
	titleSlide: [26, 44],
} as const;

/** Where the parts of a content slide sit. */
export const FRAME = {
	/** Small label above the headline (stage, section). */
	eyebrow: { y: 0.42, h: 0.34 },
	/** The headline. */
	headline: { y: 0.8, h: 1.25 },
	/** The body area under the headline. */
	body: { y: 2.25, h: 4.4 },
	/** The footer line and text. */
	footerRule: { y: 6.88 },
	footer: { y: 6.95, h: 0.3 },
	/** The logo, top right. */
	logo: { y: 0.34, h: 0.42 },
} as const;

/** The header every content slide shares: eyebrow and headline (the slide's title). */
export const HEADER_LAYOUT = {
	/** The eyebrow; its width gives way to the logo. */
	eyebrow: { x: MARGIN_X, y: FRAME.eyebrow.y, w: CONTENT_W, h: FRAME.eyebrow.h },
	eyebrowSize: SIZES.eyebrow,
	headline: { x: MARGIN_X, y: FRAME.headline.y, w: CONTENT_W, h: FRAME.headline.h },
	headlineSize: SIZES.headline,
	/** A compact headline (content-heavy slides) stays within two lines and gives the body room. */
	compactHeadline: { x: MARGIN_X, y: FRAME.headline.y, w: CONTENT_W, h: 0.75 },
	compactHeadlineSize: [18, 24] as SizeRange,
	/** Space between a compact headline's last line and the body. */
	compactGap: 0.3,
	/** The body area of a content slide. */
	body: { x: MARGIN_X, y: FRAME.body.y, w: CONTENT_W, h: FRAME.body.h } satisfies Frame,
} as const;

/** The dark master (title and closing slides): logo chip and brand name, top left. */
export const DARK_MASTER_LAYOUT = {
	chip: { x: MARGIN_X, y: 0.55, size: 0.8 },
	/** Space between the chip and the brand name. */
	chipGap: 0.25,
	/** The brand name; moves right of the chip when there is a logo. */
	name: { x: MARGIN_X, y: 0.55, w: 6, h: 0.8 },
	nameSize: [12, 18] as SizeRange,
} as const;

/** The content master: logo top right, a rule and the brand name in the footer, the slide number. */
export const CONTENT_MASTER_LAYOUT = {
	/** The logo's right edge and top; its width follows its aspect ratio. */
	logo: { right: SLIDE.w - MARGIN_X, y: FRAME.logo.y, h: FRAME.logo.h },
	rule: { x: MARGIN_X, y: FRAME.footerRule.y, w: CONTENT_W, h: 0.012 },
	footer: { x: MARGIN_X, y: FRAME.footer.y, w: 8, h: FRAME.footer.h },
	footerSize: [8, 10] as SizeRange,
	slideNumber: { x: SLIDE.w - MARGIN_X - 1.5, y: FRAME.footer.y, w: 1.5, h: FRAME.footer.h },
	slideNumberSize: 10,
} as const;

const titleW = CONTENT_W - 1.5;

/** The title slide. */
export const TITLE_LAYOUT = {
	prospect: { x: MARGIN_X, y: 1.65, w: titleW, h: 0.8 },
	prospectSize: [14, 22] as SizeRange,
	title: { x: MARGIN_X, y: 2.55, w: titleW, h: 1.95 },
	titleSize: SIZES.titleSlide,
	subtitle: { x: MARGIN_X, y: 4.6, w: titleW, h: 0.95 },
	subtitleSize: [15, 22] as SizeRange,
	rule: { x: MARGIN_X, y: 5.75, w: 1.1, h: 0.06 },
	presenter: { x: MARGIN_X, y: 5.95, w: titleW, h: 1.2 },
	presenterSize: [11, 16] as SizeRange,
} as const;

/** The closing slide. */
export const CLOSING_LAYOUT = {
	thanks: { x: MARGIN_X, y: 2.0, w: CONTENT_W, h: 1.0 },
	thanksSize: [32, 48] as SizeRange,
	line: { x: MARGIN_X, y: 3.05, w: CONTENT_W, h: 0.8 },
	lineSize: [14, 22] as SizeRange,
	rule: { x: MARGIN_X, y: 4.05, w: 1.1, h: 0.06 },
	contact: { x: MARGIN_X, y: 4.3, w: 9, h: 2.45 },
	contactSize: [12, 20] as SizeRange,
} as const;

/** The agenda: rows of stage (left column) and its insights (right column). */
export const AGENDA_LAYOUT = {
	body: HEADER_LAYOUT.body,
	leftW: 3.2,
	gap: GAP,
	/** Padding above and below each row's text. */
	rowPad: 0.14,
	/** The rule between rows. */
	ruleH: 0.015,
	size: [11, 20] as SizeRange,
} as const;

/** An insight slide: blocks stacked in columns (see `insight.ts`). */
export const INSIGHT_LAYOUT = {
	body: HEADER_LAYOUT.body,
	/** Space between blocks in a column, and above a full-width band. */
	stackGap: 0.25,
	/** Space between columns. */
	columnGap: GAP,
	/** Padding of a panel (implication, stat call-out) and the width of its accent bar. */
	panelPad: { x: 0.25, y: 0.18, bar: 0.07 },
	/** Padding of an inline stat call-out. */
	inlinePad: { x: 0.2, y: 0.12 },
	/** Padding of the big-number stat panel. */
	statPanelPad: 0.3,
	/** The big-number panel's least height. */
	statPanelMinH: 3,
	/** Height of the big number's box, and the space below it. */
	statValueH: 1.3,
	statValueGap: 0.15,
	statLabelSize: [12, 22] as SizeRange,
	/** The stat's source caption: at most this tall, or this share of the panel. */
	statCaptionMaxH: 1.15,
	statCaptionShare: 0.3,
	statCaptionGap: 0.25,
	/** Space between a callout's label and its source line. */
	calloutCaptionGap: 0.06,
	/** Widths of the left column tried, by preference. */
	chartColumn: { preferred: [6.6, 6.0], narrow: [5.4, 4.8], banded: [6.0, 5.4, 4.8] },
	inlineColumn: { beside: [6.6, 6.0, 5.4], below: [6.6, 6.0], banded: [6.6, 6.0, 5.4] },
	calloutFirstColumn: [5.4, 4.8],
	statColumn: { wide: 4.1, narrow: 3.5 },
	/** Points alone: their column's width (the implication sits in a band below). */
	pointsColumn: { wide: 7.3, narrow: CONTENT_W - 4 },
	/** Space between a chart's title and the chart. */
	chartTitleGap: 0.1,
	/** The chart's source footnote: its box and space above it. */
	footnote: { x: MARGIN_X, w: CONTENT_W, h: 0.5, gap: 0.15 },
	footnoteSize: [SIZES.caption[0], 10] as SizeRange,
	bulletIndent: 0.3,
} as const;

/** The questions slides. */
export const QUESTIONS_LAYOUT = {
	box: { x: MARGIN_X, y: FRAME.body.y, w: CONTENT_W - 0.6, h: FRAME.body.h },
	size: [13, 22] as SizeRange,
	indent: 0.45,
	spaceBefore: 0.55,
} as const;

/** The sources slides. */
export const SOURCES_LAYOUT = {
	box: { x: MARGIN_X, y: FRAME.body.y - 0.15, w: CONTENT_W, h: FRAME.body.h + 0.15 },
	size: [11, 16] as SizeRange,
	indent: 0.25,
} as const;

const panelW = 4.8;
const nextLeftW = CONTENT_W - panelW - GAP;

/** The proposed next step: what we would cover (left) and a panel of date and people (right). */
export const NEXT_STEP_LAYOUT = {
	left: { x: MARGIN_X, y: FRAME.body.y, w: nextLeftW, h: FRAME.body.h },
	leftSize: [13, 24] as SizeRange,
	panel: { x: MARGIN_X + nextLeftW + GAP, y: FRAME.body.y, w: panelW, h: FRAME.body.h },
	/** The accent bar along the panel's top. */
	panelBarH: 0.07,
	/** The panel's text box: offset from the panel's corner, and how much narrower and shorter. */
	panelText: { dx: 0.3, dy: 0.35, dw: 0.6, dh: 0.6 },
	panelSize: [9, 20] as SizeRange,
} as const;
