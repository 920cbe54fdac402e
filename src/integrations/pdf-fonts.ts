/**
 * The font files the PDF leave-behind embeds, read from `public/fonts/` (the site serves the same
 * files to the builder and the previews): Carlito, metric-compatible with Calibri, under the SIL
 * Open Font License (`public/fonts/OFL.txt`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PdfFonts } from '../deck/index.ts';
import { plainFontkit } from '../deck/pdf/fonts.ts';

/** Where the fonts live, relative to the project root. */
export const pdfFontFiles = {
	regular: 'public/fonts/Carlito-Regular.ttf',
	bold: 'public/fonts/Carlito-Bold.ttf',
} as const;

/** Reads the PDF fonts; throws `file: message` when one is missing, unreadable or not a whole TrueType font. */
export async function loadPdfFonts(root: string): Promise<PdfFonts> {
	const read = async (file: string) => {
		let bytes: Uint8Array;
		try {
			bytes = new Uint8Array(await readFile(path.join(root, file)));
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			const reason =
				code === 'ENOENT'
					? 'missing (the PDF embeds this font)'
					: `cannot be read (${code ?? String(error)})`;
			throw new Error(`${file}: ${reason}`, { cause: error });
		}
		// Read now, where the file's name is known, not first on a deck thread.
		try {
			plainFontkit.create(bytes);
		} catch (error) {
			throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
		}
		return bytes;
	};
	return { regular: await read(pdfFontFiles.regular), bold: await read(pdfFontFiles.bold) };
}
