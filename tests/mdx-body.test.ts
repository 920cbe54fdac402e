/**
 * Insight bodies read as MDX (src/library/mdx-body.ts) and reduced to a talk track from the syntax
 * tree (src/library/talk-track.ts): what a body may hold, the exact line an author reads for what
 * it may not, and how the component kit reads aloud in speaker notes.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../src/library/issues.ts';
import { checkBody } from '../src/library/mdx-body.ts';
import { talkTrack } from '../src/library/talk-track.ts';

const file = 'content/insights/x.mdx';
/** Lines for a body starting on file line 20, with two sources. */
const check = (body: string) =>
	checkBody(file, body, { firstLine: 20, sourceCount: 2 }).map(formatIssue);

const sources = [{ publisher: 'National Retail Federation' }, { publisher: 'Gallup' }];

describe('body rules', () => {
	it('accepts Markdown and the kit, with source indexes in range', () => {
		expect(
			check(
				[
					'Prose with **bold**, _italic_, `code` and [a link](https://example.com) or [mail](mailto:a@b.c).',
					'',
					'<Callout title="What it does not say">Shrink is not theft alone.</Callout>',
					'',
					'<Quote source={1}>',
					'The passage, word for word.',
					'</Quote>',
					'',
					'<KeyFigure value="56%" label="of shrink is not external theft" source={0} />',
					'',
					'- a list item',
					'',
					'A literal \\{ brace and a \\< sign, and a < b with a space.',
				].join('\n'),
			),
		).toEqual([]);
	});

	it('ESM, expressions, HTML and unknown components are errors with the file line and a hint', () => {
		expect(check('import Chart from "./chart.astro"\n\nText.')).toEqual([
			`${file}: body: line 20: no import or export (found "import Chart from "./chart.astro""): Callout, Quote, KeyFigure are available without one, and nothing else may be used`,
		]);
		expect(check('One.\n\nTell {company} why.')).toEqual([
			`${file}: body: line 22: no {expressions} (found {company}): MDX reads braces as code; write \\{ for a brace, and use tokens such as {company} only in frontmatter fields`,
		]);
		expect(check('A <span>word</span>.')).toEqual([
			`${file}: body: line 20: a component from the kit (found <span>): HTML is not allowed: use Markdown (**bold**, _italic_, [text](https://...))`,
		]);
		expect(check('\n<Qoute source={0}>Hi</Qoute>')).toEqual([
			`${file}: body: line 21: a component from the kit (found <Qoute>): the kit is <Callout>, <Quote>, <KeyFigure> (did you mean "Quote"?)`,
		]);
	});

	it('syntax errors name the line and how to write the character literally', () => {
		expect(check('Fine.\n\nSales rose 3<5 times.')).toEqual([
			expect.stringMatching(
				/^content\/insights\/x\.mdx: body: line 22: valid MDX \(Unexpected character after `<`, expected a valid JSX tag.*\); a literal "<" or "\{" is written "\\<" or "\\\{"$/,
			),
		]);
	});

	it('kit attributes: required, typed, in range, no extras', () => {
		expect(check('<Quote source={2}>Hi</Quote>')).toEqual([
			`${file}: body: line 20: source on <Quote>: an index into sources, 0 to 1 (got 2)`,
		]);
		expect(check('<Quote source="0">Hi</Quote>')).toEqual([
			`${file}: body: line 20: source on <Quote>: a source index in braces, e.g. source={0}`,
		]);
		expect(check('<KeyFigure value="56%" source={0} />')).toEqual([
			`${file}: body: line 20: <KeyFigure> needs label: <KeyFigure value="56%" label="of shrink is not shoplifting" source={0} />`,
		]);
		expect(check('<KeyFigure value="56%" label="x" source={0} tone="red" />')).toEqual([
			`${file}: body: line 20: an attribute of <KeyFigure>: value, label, source (found tone); e.g. <KeyFigure value="56%" label="of shrink is not shoplifting" source={0} />`,
		]);
		expect(check('<KeyFigure value="56%" label="x" source={0}>text</KeyFigure>')).toEqual([
			`${file}: body: line 20: <KeyFigure ... /> stands alone, with nothing inside: <KeyFigure value="56%" label="of shrink is not shoplifting" source={0} />`,
		]);
		expect(check('<Quote source={0} />')).toEqual([
			`${file}: body: line 20: text inside <Quote>: <Quote source={0}>The passage, word for word.</Quote>`,
		]);
	});

	it('links lead to web pages or mail addresses only', () => {
		expect(check('[x](javascript:alert(1)) and [y](/insights/other/)')).toEqual([
			`${file}: body: line 20: a link to a web address (https://...) or mailto: (got "javascript:alert(1)")`,
			`${file}: body: line 20: a link to a web address (https://...) or mailto: (got "/insights/other/")`,
		]);
		expect(check('[ref][a]\n\n[a]: ftp://example.com/file')).toEqual([
			`${file}: body: line 22: a link to a web address (https://...) or mailto: (got "ftp://example.com/file")`,
		]);
	});

	it('reads the body as the site does, with GFM: footnotes, tables and bare addresses', () => {
		// A footnote's definition is not a link definition: "note" is no link target.
		expect(check('Shrink rose.[^1]\n\n[^1]: NRF survey, 2023.')).toEqual([]);
		expect(check('| Year | Rate |\n|---|---|\n| 2023 | 1.6% |\n\n~~old~~ www.example.com')).toEqual(
			[],
		);
		// The site renders a bare address as a link, so the check reads it as one.
		expect(check('See ftp://example.com and www.example.com.')).toEqual([]);
	});

	it('code that runs on is refused before the native parser, whose stack it would overflow', () => {
		const nested = (depth: number) => `${'('.repeat(depth)}1${')'.repeat(depth)}`;
		// 4,000 parentheses deep kill a thread running Sätteri (and with it the build); the check
		// answers at once, naming the line where the code starts.
		expect(check(`Intro.\n\n<Quote source={${nested(4000)}}>x</Quote>`)).toEqual([
			`${file}: body: line 22: valid MDX (a {…} expression running past 2,000 characters; a body holds no code); a literal "<" or "{" is written "\\<" or "\\{"`,
		]);
		expect(check(`export default ${'['.repeat(4000)}`)).toEqual([
			expect.stringContaining('line 20: valid MDX (an import or export block running past 2,000'),
		]);
		// Braces in fenced code are text, and short code is still parsed and reported as before.
		expect(check(`\`\`\`\n{${'('.repeat(3000)}\n\`\`\`\n\nText.`)).toEqual([]);
		expect(check(`{${nested(10)}}`)).toEqual([
			expect.stringContaining('line 20: no {expressions} (found {(((((((((('),
		]);
	});

	it('a block element closed on its own line is checked as the site renders it', () => {
		expect(check('<Callout title="Careful">It is an <span>estimate</span>.</Callout>')).toEqual([
			`${file}: body: line 20: a component from the kit (found <span>): HTML is not allowed: use Markdown (**bold**, _italic_, [text](https://...))`,
		]);
	});
});

describe('talk track from the syntax tree', () => {
	it('reads Markdown as the site shows it: no syntax, escapes resolved, lines joined', () => {
		expect(
			talkTrack(
				'## Why\n\nShrink is **not**\nmostly [theft](https://example.com).\n\n- One\n- Two \\*three\\*\n',
			),
		).toBe('Why\n\nShrink is not mostly theft.\n\n• One\n\n• Two *three*');
	});

	it('reads the kit as speech: the quote and whose it is, the figure and what it measures', () => {
		const body = [
			'Retailers blame theft.',
			'',
			'<KeyFigure value="56%" label="of shrink is not external theft" source={0} />',
			'',
			'<Quote source={1}>Managers account for 70% of the variance.</Quote>',
			'',
			'<Callout title="Careful">',
			'It is an estimate.',
			'</Callout>',
		].join('\n');
		expect(talkTrack(body, sources)).toBe(
			[
				'Retailers blame theft.',
				'56% of shrink is not external theft (National Retail Federation).',
				'“Managers account for 70% of the variance.” (Gallup)',
				'Careful: It is an estimate.',
			].join('\n\n'),
		);
	});

	it('reads a component written on one line, a table row by row, and skips footnote marks', () => {
		const body = [
			'<Callout title="Careful">It is an **estimate**.</Callout>',
			'',
			'<Quote source={0}>Shrink cost $112.1 billion.</Quote>',
			'',
			'| Year | Rate |',
			'|---|---|',
			'| 2022 | 1.6% |',
			'',
			'Shrink rose.[^1]',
			'',
			'[^1]: NRF survey.',
		].join('\n');
		expect(talkTrack(body, sources)).toBe(
			[
				'Careful: It is an estimate.',
				'“Shrink cost $112.1 billion.” (National Retail Federation)',
				'Year | Rate',
				'2022 | 1.6%',
				'Shrink rose.',
			].join('\n\n'),
		);
	});

	it('a body that does not parse still gives its words', () => {
		expect(talkTrack('Sales rose 3<5\ntimes.')).toBe('Sales rose 3<5 times.');
	});
});
