/**
 * Slide titles: PowerPoint's outline, navigation, screen readers and its Accessibility Checker read
 * a slide's title only from a title placeholder (`type="title"` or `"ctrTitle"`) that has text.
 * A text box at the top is not a title. Titles should also tell slides apart.
 */
import { flatten, shapesOf, type Shape } from '../shapes.ts';
import type { OpenedDeck } from '../package.ts';
import { quote, type AuditFinding } from '../types.ts';

/** The slide's title text, or undefined when it has none. */
export function slideTitle(shapes: Shape[]): string | undefined {
	const title = flatten(shapes).find(
		(shape) =>
			(shape.placeholder?.type === 'title' || shape.placeholder?.type === 'ctrTitle') && shape.text,
	);
	return title?.text.replace(/\s+/g, ' ');
}

export function checkTitles(deck: OpenedDeck): AuditFinding[] {
	const findings: AuditFinding[] = [];
	const seen = new Map<string, number>();
	for (const slide of deck.slides) {
		// With the positions inherited, as the other rules read them: the same shapes, read once.
		const title = slideTitle(shapesOf(slide.xml, [slide.layout, slide.master]));
		if (!title) {
			findings.push({
				slide: slide.number,
				rule: 'slide-title',
				severity: 'error',
				message: 'no slide title (a title placeholder with text); a text box is not a title',
			});
			continue;
		}
		const key = title.toLocaleLowerCase('en');
		const first = seen.get(key);
		if (first !== undefined) {
			findings.push({
				slide: slide.number,
				rule: 'duplicate-title',
				severity: 'warning',
				message: `same title as slide ${first}: ${quote(title)}`,
			});
		} else seen.set(key, slide.number);
	}
	return findings;
}
