/**
 * The benchmark's synthetic library: every generated file passes the content rules, and the corpus
 * has the shape the bench relies on (field maxima, all stages, charts, stats, 2-12 insights per
 * briefing), the same for the same seed.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, random, writeCorpus, type Corpus } from '../bench/corpus.ts';
import { errorsOf, loadLibrary, type Library } from '../src/library/load.ts';
import { briefingLimits } from '../src/schema/briefing.ts';
import { insightLimits } from '../src/schema/insight.ts';
import { stageIds } from '../src/schema/stage.ts';

const repo = path.resolve(import.meta.dirname, '..');
const today = new Date('2026-06-01T00:00:00Z');

describe('generateCorpus', () => {
	let root: string;
	let corpus: Corpus;
	let library: Library;

	beforeAll(async () => {
		root = await mkdtemp(path.join(os.tmpdir(), 'bench-corpus-'));
		corpus = generateCorpus({ insights: 120, briefings: 14, today, seed: 7 });
		await writeCorpus(root, corpus);
		await cp(path.join(repo, 'content', 'brand.yaml'), path.join(root, 'content', 'brand.yaml'));
		await cp(path.join(repo, 'public'), path.join(root, 'public'), { recursive: true });
		library = await loadLibrary({ root });
	});

	afterAll(async () => {
		await rm(root, { recursive: true, force: true });
	});

	it('writes a library that loads with no errors', () => {
		expect(
			errorsOf(library).map((issue) => `${issue.file}: ${issue.field}: ${issue.message}`),
		).toEqual([]);
		expect(library.insights).toHaveLength(120);
		expect(library.briefings).toHaveLength(14);
		expect(library.taxonomy?.industries.length).toBeGreaterThanOrEqual(6);
	});

	it('only writes taxonomy, insights and briefings under content/', () => {
		const folders = new Set(corpus.files.map((file) => path.dirname(file.path)));
		expect([...folders].sort()).toEqual(['content', 'content/briefings', 'content/insights']);
		expect(corpus.files.filter((file) => file.path.endsWith('.mdx'))).toHaveLength(120);
	});

	it('covers all four stages, drafts, stats, every chart kind, tokens and fields at their maxima', () => {
		const data = library.insights.map((entry) => entry.data);
		expect(new Set(data.map((insight) => insight.stage))).toEqual(new Set(stageIds));
		expect(data.some((insight) => insight.status === 'draft')).toBe(true);
		expect(data.filter((insight) => insight.stat).length).toBeGreaterThan(30);
		expect(new Set(data.flatMap((insight) => (insight.chart ? [insight.chart.kind] : [])))).toEqual(
			new Set(['bar', 'column', 'line', 'pie', 'doughnut']),
		);
		expect(data.some((insight) => insight.industries.includes('cross-industry'))).toBe(true);
		expect(
			data.some((insight) => /\{(company|industry|audience)\}/.test(insight.implication)),
		).toBe(true);
		expect(data.some((insight) => insight.title.length === insightLimits.title)).toBe(true);
		expect(data.some((insight) => insight.summary.length === insightLimits.summary)).toBe(true);
		expect(
			data.some(
				(insight) =>
					insight.points.length === 4 &&
					insight.points.every((point) => point.length === insightLimits.point),
			),
		).toBe(true);
		expect(
			data.some((insight) =>
				insight.questions.some((question) => question.length === insightLimits.question),
			),
		).toBe(true);
		expect(data.some((insight) => insight.sources.length === 6)).toBe(true);
	});

	it('writes MDX bodies of about 200 words that become talk tracks', () => {
		const words = library.insights.map((entry) => entry.body.split(/\s+/).filter(Boolean).length);
		const mean = words.reduce((sum, count) => sum + count, 0) / words.length;
		expect(mean).toBeGreaterThan(150);
		expect(mean).toBeLessThan(300);
		expect(library.insights.every((entry) => entry.talkTrack.length > 400)).toBe(true);
		expect(corpus.bodyWords).toBe(words.reduce((sum, count) => sum + count, 0));
	});

	it('makes briefings of 2 to 12 published insights', () => {
		const sizes = library.briefings.map((entry) => entry.data.insights.length);
		expect(Math.min(...sizes)).toBe(briefingLimits.minInsights);
		expect(Math.max(...sizes)).toBe(briefingLimits.maxInsights);
		const published = new Set(corpus.publishedIds);
		expect(
			library.briefings.every((entry) => entry.data.insights.every((id) => published.has(id))),
		).toBe(true);
		expect(
			library.briefings.some((entry) => entry.data.nextStep.ask.length === briefingLimits.ask),
		).toBe(true);
	});

	it('is the same for the same options, and different for another seed', () => {
		expect(generateCorpus({ insights: 30, today, seed: 7 })).toEqual(
			generateCorpus({ insights: 30, today, seed: 7 }),
		);
		expect(generateCorpus({ insights: 30, today, seed: 8 }).files[1]).not.toEqual(
			generateCorpus({ insights: 30, today, seed: 7 }).files[1],
		);
	});

	it('defaults to one briefing per 20 insights and refuses a library too small for a briefing', () => {
		expect(generateCorpus({ insights: 400, today }).briefingIds).toHaveLength(20);
		expect(generateCorpus({ insights: 10, today }).briefingIds).toHaveLength(2);
		expect(() => generateCorpus({ insights: 1, today })).toThrow(/at least 2 insights/);
	});
});

describe('random', () => {
	it('is deterministic and stays in [0, 1)', () => {
		const a = random(42);
		const b = random(42);
		const values = Array.from({ length: 1000 }, () => a());
		expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
		expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
		expect(new Set(values).size).toBeGreaterThan(990);
	});
});
