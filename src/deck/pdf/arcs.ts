/**
 * Circular arcs as cubic Bézier curves, for PDF paths (PDF has no arc operator). The arc is given
 * as SVG gives it (from the current point to an end point, a radius, and which of the four
 * possible arcs) and is split into pieces of at most a quarter turn, each one curve: the error is
 * under 0.03% of the radius, invisible at any slide size.
 */

/** A point. */
export interface Point {
	x: number;
	y: number;
}

/** One cubic curve: its two control points and its end. */
export type Curve = [Point, Point, Point];

/** An arc's end point, radius and flags, as in SVG's `A r r 0 large sweep x y`. */
export interface ArcTo {
	r: number;
	large: boolean;
	sweep: boolean;
	x: number;
	y: number;
}

/**
 * The curves of the arc from `from` to `arc`'s end (y grows downwards, as in SVG: `sweep` is
 * clockwise on the page). No curves when the ends coincide; a straight line's one degenerate
 * curve when the radius is 0; a radius too small to reach the end is scaled up, as SVG does.
 */
export function arcCurves(from: Point, arc: ArcTo): Curve[] {
	const { x: x2, y: y2 } = arc;
	if (from.x === x2 && from.y === y2) return [];
	let r = Math.abs(arc.r);
	if (r === 0) return [[from, { x: x2, y: y2 }, { x: x2, y: y2 }]];
	// Endpoint to centre parameterisation (SVG 1.1, appendix F.6.5), for a circle.
	const hx = (from.x - x2) / 2;
	const hy = (from.y - y2) / 2;
	const half = hx * hx + hy * hy;
	if (half > r * r) r = Math.sqrt(half);
	const factor = (arc.large === arc.sweep ? -1 : 1) * Math.sqrt(Math.max(0, (r * r - half) / half));
	const cx = factor * hy + (from.x + x2) / 2;
	const cy = -factor * hx + (from.y + y2) / 2;
	const start = Math.atan2(from.y - cy, from.x - cx);
	let turn = Math.atan2(y2 - cy, x2 - cx) - start;
	if (arc.sweep && turn < 0) turn += 2 * Math.PI;
	if (!arc.sweep && turn > 0) turn -= 2 * Math.PI;
	// A half-circle's two ends are exactly opposite: the flags, not rounding, choose the side.
	if (Math.abs(Math.abs(turn) - Math.PI) < 1e-9) turn = arc.sweep ? Math.PI : -Math.PI;
	const pieces = Math.max(1, Math.ceil(Math.abs(turn) / (Math.PI / 2) - 1e-9));
	const step = turn / pieces;
	const handle = (4 / 3) * Math.tan(step / 4) * r;
	const curves: Curve[] = [];
	for (let i = 0; i < pieces; i++) {
		const a = start + i * step;
		const b = a + step;
		const [cosA, sinA, cosB, sinB] = [Math.cos(a), Math.sin(a), Math.cos(b), Math.sin(b)];
		const end = i === pieces - 1 ? { x: x2, y: y2 } : { x: cx + r * cosB, y: cy + r * sinB };
		curves.push([
			{ x: cx + r * cosA - handle * sinA, y: cy + r * sinA + handle * cosA },
			{ x: end.x + handle * sinB, y: end.y - handle * cosB },
			end,
		]);
	}
	return curves;
}
