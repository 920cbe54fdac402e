/**
 * The slide previews match the .pptx: every example deck rendered by LibreOffice and its SVG
 * previews rendered by Chromium (printed to PDF), both rasterised by poppler at 72 dpi (1 px =
 * 1 pt on a 960 x 540 slide). For every text frame, the ink of its first word is found in both
 * images around where the scene puts it; its left, top and bottom edges must agree within 2 px.
 *
 * Why ink and 2 px: the two renderers hint and anti-alias glyphs differently, which moves an
 * edge by at most one pixel; a first line that is misplaced (wrong baseline rule, wrong indent,
 * wrong anchoring) moves by several. Comparing the first word only keeps the measure independent
 * of where each renderer breaks later lines.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDeck, writePptx, type Scene } from '../../src/deck/index.ts';
import { frameLines } from '../../src/deck/draw/lines.ts';
import { fontFaceCss, slideSvg } from '../../src/deck/svg/index.ts';
import { briefingIds, deckInputs } from '../../src/integrations/decks.ts';
import { loadLibrary } from '../../src/library/load.ts';
import { chromiumPath, launchChromium } from '../browser/chromium.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const has = (command: string) => {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
};
const available = has('soffice') && has('pdftoppm') && chromiumPath() !== undefined;
const required = Boolean(process.env.CI);
if (!available && !required)
	console.warn('\n[preview-match] SKIPPED: needs soffice, poppler and Chromium.\n');

/** A greyscale image (PGM) as rows of bytes. */
interface Gray {
	w: number;
	h: number;
	px: Uint8Array;
}

function readPgm(bytes: Buffer): Gray {
	// P5\n<w> <h>\n255\n<data>
	const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 50).toString('latin1'))!;
	const [w, h] = [Number(header[1]), Number(header[2])];
	return { w, h, px: new Uint8Array(bytes.subarray(header[0].length, header[0].length + w * h)) };
}

/**
 * Pages of a PDF as greyscale images of exactly 960 x 540 px (1 px = 1 pt of the slide): a page
 * a fraction of a point off (LibreOffice's rounds to 961 px at 72 dpi) is scaled, not cropped.
 */
async function rasterise(pdf: string, dir: string): Promise<Gray[]> {
	await mkdir(dir, { recursive: true });
	await run('pdftoppm', [
		'-gray',
		'-scale-to-x',
		'960',
		'-scale-to-y',
		'540',
		pdf,
		path.join(dir, 'p'),
	]);
	const { readdir } = await import('node:fs/promises');
	const files = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
	return Promise.all(files.map(async (f) => readPgm(await readFile(path.join(dir, f)))));
}

/** The ink's box inside a region: pixels far from the region's most common value. */
function ink(image: Gray, x0: number, y0: number, x1: number, y1: number) {
	const counts = new Map<number, number>();
	const at = (x: number, y: number) => image.px[y * image.w + x]!;
	const xs = [Math.max(0, Math.floor(x0)), Math.min(image.w - 1, Math.ceil(x1))];
	const ys = [Math.max(0, Math.floor(y0)), Math.min(image.h - 1, Math.ceil(y1))];
	for (let y = ys[0]!; y <= ys[1]!; y++)
		for (let x = xs[0]!; x <= xs[1]!; x++) counts.set(at(x, y), (counts.get(at(x, y)) ?? 0) + 1);
	if (!counts.size) return undefined;
	const background = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
	let box: { left: number; top: number; bottom: number } | undefined;
	for (let y = ys[0]!; y <= ys[1]!; y++)
		for (let x = xs[0]!; x <= xs[1]!; x++) {
			if (Math.abs(at(x, y) - background) < 80) continue;
			box = box
				? {
						left: Math.min(box.left, x),
						top: Math.min(box.top, y),
						bottom: Math.max(box.bottom, y),
					}
				: { left: x, top: y, bottom: y };
		}
	return box;
}

/** Where the first word of every text frame of a slide should be, in points. */
function firstWords(scene: Scene, index: number) {
	const slide = scene.slides[index]!;
	return slide.frames.flatMap((frame) => {
		if (frame.kind !== 'text') return [];
		const first = frameLines(frame, '000000').find(
			(item) => item.text !== '\u2022' && !/^\d+\.$/.test(item.text),
		);
		if (!first || first.size <= 0 || first.w <= 0) return [];
		const word = first.text.split(' ')[0]!;
		const w = (first.w * word.length) / first.text.length;
		return [
			{ name: frame.name, word, x: first.x * 72, base: first.y * 72, w: w * 72, size: first.size },
		];
	});
}

describe('previews against LibreOffice', () => {
	it.runIf(!available && required)('have their renderers (required when CI is set)', () => {
		expect.fail('soffice, poppler and Chromium are required under CI');
	});

	describe.runIf(available)('first lines of every text frame', () => {
		let dir: string;
		const decks: Array<{ id: string; scene: Scene; lo: Gray[]; preview: Gray[] }> = [];

		beforeAll(async () => {
			dir = await mkdtemp(path.join(tmpdir(), 'preview-match-'));
			const library = await loadLibrary({ root: repo });
			const ids = briefingIds(library);
			const inputs = await deckInputs(library, ids, '1767225600');
			const browser = await launchChromium();
			const scenes = new Map<string, Scene>();
			try {
				const page = await browser.newPage();
				for (const id of ids) {
					const scene = planDeck(inputs.get(id)!);
					scenes.set(id, scene);
					await writeFile(path.join(dir, `${id}.pptx`), await writePptx(scene));
					const fonts = fontFaceCss(`${pathToFileURL(path.join(repo, 'public/fonts')).href}/`);
					const html = `<!doctype html><meta charset="utf-8"><style>${fonts}@page{size:960px 540px;margin:0}body{margin:0}svg{display:block;width:960px;height:540px;break-after:page}</style>${scene.slides.map((_, i) => slideSvg(scene, i)).join('')}`;
					const file = path.join(dir, `${id}.html`);
					await writeFile(file, html);
					await page.goto(pathToFileURL(file).href);
					await page.evaluate(() => document.fonts.ready);
					await page.pdf({
						path: path.join(dir, `${id}.preview.pdf`),
						width: '960px',
						height: '540px',
						printBackground: true,
					});
				}
			} finally {
				await browser.close();
			}
			const profile = pathToFileURL(path.join(dir, 'profile')).href;
			await run(
				'soffice',
				[
					'--headless',
					'--norestore',
					`-env:UserInstallation=${profile}`,
					'--convert-to',
					'pdf',
					'--outdir',
					path.join(dir, 'lo'),
					...ids.map((id) => path.join(dir, `${id}.pptx`)),
				],
				{ timeout: 600_000 },
			).catch(() => undefined);
			for (const id of ids) {
				decks.push({
					id,
					scene: scenes.get(id)!,
					lo: await rasterise(path.join(dir, 'lo', `${id}.pdf`), path.join(dir, 'lo-png', id)),
					preview: await rasterise(
						path.join(dir, `${id}.preview.pdf`),
						path.join(dir, 'pv-png', id),
					),
				});
			}
		}, 900_000);

		afterAll(async () => {
			if (dir) await rm(dir, { recursive: true, force: true });
		});

		it('renders every slide in both', () => {
			expect(decks.length).toBeGreaterThanOrEqual(2);
			for (const deck of decks) {
				expect(deck.lo.length, deck.id).toBe(deck.scene.slides.length);
				expect(deck.preview.length, deck.id).toBe(deck.scene.slides.length);
				expect(deck.preview[0]!.w, deck.id).toBe(deck.lo[0]!.w);
			}
		});

		it('puts the first word of every text frame within 2 px of where LibreOffice puts it', () => {
			const misplaced: string[] = [];
			let compared = 0;
			for (const deck of decks) {
				deck.scene.slides.forEach((slide, index) => {
					for (const word of firstWords(deck.scene, index)) {
						const region = [
							word.x - 4,
							word.base - 0.8 * word.size,
							word.x + word.w + 1,
							word.base + 0.3 * word.size,
						] as const;
						const lo = ink(deck.lo[index]!, ...region);
						const pv = ink(deck.preview[index]!, ...region);
						if (!lo || !pv) {
							misplaced.push(
								`${deck.id} slide ${index + 1} ${word.name} "${word.word}": no ink in ${lo ? 'preview' : 'LibreOffice'}`,
							);
							continue;
						}
						compared++;
						const off = Math.max(
							Math.abs(lo.left - pv.left),
							Math.abs(lo.top - pv.top),
							Math.abs(lo.bottom - pv.bottom),
						);
						if (off > 2)
							misplaced.push(
								`${deck.id} slide ${index + 1} ${word.name} "${word.word}": LibreOffice ${JSON.stringify(lo)}, preview ${JSON.stringify(pv)}`,
							);
					}
				});
			}
			expect(compared).toBeGreaterThan(100);
			expect(misplaced).toEqual([]);
		});
	});
});
