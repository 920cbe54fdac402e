/** Template rules on small hand-made packages: inheritance, theme, what makes a package unusable. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../src/builder/briefing.ts';
import { builderDeckInput } from '../src/builder/deck.ts';
import { receivedLibrary } from './fixtures/builder.ts';
import { draftFromValue } from '../src/builder/share.ts';
import type { BuilderLibrary } from '../src/builder/types.ts';
import { buildDeck, buildDeckWithPlan, packageProblems, planDeck } from '../src/deck/index.ts';
import { deckInputs } from '../src/integrations/decks.ts';
import { loadLibrary } from '../src/library/load.ts';
import { chooseLayouts, readTemplate, templateProblems } from '../src/deck/template/index.ts';
import { sampleInput } from './fixtures/decks/inputs.ts';
import {
	tinyTemplate as tinyPackage,
	titleOnlyLayout as titleOnly,
} from './fixtures/tiny-template.ts';

describe('template rules', () => {
	it("a layout placeholder without a box inherits its master's; theme fonts and colours are read", () => {
		const template = readTemplate(tinyPackage({ layouts: [titleOnly] }));
		expect(template.slideSize).toEqual({ width: 13.333333333333334, height: 7.5, aspect: '16:9' });
		const layout = template.layouts[0]!;
		expect(layout).toMatchObject({ name: 'Headline', type: 'titleOnly' });
		expect(layout.placeholders[0]).toMatchObject({
			type: 'title',
			box: { x: 1, y: 0.5, w: 10, h: 1 },
			font: 'Georgia',
		});
		expect(template.theme.fonts).toEqual({ major: 'Georgia', minor: 'Verdana' });
		expect(template.theme.colors.accent1).toBe('#C00000');
		// bg2 maps to lt2 through the master's colour map.
		expect(layout.background).toEqual({ color: '#EEEEEE' });
		// A title-only layout's content area spans the master's body box below the title.
		expect(chooseLayouts(template).insight.content).toMatchObject({ x: 1, w: 10 });
	});

	it('names what makes a package unusable', () => {
		expect(templateProblems(strToU8('not a zip'))[0]!.message).toMatch(
			/^not a readable \.potx\/\.pptx package/,
		);
		expect(templateProblems(zipSync({ 'a.txt': strToU8('x') }))[0]!.message).toBe(
			'no [Content_Types].xml (not an Office package)',
		);
		expect(
			templateProblems(zipSync({ '[Content_Types].xml': strToU8('<Types/>') }))[0]!.message,
		).toBe('no presentation part (not a PowerPoint package)');
		expect(templateProblems(tinyPackage({ size: false, layouts: [titleOnly] }))[0]!.message).toBe(
			'no slide size (p:sldSz in ppt/presentation.xml)',
		);
		const noTitle = `type="blank"><p:cSld name="Blank"><p:spTree/></p:cSld>`;
		expect(templateProblems(tinyPackage({ layouts: [noTitle] }))).toEqual([
			{ message: 'no layout with a title placeholder' },
		]);
		expect(templateProblems(tinyPackage({ layouts: [titleOnly] }), { closing: 'Closing' })).toEqual(
			[
				{
					kind: 'closing',
					message:
						'a layout name the template has (no layout is named "Closing"; it has "Headline")',
				},
			],
		);
		expect(templateProblems(tinyPackage({ layouts: [titleOnly] }))).toEqual([]);
	});
});

describe('a deck on a template', () => {
	it('takes the layouts each deck names, though the choice is remembered per template', () => {
		const template = tinyPackage({ layouts: [titleOnly, titleOnly.replace('Headline', 'Second')] });
		const input = { ...sampleInput(), template };
		const insightLayouts = (templateLayouts: Record<string, string>) => [
			...new Set(
				planDeck({ ...input, brand: { ...input.brand, templateLayouts } })
					.slides.filter((slide) => slide.kind === 'insight')
					.map((slide) => slide.layout),
			),
		];
		for (let round = 0; round < 2; round++) {
			expect(insightLayouts({})).toEqual(['ppt/slideLayouts/slideLayout1.xml']);
			expect(insightLayouts({ insight: 'Second' })).toEqual(['ppt/slideLayouts/slideLayout2.xml']);
			expect(() => insightLayouts({ insight: 'Nope' })).toThrow(/no layout is named "Nope"/);
		}
	});

	it('is grafted onto the template: its master and layouts, our slides with title placeholders', async () => {
		const template = tinyPackage({ layouts: [titleOnly] });
		const input = { ...sampleInput(), template };
		const { bytes, plan } = await buildDeckWithPlan(input);
		const parts = unzipSync(bytes);
		expect(packageProblems(new Map(Object.entries(parts)))).toEqual([]);
		expect(plan.size).toEqual({ w: 13.333333333333334, h: 7.5 });
		const presentation = strFromU8(parts['ppt/presentation.xml']!);
		expect(presentation).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
		expect(presentation.match(/<p:sldMasterId /g)).toHaveLength(1);
		expect(strFromU8(parts['[Content_Types].xml']!)).toContain(
			'<Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/>',
		);
		plan.slides.forEach((_, i) => {
			const xml = strFromU8(parts[`ppt/slides/slide${i + 1}.xml`]!);
			expect(xml.match(/<p:ph type="title"\/>/g), `slide ${i + 1}`).toHaveLength(1);
			expect(strFromU8(parts[`ppt/slides/_rels/slide${i + 1}.xml.rels`]!)).toContain(
				'Target="../slideLayouts/slideLayout1.xml"',
			);
			// The title inherits the layout's box and carries the template's title font.
			const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="title"\/>[\s\S]*?<\/p:sp>/.exec(
				xml,
			)![0];
			expect(title).toContain('<p:spPr/>');
			expect(title).toContain('<a:latin typeface="Georgia"');
		});
		expect(Object.keys(parts).filter((p) => p.startsWith('ppt/slideMasters/slideMaster'))).toEqual([
			'ppt/slideMasters/slideMaster1.xml',
		]);
		expect(plan.overflows).toEqual([]);
		// Previews and the PDF draw the template's background behind the slides.
		expect(plan.masters.content.background).toBe('EEEEEE');
		expect(plan.masters.content.frames).toEqual([]);
		// Byte-identical for the same input.
		expect(
			Buffer.compare(Buffer.from((await buildDeckWithPlan(input)).bytes), Buffer.from(bytes)),
		).toBe(0);
	});
});

describe('the builder and the CLI on a template', () => {
	it('give the same deck, byte for byte', async () => {
		const root = path.resolve(import.meta.dirname, '..');
		const library = await loadLibrary({ root });
		const dir = await mkdtemp(path.join(tmpdir(), 'template-builder-'));
		try {
			const template = tinyPackage({ layouts: [titleOnly] });
			await mkdir(path.join(dir, 'public/brand'), { recursive: true });
			await writeFile(path.join(dir, 'public/brand/template.potx'), template);
			const brand = { ...library.brand!, template: 'brand/template.potx' };
			const logoPng = new Uint8Array(await readFile(path.join(root, 'public', brand.logo.png)));
			await writeFile(path.join(dir, 'public', brand.logo.png), logoPng);
			const onTemplate = { ...library, root: dir, brand };
			const id = library.briefings[0]!.id;
			const cli = (await deckInputs(onTemplate, [id], undefined)).get(id)!;
			const published: BuilderLibrary = receivedLibrary(library, brand);
			const example = published.briefings.find((entry) => entry.id === id)!;
			const check = checkDraft(draftFromValue(example.data), published);
			// The builder fetches the same file as a static asset: the same bytes, a different array.
			const fetched = new Uint8Array(template);
			const browser = builderDeckInput(published, check.briefing!, logoPng, fetched);
			const [a, b] = [await buildDeck(cli), await buildDeck(browser)];
			expect(strFromU8(unzipSync(a)['ppt/presentation.xml']!)).toContain(
				'<p:sldSz cx="12192000" cy="6858000"/>',
			);
			expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});
});
