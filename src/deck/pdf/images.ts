/**
 * Pictures for the PDF, compressed once per process. pdf-lib decodes a PNG and deflates its colour
 * and alpha channels again for every document that embeds it: for the brand's logo, on every
 * deck, that was about a tenth of a PDF's time. Here the two compressed streams are made once and
 * written into each document as pdf-lib itself writes them (the same dictionaries, the same bytes),
 * deflated as `streams.ts` deflates what pdf-lib embeds.
 */
import {
	PDFContext,
	PDFImage,
	PDFName,
	PDFRawStream,
	PngEmbedder,
	type PDFDocument,
	type PDFRef,
} from 'pdf-lib';
import { deflateEmbeddedStreams } from './streams.ts';

/** A PNG's image streams, ready to copy into any document. */
interface PreparedPng {
	width: number;
	height: number;
	bitsPerComponent: number;
	/** The deflated colour channels. */
	rgb: Uint8Array;
	/** The deflated alpha channel, for a PNG with transparency. */
	alpha?: Uint8Array;
}

/** Prepared PNGs by their bytes' data URL; a few brands' logos at most. */
const prepared = new Map<string, Promise<PreparedPng>>();
const maxPrepared = 16;

async function prepare(bytes: Uint8Array): Promise<PreparedPng> {
	const embedder = await PngEmbedder.for(bytes);
	const context = PDFContext.create();
	deflateEmbeddedStreams(context);
	const ref = await embedder.embedIntoContext(context);
	const image = context.lookup(ref);
	const maskRef = image instanceof PDFRawStream ? image.dict.get(PDFName.of('SMask')) : undefined;
	const mask = maskRef ? context.lookup(maskRef) : undefined;
	if (!(image instanceof PDFRawStream) || (mask && !(mask instanceof PDFRawStream)))
		throw new Error('pdf-lib wrote a PNG in an unexpected form');
	return {
		width: embedder.width,
		height: embedder.height,
		bitsPerComponent: embedder.bitsPerComponent,
		rgb: image.getContents(),
		...(mask instanceof PDFRawStream ? { alpha: mask.getContents() } : {}),
	};
}

/** Writes the prepared streams into `context` with the dictionaries pdf-lib's PNG embedder writes. */
function embedPrepared(png: PreparedPng, context: PDFContext, ref?: PDFRef): PDFRef {
	const SMask = png.alpha
		? context.register(
				context.stream(png.alpha, {
					Type: 'XObject',
					Subtype: 'Image',
					Height: png.height,
					Width: png.width,
					BitsPerComponent: png.bitsPerComponent,
					ColorSpace: 'DeviceGray',
					Decode: [0, 1],
					Filter: 'FlateDecode',
				}),
			)
		: undefined;
	const image = context.stream(png.rgb, {
		Type: 'XObject',
		Subtype: 'Image',
		BitsPerComponent: png.bitsPerComponent,
		Width: png.width,
		Height: png.height,
		ColorSpace: 'DeviceRGB',
		SMask,
		Filter: 'FlateDecode',
	});
	if (!ref) return context.register(image);
	context.assign(ref, image);
	return ref;
}

/**
 * Embeds the PNG `bytes` (known by `key`, e.g. its data URL) in `doc` and returns it, ready to
 * draw. The image objects are written at once rather than when the document is saved.
 */
export async function embedPngOnce(
	doc: PDFDocument,
	key: string,
	bytes: () => Uint8Array,
): Promise<PDFImage> {
	let png = prepared.get(key);
	if (!png) {
		if (prepared.size >= maxPrepared) prepared.delete(prepared.keys().next().value!);
		png = prepare(bytes());
		prepared.set(key, png);
		png.catch(() => prepared.delete(key));
	}
	const ready = await png;
	// pdf-lib's PDFImage takes only its own embedders: a PNG embedder that writes the prepared
	// streams instead of compressing the picture again.
	const embedder = Object.assign(Object.create(PngEmbedder.prototype) as object, {
		width: ready.width,
		height: ready.height,
		bitsPerComponent: ready.bitsPerComponent,
		colorSpace: 'DeviceRGB',
		embedIntoContext: async (context: PDFContext, ref?: PDFRef) =>
			embedPrepared(ready, context, ref),
	}) as PngEmbedder;
	const image = PDFImage.of(doc.context.nextRef(), doc, embedder);
	await image.embed();
	return image;
}
