/**
 * `npm run new:insight`: a new insight, as a draft, from prompts or flags.
 *
 * At a terminal it asks for each field (choices come from content/taxonomy.yaml) and checks every
 * answer with the rules `npm run check` applies. With `--yes`, or without a terminal (CI, scripts),
 * it asks nothing: the flags must supply every required field.
 *
 * The file holds only what the author gave, with `status: draft`: it passes `npm run check` and
 * stays out of the site and every deck until the author sets `status: published`.
 *
 * Exit codes: 0 written; 1 not written (the file exists, or the content breaks a rule);
 * 2 usage error (unknown flag, missing required flag without a terminal).
 */
import './lib/node-version.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { insightFields, insightLimits, sourceFields } from '../src/schema/insight.ts';
import { publishedSchema } from '../src/schema/source.ts';
import { idSchema, isoDate } from '../src/schema/common.ts';
import { stageIds, stages, type Stage } from '../src/schema/stage.ts';
import { crossIndustry } from '../src/schema/taxonomy.ts';
import { contentPaths, loadLibrary } from '../src/library/load.ts';
import { parseInsight, splitFrontmatter } from '../src/library/parse.ts';
import { insightFile, suggestId, type InsightDraft } from '../src/library/scaffold.ts';
import { validateInsightReferences, validateRawReferences } from '../src/library/validate.ts';
import { validateInsightBody } from '../src/library/validate-library.ts';
import {
	ask,
	askList,
	choose,
	chooseMany,
	dateProblem,
	gitUserName,
	isInteractive,
	listFlag,
	missingFlags,
	finishScaffold,
	problem,
	prompts,
	UsageError,
} from './lib/authoring.ts';

const usage = `Usage: npm run new:insight [-- flags]

At a terminal, asks for what the flags do not give. With --yes or without a terminal, the
flags must give every required field (*). The insight is written as a draft.

  --id ID                  file name without .mdx (default: from the title)
* --title TEXT             the claim, a full sentence (<= ${insightLimits.title} characters)
* --summary TEXT           what the client does not know yet (<= ${insightLimits.summary})
* --industry ID            taxonomy industry id or ${crossIndustry}; repeat or comma-separate
* --persona ID             taxonomy persona id; repeat or comma-separate
* --stage ID               ${stageIds.join(', ')}
  --topic ID               free tag; repeat or comma-separate (up to 5)
* --point TEXT             evidence bullet (<= ${insightLimits.point}); repeat for up to 4
* --implication TEXT       the so-what for the client (<= ${insightLimits.implication})
* --question TEXT          discovery question (<= ${insightLimits.question}); repeat for up to 3
* --source-title TEXT      title of the report the evidence comes from
* --source-publisher TEXT  who published it
* --source-date DATE       when it was published (YYYY-MM-DD, or YYYY-MM when the day is unknown)
* --source-url URL         where a reader can check it (https://...)
* --author NAME            who wrote it (default: git config user.name)
  --owner NAME             who keeps it current, if not the author
  --reviewed DATE          last reviewed (default: today)
  --expires DATE           after this date no briefing can use it
  --body TEXT              long-form explanation (default: summary and implication)
  --yes                    ask nothing; fail if a required flag is missing
  --root DIR               project root (default: current directory)
  -h, --help               show this help

Exit codes: 0 written, 1 not written (file exists or a rule fails), 2 usage error.`;

function parse(argv: string[]) {
	try {
		return parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				id: { type: 'string' },
				title: { type: 'string' },
				summary: { type: 'string' },
				industry: { type: 'string', multiple: true },
				persona: { type: 'string', multiple: true },
				stage: { type: 'string' },
				topic: { type: 'string', multiple: true },
				point: { type: 'string', multiple: true },
				implication: { type: 'string' },
				question: { type: 'string', multiple: true },
				'source-title': { type: 'string' },
				'source-publisher': { type: 'string' },
				'source-date': { type: 'string' },
				'source-url': { type: 'string' },
				author: { type: 'string' },
				owner: { type: 'string' },
				reviewed: { type: 'string' },
				expires: { type: 'string' },
				body: { type: 'string' },
				yes: { type: 'boolean', default: false },
				root: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false },
			},
		}).values;
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

const field = insightFields.shape;

/** What is wrong with a source date as typed, as the schema says it (year-months allowed). */
function publishedProblem(value: string): string | undefined {
	const result = publishedSchema.safeParse(value);
	return result.success ? undefined : result.error.issues[0]?.message;
}

export async function main(argv: string[]): Promise<number> {
	let flags;
	try {
		flags = parse(argv);
		for (const name of ['reviewed', 'expires', 'source-date'] as const) {
			const value = flags[name];
			const check = name === 'source-date' ? publishedProblem : dateProblem;
			const bad = value === undefined ? undefined : check(value);
			if (bad) throw new UsageError(`--${name}: ${bad}`);
		}
		if (flags.stage !== undefined && !(stageIds as readonly string[]).includes(flags.stage)) {
			throw new UsageError(`--stage: one of ${stageIds.join(', ')} (got "${flags.stage}")`);
		}
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`npm run new:insight: ${error.message}\n\n${usage}`);
		return 2;
	}
	if (flags.help) {
		console.log(usage);
		return 0;
	}
	const root = path.resolve(flags.root ?? process.cwd());
	const library = await loadLibrary({ root });
	const taxonomy = library.taxonomy;
	if (!taxonomy) {
		console.error(
			`${contentPaths.taxonomy}: has errors; run npm run check and fix it first (nothing was written)`,
		);
		return 1;
	}
	const existing = new Set(library.insights.map((entry) => entry.id));
	const byId = new Map(library.insights.map((entry) => [entry.id, entry]));
	const fileFor = (id: string) => `${contentPaths.insights}/${id}.mdx`;
	const taken = (id: string) =>
		existsSync(path.join(root, fileFor(id)))
			? `${fileFor(id)} already exists: choose another id`
			: undefined;
	const interactive = isInteractive(flags.yes);

	const industries = listFlag(flags.industry);
	const personas = listFlag(flags.persona);
	const topics = listFlag(flags.topic);
	const points = flags.point ?? [];
	const questions = flags.question ?? [];
	const draft: Partial<InsightDraft> & { id?: string | undefined } = {
		id: flags.id,
		title: flags.title,
		summary: flags.summary,
		industries: industries.length ? industries : undefined,
		personas: personas.length ? personas : undefined,
		stage: flags.stage as Stage | undefined,
		topics,
		points: points.length ? points : undefined,
		implication: flags.implication,
		questions: questions.length ? questions : undefined,
		author: flags.author ?? gitUserName(root),
		owner: flags.owner,
		reviewed: flags.reviewed ?? isoDate(new Date()),
		expires: flags.expires,
		body: flags.body,
	};
	const source = {
		title: flags['source-title'],
		publisher: flags['source-publisher'],
		published: flags['source-date'],
		url: flags['source-url'],
	};

	if (interactive) {
		prompts.intro('New insight (written as a draft)');
		prompts.note(
			'A claim the prospect does not know yet, the evidence, what it means for them, and a question\nthat makes them think. Every answer is checked as you type; see docs/authoring.md.',
			'What makes an insight worth a meeting',
		);
		draft.title ??= await ask({
			message: `Title: the claim, as a full sentence (<= ${insightLimits.title} characters)`,
			schema: field.title,
			placeholder: 'Mid-size hospitals lose 4% of net revenue to denials they later win',
		});
		draft.id ??= await ask({
			message: 'File name (the id)',
			schema: idSchema,
			initial: suggestId(draft.title!),
			extra: taken,
		});
		draft.summary ??= await ask({
			message: `Summary: what the client does not know yet (<= ${insightLimits.summary})`,
			schema: field.summary,
		});
		draft.industries ??= await chooseMany(
			'Industries it holds for',
			[
				...taxonomy.industries.map((entry) => ({
					value: entry.id,
					label: entry.name,
					hint: entry.id,
				})),
				{ value: crossIndustry, label: 'Cross-industry', hint: 'holds in any industry' },
			],
			1,
		);
		draft.personas ??= await chooseMany(
			'Personas it is written for',
			taxonomy.personas.map((entry) => ({ value: entry.id, label: entry.name, hint: entry.id })),
			1,
		);
		draft.stage ??= await choose<Stage>(
			'Which conversation does it serve?',
			stageIds.map((stage) => ({
				value: stage,
				label: stages[stage].name,
				hint: stages[stage].question,
			})),
		);
		if (!flags.topic) {
			const answer = await ask({
				message: 'Topics: up to 5 tags, comma-separated (optional)',
				placeholder: 'revenue-cycle, denials',
				optional: true,
				extra: (value) => problem(field.topics, listFlag([value])),
			});
			draft.topics = listFlag(answer ? [answer] : []);
		}
		draft.points ??= await askList({
			message: (i) => `Evidence point ${i + 1} of up to 4 (<= ${insightLimits.point})`,
			schema: field.points.element,
			placeholder: 'A number, who measured it, and when',
			min: 1,
			max: 4,
		});
		draft.implication ??= await ask({
			message: `Implication: what it means for the client (<= ${insightLimits.implication}; {company} is filled in)`,
			schema: field.implication,
		});
		draft.questions ??= await askList({
			message: (i) => `Discovery question ${i + 1} of up to 3 (<= ${insightLimits.question})`,
			schema: field.questions.element,
			min: 1,
			max: 3,
		});
		const sourceField = sourceFields.shape;
		source.title ??= await ask({
			message: 'Source: title of the report or article',
			schema: sourceField.title,
		});
		source.publisher ??= await ask({ message: 'Source: publisher', schema: sourceField.publisher });
		source.published ??= await ask({
			message: 'Source: publication date (YYYY-MM-DD, or YYYY-MM when the day is unknown)',
			extra: publishedProblem,
		});
		if (flags['source-url'] === undefined) {
			// Every source needs an address a reader can check (offline sources are marked by hand).
			source.url = await ask({
				message: 'Source: web address (https://...)',
				schema: sourceField.url,
			});
		}
		if (!flags.author) {
			draft.author = await ask({ message: 'Author', schema: field.author, initial: draft.author });
		}
		if (flags.owner === undefined) {
			draft.owner = await ask({
				message: 'Owner who keeps it current, if not the author (optional)',
				schema: field.owner,
				optional: true,
			});
		}
		if (flags.expires === undefined) {
			draft.expires = await ask({
				message: 'Expires (YYYY-MM-DD, optional): after this date no briefing can use it',
				optional: true,
				extra: (value) =>
					dateProblem(value) ?? (value <= draft.reviewed! ? 'a date after today' : undefined),
			});
		}
	}

	draft.id ??= draft.title ? suggestId(draft.title) : undefined;
	const refused = missingFlags(
		'new:insight',
		usage,
		[
			['--title', draft.title],
			['--summary', draft.summary],
			['--industry', draft.industries],
			['--persona', draft.personas],
			['--stage', draft.stage],
			['--point', draft.points],
			['--implication', draft.implication],
			['--question', draft.questions],
			['--source-title', source.title],
			['--source-publisher', source.publisher],
			['--source-date', source.published],
			['--source-url', source.url],
			['--author', draft.author],
		],
		draft.id,
	);
	if (refused !== undefined) return refused;

	const complete = { ...draft, source } as InsightDraft & { id: string };
	const file = fileFor(complete.id);
	const text = insightFile(complete);
	const parsed = parseInsight(file, text);
	const parts = splitFrontmatter(text)!;
	return finishScaffold({
		root,
		id: complete.id,
		file,
		text,
		issues: [
			...parsed.issues,
			// Ids are checked even when a field fails its schema, so every problem shows at once.
			...(parsed.entry
				? validateInsightReferences(parsed.entry, taxonomy, new Set([...existing, complete.id]))
				: validateRawReferences(
						file,
						'insight',
						complete,
						taxonomy,
						byId,
						new Set(),
						parsed.issues,
					)),
			...validateInsightBody(file, parts.body, parts.bodyLine),
		],
		interactive,
		question: `Write ${file} as a draft?`,
		next: 'Written as a draft. Add evidence and the talk track, then set status: published and run npm run check.',
	});
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
