/**
 * Chooses a template layout for each slide kind: by layout type (`title`/`ctrTitle` for the
 * title and closing slides, `secHead` for the agenda, title-only or title-and-content for the
 * rest), or by name where brand.yaml's `templateLayouts` says so. Also works out where a slide's
 * title goes and which area the layout leaves free for our own frames.
 */
import { templateSlideKinds } from '../../schema/template-kinds.ts';
import type { Template, TemplateBox, TemplateLayout, TemplatePlaceholder } from './model.ts';
import { TemplateError } from './package.ts';
import { isTitle } from './read.ts';

/** The kinds of slide a briefing deck has: the ones brand.yaml's `templateLayouts` can name. */
export const slideKinds = templateSlideKinds;
export type SlideKind = (typeof slideKinds)[number];

/** Layout names per slide kind, as brand.yaml's `templateLayouts` gives them. */
export type LayoutOverrides = Partial<Record<SlideKind, string>>;

/** The layout a slide kind is built on, and the geometry our slides take from it. */
export interface LayoutChoice {
	layout: TemplateLayout;
	/** The layout's title placeholder (its box resolved). */
	title: TemplatePlaceholder & { box: TemplateBox };
	/**
	 * Set when the slide must place its title itself: the layout's title sits too low for a
	 * content slide (LibreOffice exports copy the first master's title-slide geometry into every
	 * layout), so the master's own title box is used instead.
	 */
	titleBox?: TemplateBox;
	/** The layout's subtitle or body placeholder, where text can go. */
	body?: TemplatePlaceholder & { box: TemplateBox };
	/** The area left free for stats, charts and call-outs, below the title and above the footer. */
	content: TemplateBox;
}

const titleKinds = new Set<SlideKind>(['title', 'closing']);

/** Layout types to try, in order, for each kind. */
const preferredTypes: Record<SlideKind, string[]> = {
	title: ['title', 'ctrTitle'],
	closing: ['title', 'ctrTitle'],
	agenda: ['secHead', 'obj', 'tx', 'titleOnly'],
	insight: ['titleOnly', 'obj', 'tx'],
	questions: ['obj', 'tx', 'titleOnly'],
	sources: ['obj', 'tx', 'titleOnly'],
	nextStep: ['obj', 'tx', 'titleOnly'],
};

function titleOf(layout: TemplateLayout) {
	return layout.placeholders.find(
		(ph): ph is TemplatePlaceholder & { box: TemplateBox } => isTitle(ph) && Boolean(ph.box),
	);
}

/** A title box in the top third of the slide: where a content slide's headline belongs. */
function atTop(box: TemplateBox | undefined, height: number): boolean {
	return Boolean(box && box.y + box.h / 2 < height * 0.34);
}

/** A layout that looks like a title slide even without the `title` type (LibreOffice writes `tx`). */
function looksLikeTitleSlide(layout: TemplateLayout): boolean {
	return (
		/\btitle slide\b/i.test(layout.name) ||
		(layout.placeholders.some((ph) => ph.type === 'subTitle') &&
			layout.placeholders.some((ph) => ph.type === 'ctrTitle' || ph.type === 'title') &&
			!layout.placeholders.some((ph) => ph.type === 'obj' || ph.type === 'body'))
	);
}

function candidatesFor(template: Template, kind: SlideKind): TemplateLayout[] {
	const usable = template.layouts.filter((layout) => titleOf(layout));
	const ordered: TemplateLayout[] = [];
	const add = (layouts: TemplateLayout[]) => {
		for (const layout of layouts) if (!ordered.includes(layout)) ordered.push(layout);
	};
	if (titleKinds.has(kind)) {
		add(usable.filter((layout) => layout.type === 'title' || layout.type === 'ctrTitle'));
		add(usable.filter(looksLikeTitleSlide));
		add(usable);
		return ordered;
	}
	const height = template.slideSize.height;
	const masterTop = (layout: TemplateLayout) =>
		atTop(template.masters.find((m) => m.part === layout.master)?.title, height);
	const byType = preferredTypes[kind].map((type) => usable.filter((l) => l.type === type));
	// A layout whose own title sits at the top, then one whose master's does, then any.
	for (const layouts of byType) add(layouts.filter((l) => atTop(titleOf(l)!.box, height)));
	for (const layouts of byType) add(layouts.filter(masterTop));
	add(usable.filter((l) => !looksLikeTitleSlide(l)));
	add(usable);
	return ordered;
}

/** The geometry a slide kind takes from `layout`. */
function choiceFor(template: Template, kind: SlideKind, layout: TemplateLayout): LayoutChoice {
	const { width, height } = template.slideSize;
	const master = template.masters.find((m) => m.part === layout.master);
	const title = titleOf(layout)!;
	const moveTitle =
		!titleKinds.has(kind) && !atTop(title.box, height) && atTop(master?.title, height);
	const titleBox = moveTitle ? master!.title! : title.box;
	const bodyTypes = titleKinds.has(kind) ? ['subTitle', 'body', 'obj'] : ['body', 'obj'];
	const own = layout.placeholders.find(
		(ph): ph is TemplatePlaceholder & { box: TemplateBox } =>
			bodyTypes.includes(ph.type) && Boolean(ph.box),
	);
	// A moved title takes the master's body box too: the layout's copy is as misplaced.
	const masterBody =
		master?.body && master.body.y >= titleBox.y + titleBox.h ? master.body : undefined;
	const body = own && moveTitle ? (masterBody ? { ...own, box: masterBody } : undefined) : own;
	const footerTop = Math.min(
		height,
		...layout.placeholders
			.filter((ph) => ['dt', 'ftr', 'sldNum'].includes(ph.type) && ph.box && ph.box.y > height / 2)
			.map((ph) => ph.box!.y),
	);
	const gap = Math.min(0.15 * height, 0.25);
	const top = titleBox.y + titleBox.h + gap;
	// Title-only layouts: the width the title and the master's body span; else the body's box.
	const spans = body
		? [body.box]
		: [titleBox, ...((masterBody ?? master?.body) ? [(masterBody ?? master!.body)!] : [])];
	const left = Math.max(Math.min(...spans.map((b) => b.x)), 0.3);
	const right = Math.min(Math.max(...spans.map((b) => b.x + b.w)), width - 0.3);
	const content: TemplateBox = {
		x: left,
		y: top,
		w: Math.max(right - left, width * 0.5),
		h: Math.max(footerTop - gap * 0.5 - top, height * 0.25),
	};
	// A moved title also takes the master's title style: the layout's is the title slide's.
	const titleOut = moveTitle ? { ...title, ...master!.titleStyle, box: title.box } : title;
	return {
		layout,
		title: titleOut,
		...(moveTitle ? { titleBox } : {}),
		...(body ? { body } : {}),
		content,
	};
}

/** Problems with `templateLayouts`: names no layout has (with the names there are). */
export function overrideProblems(
	template: Template,
	overrides: LayoutOverrides = {},
): Array<{ kind: SlideKind; message: string }> {
	const names = [...new Set(template.layouts.map((layout) => layout.name))];
	const problems: Array<{ kind: SlideKind; message: string }> = [];
	for (const kind of slideKinds) {
		const name = overrides[kind];
		if (name === undefined) continue;
		const layout = template.layouts.find((l) => l.name === name);
		if (!layout) {
			problems.push({
				kind,
				message: `a layout name the template has (no layout is named "${name}"; it has ${names.map((n) => `"${n}"`).join(', ')})`,
			});
		} else if (!titleOf(layout)) {
			problems.push({ kind, message: `a layout with a title placeholder ("${name}" has none)` });
		}
	}
	return problems;
}

/** The layout each slide kind is built on; throws a TemplateError for a bad override. */
export function chooseLayouts(
	template: Template,
	overrides: LayoutOverrides = {},
): Record<SlideKind, LayoutChoice> {
	const problem = overrideProblems(template, overrides)[0];
	if (problem) throw new TemplateError(`templateLayouts.${problem.kind}: ${problem.message}`);
	const choices = {} as Record<SlideKind, LayoutChoice>;
	for (const kind of slideKinds) {
		const named = overrides[kind];
		const layout = named
			? template.layouts.find((l) => l.name === named)!
			: candidatesFor(template, kind)[0]!;
		choices[kind] = choiceFor(template, kind, layout);
	}
	return choices;
}
