/**
 * Alternative text: every picture, chart, diagram, group, line and text-less shape either says
 * what it shows (`descr` on its `cNvPr`) or is marked decorative with the extension PowerPoint
 * reads. Shapes with text are read by their text; tables by their cells.
 */
import { shapesOf, type Shape } from '../shapes.ts';
import type { OpenedDeck } from '../package.ts';
import { quote, type AuditFinding } from '../types.ts';

/** What kind of object a shape is, for messages. */
function describe(shape: Shape): string {
	if (shape.kind === 'pic') return 'picture';
	if (shape.kind === 'graphicFrame')
		return shape.graphic === 'chart'
			? 'chart'
			: shape.graphic === 'diagram'
				? 'SmartArt diagram'
				: 'object';
	if (shape.kind === 'grpSp') return 'group';
	if (shape.kind === 'cxnSp') return 'line';
	if (shape.kind === 'contentPart') return 'ink';
	return 'shape';
}

/** Does this shape need alternative text? */
export function needsAltText(shape: Shape): boolean {
	if (shape.hidden || shape.decorative) return false;
	if (shape.kind === 'graphicFrame') return shape.graphic !== 'table';
	if (shape.kind === 'sp') return !shape.text && !shape.placeholder;
	return true;
}

/** Checks the shapes of one slide, group members too unless their group is decorative. */
function missing(shapes: Shape[]): Shape[] {
	return shapes.flatMap((shape) => {
		if (shape.decorative || shape.hidden) return [];
		const own = needsAltText(shape) && (!shape.descr || isFileName(shape.descr)) ? [shape] : [];
		// A described group speaks for its members.
		return shape.kind === 'grpSp' && shape.descr ? own : [...own, ...missing(shape.members)];
	});
}

/** Alternative text that is only a file name (what many generators write when given none). */
export function isFileName(descr: string): boolean {
	return /^[^\s/\\]+\.(png|jpe?g|gif|svg|bmp|tiff?|emf|wmf|webp)$/i.test(descr);
}

export function checkAltText(deck: OpenedDeck): AuditFinding[] {
	return deck.slides.flatMap((slide) =>
		missing(shapesOf(slide.xml, [slide.layout, slide.master])).map((shape) => ({
			slide: slide.number,
			rule: 'alt-text' as const,
			severity: 'error' as const,
			message: shape.descr
				? `${describe(shape)} ${quote(shape.name || `#${shape.id}`)} has a file name for alternative text (${quote(shape.descr)})`
				: `${describe(shape)} ${quote(shape.name || `#${shape.id}`)} has no alternative text and is not marked decorative`,
		})),
	);
}
