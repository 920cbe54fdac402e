/**
 * Column layout: blocks (stat call-out, points, implication panel, chart, ...) stacked in columns.
 * A block knows its height at a body size and width, or fills what its column leaves; an
 * arrangement splits a body frame into columns. The insight slide tries several arrangements.
 */
import type { Frame, SceneFrame } from '../scene.ts';
import { INSIGHT_LAYOUT } from './layouts.ts';

/** Space between blocks in a column, and above a full-width band. */
const STACK_GAP = INSIGHT_LAYOUT.stackGap;

/** Something stacked in a column. */
export interface Block {
	/** Height at a body size and column width; undefined for a block that fills what is left. */
	height?: (size: number, w: number) => number;
	/** Minimum height of a filling block at a column width and body size. */
	minHeight?: (w: number, size: number) => number;
	/** Placed at the bottom of its column instead of after the block above. */
	bottom?: boolean;
	render: (frame: Frame, size: number) => SceneFrame[];
}

/** A column of blocks. */
export interface Column extends Frame {
	blocks: Block[];
}

/** One arrangement: the columns for a body frame at a body size. */
export type Arrangement = (body: Frame, size: number) => Column[];

/** `fn` remembering its results: block heights are asked for many times during the search. */
export function memo(fn: (a: number, b: number) => number): (a: number, b: number) => number {
	// By the first number, then the second: Map keys compare numbers as values (no key string is
	// formatted for each of the search's many lookups).
	const cache = new Map<number, Map<number, number>>();
	return (a, b) => {
		let byB = cache.get(a);
		if (!byB) cache.set(a, (byB = new Map()));
		let value = byB.get(b);
		if (value === undefined) byB.set(b, (value = fn(a, b)));
		return value;
	};
}

/** The height a column's blocks need at a body size (filling blocks at their minimum). */
export function columnHeight(column: Column, size: number): number {
	const heights = column.blocks.map((block) =>
		block.height ? block.height(size, column.w) : (block.minHeight?.(column.w, size) ?? 0),
	);
	return heights.reduce((a, b) => a + b, 0) + STACK_GAP * Math.max(0, column.blocks.length - 1);
}

/** A column's frames: blocks top down, `bottom` blocks from the bottom up, fillers sharing the rest. */
export function renderColumn(column: Column, size: number): SceneFrame[] {
	const fixed = column.blocks.filter((block) => block.height);
	const fixedH =
		fixed.reduce((sum, block) => sum + block.height!(size, column.w), 0) +
		STACK_GAP * Math.max(0, column.blocks.length - 1);
	const fillers = column.blocks.filter((block) => !block.height);
	const fillH = fillers.length ? (column.h - fixedH) / fillers.length : 0;
	const frames: SceneFrame[] = [];
	let y = column.y;
	let bottom = column.y + column.h;
	for (const block of [...column.blocks].reverse()) {
		if (!block.bottom) break;
		const h = block.height!(size, column.w);
		bottom -= h;
		frames.push(...block.render({ x: column.x, y: bottom, w: column.w, h }, size));
		bottom -= STACK_GAP;
	}
	for (const block of column.blocks) {
		if (block.bottom) break;
		const h = block.height ? block.height(size, column.w) : fillH;
		frames.push(...block.render({ x: column.x, y, w: column.w, h }, size));
		y += h + STACK_GAP;
	}
	return frames;
}

/** A column on the left (`leftW` wide) and one on the right, optionally over a full-width band. */
export function split(leftW: number, left: Block[], right: Block[], band?: Block): Arrangement {
	const gap = INSIGHT_LAYOUT.columnGap;
	return (body, size) => {
		const bandH = band ? band.height!(size, body.w) : 0;
		const h = body.h - (band ? bandH + STACK_GAP : 0);
		const columns: Column[] = [
			{ x: body.x, y: body.y, w: leftW, h, blocks: left },
			{ x: body.x + leftW + gap, y: body.y, w: body.w - leftW - gap, h, blocks: right },
		];
		if (band)
			columns.push({ x: body.x, y: body.y + h + STACK_GAP, w: body.w, h: bandH, blocks: [band] });
		return columns;
	};
}
