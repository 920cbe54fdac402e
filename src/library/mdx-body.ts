/**
 * An insight's body, as the site's MDX parser reads it (`mdx-parse.ts`), checked against what a
 * body may hold: Markdown, the component kit (`mdx-kit.ts`) and links to web or mail addresses.
 * No imports or exports, no expressions, no HTML: a body is prose a rep reads aloud, and
 * everything in it must reduce to text for the notes.
 */
import type { Nodes } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { didYouMean, type ContentIssue } from './issues.ts';
import { isKitName, kitNames, mdxKit } from './mdx-kit.ts';
import { parseBody, type ParsedBody } from './mdx-parse.ts';

/** A JSX element in a body, block or inline. */
export type BodyElement = MdxJsxFlowElement | MdxJsxTextElement;

/** The value of a component's attribute: its text, its source index, or why it has neither. */
export function attributeValue(
	element: BodyElement,
	name: string,
): { text?: string; index?: number; present: boolean } {
	for (const attribute of element.attributes) {
		if (attribute.type !== 'mdxJsxAttribute' || attribute.name !== name) continue;
		const value = attribute.value;
		if (typeof value === 'string') return { text: value, present: true };
		if (value && /^\s*\d+\s*$/.test(value.value))
			return { index: Number(value.value), present: true };
		return { present: true };
	}
	return { present: false };
}

/** Links may lead to web pages and mail addresses only. */
const allowedUrl = /^(?:https?:\/\/|mailto:)/i;

/** Walks every node of `tree` depth first, in document order. */
export function walk(tree: Nodes, visit: (node: Nodes) => void): void {
	visit(tree);
	if ('children' in tree) for (const child of tree.children) walk(child as Nodes, visit);
}

/**
 * Every problem in a body: syntax, ESM, expressions, HTML and unknown components, the kit's
 * attributes, source indexes (`sourceCount` sources exist) and link targets. `firstLine` is the
 * file line the body starts on, so messages name the line an editor shows. `parsed`: the body's
 * {@link parseBody} result when the caller has it already (the talk track is read from it too).
 */
export function checkBody(
	file: string,
	body: string,
	options: { firstLine?: number; sourceCount?: number; parsed?: ParsedBody } = {},
): ContentIssue[] {
	const offset = (options.firstLine ?? 1) - 1;
	const issues: ContentIssue[] = [];
	const add = (line: number | undefined, message: string, rule: string) =>
		issues.push({
			file,
			field: 'body',
			message: `line ${(line ?? 1) + offset}: ${message}`,
			severity: 'error',
			rule,
		});
	if (!body.trim()) {
		issues.push({
			file,
			field: 'body',
			message: 'a long-form explanation after the frontmatter: it becomes the talk track',
			severity: 'error',
			rule: 'body-empty',
		});
		return issues;
	}
	const parsed = options.parsed ?? parseBody(body);
	if (parsed.error) {
		add(
			parsed.error.line,
			`valid MDX (${parsed.error.message.replace(/\.$/, '')}); a literal "<" or "{" is written "\\<" or "\\{"`,
			'body-syntax',
		);
		return issues;
	}
	walk(parsed.tree, (node) => {
		const line = node.position?.start.line;
		switch (node.type) {
			case 'mdxjsEsm':
				add(
					line,
					`no import or export (found "${node.value.split('\n')[0]}"): ${kitNames.join(', ')} are available without one, and nothing else may be used`,
					'body-esm',
				);
				break;
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				add(
					line,
					`no {expressions} (found {${node.value.trim()}}): MDX reads braces as code; write \\{ for a brace, and use tokens such as {company} only in frontmatter fields`,
					'body-expression',
				);
				break;
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				checkElement(node, line, options.sourceCount, add);
				break;
			case 'link':
			case 'image':
			case 'definition':
				if (!allowedUrl.test(node.url)) {
					add(
						line,
						`a link to a web address (https://...) or mailto: (got "${node.url}")`,
						'body-link',
					);
				}
				break;
		}
	});
	return issues;
}

/** Problems with one JSX element: not in the kit, or its attributes and children wrong. */
function checkElement(
	node: BodyElement,
	line: number | undefined,
	sourceCount: number | undefined,
	add: (line: number | undefined, message: string, rule: string) => void,
): void {
	const name = node.name;
	if (!isKitName(name)) {
		const kit = kitNames.map((n) => `<${n}>`).join(', ');
		const found = name ? `<${name}>` : 'a fragment <>';
		const hint =
			name && /^[a-z]/.test(name)
				? 'HTML is not allowed: use Markdown (**bold**, _italic_, [text](https://...))'
				: `the kit is ${kit}${name ? didYouMean(name, kitNames) : ''}`;
		add(line, `a component from the kit (found ${found}): ${hint}`, 'body-component');
		return;
	}
	const spec = mdxKit[name];
	for (const attribute of node.attributes) {
		if (attribute.type !== 'mdxJsxAttribute') {
			add(
				line,
				`no {...spread} attributes on <${name}>: write each attribute out`,
				'body-attribute',
			);
			continue;
		}
		const kind = spec.attributes[attribute.name];
		if (!kind) {
			const known = Object.keys(spec.attributes);
			add(
				line,
				`an attribute of <${name}>: ${known.join(', ') || 'none'} (found ${attribute.name}${didYouMean(attribute.name, known)}); e.g. ${spec.example}`,
				'body-attribute',
			);
			continue;
		}
		const value = attributeValue(node, attribute.name);
		if (kind.kind === 'source-index') {
			if (value.index === undefined) {
				add(
					line,
					`${attribute.name} on <${name}>: a source index in braces, e.g. ${attribute.name}={0}`,
					'body-attribute',
				);
			} else if (sourceCount !== undefined && value.index >= sourceCount) {
				add(
					line,
					`${attribute.name} on <${name}>: an index into sources, 0 to ${sourceCount - 1} (got ${value.index})`,
					'body-source',
				);
			}
		} else if (value.text === undefined || !value.text.trim()) {
			add(
				line,
				`${attribute.name} on <${name}>: text in quotes, e.g. ${spec.example}`,
				'body-attribute',
			);
		} else if (value.text.length > kind.max) {
			add(
				line,
				`${attribute.name} on <${name}>: at most ${kind.max} characters (got ${value.text.length})`,
				'body-attribute',
			);
		}
	}
	for (const required of spec.required) {
		if (!attributeValue(node, required).present) {
			add(line, `<${name}> needs ${required}: ${spec.example}`, 'body-attribute');
		}
	}
	const hasText = node.children.length > 0;
	if (spec.children && !hasText) {
		add(line, `text inside <${name}>: ${spec.example}`, 'body-component');
	} else if (!spec.children && hasText) {
		add(
			line,
			`<${name} ... /> stands alone, with nothing inside: ${spec.example}`,
			'body-component',
		);
	}
}
