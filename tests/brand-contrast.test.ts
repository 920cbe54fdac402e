import { describe, expect, it } from 'vitest';
import { brandContrastWarnings } from '../src/library/brand-contrast.ts';
import { brandSchema, type Brand } from '../src/schema/brand.ts';
import { loadLibrary } from '../src/library/load.ts';

const library = await loadLibrary({ root: process.cwd() });
const brand = library.brand!;
const withColors = (colors: Partial<Brand['colors']>): Brand =>
	brandSchema.parse({ ...brand, colors: { ...brand.colors, ...colors } });

describe('brand contrast warnings', () => {
	it('pass the shipped brand', () => {
		expect(brandContrastWarnings(brand, 'content/brand.yaml')).toEqual([]);
	});

	it('name the colour, the fill it fails on, the ratio and a colour that reaches 4.5:1', () => {
		const issues = brandContrastWarnings(withColors({ accent: '#B35C12' }), 'content/brand.yaml');
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({
			file: 'content/brand.yaml',
			field: 'colors.accent',
			severity: 'warning',
			rule: 'brand-contrast',
		});
		expect(issues[0]!.message).toMatch(/#B35C12 is 4\.28:1 on surface #F2F4F7/);
		expect(issues[0]!.message).toMatch(/#[0-9A-F]{6}\)$/);
	});

	it('warn once per colour, listing every fill it fails on', () => {
		const issues = brandContrastWarnings(withColors({ muted: '#AAAAAA' }), 'content/brand.yaml');
		expect(issues.map((issue) => issue.field)).toEqual(['colors.muted']);
		expect(issues[0]!.message).toMatch(/on background #FFFFFF and .* on surface/);
	});
});
