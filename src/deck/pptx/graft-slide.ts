/**
 * Slide XML on a company template: the title shape becomes the layout's title placeholder (our
 * fitted size kept, the template's font, colour and alignment inherited), and the layout's
 * footer and slide-number placeholders are filled so the template's footers show.
 */
import type { TemplateLayout } from '../template/model.ts';
import { escapeXml } from '../xml.ts';

/** Shape elements in a slide's tree, in the order pptxgenjs wrote them (one per scene frame). */
const shapePattern = /<p:(sp|pic|graphicFrame|cxnSp)>[\s\S]*?<\/p:\1>/g;

/** The title shape turned into a placeholder of `type`; its box kept only when `keepBox`. */
function asTitlePlaceholder(shape: string, type: string, keepBox: boolean): string {
	const xfrm = /<a:xfrm>[\s\S]*?<\/a:xfrm>/.exec(shape)?.[0] ?? '';
	const placed = shape
		.replace('<p:cNvSpPr/>', '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>')
		.replace(/<p:nvPr>\s*<\/p:nvPr>|<p:nvPr\/>/, `<p:nvPr><p:ph type="${type}"/></p:nvPr>`)
		.replace(/<p:spPr>[\s\S]*?<\/p:spPr>/, keepBox ? `<p:spPr>${xfrm}</p:spPr>` : '<p:spPr/>')
		.replace(/<a:bodyPr[^>]*?(\/>|>[\s\S]*?<\/a:bodyPr>)/, '<a:bodyPr><a:normAutofit/></a:bodyPr>')
		.replace(/(<a:(?:rPr|endParaRPr)[^>]*?)\sb="1"/g, '$1');
	// The runs keep the font, colour and alignment the plan read from the template's placeholder:
	// templates written by LibreOffice keep them on sample text, which slides do not inherit.
	return placed;
}

/** A placeholder shape that shows the layout's footer text or slide number. */
function footerShape(id: number, type: 'ftr' | 'sldNum', idx: number, text: string): string {
	const run =
		type === 'sldNum'
			? `<a:fld id="{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}" type="slidenum"><a:rPr lang="en-US"/><a:t>${escapeXml(text)}</a:t></a:fld>`
			: `<a:r><a:rPr lang="en-US"/><a:t>${escapeXml(text)}</a:t></a:r>`;
	const name = type === 'sldNum' ? 'Slide Number' : 'Footer';
	return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="${name} ${id}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="${type}" idx="${idx}"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p>${run}</a:p></p:txBody></p:sp>`;
}

/** What the slide's XML needs to know. */
export interface GraftedSlide {
	/** Index of the title frame among the slide's frames (shapes), if it has one. */
	titleIndex?: number;
	titleType: 'title' | 'ctrTitle';
	/** Whether the title keeps its own box (else the layout's is inherited). */
	titleKeepsBox: boolean;
	layout: TemplateLayout;
	/** Footer text (the company) and the slide's number. */
	footer: string;
	number: number;
}

/** The slide XML rewritten for its template layout. */
export function graftSlideXml(xml: string, slide: GraftedSlide): string {
	let out = xml;
	if (slide.titleIndex !== undefined) {
		// Only the title shape changes: find it, and leave the rest of the slide as it is.
		shapePattern.lastIndex = 0;
		let shape: RegExpExecArray | null = null;
		for (let at = 0; at <= slide.titleIndex; at++) {
			shape = shapePattern.exec(xml);
			if (!shape) break;
		}
		if (shape) {
			out =
				xml.slice(0, shape.index) +
				asTitlePlaceholder(shape[0], slide.titleType, slide.titleKeepsBox) +
				xml.slice(shape.index + shape[0].length);
		}
	}
	let nextId = 1;
	for (const m of out.matchAll(/<p:cNvPr id="(\d+)"/g)) nextId = Math.max(nextId, Number(m[1]) + 1);
	const extra: string[] = [];
	for (const ph of slide.layout.placeholders) {
		if (ph.type === 'ftr') extra.push(footerShape(nextId++, 'ftr', ph.idx, slide.footer));
		if (ph.type === 'sldNum')
			extra.push(footerShape(nextId++, 'sldNum', ph.idx, String(slide.number)));
	}
	if (extra.length) out = out.replace('</p:spTree>', `${extra.join('')}</p:spTree>`);
	return out;
}
