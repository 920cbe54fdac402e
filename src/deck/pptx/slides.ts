/**
 * Turns a scene into pptxgenjs calls and returns pptxgenjs's raw parts (cleaned afterwards by
 * `package.ts`). Text sizes come from the scene; nothing here measures or decides layout.
 */
import PptxGenJS from 'pptxgenjs';
import type { Scene, SceneFrame, SceneParagraph, TextFrame } from '../scene.ts';
import { linePitch } from '../text.ts';
import { presentationParts } from './capture.ts';
import type { PartData } from './part-text.ts';
import { addChart } from './chart.ts';
import { fontAttr } from './fonts.ts';

/** Master names. */
const MASTER = { dark: 'BRIEFING_DARK', content: 'BRIEFING_CONTENT' } as const;

type TextRun = PptxGenJS.TextProps;

function textRuns(element: TextFrame): TextRun[] {
	const runs: TextRun[] = [];
	element.paragraphs.forEach((paragraph: SceneParagraph, p) => {
		const size = element.size * (paragraph.scale ?? 1);
		const last = p === element.paragraphs.length - 1;
		paragraph.runs.forEach((run, r) => {
			const options: PptxGenJS.TextPropsOptions = {
				fontFace: fontAttr(element.font),
				fontSize: size,
				bold: run.bold ?? element.bold,
				color: run.color ?? element.color,
				align: element.align,
				lineSpacing: linePitch(size, { lineSpacing: element.lineSpacing }),
				breakLine: r === paragraph.runs.length - 1 && !last,
			};
			if (p > 0 && paragraph.spaceBefore)
				options.paraSpaceBefore = paragraph.spaceBefore * element.size;
			if (run.hyperlink) options.hyperlink = { url: run.hyperlink };
			if (r === 0 && paragraph.bullet) {
				const indent = (paragraph.indent ?? 0.3) * 72;
				options.bullet =
					paragraph.bullet.kind === 'number'
						? { type: 'number', numberStartAt: paragraph.bullet.startAt, indent }
						: { characterCode: '2022', indent };
			}
			runs.push({ text: run.text, options });
		});
	});
	return runs;
}

function textOptions(element: TextFrame): PptxGenJS.TextPropsOptions {
	return {
		x: element.x,
		y: element.y,
		w: element.w,
		h: element.h,
		margin: 0,
		valign: element.valign,
		align: element.align,
		fontFace: fontAttr(element.font),
		fontSize: element.size,
		color: element.color,
		bold: element.bold,
		lineSpacing: linePitch(element.size, { lineSpacing: element.lineSpacing }),
		wrap: true,
		fit: 'none',
	};
}

function addElement(pptx: PptxGenJS, slide: PptxGenJS.Slide, element: SceneFrame): void {
	switch (element.kind) {
		case 'text':
			slide.addText(textRuns(element), textOptions(element));
			return;
		case 'rect':
		case 'roundRect':
		case 'ellipse':
			slide.addShape(
				element.kind === 'rect'
					? pptx.ShapeType.rect
					: element.kind === 'ellipse'
						? pptx.ShapeType.ellipse
						: pptx.ShapeType.roundRect,
				{
					x: element.x,
					y: element.y,
					w: element.w,
					h: element.h,
					fill: { color: element.fill },
					line: element.line ? { color: element.line, width: 0.75 } : { type: 'none' },
					rectRadius: element.kind === 'roundRect' ? 0.12 : undefined,
				},
			);
			return;
		case 'image':
			slide.addImage({
				data: element.data,
				x: element.x,
				y: element.y,
				w: element.w,
				h: element.h,
				altText: element.alt,
			});
			return;
		case 'chart':
			addChart(pptx, slide, element);
			return;
	}
}

/** Master objects: pptxgenjs masters take one-run text, rectangles, shapes and images. */
function masterObject(
	pptx: PptxGenJS,
	element: SceneFrame,
): NonNullable<PptxGenJS.SlideMasterProps['objects']>[number] {
	switch (element.kind) {
		case 'text':
			return {
				text: {
					text: element.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n'),
					options: textOptions(element),
				},
			};
		case 'rect':
			return {
				rect: {
					x: element.x,
					y: element.y,
					w: element.w,
					h: element.h,
					fill: { color: element.fill },
					line: { type: 'none' },
				},
			};
		case 'roundRect':
		case 'ellipse':
			return {
				text: {
					text: '',
					options: {
						shape: element.kind === 'ellipse' ? pptx.ShapeType.ellipse : pptx.ShapeType.roundRect,
						x: element.x,
						y: element.y,
						w: element.w,
						h: element.h,
						fill: { color: element.fill },
						line: { type: 'none' },
						rectRadius: element.kind === 'roundRect' ? 0.12 : undefined,
					},
				},
			};
		case 'image':
			return {
				image: {
					data: element.data,
					x: element.x,
					y: element.y,
					w: element.w,
					h: element.h,
					altText: element.alt,
				},
			};
		case 'chart':
			throw new Error('charts cannot go on a slide master');
	}
}

/** Builds the deck with pptxgenjs; returns its (unclean) parts by name. */
export async function renderSlides(scene: Scene): Promise<Map<string, PartData>> {
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	if (scene.template) {
		// On a company template: its slide size, and no masters of ours (grafting brings its own).
		pptx.defineLayout({ name: 'TEMPLATE', width: scene.size.w, height: scene.size.h });
		pptx.layout = 'TEMPLATE';
	}
	pptx.title = scene.meta.title;
	pptx.subject = scene.meta.subject;
	pptx.author = scene.meta.author;
	// Written unescaped by pptxgenjs; docProps/app.xml is rewritten with the escaped value afterwards.
	pptx.company = '';
	pptx.theme = {
		headFontFace: fontAttr(scene.theme.headingFont),
		bodyFontFace: fontAttr(scene.theme.bodyFont),
	};
	const { dark, content } = scene.masters;
	if (scene.template) {
		for (const sceneSlide of scene.slides) {
			const slide = pptx.addSlide();
			for (const frame of sceneSlide.frames) addElement(pptx, slide, frame);
			slide.addNotes(sceneSlide.notes);
		}
		return presentationParts(pptx);
	}
	pptx.defineSlideMaster({
		title: MASTER.dark,
		background: { color: dark.background },
		objects: dark.frames.map((frame) => masterObject(pptx, frame)),
	});
	const number = content.slideNumber;
	pptx.defineSlideMaster({
		title: MASTER.content,
		background: { color: content.background },
		objects: content.frames.map((frame) => masterObject(pptx, frame)),
		slideNumber: {
			x: number.x,
			y: number.y,
			w: number.w,
			h: number.h,
			fontFace: fontAttr(number.font),
			fontSize: number.size,
			color: number.color,
			align: 'right',
			valign: 'middle',
			margin: 0,
		},
	});
	for (const sceneSlide of scene.slides) {
		const slide = pptx.addSlide({ masterName: MASTER[sceneSlide.master] });
		for (const frame of sceneSlide.frames) addElement(pptx, slide, frame);
		slide.addNotes(sceneSlide.notes);
	}
	return presentationParts(pptx);
}
