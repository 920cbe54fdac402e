/**
 * What pptxgenjs cannot say about a slide's shapes, written into its XML from the scene:
 * - the slide's title frame becomes the title placeholder (`ctrTitle` on the title slide), the
 *   only place PowerPoint's outline, navigation, screen readers and Accessibility Checker read a
 *   title from;
 * - decorative frames are marked with the extension PowerPoint reads (screen readers skip them).
 * Shapes keep their position, size and formatting: nothing moves.
 *
 * - the shape tree is in reading order (screen readers follow it): the title first, then what a
 *   reader sees, without changing what covers what.
 *
 * pptxgenjs writes one shape per frame, in the scene's order; placeholders it adds on its own
 * (the slide number) are not frames and are left alone.
 */
import { orderProblem } from '../audit/rules/reading-order.ts';
import { DECORATIVE_EXTENSION } from '../audit/shapes.ts';
import type { SceneFrame, SceneSlide } from '../scene.ts';
import { childSpans } from './element-spans.ts';

const shapeTags = /^<p:(sp|pic|graphicFrame|cxnSp|grpSp)\b/;

const decorativeExt =
	`<a:extLst><a:ext uri="${DECORATIVE_EXTENSION}">` +
	'<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/>' +
	'</a:ext></a:extLst>';

/** `shape` (one `p:sp`/`p:pic`/... element) with `frame`'s title role and decorative mark. */
function markShape(shape: string, frame: SceneFrame, titleType: 'title' | 'ctrTitle'): string {
	let out = shape;
	if (frame.role === 'decoration') {
		// `<p:cNvPr .../>` or `<p:cNvPr ...>...</p:cNvPr>`: the extension list is its last child.
		out = out.replace(
			/<p:cNvPr\b([^>]*?)(\/>|>([\s\S]*?)<\/p:cNvPr>)/,
			(_whole, attrs: string, _end, inner?: string) =>
				`<p:cNvPr${attrs}>${(inner ?? '').trim()}${decorativeExt}</p:cNvPr>`,
		);
	}
	if (frame.kind === 'text' && frame.role === 'title') {
		out = out
			.replace(
				/<p:cNvSpPr\/>|<p:cNvSpPr><\/p:cNvSpPr>/,
				'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>',
			)
			.replace(/<p:nvPr\/>|<p:nvPr><\/p:nvPr>/, `<p:nvPr><p:ph type="${titleType}"/></p:nvPr>`);
	}
	return out;
}

/**
 * The shape tree of a slide or layout part with `frames` applied to its shapes in order.
 */
export function markShapes(
	xml: string,
	frames: SceneFrame[],
	titleType: 'title' | 'ctrTitle' = 'title',
): string {
	const open = /<p:spTree>/.exec(xml);
	const close = xml.lastIndexOf('</p:spTree>');
	if (!open || close < 0) return xml;
	const from = open.index + open[0].length;
	const shapes = childSpans(xml, from, close).filter(([start, end]) => {
		const element = xml.slice(start, end);
		return shapeTags.test(element) && !element.includes('<p:ph ');
	});
	// On a company template the title is already the layout's title placeholder (see graft.ts),
	// so it is not among the drawn shapes.
	const drawn =
		shapes.length === frames.length
			? frames
			: frames.filter((frame) => !(frame.kind === 'text' && frame.placeholder));
	// Shapes that do not line up with the frames (a part someone else drew, e.g. a template's)
	// are left as they are; the audit reports what they lack.
	if (shapes.length !== drawn.length) return xml;
	const marked = shapes.map(([start, end], index) =>
		markShape(xml.slice(start, end), drawn[index]!, titleType),
	);
	const order = readingOrder(drawn);
	let out = '';
	let at = 0;
	shapes.forEach(([start, end], index) => {
		out += xml.slice(at, start) + marked[order[index]!];
		at = end;
	});
	return out + xml.slice(at);
}

const overlaps = (a: SceneFrame, b: SceneFrame) =>
	a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The order to write the frames in: the title first, then what a reader sees (within a column top
 * to bottom, within a row left to right; see the audit's reading-order rule), the scene's order
 * where neither says otherwise. Frames that overlap keep their relative order, so everything is
 * painted exactly as before; if the wishes conflict, the scene's order stays.
 */
export function readingOrder(frames: SceneFrame[]): number[] {
	const n = frames.length;
	const after: number[][] = frames.map(() => []);
	const incoming = new Array<number>(n).fill(0);
	const edge = (from: number, to: number) => {
		after[from]!.push(to);
		incoming[to]!++;
	};
	const read = (frame: SceneFrame) => frame.role !== 'decoration';
	const title = frames.findIndex((frame) => frame.role === 'title');
	for (let i = 0; i < n; i++) {
		for (let j = i + 1; j < n; j++) {
			const [a, b] = [frames[i]!, frames[j]!];
			if (overlaps(a, b)) edge(i, j);
			else if (read(a) && read(b)) {
				if (i === title) edge(i, j);
				else if (j === title) edge(j, i);
				else if (orderProblem(a, b, false)) edge(j, i);
			}
		}
	}
	// Kahn's algorithm, taking the earliest frame in the scene's order whenever there is a choice.
	const order: number[] = [];
	const ready = new Set(frames.flatMap((_, index) => (incoming[index] ? [] : [index])));
	while (ready.size) {
		const next = Math.min(...ready);
		ready.delete(next);
		order.push(next);
		for (const to of after[next]!) if (--incoming[to]! === 0) ready.add(to);
	}
	return order.length === n ? order : frames.map((_, index) => index);
}

/** A slide's XML with its title placeholder, decorative marks and reading order. */
export function accessibleSlide(xml: string, slide: SceneSlide): string {
	return markShapes(xml, slide.frames, slide.kind === 'title' ? 'ctrTitle' : 'title');
}
