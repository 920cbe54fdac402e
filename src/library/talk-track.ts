/**
 * An insight's MDX body as plain text: the rep's talk track in speaker notes and the browser
 * builder's previews. Derived from the MDX syntax tree, so whatever Markdown means (emphasis,
 * links, lists, escapes) reads as the site shows it, and the component kit reads as speech:
 * a `<Quote>` as the quoted words and whose they are, a `<KeyFigure>` as the figure and what it
 * measures, a `<Callout>` as its text.
 */
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { phrasing } from 'mdast-util-phrasing';
import type { InsightSource } from '../schema/source.ts';
import { attributeValue, type BodyElement } from './mdx-body.ts';
import { parseBody, type ParsedBody } from './mdx-parse.ts';

/** What the talk track needs of a source: who published it. */
type Sources = readonly Pick<InsightSource, 'publisher'>[];

/**
 * Talk tracks made in this process, by body and publishers (all a talk track depends on). Shared
 * through `globalThis` because a site build loads this module twice: the build's library check
 * (config) derives every insight's talk track, and the pages (bundled separately) need them again
 * for the builder's data, which then parse no MDX of their own.
 */
const made: Map<string, string> = ((globalThis as Record<symbol, unknown>)[
	Symbol.for('insight-briefings.talk-tracks')
] ??= new Map<string, string>()) as Map<string, string>;

/** Past this many talk tracks the memory starts over (a dev server sees every edit). */
const maxMade = 20_000;

/**
 * Paragraphs of the talk track, joined by blank lines; list items are "• item" paragraphs.
 * `parsed`: the body's {@link parseBody} result when the caller has it already.
 */
export function talkTrack(body: string, sources: Sources = [], parsed?: ParsedBody): string {
	const key = madeKey(body, sources);
	let text = made.get(key);
	if (text !== undefined) return text;
	parsed ??= parseBody(body);
	// A body that does not parse is reported by the check; the notes still get its words.
	text = parsed.tree
		? blocks(parsed.tree.children, sources).join('\n\n')
		: body.trim().replace(/[ \t]*\n[ \t]*(?!\n)/g, ' ');
	remember(key, text);
	return text;
}

/** Where a talk track is kept in {@link made}: all it depends on. */
function madeKey(body: string, sources: Sources): string {
	// Blank lines before and whitespace after the text change nothing in the tree, and loaders
	// differ in what they keep of them.
	return `${sources.map((source) => source.publisher).join('\u0001')}\u0000${body.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd()}`;
}

/**
 * Keeps a talk track made in another thread (the build's library check), so this thread's
 * {@link talkTrack} for the same body and sources gives it without parsing the body again.
 */
export function keepTalkTrack(body: string, sources: Sources, text: string): void {
	remember(madeKey(body, sources), text);
}

/** Keeps `text` under `key`, starting over past {@link maxMade}. */
function remember(key: string, text: string): void {
	if (made.size >= maxMade) made.clear();
	made.set(key, text);
}

/** Whitespace as a reader hears it: line breaks inside a paragraph are spaces. */
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The publisher of source `index`, in parentheses, when known. */
function attribution(element: BodyElement, sources: Sources): string {
	const index = attributeValue(element, 'source').index;
	const publisher = index === undefined ? undefined : sources[index]?.publisher;
	return publisher ? ` (${publisher})` : '';
}

/**
 * Whether an element's children are a line of text: an inline element's always are, and so are a
 * block element's written on one line (`<Quote source={0}>Words.</Quote>`), which MDX keeps
 * without a paragraph around them.
 */
function holdsText(element: BodyElement): boolean {
	return element.type === 'mdxJsxTextElement' || element.children.every(phrasing);
}

/** A kit component as speech; unknown elements (rejected by the check) read as their text. */
function component(element: BodyElement, sources: Sources): string[] {
	const text = () =>
		holdsText(element)
			? tidy(inline(element.children as PhrasingContent[], sources))
			: blocks(element.children, sources).join(' ');
	switch (element.name) {
		case 'Quote':
			return [`“${text()}”${attribution(element, sources)}`];
		case 'KeyFigure': {
			const value = attributeValue(element, 'value').text ?? '';
			const label = attributeValue(element, 'label').text ?? '';
			return [`${tidy(`${value} ${label}`)}${attribution(element, sources)}.`];
		}
		case 'Callout': {
			const title = attributeValue(element, 'title').text;
			const paragraphs = holdsText(element)
				? [text()].filter(Boolean)
				: blocks(element.children, sources);
			return title
				? [`${tidy(title)}: ${paragraphs[0] ?? ''}`, ...paragraphs.slice(1)]
				: paragraphs;
		}
		default:
			return [text()].filter(Boolean);
	}
}

/** Block content as talk-track paragraphs. */
function blocks(nodes: readonly (RootContent | Nodes)[], sources: Sources): string[] {
	const out: string[] = [];
	for (const node of nodes) {
		switch (node.type) {
			case 'paragraph':
			case 'heading': {
				// A paragraph holding only a kit component reads as that component.
				const [only] = node.children;
				if (node.children.length === 1 && only?.type === 'mdxJsxTextElement') {
					out.push(...component(only, sources));
					break;
				}
				const text = tidy(inline(node.children, sources));
				if (text) out.push(text);
				break;
			}
			case 'list':
				for (const item of node.children) {
					const text = blocks(item.children, sources).join(' ');
					if (text) out.push(`• ${text}`);
				}
				break;
			case 'blockquote':
				out.push(...blocks(node.children, sources));
				break;
			case 'code':
				if (node.value.trim()) out.push(node.value.trim());
				break;
			case 'table':
				for (const row of node.children) {
					out.push(row.children.map((cell) => tidy(inline(cell.children, sources))).join(' | '));
				}
				break;
			case 'mdxJsxFlowElement':
				out.push(...component(node, sources));
				break;
			default:
				// Thematic breaks, definitions, ESM and expressions say nothing.
				break;
		}
	}
	return out;
}

/** Inline content as text: links and emphasis read as their words, images as their alt text. */
function inline(nodes: readonly PhrasingContent[], sources: Sources): string {
	let out = '';
	for (const node of nodes) {
		switch (node.type) {
			case 'text':
			case 'inlineCode':
				out += node.value;
				break;
			case 'break':
				out += ' ';
				break;
			case 'image':
				out += node.alt ?? '';
				break;
			case 'mdxJsxTextElement':
				out += component(node, sources).join(' ');
				break;
			default:
				if ('children' in node) out += inline(node.children as PhrasingContent[], sources);
				break;
		}
	}
	return out;
}
