/** Template rules on small hand-made packages: inheritance, theme, what makes a package unusable. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chooseLayouts, readTemplate, templateProblems } from '../src/deck/template/index.ts';
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
			'no presentation part (not a PowerPoint package)',
		);
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
