/** Drawing primitives onto a pdf-lib page: vectors as vectors, text as selectable text. */
import {
	PDFArray,
	PDFName,
	PDFString,
	rgb,
	type PDFDocument,
	type PDFFont,
	type PDFImage,
	type PDFPage,
} from 'pdf-lib';
import { pathData, type DrawItem, type PathSegment, type RectItem } from '../draw/index.ts';
import { PT_PER_IN } from '../text.ts';
import { drawRun } from './text.ts';

const color = (hex: string) =>
	rgb(
		parseInt(hex.slice(0, 2), 16) / 255,
		parseInt(hex.slice(2, 4), 16) / 255,
		parseInt(hex.slice(4, 6), 16) / 255,
	);

/** What drawing a page needs: the fonts and a cache of embedded pictures. */
export interface PageTools {
	doc: PDFDocument;
	font: (bold: boolean) => PDFFont;
	image: (data: string) => Promise<PDFImage>;
}

/** A rounded rectangle as a path (corner arcs of radius `r`). */
function roundedRect({ x, y, w, h }: RectItem, r: number): PathSegment[] {
	const rr = Math.min(r, w / 2, h / 2);
	const arc = (ex: number, ey: number): PathSegment => ({
		op: 'A',
		r: rr,
		large: false,
		sweep: true,
		x: ex,
		y: ey,
	});
	return [
		{ op: 'M', x: x + rr, y },
		{ op: 'L', x: x + w - rr, y },
		arc(x + w, y + rr),
		{ op: 'L', x: x + w, y: y + h - rr },
		arc(x + w - rr, y + h),
		{ op: 'L', x: x + rr, y: y + h },
		arc(x, y + h - rr),
		{ op: 'L', x, y: y + rr },
		arc(x + rr, y),
		{ op: 'Z' },
	];
}

/** A link annotation over a run of text. */
function addLink(page: PDFPage, tools: PageTools, rect: number[], url: string): void {
	const context = tools.doc.context;
	const link = context.obj({
		Type: 'Annot',
		Subtype: 'Link',
		Rect: rect,
		Border: [0, 0, 0],
		A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
	});
	const ref = context.register(link);
	const existing = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
	if (existing) existing.push(ref);
	else page.node.set(PDFName.of('Annots'), context.obj([ref]));
}

/** Draws the items on `page` (height `pageH` points). */
export async function drawItems(
	page: PDFPage,
	items: readonly DrawItem[],
	pageH: number,
	tools: PageTools,
): Promise<void> {
	const X = (inches: number) => inches * PT_PER_IN;
	const Y = (inches: number) => pageH - inches * PT_PER_IN;
	for (const item of items) {
		switch (item.type) {
			case 'rect': {
				const options = {
					...(item.fill ? { color: color(item.fill) } : {}),
					...(item.stroke
						? { borderColor: color(item.stroke), borderWidth: item.strokeWidth ?? 0.75 }
						: {}),
				};
				if (item.radius) {
					page.drawSvgPath(pathData(roundedRect(item, item.radius), PT_PER_IN), {
						x: 0,
						y: pageH,
						...options,
					});
				} else {
					page.drawRectangle({
						x: X(item.x),
						y: Y(item.y + item.h),
						width: X(item.w),
						height: X(item.h),
						...options,
					});
				}
				break;
			}
			case 'ellipse':
				page.drawEllipse({
					x: X(item.cx),
					y: Y(item.cy),
					xScale: X(item.rx),
					yScale: X(item.ry),
					color: color(item.fill),
				});
				break;
			case 'path':
				page.drawSvgPath(pathData(item.segments, PT_PER_IN), {
					x: 0,
					y: pageH,
					...(item.fill ? { color: color(item.fill) } : {}),
					...(item.stroke
						? { borderColor: color(item.stroke), borderWidth: item.strokeWidth ?? 0.75 }
						: {}),
				});
				break;
			case 'image':
				page.drawImage(await tools.image(item.data), {
					x: X(item.x),
					y: Y(item.y + item.h),
					width: X(item.w),
					height: X(item.h),
				});
				break;
			case 'text': {
				const font = tools.font(item.bold);
				const w = X(item.w);
				const x = X(item.x) - (item.anchor === 'middle' ? w / 2 : item.anchor === 'end' ? w : 0);
				const y = Y(item.y);
				drawRun(page, font, { ...item, x, y, color: color(item.color) });
				if (item.href)
					addLink(page, tools, [x, y - 0.25 * item.size, x + w, y + 0.95 * item.size], item.href);
				break;
			}
		}
	}
}
