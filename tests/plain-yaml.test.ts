import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateCorpus, random } from '../bench/corpus.ts';
import { parseYaml } from '../src/library/parse-yaml.ts';
import { splitFrontmatter } from '../src/library/parse.ts';
import { readPlainYaml } from '../src/library/plain-yaml.ts';

/** What the yaml package makes of `source`, parsed as parseYaml parses it. */
const yamlData = (source: string): unknown =>
	parseDocument(source, { uniqueKeys: false, resolveKnownTags: false }).toJS();

/** Asserts the quick reader either declines `source` or gives exactly what the yaml package gives. */
function expectSameOrDeclined(source: string): boolean {
	const plain = readPlainYaml(source);
	if (plain === undefined) return false;
	const reference = parseDocument(source, { uniqueKeys: true, resolveKnownTags: false });
	expect(reference.errors, source).toEqual([]);
	expect(reference.warnings, source).toEqual([]);
	expect(plain, source).toStrictEqual(reference.toJS());
	return true;
}

const yamlOf = (file: string, text: string) =>
	file.endsWith('.mdx') ? (splitFrontmatter(text)?.frontmatter ?? '') : text;

describe('readPlainYaml', () => {
	it('reads every content file of this repository as the yaml package does, or declines it', () => {
		const root = path.resolve('content');
		const files = [
			'taxonomy.yaml',
			'brand.yaml',
			...readdirSync(path.join(root, 'insights')).map((name) => `insights/${name}`),
			...readdirSync(path.join(root, 'briefings')).map((name) => `briefings/${name}`),
		].filter((file) => /\.(mdx|ya?ml)$/.test(file));
		let read = 0;
		for (const file of files) {
			if (expectSameOrDeclined(yamlOf(file, readFileSync(path.join(root, file), 'utf8')))) read++;
		}
		// The quick path must actually apply: most of the library is plain YAML.
		expect(read).toBeGreaterThan(files.length * 0.8);
	});

	it('reads a generated library (every field at its limits in turn) as the yaml package does', () => {
		const corpus = generateCorpus({ insights: 300, seed: 7 });
		let read = 0;
		for (const file of corpus.files) {
			if (expectSameOrDeclined(yamlOf(file.path, file.content))) read++;
		}
		expect(read).toBeGreaterThan(corpus.files.length * 0.95);
	});

	it('declines what it does not read plainly, and parseYaml then reports it as before', () => {
		const declined = [
			'title: one\n  continued on the next line\n',
			'title: text # a comment\n',
			'title: &anchor text\nother: *anchor\n',
			'title: !!str text\n',
			'title: |\n  block\n',
			'title: >\n  folded\n',
			'title: one\ntitle: two\n',
			'title:\tone\n',
			'title: one\r\nsummary: two\r\n',
			'__proto__: x\n',
			'true: x\n',
			'- a\n- b\n',
			'title: "escaped \\" quote"\n',
			"title: 'it''s'\n",
			'value: ~\n',
			'value: 0x1F\n',
			'value: 1e3\n',
			'value: .5\n',
			'value: 1.\n',
			'value: +1\n',
			'value: 12345678901234567890\n',
			'list: [a, [b]]\n',
			'list: {a: b}\n',
			'  indented: first\n',
			'a:\n  b: 1\n c: 2\n',
			'a:\n  - x\n   - y\n',
			'a: b: c\n',
			'---\na: b\n',
			'a: b\n  # indented comment\n',
			'a: "x" trailing\n',
			'',
			'# only a comment\n',
		];
		for (const source of declined) {
			expect(readPlainYaml(source), source).toBeUndefined();
			// The yaml package still reads or refuses it, exactly as parseYaml did.
			const parsed = parseYaml('x.yaml', source);
			if (!parsed.issues.length) expect(parsed.data).toStrictEqual(yamlData(source));
		}
	});

	it('reads the plain forms content files use', () => {
		const source = [
			'# A comment line',
			'title: "Quoted: with a colon"',
			"single: 'single # quoted'",
			'plain: 80% of buyers, [not a list] {nor a map}',
			'url: https://example.com/a#b',
			'count: 12',
			'negative: -3.25',
			'zero: 007',
			'date: 2026-03-14',
			'month: 2026-03',
			'yes: yes',
			'empty:',
			'flag: false',
			'nothing: null',
			'ids: [software, cross-industry]',
			'labels: ["2024", "2030 projection"]',
			'values: [38.1, 60, -2]',
			'none: []',
			'nested:',
			'  kind: bar',
			'  series:',
			'  - name: One',
			'    values:',
			'      - 1.5',
			'      - 2',
			'  -   name: Two',
			'      values: [3]',
			'',
			'after: last',
		].join('\n');
		expect(expectSameOrDeclined(source)).toBe(true);
	});

	it('gives what the yaml package gives for thousands of generated texts, or declines them', () => {
		const rng = random(16);
		const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
		const keys = ['a', 'b', 'title', 'sources', 'x-y', 'null', 'True', '__proto__', 'k1', 'a b'];
		const plainScalars = ['text', 'two words', '"quoted"', "'single'", '12', '80%', '[a, b]'];
		const scalars = [
			'text',
			'two words',
			'"quoted"',
			"'single'",
			'"with \\n escape"',
			"'it''s'",
			'80%',
			'12',
			'-4.5',
			'0.0',
			'1e5',
			'0o17',
			'.inf',
			'~',
			'null',
			'TRUE',
			'yes',
			'2026-02-30',
			'a: b',
			'x #y',
			'x#y',
			'*alias',
			'&anchor v',
			'!tag v',
			'[a, b]',
			'[1, "two", three]',
			'[a,]',
			'{a: 1}',
			'|',
			'ends:',
			'- dash',
			'-dash',
			'@at',
			'`tick`',
			'%pct',
			'?q',
			'',
		];
		const indents = [0, 2, 2, 4, 4, 1, 3];
		const value = () => (rng() < 0.7 ? pick(plainScalars) : pick(scalars));
		let read = 0;
		for (let n = 0; n < 6000; n++) {
			const lines: string[] = [];
			const count = 1 + Math.floor(rng() * 8);
			for (let i = 0; i < count; i++) {
				const indent = ' '.repeat(i === 0 && rng() < 0.8 ? 0 : pick(indents));
				const roll = rng();
				if (roll < 0.45) lines.push(`${indent}${pick(keys)}: ${value()}`);
				else if (roll < 0.6) lines.push(`${indent}${pick(keys)}:`);
				else if (roll < 0.8) lines.push(`${indent}- ${value()}`);
				else if (roll < 0.9) lines.push(`${indent}- ${pick(keys)}: ${value()}`);
				else if (roll < 0.95) lines.push(rng() < 0.5 ? '' : '# comment');
				else lines.push(`${indent}${value()}`);
			}
			if (expectSameOrDeclined(`${lines.join('\n')}\n`)) read++;
		}
		// Enough of them are plain for the comparison to mean something.
		expect(read).toBeGreaterThan(200);
	});
});
