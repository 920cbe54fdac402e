/**
 * The package: what makes PowerPoint say it "found a problem with content" and repair the file,
 * as far as it can be read without the schemas (the Open XML SDK validator checks those): parts
 * that cannot be read, missing or phantom parts and content types, broken relationships, and the
 * known triggers that pass the schema (PptxGenJS PRs #1457, #1458).
 */
import { partText } from '../../pptx/part-text.ts';
import { packageProblems } from '../../pptx/problems.ts';
import { childSpans, nonNumericValues, themeStyleCounts } from '../../pptx/repair.ts';
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

export function checkPackage(deck: OpenedDeck): AuditFinding[] {
	const problems: Array<[AuditFinding['severity'], string]> = [];
	for (const { part, message } of deck.unreadable)
		problems.push(['error', `${part} is not well-formed XML: ${message}`]);
	for (const message of packageProblems(deck.files)) problems.push(['error', message]);
	const text = (part: string) => partText(deck.files.get(part)!);
	for (const part of deck.files.keys()) {
		if (!/\.(xml|rels)$/.test(part)) continue;
		const xml = text(part);
		for (const value of nonNumericValues(xml))
			problems.push(['error', `${part}: ${value} where a number belongs`]);
		if (/^ppt\/theme\/[^/]+\.xml$/.test(part)) {
			for (const [list, count] of Object.entries(themeStyleCounts(xml)))
				if (count !== 3)
					problems.push([
						'error',
						`${part}: ${list} holds ${count} styles; a theme needs exactly 3`,
					]);
		}
		if (
			/^ppt\/(slides|slideLayouts|slideMasters|notesMasters|notesSlides)\/[^/]+\.xml$/.test(part)
		) {
			if (/<a:ext cx="-|<a:ext cx="\d+" cy="-/.test(xml))
				problems.push(['error', `${part}: a shape has a negative size`]);
			const bare = [...xml.matchAll(/<p:sp>((?:(?!<\/p:sp>)[\s\S])*)<\/p:sp>/g)].filter(
				(m) => !m[1]!.includes('<p:txBody>') && !m[1]!.includes('type="sldImg"'),
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
