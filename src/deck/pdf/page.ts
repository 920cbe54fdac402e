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
	readonly #counts = { F: 0, Im: 0 };

	constructor(page: PDFPage) {
		this.#page = page;
	}

	/** The name of `resource` on this page, given (`prefix` and a number) and set the first time. */
	#name(resource: PDFFont | PDFImage, prefix: 'F' | 'Im'): string {
		let name = this.#names.get(resource);
		if (!name) {
			const key = PDFName.of(`${prefix}${++this.#counts[prefix]}`);
			if (prefix === 'F') this.#page.node.setFontDictionary(key, resource.ref);
			else this.#page.node.setXObject(key, resource.ref);
			this.#names.set(resource, (name = key.asString()));
		}
		return name;
	}

	font(font: PDFFont): string {
		return this.#name(font, 'F');
	}

	image(image: PDFImage): string {
		return this.#name(image, 'Im');
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
