/**
 * The PDF writer: the leave-behind. The same scene as the .pptx and the previews, drawn with the
 * same primitives (`../draw/`): text as real, selectable text in embedded fonts (subsets of the
 * font files the caller passes, Carlito for Calibri), charts as vectors, the document's title
 * and language set, and one bookmark per slide. Speaker notes stay out: the leave-behind is what
 * the prospect reads.
 *
 * Why pdf-lib: it is pure JavaScript, so the same code writes the same bytes in Node and in the
 * browser; it embeds TrueType subsets with a ToUnicode map (selectable, searchable text), reading
 * the font through the few tables it needs (fonts.ts), not a whole font engine; it writes vector
 * paths, and low-level objects for the outline. Its clock and random names are the only sources
 * of difference between runs, and both are fixed here: dates come from the scene, font subsets
 * get fixed tags, and its resource-name generator is seeded.
 * pdfkit and jsPDF were the alternatives: pdfkit needs Node streams and buffers in the browser,
 * jsPDF cannot subset TrueType fonts deterministically or write an outline without plugins.
 */
import { PDFDocument, type PDFFont, type PDFImage } from 'pdf-lib';
import { drawSlide } from '../draw/index.ts';
import type { Scene } from '../scene.ts';
import { PT_PER_IN } from '../text.ts';
import { plainFontkit } from './fonts.ts';
import { embedPngOnce } from './images.ts';
import { addOutline } from './outline.ts';
import { drawItems } from './page.ts';
import { deflateEmbeddedStreams } from './streams.ts';

/** The font files the PDF embeds: the regular and bold faces of the scene's fonts. */
export interface PdfFonts {
	/** TrueType bytes of the regular face (Carlito-Regular.ttf for Calibri). */
	regular: Uint8Array;
	/** TrueType bytes of the bold face (Carlito-Bold.ttf for Calibri). */
	bold: Uint8Array;
}

/** MIME type of a PDF file. */
export const PDF_MIME = 'application/pdf';

/** The bytes of a `data:image/png;base64,...` URL. */
function dataUrlBytes(data: string): Uint8Array {
	const base64 = data.slice(data.indexOf(',') + 1);
	const binary = atob(base64);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/** Writes the scene as a PDF; the same scene and fonts give the same bytes, in Node and browsers. */
export async function writePdf(scene: Scene, fonts: PdfFonts): Promise<Uint8Array> {
	const doc = await PDFDocument.create({ updateMetadata: false });
	doc.registerFontkit(plainFontkit);
	deflateEmbeddedStreams(doc.context);
	const { meta } = scene;
	doc.setTitle(meta.title, { showInWindowTitleBar: true });
	doc.setAuthor(meta.author);
	doc.setSubject(meta.subject);
	doc.setCreator(meta.company);
	doc.setProducer('insight-briefings deck engine (pdf-lib)');
	doc.setCreationDate(meta.modified);
	doc.setModificationDate(meta.modified);
	doc.setLanguage(meta.language);
	// Fixed subset tags: pdf-lib would otherwise add a random suffix to each font's name.
	const regular = await doc.embedFont(fonts.regular, {
		subset: true,
		customName: 'BRFREG+Carlito',
	});
	const bold = await doc.embedFont(fonts.bold, { subset: true, customName: 'BRFBLD+Carlito-Bold' });
	const images = new Map<string, Promise<PDFImage>>();
	const tools = {
		doc,
		font: (isBold: boolean): PDFFont => (isBold ? bold : regular),
		image: (data: string) => {
			let image = images.get(data);
			if (!image) images.set(data, (image = embedPngOnce(doc, data, () => dataUrlBytes(data))));
			return image;
		},
	};
	const pageW = scene.size.w * PT_PER_IN;
	const pageH = scene.size.h * PT_PER_IN;
	for (let index = 0; index < scene.slides.length; index++) {
		const drawn = drawSlide(scene, index);
		const page = doc.addPage([pageW, pageH]);
		await drawItems(
			page,
			[
				{ type: 'rect', x: 0, y: 0, w: drawn.w, h: drawn.h, fill: drawn.background },
				...drawn.items,
			],
			pageH,
			tools,
		);
	}
	addOutline(
		doc,
		scene.slides.map((slide) => slide.title),
	);
	// pdf-lib pauses for a timer every 50 objects by default (at least 1 ms each in Node, a few
	// per document): writing in one go gives the same bytes sooner.
	return doc.save({ addDefaultPage: false, objectsPerTick: Number.POSITIVE_INFINITY });
}
