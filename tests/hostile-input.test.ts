/**
 * Hostile and broken input, in process (issue 11): YAML features (aliases, merge keys, tags),
 * encodings, sizes, the limits read from the schemas, brand fonts and paths, and markup in text
 * that reaches the deck's XML. The CLIs on broken projects are in `hostile-cli.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildDeck, xmlError } from '../src/deck/index.ts';
import { formatIssue } from '../src/library/issues.ts';
import { decodeText, parseBriefing, parseInsight } from '../src/library/parse.ts';
import { parseYaml } from '../src/library/parse-yaml.ts';
import { brandSchema } from '../src/schema/brand.ts';
import { briefingLimits } from '../src/schema/briefing.ts';
import { insightLimits } from '../src/schema/insight.ts';
import { capToShape, describeCuts, limits, maxAt, sizeShape } from '../src/schema/limits.ts';
import { safeExcerpt } from '../src/site/excerpt.ts';
import { projectBrand, sampleInput } from './fixtures/decks/inputs.ts';
import { briefingSource, validBriefing } from './fixtures/content/fixtures.ts';

/** Nine aliases per level, five levels: 59,049 strings from a 300-byte file. */
const aliasBomb = [
	'a: &a ["x","x","x","x","x","x","x","x","x"]',
	'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
	'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
	'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
	'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
].join('\n');

const lines = (issues: Parameters<typeof formatIssue>[0][]) => issues.map(formatIssue);

describe('YAML features', () => {
	it('an alias bomb is one issue naming the file, not an exception', () => {
		const result = parseYaml('content/briefings/bomb.yaml', aliasBomb);
		expect(result.data).toBeUndefined();
		expect(lines(result.issues)).toEqual([
			`content/briefings/bomb.yaml: YAML whose aliases (*name) expand to a reasonable size (they expand past ${limits.yamlAliases} copies: write the values out)`,
		]);
	});

	it('an alias bomb in insight frontmatter is an issue of that insight', () => {
		const result = parseInsight('content/insights/bomb.mdx', `---\n${aliasBomb}\n---\nBody.\n`);
		expect(result.entry).toBeUndefined();
		expect(lines(result.issues)[0]).toMatch(/^content\/insights\/bomb\.mdx: YAML whose aliases/);
	});

	it('a few aliases, as an author might use them, still work', () => {
		const source = briefingSource(validBriefing()).replace(/^title: (.*)$/m, 'title: &t $1');
		const result = parseBriefing('content/briefings/ok.yaml', `${source}subtitle: *t\n`);
		expect(lines(result.issues)).toEqual([]);
		expect(result.entry?.data.subtitle).toBe('Denials became a labour problem');
	});

	it('a merge key is reported as the unknown field it is, not merged silently', () => {
		const source = `base: &b { ask: x }\n${briefingSource(validBriefing())}`;
		const result = parseBriefing(
			'content/briefings/merge.yaml',
			source.replace(/^nextStep:\n/m, 'nextStep:\n  <<: *b\n'),
		);
		expect(result.entry).toBeUndefined();
		const text = lines(result.issues).join('\n');
		expect(text).toContain('content/briefings/merge.yaml');
		expect(text).toMatch(/<</);
	});

	it('an alias used before its anchor is a YAML error, not an exception', () => {
		expect(lines(parseYaml('a.yaml', 'x: *nowhere\n').issues)[0]).toMatch(
			/^a\.yaml: valid YAML \(.*nowhere/,
		);
		expect(lines(parseYaml('a.yaml', 'x: *b\ny: &b 1\n').issues)).toEqual([
			'a.yaml: valid YAML (Unresolved alias (the anchor must be set before the alias): b)',
		]);
	});

	it.each([
		['!!binary aGVsbG8=', '!!binary'],
		['!!set { a, b }', '!!set'],
		['!!js/function "function () {}"', '!!js/function'],
		['!custom value', '!custom'],
	])('the tag in "title: %s" is refused with its line', (value, tag) => {
		const result = parseYaml('content/briefings/tag.yaml', `date: 2026-01-01\ntitle: ${value}\n`);
		expect(result.data).toBeUndefined();
		expect(lines(result.issues)).toEqual([
			`content/briefings/tag.yaml: plain YAML values (line 2: the tag ${tag} is not supported; remove it)`,
		]);
	});

	it('__proto__ stays a plain key and pollutes nothing', () => {
		const result = parseYaml('x.yaml', '__proto__:\n  polluted: yes\n');
		expect(Object.hasOwn(result.data as object, '__proto__')).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('encodings', () => {
	const encode = (text: string) => new TextEncoder().encode(text);

	it('UTF-8, with or without a byte-order mark, decodes', () => {
		expect(decodeText('a.yaml', encode('title: Café\n')).text).toBe('title: Café\n');
		expect(decodeText('a.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...encode('x: 1')])).text).toBe(
			'x: 1',
		);
	});

	it('Latin-1 is refused with its line and byte, never turned into "Caf\\uFFFD"', () => {
		const bytes = new Uint8Array([...encode('title: x\ncompany: Caf'), 0xe9, 0x0a]);
		expect(lines(decodeText('content/briefings/latin.yaml', bytes).issues)).toEqual([
			'content/briefings/latin.yaml: UTF-8 text (line 2: byte 0xE9 is not UTF-8; the file looks like Latin-1 or Windows-1252; save it as UTF-8)',
		]);
	});

	it.each([
		['UTF-16, little-endian', [0xff, 0xfe, 0x74, 0x00]],
		['UTF-16, big-endian', [0xfe, 0xff, 0x00, 0x74]],
		['UTF-32, little-endian', [0xff, 0xfe, 0x00, 0x00]],
	])('%s is named by its byte-order mark, not called empty', (name, bytes) => {
		expect(lines(decodeText('content/taxonomy.yaml', new Uint8Array(bytes)).issues)).toEqual([
			`content/taxonomy.yaml: UTF-8 text (the file is ${name}, by its byte-order mark; save it as UTF-8)`,
		]);
	});

	it('UTF-16 without a mark, or a binary file, is caught by its NUL bytes', () => {
		const bytes = new Uint8Array([0x74, 0x00, 0x69, 0x00]);
		expect(lines(decodeText('a.yaml', bytes).issues)[0]).toMatch(
			/^a\.yaml: UTF-8 text \(byte 2 is a NUL: the file looks like UTF-16 without a byte-order mark, or is not text/,
		);
	});
});

describe('limits from the schemas', () => {
	it('are the schemas’ own lengths', () => {
		expect(limits.briefing.insights).toBe(briefingLimits.maxInsights);
		expect(limits.briefing.audience).toBe(briefingLimits.audience);
		expect(limits.briefing.agenda).toBe(briefingLimits.agenda);
		expect(limits.briefing.title).toBe(briefingLimits.title);
		expect(maxAt(limits.insight.shape, 'points')).toBe(4);
		expect(maxAt(limits.insight.shape, 'points[]')).toBe(insightLimits.point);
		expect(() => maxAt(limits.insight.shape, 'nope')).toThrow(/no field "nope"/);
	});

	it('cap lists and texts before any other work, and say so in one short sentence', () => {
		const hostile = {
			title: 'x'.repeat(100_000),
			insights: Array.from({ length: 10_000 }, (_, i) => `id-${i}`),
			prospect: { audience: Array.from({ length: 3_000 }, () => ({ role: 'CFO' })) },
			unknown: 'kept for the schema to report',
		};
		const { value, cuts } = capToShape(hostile, limits.briefing.shape);
		const capped = value as typeof hostile;
		expect(capped.title).toHaveLength(limits.briefing.title);
		expect(capped.insights).toHaveLength(limits.briefing.insights);
		expect(capped.prospect.audience).toHaveLength(limits.briefing.audience);
		expect(capped.unknown).toBe(hostile.unknown);
		const notice = describeCuts(cuts);
		expect(notice).toBe(
			'Cut to the limits a briefing allows: title (100,000 characters, kept 90), insights (10,000 items, kept 12), prospect.audience (3,000 items, kept 6).',
		);
	});

	it('an unknown zod node is sized as "other" rather than guessed', () => {
		expect(sizeShape(brandSchema).kind).toBe('object');
	});
});

describe('brand fonts and paths', () => {
	const brand = projectBrand();
	it.each(['Arial" panose="INJECTED', 'Ar"ial<x>', 'Arial, sans-serif', '<script>'])(
		'the font "%s" is refused by the schema',
		(font) => {
			const result = brandSchema.safeParse({ ...brand, fonts: { heading: font, body: 'Calibri' } });
			expect(result.success).toBe(false);
			expect(result.error?.issues[0]?.path).toEqual(['fonts', 'heading']);
		},
	);

	it.each(['Calibri Light', 'Source Sans 3', '맑은 고딕', 'Gill Sans MT', 'Segoe UI'])(
		'the font "%s" is accepted',
		(font) => {
			expect(
				brandSchema.safeParse({ ...brand, fonts: { heading: font, body: font } }).success,
			).toBe(true);
		},
	);

	it.each(['../../outside.png', '/etc/logo.png', 'brand/../../x.png', 'C:\\logo.png'])(
		'the logo path "%s" is refused: it could leave public/',
		(png) => {
			const result = brandSchema.safeParse({ ...brand, logo: { ...brand.logo, png } });
			expect(result.error?.issues[0]?.message).toBe(
				'a path inside public/, relative and without "..", e.g. "brand/logo.png"',
			);
		},
	);
});

describe('markup and script in the deck engine', () => {
	it('every font the engine writes into an attribute is escaped, even one the schema would refuse', async () => {
		const input = sampleInput();
		const font = "Ar\"ial<x> & 'co'";
		input.brand = { ...input.brand, fonts: { heading: font, body: font } };
		const files = unzipSync(await buildDeck(input));
		let typefaces = 0;
		for (const [name, bytes] of Object.entries(files)) {
			if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
			const xml = strFromU8(bytes);
			expect(xmlError(xml), name).toBeUndefined();
			typefaces += xml.split('typeface="Ar&quot;ial&lt;x&gt; &amp; &apos;co&apos;"').length - 1;
			expect(xml).not.toContain('typeface="Ar"');
		}
		// The theme's heading and body fonts, slide text, charts and the slide number.
		expect(typefaces).toBeGreaterThan(10);
		expect(strFromU8(files['ppt/theme/theme1.xml']!)).toContain(
			'<a:latin typeface="Ar&quot;ial&lt;x&gt; &amp; &apos;co&apos;"',
		);
	});

	it('markup and script in every briefing text field reach the slides as text', async () => {
		const input = sampleInput();
		const evil = '<script>alert(1)</script>&amp;"\'</a:t>';
		input.briefing = {
			...input.briefing,
			title: `T ${evil}`.slice(0, 90),
			subtitle: evil,
			prospect: {
				...input.briefing.prospect,
				company: evil,
				audience: [{ name: evil, role: evil }],
			},
			presenter: { ...input.briefing.presenter, name: evil, title: evil, company: evil },
			nextStep: { ...input.briefing.nextStep, ask: evil, agenda: [evil] },
			notes: evil,
		};
		const files = unzipSync(await buildDeck(input));
		for (const [name, bytes] of Object.entries(files)) {
			if (!name.endsWith('.xml')) continue;
			const xml = strFromU8(bytes);
			expect(xmlError(xml), name).toBeUndefined();
			expect(xml, name).not.toContain('<script>');
		}
		const slide1 = strFromU8(files['ppt/slides/slide1.xml']!);
		expect(slide1).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;');
	});
	it('markup and script in every insight text field reach slides, charts and notes as text', async () => {
		const input = sampleInput();
		const evil = '<script>x</script>&"\'';
		input.insights = input.insights.map((insight) => ({
			...insight,
			talkTrack: `${evil} ${insight.talkTrack}`,
			data: {
				...insight.data,
				title: `${evil} ${insight.data.title}`.slice(0, 90),
				summary: evil,
				points: insight.data.points.map((point) => `${evil} ${point}`.slice(0, 140)),
				implication: evil,
				questions: insight.data.questions.map(() => evil),
				stat: insight.data.stat && { ...insight.data.stat, label: evil },
				chart: insight.data.chart && {
					...insight.data.chart,
					title: evil,
					labels: insight.data.chart.labels.map((_, i) => `<b>${i}</b>&`),
					series: insight.data.chart.series.map((series) => ({ ...series, name: evil })),
				},
				sources: insight.data.sources.map((source) => ({
					...source,
					title: evil,
					publisher: evil,
				})),
			},
		}));
		const files = unzipSync(await buildDeck(input));
		let charts = 0;
		for (const [name, bytes] of Object.entries(files)) {
			if (!/\.(xml|rels)$/.test(name)) continue;
			const xml = strFromU8(bytes);
			expect(xmlError(xml), name).toBeUndefined();
			expect(xml, name).not.toMatch(/<script>|<b>/);
			if (name.startsWith('ppt/charts/chart')) {
				charts++;
				expect(xml).toContain('&lt;b&gt;0&lt;/b&gt;&amp;');
			}
		}
		expect(charts).toBeGreaterThan(0);
	});
});

describe('search excerpts', () => {
	it('keep Pagefind’s highlights and show any other markup as text, escaped by the indexer or not', () => {
		expect(safeExcerpt('a <mark>word</mark> &lt;img src=x onerror=alert(1)&gt; &amp;amp;')).toBe(
			'a <mark>word</mark> &lt;img src=x onerror=alert(1)&gt; &amp;amp;',
		);
		expect(safeExcerpt('<img src=x onerror=alert(1)><MARK>hit</MARK><script>x</script>')).toBe(
			'&lt;img src=x onerror=alert(1)&gt;<mark>hit</mark>&lt;script&gt;x&lt;/script&gt;',
		);
		expect(safeExcerpt('&#60;b&#x3e; &bogus; &#0;')).toBe('&lt;b&gt; &amp;bogus; &amp;#0;');
	});

	it('drops the separators a cut-off excerpt starts with, and keeps a sign or a decimal point', () => {
		expect(safeExcerpt('· For CEO, COO <mark>Burnout</mark> · fell')).toBe(
			'For CEO, COO <mark>Burnout</mark> · fell',
		);
		expect(safeExcerpt(' , — ; <mark>cost</mark>')).toBe('<mark>cost</mark>');
		expect(safeExcerpt('-3% margin')).toBe('-3% margin');
		expect(safeExcerpt('.5 points')).toBe('.5 points');
	});
});
