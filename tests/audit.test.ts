/**
 * The deck audit on decks made with plain pptxgenjs (what most generators write) and on small
 * edits of them: it finds what PowerPoint's Accessibility Checker would, and stays quiet on
 * slides that do it right. The CLI prints `FILE: slide N: rule: message` and sets its exit code.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import PptxGenJS from 'pptxgenjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	auditDeck,
	DECORATIVE_EXTENSION,
	formatFindings,
	type AuditFinding,
} from '../src/deck/audit/index.ts';
import { shapeBodies } from '../src/deck/audit/rules/package.ts';
import { projectLogo } from './fixtures/decks/inputs.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');

/** A typical pptxgenjs deck: titles as text boxes, a picture, a chart, a rectangle. */
async function plainDeck(): Promise<Uint8Array> {
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	const first = pptx.addSlide();
	first.addText('Quarterly review', { x: 0.5, y: 0.4, w: 12, h: 1, fontSize: 36 });
	first.addImage({ data: projectLogo()!.dataUrl, x: 0.5, y: 2, w: 2, h: 1 });
	const second = pptx.addSlide();
	second.addText('Revenue by region', { x: 0.5, y: 0.4, w: 12, h: 1, fontSize: 28 });
	second.addChart(
		pptx.ChartType.bar,
		[{ name: 'Revenue', labels: ['North', 'South'], values: [3, 5] }],
		{
			x: 0.5,
			y: 1.6,
			w: 8,
			h: 4,
		},
	);
	second.addShape(pptx.ShapeType.rect, { x: 9, y: 1.6, w: 3, h: 4, fill: { color: 'EEEEEE' } });
	return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

/** A deck whose slides use title placeholders, alt text and readable colours. */
async function accessibleDeck(
	edit?: (slide: PptxGenJS.Slide, pptx: PptxGenJS) => void,
	titles = ['Quarterly review', 'Revenue by region'],
): Promise<Uint8Array> {
	const pptx = new PptxGenJS();
	pptx.layout = 'LAYOUT_WIDE';
	pptx.defineSlideMaster({
		title: 'TITLED',
		background: { color: 'FFFFFF' },
		objects: [
			{
				placeholder: {
					options: { name: 'title', type: 'title', x: 0.5, y: 0.3, w: 12, h: 1 },
					text: '',
				},
			},
		],
	});
	for (const [index, title] of titles.entries()) {
		const slide = pptx.addSlide({ masterName: 'TITLED' });
		slide.addText(title, { placeholder: 'title', color: '1F2937' });
		slide.addImage({
			data: projectLogo()!.dataUrl,
			x: 0.5,
			y: 2,
			w: 2,
			h: 1,
			altText: 'Company logo',
		});
		slide.addText(`Body text ${index}`, { x: 3, y: 2, w: 6, h: 1, color: '333333' });
		edit?.(slide, pptx);
	}
	return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

/** The deck with `fix` applied to every slide part's XML. */
function editSlides(bytes: Uint8Array, fix: (xml: string, part: string) => string): Uint8Array {
	const files = unzipSync(bytes);
	for (const name of Object.keys(files))
		if (/^ppt\/slides\/slide\d+\.xml$/.test(name))
			files[name] = strToU8(fix(strFromU8(files[name]!), name));
	return zipSync(files);
}

function editPart(bytes: Uint8Array, part: string, fix: (xml: string) => string): Uint8Array {
	const files = unzipSync(bytes);
	files[part] = strToU8(fix(strFromU8(files[part]!)));
	return zipSync(files);
}

const rules = (findings: AuditFinding[]) => findings.map((f) => `${f.slide ?? '-'} ${f.rule}`);

describe('the audit on a plain pptxgenjs deck', () => {
	let findings: AuditFinding[];
	beforeAll(async () => {
		findings = auditDeck(await plainDeck());
	});

	it('finds a missing slide title on every slide (a text box is not a title)', () => {
		expect(findings.filter((f) => f.rule === 'slide-title').map((f) => f.slide)).toEqual([1, 2]);
		expect(findings.find((f) => f.rule === 'slide-title')!.severity).toBe('error');
	});

	it('finds the picture, the chart and the rectangle without alternative text', () => {
		const alt = findings.filter((f) => f.rule === 'alt-text');
		expect(alt.map((f) => `${f.slide} ${f.message.split(' ')[0]}`)).toEqual([
			'1 picture',
			'2 chart',
			'2 shape',
		]);
		expect(alt.every((f) => f.severity === 'error')).toBe(true);
	});

	it('reads a deck given as its parts as it reads its bytes', async () => {
		const bytes = await plainDeck();
		const parts = new Map(Object.entries(unzipSync(bytes)));
		expect(findings.length).toBeGreaterThan(5);
		expect(auditDeck(parts)).toEqual(auditDeck(bytes));
	});

	it("finds pptxgenjs's package defects", () => {
		const messages = findings.filter((f) => f.rule === 'package').map((f) => f.message);
		expect(messages.some((m) => m.includes('children out of schema order'))).toBe(true);
		expect(messages.some((m) => m.includes('lists 3 axes'))).toBe(true);
		expect(messages.some((m) => m.includes('shares ppt/theme/theme1.xml'))).toBe(true);
		expect(messages.some((m) => m.includes('no text body'))).toBe(true);
	});
});

describe('the audit on slides done right', () => {
	it('has nothing to say', async () => {
		const findings = auditDeck(await accessibleDeck()).filter((f) => f.rule !== 'package');
		expect(findings).toEqual([]);
	});

	it('accepts a shape marked decorative with the exact extension, and only that', async () => {
		const withShape = await accessibleDeck((slide, pptx) =>
			slide.addShape(pptx.ShapeType.rect, { x: 10, y: 2, w: 1, h: 1, fill: { color: 'DDDDDD' } }),
		);
		const mark = (uri: string) =>
			editSlides(withShape, (xml) =>
				xml.replace(
					/(<p:cNvPr id="\d+" name="Shape \d+")>/g,
					`$1><a:extLst><a:ext uri="${uri}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>`,
				),
			);
		expect(rules(auditDeck(withShape).filter((f) => f.rule === 'alt-text'))).toEqual([
			'1 alt-text',
			'2 alt-text',
		]);
		expect(auditDeck(mark(DECORATIVE_EXTENSION)).filter((f) => f.rule === 'alt-text')).toEqual([]);
		expect(
			auditDeck(mark(DECORATIVE_EXTENSION.toLowerCase())).filter((f) => f.rule === 'alt-text'),
		).toHaveLength(2);
	});

	it('warns on duplicate titles, naming the first slide', async () => {
		const findings = auditDeck(
			await accessibleDeck(undefined, ['Questions', 'Agenda', 'questions']),
		);
		expect(findings.filter((f) => f.rule === 'duplicate-title')).toEqual([
			{
				slide: 3,
				rule: 'duplicate-title',
				severity: 'warning',
				message: 'same title as slide 1: "questions"',
			},
		]);
	});

	it('warns when the title is not read first, or a shape is read before one above it', async () => {
		// Move the title to the end of the shape tree.
		const late = editSlides(await accessibleDeck(), (xml) => {
			const title = [...xml.matchAll(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*<\/p:sp>/g)]
				.map((m) => m[0])
				.find((shape) => shape.includes('type="title"'))!;
			return xml.replace(title, '').replace('</p:spTree>', `${title}</p:spTree>`);
		});
		const order = auditDeck(late).filter((f) => f.rule === 'reading-order');
		expect(order).toHaveLength(2);
		expect(order[0]!.message).toMatch(
			/^the title is read after "Company logo"; it should come first$/,
		);
		// A text box read after the logo although it sits above it, in the same column.
		const above = await accessibleDeck((slide) =>
			slide.addText('Above the logo', { x: 0.5, y: 1.4, w: 2, h: 0.4, color: '333333' }),
		);
		const messages = auditDeck(above)
			.filter((f) => f.rule === 'reading-order')
			.map((f) => f.message);
		expect(messages[0]).toMatch(/^"Above the logo" is read after .* but sits above it$/);
	});

	it('warns on text without enough contrast against its fill or the background', async () => {
		const deck = await accessibleDeck((slide) => {
			slide.addText('Pale on white', { x: 3, y: 3.2, w: 6, h: 0.5, color: 'BBBBBB', fontSize: 14 });
			slide.addText('Large pale enough', {
				x: 3,
				y: 4,
				w: 6,
				h: 0.8,
				color: '949494',
				fontSize: 24,
			});
			slide.addText('White on yellow', {
				x: 3,
				y: 5,
				w: 6,
				h: 0.5,
				color: 'FFFFFF',
				fill: { color: 'FFD700' },
				fontSize: 14,
			});
		});
		const contrast = auditDeck(deck).filter((f) => f.rule === 'contrast' && f.slide === 1);
		expect(contrast.map((f) => f.message)).toEqual([
			'text "Pale on white" is #BBBBBB on #FFFFFF: 1.92:1, needs 4.5:1',
			'text "White on yellow" is #FFFFFF on #FFD700: 1.40:1, needs 4.5:1',
		]);
	});

	it('warns when text has no language and the presentation sets none', async () => {
		const deck = editSlides(await accessibleDeck(), (xml) => xml.replace(/ lang="[^"]*"/g, ''));
		expect(rules(auditDeck(deck).filter((f) => f.rule === 'language'))).toEqual([
			'1 language',
			'2 language',
		]);
		const withDefault = editPart(deck, 'ppt/presentation.xml', (xml) =>
			xml.replace('<a:defRPr ', '<a:defRPr lang="en-US" '),
		);
		expect(auditDeck(withDefault).filter((f) => f.rule === 'language')).toEqual([]);
	});

	it('finds phantom parts, theme style lists of the wrong size and negative sizes', async () => {
		let deck = await accessibleDeck();
		deck = editPart(deck, '[Content_Types].xml', (xml) =>
			xml.replace(
				'</Types>',
				'<Override PartName="/ppt/slideMasters/slideMaster9.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/></Types>',
			),
		);
		deck = editPart(deck, 'ppt/theme/theme1.xml', (xml) =>
			xml.replace(/(<a:fillStyleLst>)<a:solidFill>[\s\S]*?<\/a:solidFill>/, '$1'),
		);
		deck = editSlides(deck, (xml) => xml.replace(/<a:ext cx="\d+"/, '<a:ext cx="-5"'));
		const messages = auditDeck(deck)
			.filter((f) => f.rule === 'package')
			.map((f) => f.message);
		expect(messages).toContain(
			'[Content_Types].xml lists /ppt/slideMasters/slideMaster9.xml, which does not exist',
		);
		expect(messages).toContain(
			'ppt/theme/theme1.xml: fillStyleLst holds 2 styles; a theme needs exactly 3',
		);
		expect(messages).toContain('ppt/slides/slide1.xml: a shape has a negative size');
	});

	it('reports the same problems again for parts it read before, under the name they now have', async () => {
		const parts = new Map(Object.entries(unzipSync(await plainDeck())));
		const slide = parts.get('ppt/slides/slide2.xml')!;
		parts.set('ppt/slides/slide2.xml', strToU8(strFromU8(slide).replace(/ cx="\d+"/, ' cx="NaN"')));
		const packageMessages = (deck: Map<string, Uint8Array>) =>
			auditDeck(deck)
				.filter((f) => f.rule === 'package')
				.map((f) => f.message);
		parts.set('ppt/slides/slide1.xml', strToU8('<p:sld><p:cSld>'));
		const first = packageMessages(parts);
		expect(first).toContain('ppt/slides/slide2.xml: cx="NaN" where a number belongs');
		expect(first.filter((m) => m.startsWith('ppt/slides/slide1.xml is not'))).toHaveLength(1);
		expect(packageMessages(parts)).toEqual(first);
		// The same part objects under other names: the messages name them as they are now.
		const renamed = new Map(
			[...parts].map(([name, content]) => [name.replace('slide2.xml', 'slide7.xml'), content]),
		);
		expect(packageMessages(renamed)).toContain(
			'ppt/slides/slide7.xml: cx="NaN" where a number belongs',
		);
	});

	it('finds shapes as the lazy pattern did: each from its open to the first close', () => {
		const xml = '<p:spTree><p:sp><a:t>1</a:t></p:sp><p:sp><p:sp>nested</p:sp>tail</p:sp><p:sp>open';
		const byPattern = [...xml.matchAll(/<p:sp>((?:(?!<\/p:sp>)[\s\S])*)<\/p:sp>/g)].map(
			(m) => m[1],
		);
		expect(shapeBodies(xml)).toEqual(byPattern);
		expect(shapeBodies(xml)).toEqual(['<a:t>1</a:t>', '<p:sp>nested']);
	});
});

describe('npm run audit', () => {
	let dir: string;
	beforeAll(async () => {
		dir = await mkdtemp(path.join(os.tmpdir(), 'audit-cli-'));
		await writeFile(path.join(dir, 'plain.pptx'), await plainDeck());
		await writeFile(path.join(dir, 'broken.pptx'), 'not a zip');
	});
	afterAll(async () => {
		await rm(dir, { recursive: true, force: true });
	});

	const audit = (...args: string[]) =>
		run(process.execPath, [path.join(repo, 'scripts/audit.ts'), ...args], { cwd: dir }).then(
			(out) => ({ code: 0, ...out }),
			(error: { code: number; stdout: string; stderr: string }) => error,
		);

	it('prints FILE: slide N: rule: message and exits 1 on errors', async () => {
		const { code, stdout } = await audit('plain.pptx');
		expect(code).toBe(1);
		const lines = stdout.trim().split('\n');
		expect(lines).toContain(
			'plain.pptx: slide 1: slide-title: no slide title (a title placeholder with text); a text box is not a title',
		);
		expect(
			lines.some((line) =>
				/^plain\.pptx: slide 2: alt-text: chart "[^"]+" has no alternative text/.test(line),
			),
		).toBe(true);
		expect(lines.at(-1)).toMatch(/^1 file audited: \d+ errors, \d+ warnings$/);
		expect(
			formatFindings('x.pptx', [{ rule: 'language', severity: 'warning', message: 'm' }]),
		).toEqual(['x.pptx: language: warning: m']);
	});

	it('reports unreadable files and exits 2 on wrong usage', async () => {
		const broken = await audit('broken.pptx', 'missing.pptx');
		expect(broken.code).toBe(1);
		expect(broken.stderr).toMatch(/^broken\.pptx: not a readable \.pptx/m);
		expect(broken.stderr).toMatch(/^missing\.pptx: no such file$/m);
		expect((await audit()).code).toBe(2);
		expect((await audit('--bogus', 'plain.pptx')).code).toBe(2);
	});
});
