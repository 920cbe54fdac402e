/**
 * A deck audited right after it is built is not parsed again: the writer's well-formedness check
 * tells the audit's `TreeBuilder` what it reads, and the audit takes those trees (`auditReader`).
 * They must be the trees `parseXml` makes, and a part the check did not vouch for (a file on disk,
 * a part changed since) must still be read, and its problems found.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { auditDeck, auditReader } from '../src/deck/audit/index.ts';
import { parseXml, TreeBuilder, type XmlElement } from '../src/deck/audit/xml.ts';
import { buildDeckFiles } from '../src/deck/index.ts';
import type { PartReader } from '../src/deck/pptx/problems.ts';
import { xmlError } from '../src/deck/xml.ts';
import { maxInput, sampleInput } from './fixtures/decks/inputs.ts';
import { plainTree as plain } from './fixtures/xml-tree.ts';

/** The tree built in the check's pass: undefined when the check fails or the builder declines. */
function builtTree(text: string): XmlElement | undefined {
	let tree: XmlElement | undefined;
	const builder = new TreeBuilder(text, (root) => (tree = root));
	if (xmlError(text, builder)) return undefined;
	builder.done();
	return tree;
}

describe('the tree built while the writer checks a part', () => {
	it("is parseXml's tree: names, attributes, text, entities, CDATA, comments, instructions", () => {
		const xml =
			'\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- before -->\n' +
			'<p:sld xmlns:p="urn:p" a=\'1\'><a:t x="a &amp; b">Q&amp;A <!-- no --> &#x41;&#66;</a:t>' +
			'<a:br/><a:br a="&#x41;" b = "2" /><e></e><?keep this?><![CDATA[<raw> & ]]>tail' +
			'<é:ü ä="ö">x > y</é:ü>\n</p:sld>\n<!-- after -->\n';
		const tree = builtTree(xml);
		expect(tree).toBeDefined();
		expect(plain(tree!)).toEqual(plain(parseXml(xml)));
	});

	it("is parseXml's tree for every XML part of built decks", async () => {
		for (const input of [sampleInput(), maxInput({ wide: true })]) {
			const { parts } = await buildDeckFiles(input);
			let compared = 0;
			for (const [name, content] of parts) {
				if (!/\.(xml|rels)$/.test(name)) continue;
				const text = strFromU8(content);
				const tree = builtTree(text);
				expect(tree, name).toBeDefined();
				expect(plain(tree!), name).toEqual(plain(parseXml(text)));
				compared++;
			}
			expect(compared).toBeGreaterThan(30);
		}
	});

	it('declines where parseXml reads the text another way, and builds nothing from broken XML', () => {
		// parseXml ends a start tag and an instruction at the first ">", and a name at any white space.
		expect(builtTree('<a><b c="1 > 0"/></a>')).toBeUndefined();
		expect(builtTree('<a><?pi a > b?></a>')).toBeUndefined();
		expect(builtTree('<a><b\u2028c/></a>')).toBeUndefined();
		expect(builtTree('<a><b>text</a>')).toBeUndefined();
		// ... and the same texts without those are built.
		expect(builtTree('<a><b c="1 &gt; 0"/><?pi a b?><bc/></a>')).toBeDefined();
	});
});

describe('a deck audited with the trees its writer built', () => {
	it('builds the trees of the parts the audit reads, and finds what auditing its bytes finds', async () => {
		const read: string[] = [];
		const counting: PartReader = {
			sinkFor(name, content, text) {
				const sink = auditReader.sinkFor(name, content, text);
				if (sink) read.push(name);
				return sink;
			},
		};
		const { bytes, parts } = await buildDeckFiles(sampleInput({ company: 'Tree & Check' }), {
			reader: counting,
		});
		// Parts whose text was checked before in this process (relationships, the presentation of a
		// deck of as many slides) are not checked again, so the audit parses those itself; the
		// slides that carry the company's name are new.
		expect(read).toContain('ppt/slides/slide1.xml');
		expect(read.filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length).toBeGreaterThan(
			5,
		);
		expect(
			read.every((name) =>
				/^(_rels\/|ppt\/(presentation|_rels|slides|slideLayouts|slideMasters|theme|notesMasters\/_rels)\b)/.test(
					name,
				),
			),
		).toBe(true);
		expect(auditDeck(parts)).toEqual(auditDeck(bytes));
		expect(auditDeck(parts)).toEqual([]);
	});

	it('still finds a broken part in the same deck read from a file on disk', async () => {
		const { bytes, parts } = await buildDeckFiles(sampleInput({ company: 'Broken Part' }), {
			reader: auditReader,
		});
		const files = unzipSync(bytes);
		const slide = strFromU8(files['ppt/slides/slide2.xml']!);
		files['ppt/slides/slide2.xml'] = strToU8(slide.replace('</p:cSld>', '</p:cSldX>'));
		const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-reader-'));
		try {
			const file = path.join(dir, 'broken.pptx');
			await writeFile(file, zipSync(files));
			const findings = auditDeck(new Uint8Array(await readFile(file)));
			expect(
				findings.some(
					(f) =>
						f.rule === 'package' &&
						f.message.startsWith('ppt/slides/slide2.xml is not well-formed'),
				),
			).toBe(true);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
		// The same break in the parts just built (a new part object) is found too.
		const changed = new Map(parts);
		changed.set('ppt/slides/slide2.xml', strToU8(slide.replace('</p:cSld>', '</p:cSldX>')));
		expect(auditDeck(changed).map((f) => f.message)).toContainEqual(
			expect.stringMatching(/^ppt\/slides\/slide2\.xml is not well-formed/),
		);
	});
});
