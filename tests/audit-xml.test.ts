/**
 * The audit's XML reader and its shape reading: attributes read when first asked for, children
 * lists made as elements close, and shapes remembered per part with the parts they inherit from.
 */
import { describe, expect, it } from 'vitest';
import { shapesOf } from '../src/deck/audit/shapes.ts';
import { kid, kids, parseXml, textOf } from '../src/deck/audit/xml.ts';
import { plainTree as plain } from './fixtures/xml-tree.ts';

describe("the audit's XML reader", () => {
	it('reads names, attributes, text and self-closing elements', () => {
		const root = parseXml(
			'<?xml version="1.0"?>\n<p:sld xmlns:p="urn:p" a=\'1\'><a:t x="a &amp; b">Q&amp;A <!-- no --></a:t>' +
				'<a:br/><a:br a="&#x41;" b = "2" /><x/y="3"/><![CDATA[<raw>]]></p:sld>',
		);
		expect(plain(root)).toEqual({
			name: 'p:sld',
			local: 'sld',
			attrs: { 'xmlns:p': 'urn:p', a: '1' },
			children: [
				{ name: 'a:t', local: 't', attrs: { x: 'a & b' }, children: ['Q&A '] },
				{ name: 'a:br', local: 'br', attrs: {}, children: [] },
				{ name: 'a:br', local: 'br', attrs: { a: 'A', b: '2' }, children: [] },
				{ name: 'x', local: 'x', attrs: { '/y': '3' }, children: [] },
				'<raw>',
			],
		});
	});

	it('gives each element its own children, however deep and however many', () => {
		const items = Array.from({ length: 40 }, (_, i) => `<i n="${i}"><b>${i}</b></i>`).join('');
		const root = parseXml(`<list><one><two><three>deep</three></two></one>${items}<e></e></list>`);
		expect(kids(root, 'i').map((i) => i.attrs.n)).toEqual(
			Array.from({ length: 40 }, (_, i) => String(i)),
		);
		expect(kids(root, 'i').every((i) => i.children.length === 1)).toBe(true);
		expect(textOf(kid(root, 'one', 'two', 'three'))).toBe('deep');
		expect(kid(root, 'e')!.children).toEqual([]);
		expect(root.children).toHaveLength(42);
	});

	it('throws on a tree it cannot read, as before', () => {
		expect(() => parseXml('<a><b></a>')).toThrow('</a> does not close <b>');
		expect(() => parseXml('<a>')).toThrow('no complete root element');
		expect(() => parseXml('text only')).toThrow('no complete root element');
	});
});

describe('shapes read once per part', () => {
	const layout = (y: number) =>
		parseXml(
			`<p:sldLayout xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>` +
				`<p:spPr><a:xfrm><a:off x="10" y="${y}"/><a:ext cx="100" cy="50"/></a:xfrm></p:spPr></p:sp></p:spTree></p:cSld></p:sldLayout>`,
		);
	const slide = parseXml(
		'<p:sld xmlns:p="p" xmlns:a="a"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title 1"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>' +
			'<p:spPr/><p:txBody><a:p><a:r><a:t>Hello</a:t></a:r></a:p></p:txBody></p:sp></p:spTree></p:cSld></p:sld>',
	);

	it('gives the same shapes again for the same part and inherited parts', () => {
		const first = layout(20);
		const shapes = shapesOf(slide, [first]);
		expect(shapesOf(slide, [first])).toBe(shapes);
		expect(shapes.map((shape) => [shape.text, shape.placeholder?.type])).toEqual([
			['Hello', 'title'],
		]);
	});

	it('reads them again when the part inherits from other parts', () => {
		const [first, second] = [layout(20), layout(300)];
		const fromFirst = shapesOf(slide, [first]);
		expect(shapesOf(slide, [second])).not.toBe(fromFirst);
		expect(shapesOf(slide)).not.toBe(fromFirst);
		expect(shapesOf(slide, [first, second])).not.toBe(fromFirst);
		expect(shapesOf(slide, [first])).toEqual(fromFirst);
	});

	it('gives a placeholder without a position the first inherited one: layout, then master', () => {
		const box = (y: number) => ({ x: 10, y, w: 100, h: 50 });
		expect(shapesOf(slide, [layout(20)])[0]!.box).toEqual(box(20));
		expect(shapesOf(slide, [layout(300), layout(20)])[0]!.box).toEqual(box(300));
		const unplaced = parseXml(
			'<p:sldLayout xmlns:p="p"><p:cSld><p:spTree><p:sp><p:nvSpPr><p:cNvPr id="2" name="Title"/><p:cNvSpPr/><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>' +
				'<p:spPr/></p:sp></p:spTree></p:cSld></p:sldLayout>',
		);
		expect(shapesOf(slide, [unplaced, layout(300)])[0]!.box).toEqual(box(300));
		expect(shapesOf(slide, [unplaced])[0]!.box).toBeUndefined();
	});
});
