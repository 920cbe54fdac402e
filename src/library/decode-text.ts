/**
 * A content file's bytes as text, or what the file is instead, in a module of its own: the library
 * reads files without loading the parsers and schemas (`parse.ts` re-exports it).
 */
import type { ContentIssue } from './issues.ts';

/** Where `bytes` stop being valid UTF-8, or -1 when they are valid throughout. */
function firstInvalidUtf8(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length;) {
		const byte = bytes[i]!;
		const extra =
			byte < 0x80
				? 0
				: byte >= 0xc2 && byte <= 0xdf
					? 1
					: byte >= 0xe0 && byte <= 0xef
						? 2
						: byte >= 0xf0 && byte <= 0xf4
							? 3
							: -1;
		if (extra < 0) return i;
		for (let k = 1; k <= extra; k++) {
			if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
		}
		i += extra + 1;
	}
	return -1;
}

/**
 * The text of a content file, decoded as strict UTF-8 (a leading byte-order mark is dropped), or
 * an issue saying what the file is instead: UTF-16 and UTF-32 by their byte-order marks, NUL bytes
 * (UTF-16 without a mark, or not text at all), and Latin-1 or Windows-1252 text by its first
 * byte that is not UTF-8.
 */
export function decodeText(
	file: string,
	bytes: Uint8Array,
): { text?: string; issues: ContentIssue[] } {
	const fail = (what: string) => ({
		issues: [
			{
				file,
				field: '',
				message: `UTF-8 text (${what}; save it as UTF-8)`,
				severity: 'error' as const,
				rule: 'encoding',
			},
		],
	});
	const [b0, b1, b2, b3] = bytes;
	if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)
		return fail('the file is UTF-32, little-endian, by its byte-order mark');
	if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
		return fail('the file is UTF-32, big-endian, by its byte-order mark');
	if (b0 === 0xff && b1 === 0xfe)
		return fail('the file is UTF-16, little-endian, by its byte-order mark');
	if (b0 === 0xfe && b1 === 0xff)
		return fail('the file is UTF-16, big-endian, by its byte-order mark');
	const nul = bytes.indexOf(0);
	if (nul >= 0) {
		return fail(
			`byte ${nul + 1} is a NUL: the file looks like UTF-16 without a byte-order mark, or is not text`,
		);
	}
	try {
		return {
			text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes),
			issues: [],
		};
	} catch {
		const at = firstInvalidUtf8(bytes);
		let line = 1;
		for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
		const hex = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
		return fail(
			`line ${line}: byte 0x${hex} is not UTF-8; the file looks like Latin-1 or Windows-1252`,
		);
	}
}
