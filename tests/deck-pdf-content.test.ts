/**
 * The leave-behind's page content, written as operator text: circular arcs as Bézier curves that
 * stay on the circle and turn the way SVG's flags say, and each primitive as the operators a
 * reader paints (checked on the text, and on the pages poppler renders in tests/cli/deck-pdf).
 */
import { describe, expect, it } from 'vitest';
import { arcCurves, type ArcTo, type Point } from '../src/deck/pdf/arcs.ts';
import { PageContent } from '../src/deck/pdf/content.ts';
import { pdfRgb } from '../src/deck/pdf/numbers.ts';

/** The point at `t` (0 to 1) of the cubic curve from `p0`. */
function bezier(p0: Point, [c1, c2, end]: [Point, Point, Point], t: number): Point {
	const u = 1 - t;
	const at = (a: number, b: number, c: number, d: number) =>
		u * u * u * a + 3 * u * u * t * b + 3 * u * t * t * c + t * t * t * d;
	return { x: at(p0.x, c1.x, c2.x, end.x), y: at(p0.y, c1.y, c2.y, end.y) };
}

/** Every sampled point of the arc's curves, from `from`. */
function sample(from: Point, arc: ArcTo): Point[] {
	const points: Point[] = [];
	let start = from;
	for (const curve of arcCurves(from, arc)) {
		for (let t = 0; t <= 1; t += 0.125) points.push(bezier(start, curve, t));
		start = curve[2];
	}
	return points;
}

describe('arcCurves', () => {
	it('keeps every point on the circle and ends exactly at the end point', () => {
		const from = { x: 3, y: 2 };
		for (const [large, sweep] of [
			[false, false],
			[false, true],
			[true, false],
			[true, true],
		] as const) {
			const arc = { r: 1.5, large, sweep, x: 3 + 1.5 * Math.sqrt(2), y: 2 + 0.7 };
			const curves = arcCurves(from, arc);
			expect(curves.at(-1)![2]).toEqual({ x: arc.x, y: arc.y });
			// Both ends lie on the circle, so its centre is where every sample is r away from.
			const points = sample(from, arc);
			const radii = points.map((p, i) => (i === 0 ? 0 : Math.hypot(p.x - from.x, p.y - from.y)));
			expect(Math.max(...radii)).toBeGreaterThan(0);
			const centre = centreOf(from, arc);
			for (const p of points)
				expect(Math.abs(Math.hypot(p.x - centre.x, p.y - centre.y) - 1.5)).toBeLessThan(1.5e-3);
		}
	});

	it('turns clockwise on the page for sweep, the short way unless large', () => {
		// A quarter of the unit circle from (1, 0) to (0, 1), y down: clockwise passes (0.71, 0.71).
		const from = { x: 1, y: 0 };
		const mid = (arc: ArcTo) => {
			const points = sample(from, arc);
			return points[Math.floor(points.length / 2)]!;
		};
		const short = mid({ r: 1, large: false, sweep: true, x: 0, y: 1 });
		expect(short.x).toBeCloseTo(Math.SQRT1_2, 3);
		expect(short.y).toBeCloseTo(Math.SQRT1_2, 3);
		// The other small arc bulges towards (1, 1), its centre.
		const other = mid({ r: 1, large: false, sweep: false, x: 0, y: 1 });
		expect(other.x).toBeCloseTo(1 - Math.SQRT1_2, 3);
		expect(other.y).toBeCloseTo(1 - Math.SQRT1_2, 3);
		// Three quarters round the centre (0, 0): through (-1, 0) or thereabouts, in 3 pieces.
		expect(arcCurves(from, { r: 1, large: true, sweep: true, x: 0, y: -1 })).toHaveLength(3);
		const large = sample(from, { r: 1, large: true, sweep: true, x: 0, y: -1 });
		expect(Math.min(...large.map((p) => p.x))).toBeCloseTo(-1, 3);
	});

	it('draws a half circle on the side the flags choose', () => {
		const from = { x: -1, y: 0 };
		const below = sample(from, { r: 1, large: false, sweep: false, x: 1, y: 0 });
		const above = sample(from, { r: 1, large: false, sweep: true, x: 1, y: 0 });
		expect(Math.max(...below.map((p) => p.y))).toBeCloseTo(1, 3);
		expect(Math.min(...above.map((p) => p.y))).toBeCloseTo(-1, 3);
	});

	it('skips an arc to its own start, draws a zero radius straight, and widens a short radius', () => {
		expect(arcCurves({ x: 1, y: 1 }, { r: 2, large: false, sweep: true, x: 1, y: 1 })).toEqual([]);
		expect(arcCurves({ x: 0, y: 0 }, { r: 0, large: false, sweep: true, x: 2, y: 0 })).toEqual([
			[
				{ x: 0, y: 0 },
				{ x: 2, y: 0 },
				{ x: 2, y: 0 },
			],
		]);
		// Radius 0.5 cannot span 4 units: it grows to 2, a half circle through (2, 2) or (2, -2).
		const points = sample({ x: 0, y: 0 }, { r: 0.5, large: false, sweep: true, x: 4, y: 0 });
		expect(Math.min(...points.map((p) => p.y))).toBeCloseTo(-2, 3);
	});
});

/** The centre of the circle through the arc's ends on the side its flags choose. */
function centreOf(from: Point, arc: ArcTo): Point {
	const [c1] = arcCurves(from, arc)[0]!;
	// The first control point leaves `from` along the tangent, at right angles to the radius.
	const tangent = { x: c1.x - from.x, y: c1.y - from.y };
	const length = Math.hypot(tangent.x, tangent.y);
	const normal = arc.sweep
		? { x: -tangent.y / length, y: tangent.x / length }
		: { x: tangent.y / length, y: -tangent.x / length };
	return { x: from.x + normal.x * arc.r, y: from.y + normal.y * arc.r };
}

describe('PageContent', () => {
	const text = (content: PageContent) => new TextDecoder().decode(content.bytes());

	it('writes rectangles filled, outlined or both, in points from the bottom left', () => {
		const content = new PageContent(540);
		content.rect({ type: 'rect', x: 1, y: 1, w: 2, h: 0.5, fill: 'FF0000' });
		content.rect({ type: 'rect', x: 0, y: 0, w: 1, h: 1, stroke: '000000', strokeWidth: 2 });
		content.rect({ type: 'rect', x: 0, y: 0, w: 1, h: 1, fill: 'FFFFFF', stroke: '336699' });
		content.rect({ type: 'rect', x: 0, y: 0, w: 1, h: 1 });
		expect(text(content).split('\n')).toEqual([
			'q 1 0 0 rg',
			'72 432 144 36 re',
			'f Q',
			'q 0 0 0 RG 2 w',
			'0 468 72 72 re',
			'S Q',
			'q 1 1 1 rg 0.2 0.4 0.6 RG 0.75 w',
			'0 468 72 72 re',
			'B Q',
		]);
	});

	it('writes rounded corners, ellipses and paths as curves, closed where the path closes', () => {
		const content = new PageContent(540);
		content.rect({ type: 'rect', x: 0, y: 0, w: 1, h: 1, fill: '000000', radius: 0.1 });
		content.ellipse({ type: 'ellipse', cx: 1, cy: 1, rx: 0.5, ry: 0.25, fill: '00FF00' });
		content.path([{ op: 'M', x: 0, y: 0 }, { op: 'L', x: 1, y: 0 }, { op: 'Z' }], {
			stroke: '0000FF',
		});
		const ops = text(content).split('\n');
		expect(ops[1]!.match(/ c/g)).toHaveLength(4);
		expect(ops[1]!.match(/ l/g)).toHaveLength(4);
		expect(ops[1]).toMatch(/^7\.2 540 m .* h$/);
		expect(ops[4]).toBe(
			'36 468 m 36 477.94 52.12 486 72 486 c 91.88 486 108 477.94 108 468 c 108 458.06 91.88 450 72 450 c 52.12 450 36 458.06 36 468 c h',
		);
		expect(ops.slice(6)).toEqual(['q 0 0 1 RG 0.75 w', '0 540 m 72 540 l h', 'S Q']);
	});

	it('writes pictures and text runs with the resource names they are given', () => {
		const content = new PageContent(540);
		content.image('/Im1', { x: 1, y: 1, w: 0.5, h: 0.25 });
		content.text('/F2', 12, '1A2B3C', 72.004, 300.5, '<0001> -12.5 <0002>');
		expect(text(content).split('\n')).toEqual([
			'q 36 0 0 18 72 450 cm /Im1 Do Q',
			`BT ${pdfRgb('1A2B3C')} rg /F2 12 Tf 1 0 0 1 72 300.5 Tm [<0001> -12.5 <0002>] TJ ET`,
		]);
		expect(pdfRgb('1A2B3C')).toBe('0.102 0.1686 0.2353');
	});
});
