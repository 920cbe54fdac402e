/**
 * A slide's drawing primitives onto a pdf-lib page: vectors as vectors, text as selectable text.
 * The operators are written as text (`content.ts`) and deflated into the page's one content
 * stream; pdf-lib holds the page, its resources (fonts, pictures) and its link annotations.
 */
import {
	PDFArray,
	PDFName,
	PDFString,
	type PDFDocument,
	type PDFFont,
	type PDFImage,
	type PDFPage,
} from 'pdf-lib';
import type { DrawItem } from '../draw/index.ts';
import { PT_PER_IN } from '../text.ts';
import { PageContent } from './content.ts';
import { zlibStream } from './streams.ts';
import { shownText } from './text.ts';

/** What drawing a page needs: the fonts and a cache of embedded pictures. */
export interface PageTools {
	doc: PDFDocument;
	font: (bold: boolean) => PDFFont;
	image: (data: string) => Promise<PDFImage>;
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

/** The page's resource names: `/F1`, `/F2`, ... for fonts, `/Im1`, ... for pictures. */
class PageResources {
	readonly #names = new Map<object, string>();
	readonly #page: PDFPage;
	#fonts = 0;
	#images = 0;

	constructor(page: PDFPage) {
		this.#page = page;
	}

	font(font: PDFFont): string {
		let name = this.#names.get(font);
		if (!name) {
			const key = PDFName.of(`F${++this.#fonts}`);
			this.#page.node.setFontDictionary(key, font.ref);
			this.#names.set(font, (name = key.asString()));
		}
		return name;
	}

	image(image: PDFImage): string {
		let name = this.#names.get(image);
		if (!name) {
			const key = PDFName.of(`Im${++this.#images}`);
			this.#page.node.setXObject(key, image.ref);
			this.#names.set(image, (name = key.asString()));
		}
		return name;
	}
}

/** Draws the items on `page` (height `pageH` points), as the page's content. */
export async function drawItems(
	page: PDFPage,
	items: readonly DrawItem[],
	pageH: number,
	tools: PageTools,
): Promise<void> {
	const content = new PageContent(pageH);
	const resources = new PageResources(page);
	for (const item of items) {
		switch (item.type) {
			case 'rect':
				content.rect(item);
				break;
			case 'ellipse':
				content.ellipse(item);
				break;
			case 'path':
				content.path(item.segments, item);
				break;
			case 'image':
				content.image(resources.image(await tools.image(item.data)), item);
				break;
			case 'text': {
				const font = tools.font(item.bold);
				const w = item.w * PT_PER_IN;
				const anchor = item.anchor === 'middle' ? w / 2 : item.anchor === 'end' ? w : 0;
				const x = item.x * PT_PER_IN - anchor;
				const y = pageH - item.y * PT_PER_IN;
				content.text(resources.font(font), item.size, item.color, x, y, shownText(font, item));
				if (item.href)
					addLink(page, tools, [x, y - 0.25 * item.size, x + w, y + 0.95 * item.size], item.href);
				break;
			}
		}
	}
	const context = tools.doc.context;
	const stream = context.stream(zlibStream(content.bytes()), { Filter: 'FlateDecode' });
	page.node.set(PDFName.of('Contents'), context.register(stream));
}
