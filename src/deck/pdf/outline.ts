/** The PDF outline: one bookmark per slide, titled as the slide, opening that page. */
import { PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, type PDFRef } from 'pdf-lib';

/** Adds a bookmark per page (`titles[i]` for page i) and opens the outline panel. */
export function addOutline(doc: PDFDocument, titles: readonly string[]): void {
	const context = doc.context;
	const pages = doc.getPages();
	const outlinesRef = context.nextRef();
	const refs: PDFRef[] = titles.map(() => context.nextRef());
	titles.forEach((title, i) => {
		const page = pages[i]!;
		const entry = context.obj({
			Title: PDFHexString.fromText(title),
			Parent: outlinesRef,
			Dest: [page.ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull],
		});
		if (i > 0) entry.set(PDFName.of('Prev'), refs[i - 1]!);
		if (i < titles.length - 1) entry.set(PDFName.of('Next'), refs[i + 1]!);
		context.assign(refs[i]!, entry);
	});
	const outlines = context.obj({ Type: 'Outlines' });
	if (refs.length) {
		outlines.set(PDFName.of('First'), refs[0]!);
		outlines.set(PDFName.of('Last'), refs[refs.length - 1]!);
		outlines.set(PDFName.of('Count'), PDFNumber.of(refs.length));
	}
	context.assign(outlinesRef, outlines);
	doc.catalog.set(PDFName.of('Outlines'), outlinesRef);
	doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
