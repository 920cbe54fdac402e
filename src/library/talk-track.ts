/**
 * An insight's MDX body as plain text: the rep's talk track in speaker notes and the browser
 * builder. The bodies are plain Markdown (JSX and expressions are rejected by `validate.ts`), so
 * stripping Markdown syntax line by line is enough.
 */
export function talkTrack(body: string): string {
	const paragraphs: string[] = [];
	let current: string[] = [];
	const flush = () => {
		if (current.length) paragraphs.push(current.join(' '));
		current = [];
	};
	for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trim();
		if (!line || /^(import|export)\s/.test(line) || /^(-{3,}|\*{3,}|_{3,})$/.test(line)) {
			flush();
			continue;
		}
		const list = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
		if (list) {
			flush();
			current.push(`• ${inline(list[1] ?? '')}`);
			flush();
			continue;
		}
		current.push(inline(line.replace(/^#{1,6}\s+/, '').replace(/^>\s?/, '')));
	}
	flush();
	return paragraphs.join('\n\n');
}

/** Inline Markdown (links, emphasis, code) reduced to its text. */
function inline(text: string): string {
	return text
		.replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/`([^`]+)`/g, '$1')
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(\*|_)(\S.*?\S|\S)\1/g, '$2')
		.replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1');
}
