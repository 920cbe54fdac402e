/** The brand as the site sees it: `content/brand.yaml`, validated by the shared schema. */
import { parse } from 'yaml';
import { brandSchema } from '../schema/brand.ts';
import source from '../../content/brand.yaml?raw';

export const brand = brandSchema.parse(parse(source));

/** CSS custom properties for the brand, set once on `:root` by the base layout. */
export function brandStyle(): string {
	const { colors, fonts } = brand;
	const stack = (font: string) =>
		`'${font}', Carlito, 'Segoe UI', system-ui, -apple-system, sans-serif`;
	return [
		`--brand-primary:${colors.primary}`,
		`--brand-accent:${colors.accent}`,
		`--brand-text:${colors.text}`,
		`--brand-muted:${colors.muted}`,
		`--brand-bg:${colors.background}`,
		`--brand-surface:${colors.surface}`,
		`--font-heading:${stack(fonts.heading)}`,
		`--font-body:${stack(fonts.body)}`,
	].join(';');
}
