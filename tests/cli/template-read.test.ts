/**
 * Reading company templates: LibreOffice's own Impress templates converted to .pptx and .potx
 * (4:3 and 16:9, picture backgrounds). The rules on hand-made packages are in tests/template.test.ts.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	chooseLayouts,
	isTitle,
	readTemplate,
	type Template,
} from '../../src/deck/template/index.ts';
import {
	templateFixtures,
	templateNames,
	templatesAvailable,
	type TemplateFixture,
} from '../fixtures/templates.ts';

const required = Boolean(process.env.CI);
if (!templatesAvailable && !required) {
	console.warn(
		'\n[template-read] SKIPPED the LibreOffice templates: install libreoffice-impress to test with real templates.\n',
	);
}

describe('LibreOffice templates', () => {
	it.runIf(!templatesAvailable && required)('are installed (required when CI is set)', () => {
		expect.fail('libreoffice-impress is required under CI: run .ci/install-system-deps.sh');
	});

	describe.runIf(templatesAvailable)('read as PowerPoint templates', () => {
		const read: Array<{ fixture: TemplateFixture; format: 'pptx' | 'potx'; template: Template }> =
			[];
		beforeAll(async () => {
			for (const fixture of (await templateFixtures())!) {
				for (const format of ['pptx', 'potx'] as const) {
					read.push({ fixture, format, template: readTemplate(await readFile(fixture[format])) });
				}
			}
		}, 1_900_000);

		it('reads slide size, theme, masters and layouts from every one', () => {
			expect(read).toHaveLength(Object.keys(templateNames).length * 2);
			for (const { fixture, format, template } of read) {
				const label = `${fixture.name}.${format}`;
				expect(template.slideSize.aspect, label).toBe(templateNames[fixture.name].aspect);
				expect(template.slideSize.width, label).toBeCloseTo(11.02, 1);
				expect(
					Object.values(template.theme.colors).every((c) => /^#[0-9A-F]{6}$/.test(c)),
					label,
				).toBe(true);
				expect(template.theme.fonts.major, label).not.toBe('');
				expect(template.masters.length, label).toBeGreaterThan(0);
				expect(
					template.layouts.map((l) => l.name),
					label,
				).toEqual(expect.arrayContaining(['Title Slide', 'Title, Content', 'Title Only']));
				// Every placeholder that matters has a box, inherited from the master where omitted.
				for (const layout of template.layouts) {
					for (const ph of layout.placeholders.filter((p) => isTitle(p) || p.type === 'obj')) {
						expect(ph.box, `${label} ${layout.name} ${ph.type}`).toBeDefined();
					}
				}
			}
		});

		it('finds picture backgrounds and master pictures', () => {
			for (const { fixture, format, template } of read) {
				if (!templateNames[fixture.name].pictures) continue;
				const images = template.masters
					.filter((m) => m.background.image)
					.map((m) => m.background.image!);
				expect(images.length, `${fixture.name}.${format}`).toBeGreaterThan(0);
				for (const image of images) expect(template.parts.has(image), image).toBe(true);
			}
			const vintage = read.find((r) => r.fixture.name === 'Vintage')!.template;
			expect(vintage.masters.every((m) => m.pictures.length === 1)).toBe(true);
		});

		it('chooses a title slide for title and closing, title-at-top layouts for the rest', () => {
			for (const { fixture, format, template } of read) {
				const label = `${fixture.name}.${format}`;
				const choices = chooseLayouts(template);
				expect(choices.title.layout.name, label).toBe('Title Slide');
				expect(choices.closing.layout.name, label).toBe('Title Slide');
				expect(choices.insight.layout.type, label).toBe('titleOnly');
				expect(choices.questions.layout.type, label).toBe('obj');
				const { height } = template.slideSize;
				for (const kind of ['agenda', 'insight', 'questions', 'sources', 'nextStep'] as const) {
					const box = choices[kind].titleBox ?? choices[kind].title.box;
					expect(box.y + box.h / 2, `${label} ${kind}`).toBeLessThan(height / 3);
					const content = choices[kind].content;
					expect(content.y, `${label} ${kind}`).toBeGreaterThanOrEqual(box.y + box.h);
					expect(content.y + content.h, `${label} ${kind}`).toBeLessThanOrEqual(height);
					expect(content.w, `${label} ${kind}`).toBeGreaterThan(template.slideSize.width / 2);
				}
			}
		});

		it("moves the title to the master's when a layout copies title-slide geometry (Vintage)", () => {
			const vintage = read.find((r) => r.fixture.name === 'Vintage')!.template;
			const choices = chooseLayouts(vintage);
			// LibreOffice writes the first master's centred title into every layout of every master.
			expect(choices.insight.title.box.y).toBeGreaterThan(3);
			expect(choices.insight.titleBox!.y).toBeLessThan(0.5);
			expect(choices.insight.layout.master).not.toBe(choices.title.layout.master);
		});

		it('takes layouts by name from templateLayouts, and names the ones there are when wrong', () => {
			const { template } = read[0]!;
			const choices = chooseLayouts(template, { insight: 'Title, Content', agenda: 'Title Only' });
			expect(choices.insight.layout.name).toBe('Title, Content');
			expect(choices.agenda.layout.name).toBe('Title Only');
			expect(() => chooseLayouts(template, { insight: 'Nope' })).toThrow(
				/templateLayouts\.insight: a layout name the template has \(no layout is named "Nope"; it has .*"Title Only"/,
			);
		});
	});
});
