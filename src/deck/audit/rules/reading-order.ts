/**
 * Reading order: screen readers read a slide's shapes in shape-tree order. The title comes first,
 * and the order follows what a reader sees: within a column top to bottom, within a row in the
 * direction of the text. (Columns may be read one after another: a shape in the next column may
 * sit higher than the last one of the previous column. The title is read first wherever it sits,
 * e.g. below a small eyebrow line.)
 */
import { shapesOf, type Box, type Shape } from '../shapes.ts';
import type { OpenedDeck } from '../package.ts';
import { quote, type AuditFinding } from '../types.ts';

function label(shape: Shape): string {
	return quote(shape.text || shape.descr || shape.name || `#${shape.id}`, 40);
}

const isTitle = (shape: Shape) =>
	shape.placeholder?.type === 'title' || shape.placeholder?.type === 'ctrTitle';

function overlap(a0: number, a1: number, b0: number, b1: number): number {
	return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

function contains(outer: Box, inner: Box): boolean {
	return (
		outer.x <= inner.x &&
		outer.y <= inner.y &&
		outer.x + outer.w >= inner.x + inner.w &&
		outer.y + outer.h >= inner.y + inner.h
	);
}

/** Why `later` should not be read after `earlier`, or undefined when the order is fine. */
export function orderProblem(earlier: Box, later: Box, rtl: boolean): string | undefined {
	if (contains(earlier, later) || contains(later, earlier)) return undefined;
	const sharedX = overlap(earlier.x, earlier.x + earlier.w, later.x, later.x + later.w);
	const sharedY = overlap(earlier.y, earlier.y + earlier.h, later.y, later.y + later.h);
	// Same column, and the later one sits wholly above.
	if (sharedX > 0.25 * Math.min(earlier.w, later.w) && later.y + later.h <= earlier.y)
		return 'sits above it';
	// Same row, and the later one sits wholly before it in the reading direction.
	if (sharedY > 0.5 * Math.min(earlier.h, later.h)) {
		if (!rtl && later.x + later.w <= earlier.x) return 'sits to its left';
		if (rtl && later.x >= earlier.x + earlier.w) return 'sits to its right';
	}
	return undefined;
}

export function checkReadingOrder(deck: OpenedDeck): AuditFinding[] {
	const findings: AuditFinding[] = [];
	for (const slide of deck.slides) {
		const shapes = shapesOf(slide.xml, [slide.layout, slide.master]).filter(
			(shape) => !shape.decorative && !shape.hidden,
		);
		const at = (message: string) =>
			findings.push({ slide: slide.number, rule: 'reading-order', severity: 'warning', message });
		const titleIndex = shapes.findIndex(isTitle);
		if (titleIndex > 0) {
			at(`the title is read after ${label(shapes[0]!)}; it should come first`);
			continue;
		}
		// Right to left when most of the slide's paragraphs are.
		const paragraphs = shapes.flatMap((shape) => shape.paragraphs.filter((p) => p.runs.length));
		const rtl = paragraphs.filter((p) => p.rtl).length * 2 > paragraphs.length;
		const placed = shapes.filter((shape): shape is Shape & { box: Box } => !!shape.box);
		search: for (let j = 1; j < placed.length; j++) {
			for (let i = 0; i < j; i++) {
				// The title is read first wherever it sits.
				if (isTitle(placed[i]!)) continue;
				const problem = orderProblem(placed[i]!.box, placed[j]!.box, rtl);
				if (problem) {
					at(`${label(placed[j]!)} is read after ${label(placed[i]!)} but ${problem}`);
					break search;
				}
			}
		}
	}
	return findings;
}
