/**
 * The package: what makes PowerPoint say it "found a problem with content" and repair the file,
 * as far as it can be read without the schemas (the Open XML SDK validator checks those): parts
 * that cannot be read, missing or phantom parts and content types, broken relationships, and the
 * known triggers that pass the schema (PptxGenJS PRs #1457, #1458).
 */
import { partText } from '../../pptx/part-text.ts';
import { packageProblems } from '../../pptx/problems.ts';
import { childSpans } from '../../pptx/element-spans.ts';
import { nonNumericValues, themeStyleCounts } from '../../pptx/repair.ts';
import type { OpenedDeck } from '../package.ts';
import type { AuditFinding } from '../types.ts';

const presentationOrder = [
	'sldMasterIdLst',
	'notesMasterIdLst',
	'handoutMasterIdLst',
	'sldIdLst',
	'sldSz',
	'notesSz',
];

type Problem = [AuditFinding['severity'], string];

/**
 * The text checks of one part, remembered per part object: the decks of a batch share their
 * theme, masters and layouts (the same bytes objects), checked once. Keyed by name too, since
 * which checks apply and the messages depend on it.
 */
const checkedParts = new WeakMap<Uint8Array, { part: string; problems: Problem[] }>();

function partProblems(part: string, content: Uint8Array): Problem[] {
	const known = checkedParts.get(content);
	if (known?.part === part) return known.problems;
	const problems = textProblems(part, partText(content));
	checkedParts.set(content, { part, problems });
	return problems;
}

/** The inside of every `<p:sp>...</p:sp>`, each to the first close after its open. */
export function shapeBodies(xml: string): string[] {
	const out: string[] = [];
	for (let at = xml.indexOf('<p:sp>'); at >= 0;) {
		const end = xml.indexOf('</p:sp>', at + 6);
		if (end < 0) break;
		out.push(xml.slice(at + 6, end));
		at = xml.indexOf('<p:sp>', end + 7);
	}
	return out;
}

/** Problems in a part's text: non-numbers, theme style lists, shapes, chart axes. */
function textProblems(part: string, xml: string): Problem[] {
	const problems: Problem[] = [];
	for (const value of nonNumericValues(xml))
		problems.push(['error', `${part}: ${value} where a number belongs`]);
	if (/^ppt\/theme\/[^/]+\.xml$/.test(part)) {
		for (const [list, count] of Object.entries(themeStyleCounts(xml)))
			if (count !== 3)
				problems.push(['error', `${part}: ${list} holds ${count} styles; a theme needs exactly 3`]);
	}
	if (/^ppt\/(slides|slideLayouts|slideMasters|notesMasters|notesSlides)\/[^/]+\.xml$/.test(part)) {
		if (/<a:ext cx="-|<a:ext cx="\d+" cy="-/.test(xml))
			problems.push(['error', `${part}: a shape has a negative size`]);
		const bare = shapeBodies(xml).filter(
			(inner) => !inner.includes('<p:txBody>') && !inner.includes('type="sldImg"'),
		).length;
		if (bare)
			problems.push([
				'warning',
				`${part}: ${bare} shape${bare === 1 ? ' has' : 's have'} no text body (PowerPoint adds one and reports a repair)`,
			]);
	}
	if (/^ppt\/charts\/[^/]+\.xml$/.test(part)) {
		for (const m of xml.matchAll(
			/<c:(?:barChart|lineChart)>([\s\S]*?)<\/c:(?:barChart|lineChart)>/g,
		)) {
			const axes = (m[1]!.match(/<c:axId /g) ?? []).length;
			if (axes > 2) problems.push(['error', `${part}: a 2-D chart lists ${axes} axes; it has 2`]);
		}
	}
	return problems;
}

export function checkPackage(deck: OpenedDeck): AuditFinding[] {
	const problems: Problem[] = [];
	for (const { part, message } of deck.unreadable)
		problems.push(['error', `${part} is not well-formed XML: ${message}`]);
	for (const message of packageProblems(deck.files)) problems.push(['error', message]);
	const text = (part: string) => partText(deck.files.get(part)!);
	for (const [part, content] of deck.files) {
		if (/\.(xml|rels)$/.test(part)) problems.push(...partProblems(part, content));
	}
	const presentation = deck.files.has('ppt/presentation.xml') ? text('ppt/presentation.xml') : '';
	const open = /<p:presentation\b[^>]*>/.exec(presentation);
	if (open) {
		const names = childSpans(
			presentation,
			open.index + open[0].length,
			presentation.lastIndexOf('</p:presentation>'),
		)
			.map(([start]) => /^<(?:\w+:)?(\w+)/.exec(presentation.slice(start, start + 60))?.[1] ?? '')
			.filter((name) => presentationOrder.includes(name));
		const sorted = [...names].sort(
			(a, b) => presentationOrder.indexOf(a) - presentationOrder.indexOf(b),
		);
		if (names.join() !== sorted.join())
			problems.push([
				'error',
				`ppt/presentation.xml: children out of schema order (${names.join(', ')}; expected ${sorted.join(', ')})`,
			]);
	}
	const notesRels = deck
		.rels('ppt/notesMasters/notesMaster1.xml')
		.find((rel) => rel.type === 'theme');
	const masterThemes = [...deck.files.keys()]
		.filter((part) => /^ppt\/slideMasters\/[^/]+\.xml$/.test(part))
		.flatMap((part) =>
			deck
				.rels(part)
				.filter((rel) => rel.type === 'theme')
				.map((rel) => rel.target),
		);
	if (notesRels && masterThemes.includes(notesRels.target))
		problems.push([
			'warning',
			`the notes master shares ${notesRels.target} with a slide master; PowerPoint gives each master its own theme`,
		]);
	return problems.map(([severity, message]) => ({ rule: 'package', severity, message }));
}
