/**
 * The package repairs, one by one on the XML pptxgenjs writes, and together on a raw pptxgenjs
 * deck: schema order, chart children, text bodies, outlines, negative sizes, backgrounds, theme
 * style lists and the notes master's own theme. (That whole decks pass the Open XML validator is
 * tested in deck-valid.test.ts.)
 */
import { strFromU8, unzipSync } from 'fflate';
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { childSpans } from '../src/deck/pptx/element-spans.ts';
import { dedupeParagraphProperties, normalizePackage } from '../src/deck/pptx/package.ts';
import {
	ensureTextBodies,
	fixBackgroundEffects,
	fixChart,
	fixEmptyElements,
	fixNegativeSizes,
	fixNotesSlide,
	fixThemeStyleLists,
	orderPresentation,
	themeStyleCounts,
} from '../src/deck/pptx/repair.ts';

describe('repairs', () => {
	it('put presentation.xml children in schema order, keeping unknown ones', () => {
		const xml =
			'<p:presentation a="1"><p:sldMasterIdLst/><p:sldIdLst><p:sldId id="256"/></p:sldIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId9"/></p:notesMasterIdLst><p:sldSz cx="1" cy="2"/><p:notesSz cx="1" cy="2"/><p:defaultTextStyle/></p:presentation>';
		expect(orderPresentation(xml)).toBe(
			'<p:presentation a="1"><p:sldMasterIdLst/><p:notesMasterIdLst><p:notesMasterId r:id="rId9"/></p:notesMasterIdLst><p:sldIdLst><p:sldId id="256"/></p:sldIdLst><p:sldSz cx="1" cy="2"/><p:notesSz cx="1" cy="2"/><p:defaultTextStyle/></p:presentation>',
		);
		const ordered = orderPresentation(xml);
		expect(orderPresentation(ordered)).toBe(ordered);
	});

	it('give 2-D charts two defined axes, line charts a grouping, series their children in order', () => {
		const axes = '<c:catAx><c:axId val="1"/></c:catAx><c:valAx><c:axId val="2"/></c:valAx>';
		const bar = `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:val/></c:ser><c:gapWidth val="60"/><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:barChart>${axes}`;
		expect(fixChart(bar)).toBe(
			`<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:val/></c:ser><c:gapWidth val="60"/><c:axId val="1"/><c:axId val="2"/></c:barChart>${axes}`,
		);
		const line = `<c:lineChart><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:spPr/><c:invertIfNegative val="0"/><c:dLbls/><c:marker/><c:val/><c:smooth val="0"/></c:ser><c:dLbls/><c:marker val="1"/><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:lineChart>${axes}`;
		expect(fixChart(line)).toBe(
			`<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:spPr/><c:marker/><c:dLbls/><c:val/><c:smooth val="0"/></c:ser><c:dLbls/><c:marker val="1"/><c:axId val="1"/><c:axId val="2"/></c:lineChart>${axes}`,
		);
	});

	it('give every shape a text body and outlines without content an explicit no-fill', () => {
		const shape = '<p:sp><p:nvSpPr/><p:spPr><a:ln></a:ln></p:spPr></p:sp>';
		expect(fixEmptyElements(ensureTextBodies(shape, 'de-DE'), 'de-DE')).toBe(
			'<p:sp><p:nvSpPr/><p:spPr><a:ln><a:noFill/></a:ln></p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="de-DE"/></a:p></p:txBody></p:sp>',
		);
		const withText = '<p:sp><p:spPr/><p:txBody><a:bodyPr/><a:p></a:p></p:txBody></p:sp>';
		expect(fixEmptyElements(ensureTextBodies(withText, 'en-US'), 'en-US')).toBe(
			'<p:sp><p:spPr/><p:txBody><a:bodyPr/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>',
		);
	});

	it('find shapes and backgrounds as a global replace from each opening tag to the first closing one would', () => {
		const shape = (inner: string) => `<p:sp>${inner}</p:sp>`;
		const body =
			'<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody>';
		const samples = [
			'',
			'<p:spTree/>',
			shape('<p:spPr/>') + shape(`<p:spPr/>${body}`) + shape('<p:spPr/><p:extLst/>'),
			`<p:grpSp>${shape('<p:spPr/>')}x${shape('<p:spPr/></p:spPr><p:extLst/>')}</p:grpSp>`,
			`${shape('<p:sp>')}<p:sp>unclosed`,
			'<p:bg><p:bgPr><a:solidFill/></p:bgPr></p:bg><p:bgPr><a:effectLst/></p:bgPr><p:bgPr>',
		];
		const reference = (xml: string) =>
			xml.replace(/<p:sp>((?:(?!<\/p:sp>)[\s\S])*)<\/p:sp>/g, (whole, inner: string) => {
				if (inner.includes('<p:txBody>')) return whole;
				const ext = inner.lastIndexOf('<p:extLst>');
				const at = ext >= 0 && !inner.slice(ext).includes('</p:spPr>') ? ext : inner.length;
				return `<p:sp>${inner.slice(0, at)}${body}${inner.slice(at)}</p:sp>`;
			});
		const referenceBackground = (xml: string) =>
			xml.replace(/<p:bgPr>((?:(?!<\/p:bgPr>)[\s\S])*)<\/p:bgPr>/g, (whole, inner: string) =>
				/<a:effect(?:Lst|Dag)\b/.test(inner) ? whole : `<p:bgPr>${inner}<a:effectLst/></p:bgPr>`,
			);
		for (const xml of samples) {
			expect(ensureTextBodies(xml, 'en-US')).toBe(reference(xml));
			expect(fixBackgroundEffects(xml)).toBe(referenceBackground(xml));
		}
	});

	it('repair paragraphs and outlines in one scan as the separate passes they replaced would', () => {
		const samples = [
			'',
			'<a:p/><a:ln w="9525"/><a:p></a:p><a:ln></a:ln><a:lnSpc/><a:pPr/>',
			'<a:p><a:pPr algn="l"/><a:r><a:t>a</a:t></a:r><a:pPr algn="r"><a:buNone/></a:pPr><a:r/></a:p>',
			'<a:p><a:pPr/><a:r/></a:p><a:p><a:r/><a:pPr/><a:pPr/></a:p><a:p>unclosed<a:pPr/><a:pPr/>',
			'<a:p><a:pPrX/><a:pPr/></a:p><a:p></a:p>',
		];
		const referenceEmpty = (xml: string, lang: string) =>
			xml
				.replace(
					/<a:ln(\s[^>]*)?(?:\/>|><\/a:ln>)/g,
					(_, attrs?: string) => `<a:ln${attrs ?? ''}><a:noFill/></a:ln>`,
				)
				.replace(/<a:p(?:\/>|><\/a:p>)/g, `<a:p><a:endParaRPr lang="${lang}"/></a:p>`);
		const referenceDedupe = (xml: string) =>
			xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (whole, inner: string) => {
				let seen = false;
				const cleaned = inner.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (pPr) => {
					if (seen) return '';
					seen = true;
					return pPr;
				});
				return cleaned === inner ? whole : `<a:p>${cleaned}</a:p>`;
			});
		for (const xml of samples) {
			expect(fixEmptyElements(xml, 'de-DE')).toBe(referenceEmpty(xml, 'de-DE'));
			expect(dedupeParagraphProperties(xml)).toBe(referenceDedupe(xml));
			expect(fixNegativeSizes(xml)).toBe(xml);
		}
		// Instructions and comments are skipped; empty elements are children of their own.
		const tree = '<r><?pi x?><a/><!-- c --><b><c/></b><d></d></r>';
		expect(childSpans(tree, 3, tree.length - 4).map(([a, b]) => tree.slice(a, b))).toEqual([
			'<a/>',
			'<b><c/></b>',
			'<d></d>',
		]);
	});

	it('turn negative sizes into flipped boxes at the real corner', () => {
		expect(
			fixNegativeSizes('<a:xfrm><a:off x="914400" y="100"/><a:ext cx="-914400" cy="50"/></a:xfrm>'),
		).toBe('<a:xfrm flipH="1"><a:off x="0" y="100"/><a:ext cx="914400" cy="50"/></a:xfrm>');
		expect(
			fixNegativeSizes('<a:xfrm flipV="1"><a:off x="0" y="100"/><a:ext cx="5" cy="-40"/></a:xfrm>'),
		).toBe('<a:xfrm><a:off x="0" y="60"/><a:ext cx="5" cy="40"/></a:xfrm>');
	});

	it('add the effect list to solid backgrounds, and three styles to each theme list', () => {
		expect(
			fixBackgroundEffects(
				'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></p:bgPr></p:bg>',
			),
		).toBe(
			'<p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>',
		);
		const theme =
			'<a:fmtScheme><a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst><a:lnStyleLst><a:ln/><a:ln/><a:ln/><a:ln/></a:lnStyleLst></a:fmtScheme>';
		const fixed = fixThemeStyleLists(theme);
		expect(themeStyleCounts(fixed)).toEqual({ fillStyleLst: 3, lnStyleLst: 3 });
		expect(fixed).toContain(
			'<a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:fillStyleLst>',
		);
	});

	it("point notes slides' slide number at the notes master's placeholder", () => {
		const master =
			'<p:ph type="body" sz="quarter" idx="3"/><p:ph type="sldNum" sz="quarter" idx="5"/>';
		expect(
			fixNotesSlide(
				'<p:ph type="body" idx="1"/><p:ph type="sldNum" sz="quarter" idx="10"/>',
				master,
			),
		).toBe('<p:ph type="body" idx="1"/><p:ph type="sldNum" sz="quarter" idx="5"/>');
	});
});

describe('a raw pptxgenjs deck, normalized', () => {
	it('comes out repaired', async () => {
		const pptx = new PptxGenJS();
		const slide = pptx.addSlide();
		slide.background = { color: 'FFFFFF' };
		slide.addShape(pptx.ShapeType.line, { x: 2, y: 1, w: -1, h: 1, line: { color: '000000' } });
		slide.addShape(pptx.ShapeType.rect, { x: 3, y: 1, w: 1, h: 1, fill: { color: 'EEEEEE' } });
		slide.addChart(pptx.ChartType.line, [{ name: 'A', labels: ['x', 'y'], values: [1, 2] }], {
			x: 1,
			y: 2,
			w: 4,
			h: 3,
		});
		slide.addNotes('Talk track');
		pptx.addSlide().addNotes('More');
		const raw = (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
		const files = unzipSync(
			normalizePackage(raw, {
				title: 'T',
				subject: 'S',
				author: 'A',
				company: 'C',
				slideTitles: ['One', 'Two'],
				fonts: ['Calibri'],
				timestamp: new Date('2026-03-12T00:00:00Z'),
				language: 'fr-FR',
			}),
		);
		const text = (name: string) => strFromU8(files[name]!);
		expect(text('ppt/presentation.xml')).toMatch(/<\/p:sldMasterIdLst><p:notesMasterIdLst>/);
		const slideXml = text('ppt/slides/slide1.xml');
		expect(slideXml).toContain(
			'<a:xfrm flipH="1"><a:off x="914400" y="914400"/><a:ext cx="914400" cy="914400"/>',
		);
		expect((slideXml.match(/<p:sp>/g) ?? []).length).toBe(
			(slideXml.match(/<p:txBody>/g) ?? []).length,
		);
		expect(slideXml).toContain('<a:endParaRPr lang="fr-FR"/>');
		expect(slideXml).toContain('<a:effectLst/></p:bgPr>');
		expect(text('ppt/charts/chart1.xml')).toContain('<c:lineChart><c:grouping val="standard"/>');
		// The notes master has its own theme, listed in the content types.
		expect(text('ppt/notesMasters/_rels/notesMaster1.xml.rels')).toContain(
			'Target="../theme/theme2.xml"',
		);
		expect(text('ppt/slideMasters/_rels/slideMaster1.xml.rels')).toContain(
			'Target="../theme/theme1.xml"',
		);
		expect(text('[Content_Types].xml')).toContain('<Override PartName="/ppt/theme/theme2.xml"');
		expect(text('[Content_Types].xml')).not.toContain('slideMaster2.xml');
		expect(text('ppt/notesSlides/notesSlide1.xml')).toContain(
			'<p:ph type="sldNum" sz="quarter" idx="5"/>',
		);
	});
});
