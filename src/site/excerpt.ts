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
 * What a cut-off excerpt can start with: the end of what came before it (a card's "What works ·
 * For CEO" line cut after "works"). A dash or full stop only when a space follows, so "-3%" and
 * ".5" keep theirs.
 */
const leftOver = /^(?:\s|[·•,;:]|[-–—.](?=\s))+/u;

/**
 * An excerpt safe to insert as HTML: `<mark>` and `</mark>` are kept, every other piece is read as
 * text (character references decoded once) and escaped again, so an `<img onerror>` in the
 * indexed text is shown, not run, whether or not the indexer escaped it. Separators left over at
 * its start from where it was cut are dropped.
 */
export function safeExcerpt(excerpt: string): string {
	return excerpt
		.split(/(<\/?mark>)/i)
		.map((part, index) => {
			if (index % 2) return part.toLowerCase();
			const text = decodeReferences(part);
			return escapeHtml(index === 0 ? text.replace(leftOver, '') : text);
		})
		.join('');
}
