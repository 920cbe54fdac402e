/**
 * `npm run new:briefing`: a new briefing from prompts or flags.
 *
 * At a terminal it asks who the briefing is for, then offers the insights a briefing on that date
 * may use (published, not expired on the meeting date; the prospect's industry and cross-industry
 * first), and orders the chosen ones through the four conversations. With `--yes`, or without a
 * terminal, it asks nothing: the flags must supply every required field, and `--insight` ids are
 * kept in the order given.
 *
 * Exit codes: 0 written; 1 not written (the file exists, or the content breaks a rule);
 * 2 usage error (unknown flag, missing required flag without a terminal).
 */
import './lib/node-version.ts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
	briefingLimits,
	briefingSchema,
	nextStepSchema,
	presenterSchema,
	prospectSchema,
} from '../src/schema/briefing.ts';
import { idSchema, isoDate } from '../src/schema/common.ts';
import { stages } from '../src/schema/stage.ts';
import { contentPaths, loadLibrary } from '../src/library/load.ts';
import { parseBriefing } from '../src/library/parse.ts';
import {
	briefingFile,
	eligibleInsights,
	presentingOrder,
	suggestId,
	type BriefingDraft,
} from '../src/library/scaffold.ts';
import { validateBriefingReferences } from '../src/library/validate.ts';
import {
	ask,
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

const usage = `Usage: npm run new:briefing [-- flags]

At a terminal, asks for what the flags do not give. With --yes or without a terminal, the
flags must give every required field (*).

  --id ID                  file name without .yaml (default: from company and title)
* --title TEXT             title of the briefing (<= ${briefingLimits.title} characters)
  --subtitle TEXT          line under the title (<= ${briefingLimits.subtitle})
* --company NAME           the prospect's company
* --industry ID            the prospect's taxonomy industry id
* --audience ROLE          who attends: "Role" or "Name: Role"; repeat for up to ${briefingLimits.audience}
* --presenter-name NAME    who presents (default: git config user.name)
* --presenter-title TEXT   their job title
  --presenter-email EMAIL  shown on the closing slide
* --date DATE              date of the meeting (YYYY-MM-DD)
* --insight ID             insight id, in presenting order; repeat or comma-separate (2-${briefingLimits.maxInsights})
* --ask TEXT               the next step you propose (<= ${briefingLimits.ask})
  --agenda TEXT            agenda item for that next meeting; repeat for up to ${briefingLimits.agenda}
  --proposed-date DATE     when the next meeting could happen (YYYY-MM-DD)
  --notes TEXT             opening talk track
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
				subtitle: { type: 'string' },
				company: { type: 'string' },
				industry: { type: 'string' },
				audience: { type: 'string', multiple: true },
				'presenter-name': { type: 'string' },
				'presenter-title': { type: 'string' },
				'presenter-email': { type: 'string' },
				date: { type: 'string' },
				insight: { type: 'string', multiple: true },
				ask: { type: 'string' },
				agenda: { type: 'string', multiple: true },
				'proposed-date': { type: 'string' },
				notes: { type: 'string' },
				yes: { type: 'boolean', default: false },
				root: { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false },
			},
		}).values;
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

/** `"Name: Role"` or `"Role"` as an audience member. */
function person(value: string): { name?: string; role: string } {
	const colon = value.indexOf(':');
	if (colon < 0) return { role: value.trim() };
	const name = value.slice(0, colon).trim();
	return name
		? { name, role: value.slice(colon + 1).trim() }
		: { role: value.slice(colon + 1).trim() };
}

export async function main(argv: string[]): Promise<number> {
	let flags;
	try {
		flags = parse(argv);
		for (const name of ['date', 'proposed-date'] as const) {
			const value = flags[name];
			const bad = value === undefined ? undefined : dateProblem(value);
			if (bad) throw new UsageError(`--${name}: ${bad}`);
		}
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`npm run new:briefing: ${error.message}\n\n${usage}`);
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
	const byId = new Map(library.insights.map((entry) => [entry.id, entry]));
	const brokenIds = new Set(
		library.issues
			.filter(
				(issue) => issue.severity === 'error' && issue.file.startsWith(`${contentPaths.insights}/`),
			)
			.map((issue) => path.basename(issue.file, '.mdx'))
			.filter((id) => !byId.has(id)),
	);
	const fileFor = (id: string) => `${contentPaths.briefings}/${id}.yaml`;
	const taken = (id: string) =>
		existsSync(path.join(root, fileFor(id)))
			? `${fileFor(id)} already exists: choose another id`
			: undefined;
	const interactive = isInteractive(flags.yes);

	const audience = (flags.audience ?? []).map(person);
	const insightIds = listFlag(flags.insight);
	const agenda = flags.agenda ?? [];
	const draft: Partial<BriefingDraft> & { id?: string | undefined } = {
		id: flags.id,
		title: flags.title,
		subtitle: flags.subtitle,
		date: flags.date,
		insights: insightIds.length ? insightIds : undefined,
		notes: flags.notes,
	};
	let company = flags.company;
	let industry = flags.industry;
	let presenterName = flags['presenter-name'] ?? gitUserName(root);
	let presenterTitle = flags['presenter-title'];
	let presenterEmail = flags['presenter-email'];
	let nextAsk = flags.ask;
	let proposedDate = flags['proposed-date'];

	if (interactive) {
		prompts.intro('New briefing');
		prompts.note(
			'A briefing walks a few insights through the four conversations (why change, what makes it\nhard, what works, what decides it) and closes by proposing a concrete next meeting.',
			'What a briefing is',
		);
		const prospect = prospectSchema.shape;
		company ??= await ask({ message: 'Prospect company', schema: prospect.company });
		industry ??= await choose(
			'Their industry',
			taxonomy.industries.map((entry) => ({ value: entry.id, label: entry.name, hint: entry.id })),
		);
		if (!audience.length) {
			const answer = await ask({
				message: 'Who attends: roles, comma-separated ("Name: Role" to add a name)',
				placeholder: 'Chief Financial Officer, VP Revenue Cycle',
				extra: (value) => problem(prospect.audience, listFlag([value]).map(person)) ?? undefined,
			});
			audience.push(...listFlag(answer ? [answer] : []).map(person));
		}
		draft.title ??= await ask({
			message: `Title (<= ${briefingLimits.title} characters)`,
			schema: briefingSchema.shape.title,
			placeholder: 'Denials became a labour problem: what the best systems do about it',
		});
		draft.id ??= await ask({
			message: 'File name (the id)',
			schema: idSchema,
			initial: suggestId(`${company} ${draft.title}`),
			extra: taken,
		});
		presenterName = await ask({
			message: 'Presenter name',
			schema: presenterSchema.shape.name,
			initial: presenterName,
		});
		presenterTitle ??= await ask({
			message: 'Presenter job title',
			schema: presenterSchema.shape.title,
		});
		if (flags['presenter-email'] === undefined) {
			presenterEmail = await ask({
				message: 'Presenter email (optional)',
				schema: presenterSchema.shape.email,
				optional: true,
			});
		}
		draft.date ??= await ask({
			message: 'Meeting date (YYYY-MM-DD)',
			initial: isoDate(new Date(Date.now() + 14 * 24 * 60 * 60 * 1000)),
			extra: dateProblem,
		});
		if (!draft.insights) {
			const date = new Date(`${draft.date}T00:00:00Z`);
			const eligible = eligibleInsights(library.insights, date, industry);
			if (eligible.length < briefingLimits.minInsights) {
				prompts.cancel(
					`Only ${eligible.length} published insight(s) are current on ${draft.date}; a briefing needs ${briefingLimits.minInsights}. Publish more first (nothing was written).`,
				);
				return 1;
			}
			const industryName = new Map(taxonomy.industries.map((entry) => [entry.id, entry.name]));
			const chosen = await chooseMany(
				`Insights (${briefingLimits.minInsights}-${briefingLimits.maxInsights}; published and current on ${draft.date}, ${industry} first)`,
				eligible.map((entry) => ({
					value: entry.id,
					label: `${stages[entry.data.stage].name}: ${entry.data.title}`,
					hint: `${entry.id} · ${entry.data.industries.map((id) => industryName.get(id) ?? id).join(', ')}`,
				})),
				briefingLimits.minInsights,
				briefingLimits.maxInsights,
			);
			draft.insights = presentingOrder(chosen, byId);
			prompts.log.info(
				`Presenting order (the four conversations in turn):\n${draft.insights.join('\n')}`,
			);
		}
		nextAsk ??= await ask({
			message: `Next step: the meeting you will propose (<= ${briefingLimits.ask})`,
			schema: nextStepSchema.shape.ask,
			placeholder: 'A 90-minute working session with your revenue-cycle leads',
		});
		if (!agenda.length) {
			const answer = await ask({
				message: `Agenda for it: up to ${briefingLimits.agenda} items, separated by ";" (optional)`,
				optional: true,
				extra: (value) =>
					problem(
						nextStepSchema.shape.agenda,
						value.split(';').map((item) => item.trim()),
					),
			});
			if (answer)
				agenda.push(
					...answer
						.split(';')
						.map((item) => item.trim())
						.filter(Boolean),
				);
		}
		if (flags['proposed-date'] === undefined) {
			proposedDate = await ask({
				message: 'Proposed date for it (YYYY-MM-DD, optional)',
				optional: true,
				extra: (value) =>
					dateProblem(value) ??
					(value < draft.date! ? `a date on or after the meeting, ${draft.date}` : undefined),
			});
		}
	}

	if (!draft.id && company && draft.title) draft.id = suggestId(`${company} ${draft.title}`);
	const refused = missingFlags(
		'new:briefing',
		usage,
		[
			['--title', draft.title],
			['--company', company],
			['--industry', industry],
			['--audience', audience.length ? audience : undefined],
			['--presenter-name', presenterName],
			['--presenter-title', presenterTitle],
			['--date', draft.date],
			['--insight', draft.insights],
			['--ask', nextAsk],
		],
		draft.id,
	);
	if (refused !== undefined || !draft.id) return refused ?? 2;

	const complete: BriefingDraft = {
		title: draft.title!,
		subtitle: draft.subtitle,
		prospect: { company: company!, industry: industry!, audience },
		presenter: { name: presenterName!, title: presenterTitle!, email: presenterEmail },
		date: draft.date!,
		insights: draft.insights!,
		nextStep: { ask: nextAsk!, agenda, proposedDate },
		notes: draft.notes,
	};
	const file = fileFor(draft.id);
	const text = briefingFile(complete);
	return finishScaffold({
		root,
		id: draft.id,
		file,
		text,
		issues: [
			...parseBriefing(file, text).issues,
			// References are checked even when a field fails its schema, so every problem shows at once.
			...validateBriefingReferences(
				file,
				{
					insights: complete.insights,
					date: new Date(`${complete.date}T00:00:00Z`),
					prospect: complete.prospect,
				},
				byId,
				taxonomy,
				brokenIds,
			),
		],
		interactive,
		question: `Write ${file}?`,
		next: 'Add names, an agenda or opening notes if you have them, then run npm run check.',
	});
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
