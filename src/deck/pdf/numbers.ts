/**
 * PDF numbers made once per value per process. pdf-lib formats every number as it makes a
 * `PDFNumber` (for each colour component, coordinate, font size and kerning shift a page draws:
 * about a tenth of a leave-behind's time), while pages repeat the same sizes, colours, shifts and
 * positions. A `PDFNumber` never changes, so pages and documents can share one.
 */
import { PDFNumber } from 'pdf-lib';

const numbers = new Map<number, PDFNumber>();
/** Enough for a batch's distinct coordinates; the map starts again beyond it. */
const maxNumbers = 50_000;

/** The `PDFNumber` of `value`: the same object, and so the same bytes, as `PDFNumber.of(value)`. */
export function pdfNumber(value: number): PDFNumber {
	let number = numbers.get(value);
	if (!number) {
		if (numbers.size >= maxNumbers) numbers.clear();
		numbers.set(value, (number = PDFNumber.of(value)));
	}
	return number;
}
