/**
 * Same-run peers of the deck engine, timed side by side with it: plain pptxgenjs writing the same
 * slides (the scene's frames as they are: no fitting, no notes, no packaging), the PDF
 * leave-behind of the same scene, and the deck on a company template when the engine has one.
 */
import PptxGenJS from 'pptxgenjs';
import { buildDeck, planDeck, type DeckInput, type Scene } from '../src/deck/index.ts';
import { writePdf, type PdfFonts } from '../src/deck/pdf/index.ts';
import { median } from './stats.ts';

/** The scene's slides written with pptxgenjs the way its README shows: one call per frame. */
export async function plainPptxgenjs(scene: Scene): Promise<Uint8Array> {
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.title = scene.meta.title;
	for (const sceneSlide of scene.slides) {
		const slide = pptx.addSlide();
		slide.background = { color: scene.masters[sceneSlide.master].background };
		for (const frame of [...scene.masters[sceneSlide.master].frames, ...sceneSlide.frames]) {
			const box = { x: frame.x, y: frame.y, w: frame.w, h: frame.h };
			if (frame.kind === 'text') {
				const text = frame.paragraphs.map((p) => p.runs.map((r) => r.text).join('')).join('\n');
				slide.addText(text, {
					...box,
					fontFace: frame.font,
					fontSize: frame.size,
					color: frame.color,
					bold: frame.bold,
					align: frame.align,
					valign: frame.valign,
				});
			} else if (frame.kind === 'image') slide.addImage({ ...box, data: frame.data });
			else if (frame.kind === 'chart') {
				const type = { bar: 'bar', column: 'bar', line: 'line', pie: 'pie', doughnut: 'doughnut' }[
					frame.chart.kind
				] as PptxGenJS.CHART_NAME;
				slide.addChart(
					type,
					frame.chart.series.map((series) => ({
						name: series.name,
						labels: frame.chart.labels,
						values: series.values,
					})),
					{ ...box, barDir: frame.chart.kind === 'bar' ? 'bar' : 'col', chartColors: frame.colors },
				);
			} else
				slide.addShape(frame.kind === 'ellipse' ? 'ellipse' : 'rect', {
					...box,
					fill: { color: frame.fill },
				});
		}
	}
	return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

/** Median ms of each contender, run in turns (one of each per round) so machine load falls on all. */
export async function sideBySide(
	contenders: Record<string, (index: number) => Promise<unknown>>,
	rounds: number,
	warmup = 3,
): Promise<Record<string, number>> {
	const names = Object.keys(contenders);
	const times = new Map(names.map((name) => [name, [] as number[]]));
	for (let round = -warmup; round < rounds; round++) {
		// Rotate who goes first: garbage left by one must not always fall on the next.
		for (let k = 0; k < names.length; k++) {
			const name = names[(k + Math.max(0, round)) % names.length]!;
			const started = performance.now();
			await contenders[name]!(Math.max(0, round));
			if (round >= 0) times.get(name)!.push(performance.now() - started);
		}
	}
	return Object.fromEntries(names.map((name) => [name, median(times.get(name)!)]));
}

/** Deck engine against its peers on the same inputs, in this process. */
export interface DeckPeers {
	rounds: number;
	/** Charts in the median deck of the inputs. */
	charts: number;
	/** Our deck (plan, slides, package), median ms. */
	deckMs: number;
	/** Plain pptxgenjs writing the planned scene's slides, median ms (planning not counted). */
	pptxgenjsMs: number;
	/** The PDF leave-behind from the same input (plan and write), median ms. */
	pdfMs: number;
	/** The same deck on a company template, when one was given. */
	templateMs?: number;
	/** Which template, or why none was used. */
	template: string;
}

/**
 * Times our deck, plain pptxgenjs, the PDF and, given a company template's bytes, the same decks
 * on that template, in turns on the same inputs.
 */
export async function deckPeers(
	inputs: readonly DeckInput[],
	fonts: PdfFonts,
	rounds: number,
	template: { name: string; bytes: Uint8Array } | { skipped: string },
): Promise<DeckPeers> {
	const scenes = inputs.map((input) => planDeck(input));
	const pick = <T>(list: readonly T[], index: number) => list[index % list.length]!;
	const onTemplate =
		'bytes' in template && inputs.map((input) => ({ ...input, template: template.bytes }));
	const times = await sideBySide(
		{
			deck: (i) => buildDeck(pick(inputs, i)),
			pptxgenjs: (i) => plainPptxgenjs(pick(scenes, i)),
			pdf: (i) => writePdf(planDeck(pick(inputs, i)), fonts),
			...(onTemplate ? { template: (i: number) => buildDeck(pick(onTemplate, i)) } : {}),
		},
		rounds,
	);
	const charts = median(
		scenes.map((scene) =>
			scene.slides.reduce(
				(sum, slide) => sum + slide.frames.filter((f) => f.kind === 'chart').length,
				0,
			),
		),
	);
	return {
		rounds,
		charts,
		template: 'bytes' in template ? template.name : template.skipped,
		deckMs: times.deck!,
		pptxgenjsMs: times.pptxgenjs!,
		pdfMs: times.pdf!,
		...(times.template === undefined ? {} : { templateMs: times.template }),
	};
}
