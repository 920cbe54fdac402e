/**
 * Pagination of lists (questions, sources): groups of paragraphs over as few pages as the minimum
 * size allows, then the largest size that keeps that page count.
 */
import type { SceneParagraph } from '../scene.ts';
import { largestSize } from '../text.ts';
import { normalizeFirst } from './chrome.ts';
import { measure, type TextSpec } from './frames.ts';

/** Pages of paragraphs, the size they are set at, and whether every page fits. */
export interface Pagination {
	pages: SceneParagraph[][];
	size: number;
	fits: boolean;
}

/**
 * Splits groups of paragraphs over as few pages as the minimum size allows, then uses the largest
 * size that keeps that page count. A group stays on one page unless it alone is too tall.
 */
export function paginate(
	groups: SceneParagraph[][],
	box: { w: number; h: number },
	spec: TextSpec,
): Pagination {
	// Heights add up paragraph by paragraph (the first on a page drops its space before).
	const heightsAt = new Map<number, Map<SceneParagraph, number>>();
	const heightOf = (paragraph: SceneParagraph, size: number) => {
		let cache = heightsAt.get(size);
		if (!cache) heightsAt.set(size, (cache = new Map()));
		let h = cache.get(paragraph);
		if (h === undefined) {
			h = measure([{ ...paragraph, spaceBefore: 0 }], box.w, size, spec).height;
			cache.set(paragraph, h);
		}
		return h;
	};
	const space = (paragraph: SceneParagraph, size: number) =>
		((paragraph.spaceBefore ?? spec.paragraphSpacing ?? 0) * size) / 72;
	const split = (size: number) => {
		const pages: SceneParagraph[][] = [];
		let current: SceneParagraph[] = [];
		let used = 0;
		const add = (paragraph: SceneParagraph) => {
			used += heightOf(paragraph, size) + (current.length ? space(paragraph, size) : 0);
			current.push(paragraph);
		};
		const next = () => {
			if (current.length) pages.push(current);
			current = [];
			used = 0;
		};
		for (const group of groups) {
			const groupH = group.reduce(
				(sum, p, i) => sum + heightOf(p, size) + (i || current.length ? space(p, size) : 0),
				0,
			);
			if (current.length && used + groupH > box.h) next();
			for (const paragraph of group) {
				if (current.length && used + heightOf(paragraph, size) + space(paragraph, size) > box.h)
					next();
				add(paragraph);
			}
		}
		next();
		return {
			pages,
			fits: pages.every(
				(page) =>
					page.reduce((sum, p, i) => sum + heightOf(p, size) + (i ? space(p, size) : 0), 0) <=
					box.h + 1e-6,
			),
		};
	};
	const fewest = split(spec.min).pages.length;
	const { size } = largestSize(spec.min, spec.max, (s) => {
		const result = split(s);
		return result.fits && result.pages.length <= fewest;
	});
	const result = split(size);
	return { pages: result.pages.map(normalizeFirst), size, fits: result.fits };
}
