/**
 * Search excerpts as HTML that holds only text and Pagefind's `<mark>` highlights. Pagefind hands
 * back an excerpt as an HTML string; whatever markup the indexed text contained must show as the
 * characters it is, never become elements.
 */

const entities: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/** `text` with character references (`&lt;`, `&#39;`, `&#x27;`) turned back into characters. */
function decodeReferences(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] !== '#') return entities[name.toLowerCase()] ?? whole;
		const code =
			name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

/** Text escaped for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

/**
 * An excerpt safe to insert as HTML: `<mark>` and `</mark>` are kept, every other piece is read as
 * text (character references decoded once) and escaped again, so an `<img onerror>` in the
 * indexed text is shown, not run, whether or not the indexer escaped it.
 */
export function safeExcerpt(excerpt: string): string {
	return excerpt
		.split(/(<\/?mark>)/i)
		.map((part, index) => (index % 2 ? part.toLowerCase() : escapeHtml(decodeReferences(part))))
		.join('');
}
