/**
 * The builder's preview pipeline, pure parts: which request's answer is shown when edits overtake
 * a redraw, which thumbnails a redraw replaces, and that the input posted to the preview worker
 * (the library cut to the briefing's insights, through a structured clone) draws the same slides
 * as the full library on the main thread.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDraft } from '../src/builder/briefing.ts';
import { builderDeckInput } from '../src/builder/deck.ts';
import { receivedLibrary } from './fixtures/builder.ts';
import { LatestOnly } from '../src/builder/preview-queue.ts';
import { previewLibrary } from '../src/builder/preview-input.ts';
import { previewSlides } from '../src/builder/preview-slides.ts';
import { draftFromValue } from '../src/builder/share.ts';
import { changedSlides } from '../src/builder/slide-diff.ts';
import type { BuilderLibrary } from '../src/builder/types.ts';
import { planDeck } from '../src/deck/plan/index.ts';
import { fontFaceCss, sceneSvgs } from '../src/deck/svg/index.ts';
import { loadLibrary } from '../src/library/load.ts';

describe('preview fonts', () => {
	it('use an installed Carlito first, else the site’s copy, for each weight', () => {
		const rules = fontFaceCss('/base/fonts/').split('}@font-face');
		expect(rules).toHaveLength(2);
		expect(rules[0]).toContain('font-weight:400');
		expect(rules[0]).toContain(
			'src:local(\'Carlito\'),url(/base/fonts/Carlito-Regular.ttf) format("truetype")',
		);
		expect(rules[1]).toContain('font-weight:700');
		expect(rules[1]).toContain(
			"src:local('Carlito Bold'),local('Carlito-Bold'),url(/base/fonts/Carlito-Bold.ttf) format(\"truetype\")",
		);
	});
});

describe('LatestOnly', () => {
	it('starts the first request and holds the next while it is in flight', () => {
		const queue = new LatestOnly<string>();
		expect(queue.request('a')).toEqual({ id: 1, input: 'a' });
		expect(queue.request('b')).toBeUndefined();
		expect(queue.inFlight).toBe(1);
	});

	it('never shows an answer overtaken by a newer request, and starts only the newest waiting one', () => {
		const queue = new LatestOnly<string>();
		queue.request('a');
		queue.request('b');
		queue.request('c');
		// "a" finished after "b" and "c" were asked: not shown; "b" was replaced by "c" while waiting.
		expect(queue.settle(1)).toEqual({ show: false, next: { id: 3, input: 'c' } });
		expect(queue.isCurrent(3)).toBe(true);
		expect(queue.settle(3)).toEqual({ show: true });
		expect(queue.inFlight).toBeUndefined();
	});

	it('ignores answers for requests not in flight (a replaced worker, a repeat)', () => {
		const queue = new LatestOnly<string>();
		queue.request('a');
		expect(queue.settle(1)).toEqual({ show: true });
		expect(queue.settle(1)).toEqual({ show: false });
		expect(queue.request('b')).toEqual({ id: 2, input: 'b' });
		expect(queue.settle(7)).toEqual({ show: false });
		expect(queue.inFlight).toBe(2);
	});

	it('drops what is in flight or waiting when the draft changes before the next request', () => {
		const queue = new LatestOnly<string>();
		queue.request('a');
		queue.request('b');
		queue.supersede();
		expect(queue.isCurrent(1)).toBe(false);
		expect(queue.settle(1)).toEqual({ show: false });
		const next = queue.request('c')!;
		expect(next.input).toBe('c');
		expect(queue.settle(next.id)).toEqual({ show: true });
	});

	it('stops showing an answer as soon as a newer request is made', () => {
		const queue = new LatestOnly<string>();
		queue.request('a');
		expect(queue.isCurrent(1)).toBe(true);
		queue.request('b');
		expect(queue.isCurrent(1)).toBe(false);
	});
});

describe('changedSlides', () => {
	const slide = (svg: string, notes = '') => ({ svg, notes });

	it('lists slides whose SVG or notes changed, and new ones', () => {
		const shown = [slide('a'), slide('b', 'n'), slide('c')];
		const next = [slide('a'), slide('b', 'n2'), slide('C'), slide('d')];
		expect(changedSlides(shown, next)).toEqual([1, 2, 3]);
	});

	it('lists nothing for the same slides, and everything on the first draw', () => {
		const slides = [slide('a'), slide('b')];
		expect(changedSlides(slides, [...slides])).toEqual([]);
		expect(changedSlides([], slides)).toEqual([0, 1]);
		expect(changedSlides(slides, [slide('a')])).toEqual([]);
	});
});

describe('preview input', async () => {
	const root = path.resolve(import.meta.dirname, '..');
	const loaded = await loadLibrary({ root });
	const published: BuilderLibrary = receivedLibrary(loaded);
	const logo = new Uint8Array(await readFile(path.join(root, 'public', loaded.brand!.logo.png)));
	const example = published.briefings[0]!;
	// Twelve insights: the example's, then others of the library, as a rep may pick them.
	const ids = [
		...new Set([...example.data.insights, ...published.insights.map((insight) => insight.id)]),
	].slice(0, 12);
	const draft = draftFromValue({
		...example.data,
		insights: ids,
		prospect: { ...example.data.prospect, company: 'Tailspin Toys' },
	});
	const briefing = checkDraft(draft, published).briefing!;

	it('is a valid 12-insight briefing', () => {
		expect(checkDraft(draft, published).issues).toEqual([]);
		expect(briefing.insights).toHaveLength(12);
	});

	it('keeps only the briefing insights, in library order', () => {
		const cut = previewLibrary(published, briefing);
		expect(cut.insights.map((insight) => insight.id).sort()).toEqual([...ids].sort());
		expect(cut.briefings).toEqual([]);
		expect(cut.brand).toBe(published.brand);
	});

	it('draws, after a structured clone, the slides of the full library on the main thread', () => {
		const posted = structuredClone({
			library: previewLibrary(published, briefing),
			briefing,
			logo,
		});
		const slides = previewSlides(posted);
		const scene = planDeck(builderDeckInput(published, briefing, logo));
		expect(slides.map((slide) => slide.svg)).toEqual(sceneSvgs(scene));
		expect(slides.map((slide) => slide.notes)).toEqual(scene.slides.map((entry) => entry.notes));
		expect(slides[0]!.svg).toContain('Tailspin Toys');
		expect(slides[0]!.svg).toMatch(/<title>Slide 1: [^<]+<\/title>/);
		expect(slides.length).toBeGreaterThan(12);
	});

	it('changes only the slides a new company name touches', () => {
		const renamed = checkDraft({ ...draft, company: 'Wide World Importers' }, published).briefing!;
		const before = previewSlides({ library: previewLibrary(published, briefing), briefing, logo });
		const after = previewSlides({
			library: previewLibrary(published, renamed),
			briefing: renamed,
			logo,
		});
		const changed = changedSlides(before, after);
		expect(changed).toContain(0);
		expect(changed.length).toBeLessThan(after.length);
		for (const index of changed) expect(after[index]).not.toEqual(before[index]);
	});
});
