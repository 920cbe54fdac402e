/**
 * Editorial warning for brand colours that cannot carry small text: decks and pages put the text,
 * muted and accent colours on the background and on surface panels, and PowerPoint's
 * Accessibility Checker (like WCAG AA) wants 4.5:1 there. Decks darken such a colour to reach it,
 * so the deck is readable but no longer wears the brand's exact colour: the author should know.
 */
import { contrast } from '../deck/color.ts';
import { readable, TEXT_CONTRAST } from '../deck/plan/palette.ts';
import type { Brand } from '../schema/brand.ts';
import type { ContentIssue } from './issues.ts';

/** Colours that set small text, and the fills they sit on. */
const textColors = ['text', 'muted', 'accent'] as const;
const fills = ['background', 'surface'] as const;

/** One warning per text colour that falls short of 4.5:1 on the background or a surface panel. */
export function brandContrastWarnings(brand: Brand | undefined, file: string): ContentIssue[] {
	if (!brand) return [];
	const colors = brand.colors;
	return textColors.flatMap((name) => {
		const shortfalls = fills
			.map((fill) => ({ fill, ratio: contrast(colors[name], colors[fill]) }))
			.filter(({ ratio }) => ratio < TEXT_CONTRAST);
		if (shortfalls.length === 0) return [];
		const found = shortfalls
			.map(({ fill, ratio }) => `${ratio.toFixed(2)}:1 on ${fill} ${colors[fill]}`)
			.join(' and ');
		const suggestion = readable(
			colors[name],
			fills.map((fill) => colors[fill]),
		);
		return [
			{
				file,
				field: `colors.${name}`,
				message: `${colors[name]} is ${found}; small text needs ${TEXT_CONTRAST}:1, so decks darken it to #${suggestion}: choose a colour that reaches it (e.g. #${suggestion})`,
				severity: 'warning' as const,
				rule: 'brand-contrast',
			},
		];
	});
}
