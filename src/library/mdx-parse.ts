/**
 * An insight's body parsed as MDX by the parser the site's MDX is compiled with (Sätteri, through
 * @astrojs/mdx), with the site's Markdown features (GFM on), so the check and the talk track see
 * the tree the page renders: a footnote is a footnote, a table a table, a bare address a link.
 *
 * Sätteri is native code, and its JavaScript parser recurses: an expression nested a few thousand
 * deep (`{((((…))))}`, an `export` of nested arrays) overflows the thread's stack and kills the
 * process, where a JavaScript parser would have thrown. No body may hold code at all, so code
 * longer than {@link maxCodeRun} characters is refused before the parser sees it.
 */
import type { Root } from 'mdast';
import { mdxToMdast, type TreeOptions } from 'satteri';

/** The body's syntax tree, or where and why it could not be parsed. */
export type ParsedBody =
	| { tree: Root; error?: undefined }
	| { tree?: undefined; error: { line: number; message: string } };

/**
 * The longest `{…}` or import/export block handed to the parser. Measured on a worker thread's
 * stack: 4,000 characters of any nesting parse; 8,000 of nested parentheses crash.
 */
export const maxCodeRun = 2_000;

/**
 * What the site's MDX parses (Astro's defaults: GFM on). Frontmatter is not the body's, and smart
 * punctuation leaves the tree's shape alone: the notes keep the author's own quotes and dashes.
 */
const treeOptions: TreeOptions = {
	features: { gfm: true, frontmatter: false, smartPunctuation: false },
};

/** A Sätteri syntax error: "line:column: reason (rule-id)". */
const syntaxError = /^(\d+):\d+: ([\s\S]*?)(?: \([\w-]+:[\w-]+\))?$/;

/** Parses a body as MDX. Never throws: a syntax error comes back with its line (1-based). */
export function parseBody(body: string): ParsedBody {
	const longCode = longCodeRun(body);
	if (longCode) return { error: longCode };
	try {
		// Sätteri's nodes are mdast's, with MDX's node types (mdast-util-mdx).
		return { tree: mdxToMdast(body, treeOptions) as Root };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const parts = syntaxError.exec(message);
		return { error: { line: Number(parts?.[1] ?? 1), message: parts?.[2] ?? message } };
	}
}

/** A line MDX may read as the start of an import or export block. */
const esmStart = /^(?:import|export)\b/m;

/** A fence line opening or closing a fenced code block, whose braces are text. */
const fence = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The first `{…}` region (from an unescaped brace to the one that closes it, or to the end) or
 * import/export block (to the next blank line) longer than {@link maxCodeRun}, outside fenced code.
 * One pass over the text; braces in inline code count, which can only refuse a body, never crash.
 */
function longCodeRun(body: string): { line: number; message: string } | undefined {
	if (!body.includes('{') && !esmStart.test(body)) return undefined;
	const lines = body.split('\n');
	let fenceMark: string | undefined;
	let esm: { line: number; length: number } | undefined;
	let brace: { line: number; length: number; depth: number } | undefined;
	for (const [index, text] of lines.entries()) {
		const mark = fence.exec(text)?.[1];
		if (!brace && (fenceMark || mark)) {
			if (!fenceMark) fenceMark = mark;
			else if (mark && mark[0] === fenceMark[0] && mark.length >= fenceMark.length)
				fenceMark = undefined;
			continue;
		}
		const blank = !text.trim();
		if (esm && blank) esm = undefined;
		else if (!esm && !brace && esmStart.test(text) && !lines[index - 1]?.trim())
			esm = { line: index + 1, length: 0 };
		if (esm && (esm.length += text.length + 1) > maxCodeRun)
			return refusal(esm.line, 'an import or export block');
		for (let at = 0; at < text.length; at++) {
			const char = text[at];
			if (char === '\\') at++;
			else if (char === '{') brace ??= { line: index + 1, length: 0, depth: 0 };
			if (!brace) continue;
			if (++brace.length > maxCodeRun) return refusal(brace.line, 'a {…} expression');
			if (char === '{') brace.depth++;
			else if (char === '}' && --brace.depth === 0) brace = undefined;
		}
		if (brace && ++brace.length > maxCodeRun) return refusal(brace.line, 'a {…} expression');
	}
	return undefined;
}

/** Why a body whose code runs on was not parsed. */
function refusal(line: number, what: string): { line: number; message: string } {
	return {
		line,
		message: `${what} running past ${maxCodeRun.toLocaleString('en-US')} characters; a body holds no code`,
	};
}
