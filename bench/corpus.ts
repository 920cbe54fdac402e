/**
 * Synthetic library for benchmarks: a taxonomy, N insights and M briefings that pass every content
 * rule (`loadLibrary` reports no error), with realistic field lengths. Pure and deterministic: the
 * same options give the same files. `generateCorpus` returns the files; `writeCorpus` writes them
 * under a project root (a temporary copy, never this repository's `content/`).
 *
 * Shape of the library, per insight (seeded, so a corpus is reproducible):
 * - every text field is a real sentence; about one insight in six has every field at its schema
 *   maximum (title 90, summary 240, 4 points of 140, implication 200, 3 questions of 160, ...);
 * - stage cycles through the four conversations; 1-3 industries (15% cross-industry), 1-3 personas;
 * - about half have a stat, a third a chart (bar, column, line, pie or doughnut), 5% are drafts;
 * - an MDX body of about 200 words: paragraphs, a list, emphasis and a link, no JSX;
 * - dates relative to `today`: reviewed in the last 10 months, sources under 4 years old, expiry
 *   (when set) at least 5 months ahead, so no insight is stale or expired on a briefing's date.
 * Briefings take 2-12 published insights (every count in that range occurs, 12 included).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { briefingLimits, type BriefingInput } from '../src/schema/briefing.ts';
import { insightLimits } from '../src/schema/insight.ts';
import { stageIds } from '../src/schema/stage.ts';

/** What to generate. */
export interface CorpusOptions {
	/** Number of insights. */
	insights: number;
	/** Number of briefings (default: one per 20 insights, at least 2). */
	briefings?: number;
	/** Seed of the pseudo-random generator (default 1). */
	seed?: number;
	/** The day the library is "current" on (default: today, UTC). Dates are placed around it. */
	today?: Date;
	/** Industries in the taxonomy (default 12). */
	industries?: number;
	/** Personas in the taxonomy (default 10). */
	personas?: number;
}

/** One file of the corpus, relative to the project root. */
export interface CorpusFile {
	path: string;
	content: string;
}

/** A generated library. */
export interface Corpus {
	files: CorpusFile[];
	/** Ids of the generated insights, in file order. */
	insightIds: string[];
	/** Ids of the published insights. */
	publishedIds: string[];
	/** Ids of the generated briefings. */
	briefingIds: string[];
	/** Words in the MDX bodies, all insights together. */
	bodyWords: number;
}

/** Briefings for `insights` insights when none is given: one per 20 insights, at least 2. */
export function defaultBriefingCount(insights: number): number {
	return Math.max(2, Math.round(insights / 20));
}

// ---------------------------------------------------------------------------------------------
// Randomness and text

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function random(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Rng = () => number;

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
function sample<T>(rng: Rng, items: readonly T[], count: number): T[] {
	const pool = [...items];
	const out: T[] = [];
	while (out.length < count && pool.length)
		out.push(pool.splice(Math.floor(rng() * pool.length), 1)[0]!);
	return out;
}

const subjects = [
	'Mid-market buyers',
	'Finance teams',
	'Operations leaders',
	'Procurement groups',
	'Regional operators',
	'Large enterprises',
	'Growth-stage companies',
	'Boards',
	'Frontline managers',
	'Shared-service centres',
	'Category leaders',
	'Most peers',
];
const verbs = [
	'lose',
	'recover',
	'overspend',
	'underestimate',
	'delay',
	'misprice',
	'concentrate',
	'double',
	'cut',
	'automate',
	'outsource',
	'rebuild',
];
const objects = [
	'working capital',
	'pricing power',
	'forecast accuracy',
	'customer retention',
	'supplier risk',
	'cycle time',
	'data quality',
	'energy costs',
	'claims leakage',
	'inventory turns',
	'cash conversion',
	'service margins',
	'audit effort',
	'hiring capacity',
];
const qualifiers = [
	'when approvals cross three functions',
	'because nobody owns the number',
	'long before it shows in the results',
	'in the first year of a new system',
	'even after a successful pilot',
	'without a shared baseline',
	'once volumes pass a threshold',
	'while competitors quietly catch up',
];
const fillers = [
	'the gap widens every quarter',
	'leaders rarely see it in monthly reporting',
	'the cost sits between departments',
	'peers who measured it found it early',
	'the fix is usually a process change, not a system',
	'the evidence comes from hundreds of comparable companies',
	'the pattern holds across regions and company sizes',
	'small changes in timing move the annual figure',
	'most teams track the wrong leading indicator',
	'the effect compounds when demand is volatile',
	'the first quarter after the change shows the largest gain',
	'budgets are set before the data is in',
];
const tokens = ['{company}', '{industry}', '{audience}'];
const publishers = [
	'Harbor Research Institute',
	'Global Benchmarking Council',
	'National Statistics Office',
	'Meridian Analytics',
	'Operations Quarterly',
	'Center for Finance Studies',
	'Industry Outlook Group',
];
const people = [
	'Alex Morgan',
	'Priya Shah',
	'Sam Okafor',
	'Jordan Lee',
	'Maria Costa',
	'Chen Wei',
	'Nora Fischer',
];
const roles = [
	'Chief Financial Officer',
	'Chief Operating Officer',
	'Chief Executive Officer',
	'Vice President, Operations',
	'Head of Procurement',
	'Chief Information Officer',
	'Director of Strategy',
];
const companyWords = [
	'Northwind',
	'Contoso',
	'Fabrikam',
	'Tailspin',
	'Woodgrove',
	'Litware',
	'Proseware',
	'Adatum',
	'Lakeshore',
	'Bluepeak',
];
const companySuffixes = [
	'Holdings',
	'Group',
	'Industries',
	'Health',
	'Logistics',
	'Energy',
	'Retail',
	'Bank',
];
const industryWords = [
	'Healthcare',
	'Manufacturing',
	'Banking',
	'Retail',
	'Software',
	'Logistics',
	'Utilities',
	'Insurance',
	'Telecom',
	'Media',
	'Education',
	'Hospitality',
	'Chemicals',
	'Aerospace',
	'Agriculture',
	'Construction',
	'Pharma',
	'Mining',
	'Real estate',
	'Public sector',
];
const personaRoles: Array<[string, string]> = [
	['Chief executive officer', 'CEO'],
	['Chief financial officer', 'CFO'],
	['Chief operating officer', 'COO'],
	['Chief information officer', 'CIO'],
	['Chief revenue officer', 'CRO'],
	['Chief human resources officer', 'CHRO'],
	['Chief procurement officer', 'CPO'],
	['Chief marketing officer', 'CMO'],
	['Head of supply chain', 'Supply chain'],
	['Head of risk', 'Risk'],
	['Chief data officer', 'CDO'],
	['General counsel', 'Legal'],
];
const topics = [
	'pricing',
	'retention',
	'automation',
	'risk',
	'cash',
	'talent',
	'ai',
	'supply-chain',
	'energy',
	'regulation',
	'forecasting',
	'procurement',
];

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A sentence of clauses, as long as it comes out, at most `max` characters, ending with a full stop. */
function sentence(rng: Rng, max: number): string {
	let text = `${pick(rng, subjects)} ${pick(rng, verbs)} ${pick(rng, objects)} ${pick(rng, qualifiers)}`;
	while (rng() < 0.5) {
		const next = `${text}, and ${pick(rng, fillers)}`;
		if (next.length + 1 > max) break;
		text = next;
	}
	return `${text.length + 1 > max ? text.slice(0, max - 1).trimEnd() : text}.`;
}

/** Text of exactly `max` characters (after trimming), made of sentences: a field at its schema limit. */
function exactly(rng: Rng, max: number, token?: string): string {
	let text = token ? `For ${token}, ${pick(rng, fillers)}.` : '';
	while (text.length < max) text = `${text}${text ? ' ' : ''}${capitalise(sentence(rng, 400))}`;
	text = text.slice(0, max - 1).replace(/\s+$/, (spaces) => 'x'.repeat(spaces.length));
	// A token cut in half would be an unknown token; cut text never ends inside one when it starts with it.
	return `${text.replace(/\{[^}]*$/, (part) => 'x'.repeat(part.length))}.`;
}

/** Text for a field: at its limit when `full`, else a sentence of typical length. */
function field(rng: Rng, max: number, full: boolean, token?: string): string {
	if (full) return exactly(rng, max, token);
	const text = capitalise(sentence(rng, Math.floor(max * (0.45 + rng() * 0.4))));
	return token
		? `For ${token}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`.slice(0, max)
		: text;
}

function slug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

const day = 24 * 60 * 60 * 1000;
const iso = (date: Date) => date.toISOString().slice(0, 10);
const startOfUtcDay = (date: Date) =>
	new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * day);

// ---------------------------------------------------------------------------------------------
// Files

/** The taxonomy: `industries` industries and `personas` personas with generated names. */
export function generateTaxonomy(
	industries: number,
	personas: number,
): {
	industries: Array<{ id: string; name: string; description: string }>;
	personas: Array<{ id: string; name: string; short: string; description: string }>;
} {
	const industryNames = Array.from({ length: industries }, (_, i) =>
		i < industryWords.length
			? industryWords[i]!
			: `${industryWords[i % industryWords.length]!} ${Math.floor(i / industryWords.length) + 1}`,
	);
	const personaNames = Array.from({ length: personas }, (_, i): [string, string] => {
		const [name, short] = personaRoles[i % personaRoles.length]!;
		const round = Math.floor(i / personaRoles.length);
		return round ? [`${name} ${round + 1}`, `${short} ${round + 1}`] : [name, short];
	});
	return {
		industries: industryNames.map((name) => ({
			id: slug(name),
			name,
			description: `${name} companies of every size, from regional operators to global groups, and the leaders who run their operations and finances.`,
		})),
		personas: personaNames.map(([name, short]) => ({
			id: slug(short),
			name,
			short,
			description: `The ${name.toLowerCase()} and their direct reports: the people who sponsor and approve a change of this kind.`,
		})),
	};
}

/** An MDX body of about 200 words: paragraphs, a short list, emphasis and a link. Plain Markdown. */
function body(rng: Rng): string {
	const paragraph = (sentences: number) =>
		Array.from({ length: sentences }, () => capitalise(sentence(rng, 220))).join(' ');
	const parts = [
		paragraph(3),
		`## What the data shows`,
		`${paragraph(2)} The difference is **${int(rng, 8, 45)} percent** on average, and it is *largest* where nobody owns the number.`,
		[1, 2, 3].map(() => `- ${capitalise(sentence(rng, 120))}`).join('\n'),
		`${paragraph(2)} See the [full study](https://example.com/research/${int(rng, 1000, 9999)}) for the method.`,
		paragraph(2),
	];
	return `${parts.join('\n\n')}\n`;
}

function chart(rng: Rng, sources: number) {
	const kind = pick(rng, ['bar', 'column', 'line', 'pie', 'doughnut'] as const);
	const round = kind === 'pie' || kind === 'doughnut';
	const labelCount = round ? int(rng, 2, 6) : int(rng, 2, 12);
	const seriesCount = round ? 1 : int(rng, 1, 4);
	const full = rng() < 0.2;
	const labels = Array.from({ length: labelCount }, (_, i) =>
		full
			? `${capitalise(pick(rng, objects))} ${i + 1}`
					.padEnd(insightLimits.chartLabel, 'x')
					.slice(0, insightLimits.chartLabel)
			: `${pick(rng, ['Q', 'FY', 'Tier ', 'Region '])}${i + 1}`,
	);
	return {
		kind,
		title: field(rng, insightLimits.chartTitle, full),
		...(rng() < 0.7 ? { unit: pick(rng, ['%', '$M', 'days', 'x']) } : {}),
		labels,
		series: Array.from({ length: seriesCount }, (_, s) => ({
			name: full
				? `${capitalise(pick(rng, subjects))} series ${s + 1}`
						.padEnd(insightLimits.seriesName, 'x')
						.slice(0, insightLimits.seriesName)
				: `${pick(rng, ['Peers', 'Leaders', 'Median', 'Top quartile'])} ${s + 1}`,
			values: labels.map(() => Math.round(rng() * 1000) / 10),
		})),
		...(rng() < 0.8 ? { source: int(rng, 0, sources - 1) } : {}),
	};
}

/** The frontmatter and body of insight number `index`. */
function insight(
	rng: Rng,
	index: number,
	ids: readonly string[],
	taxonomy: ReturnType<typeof generateTaxonomy>,
	today: Date,
) {
	const full = index % 6 === 0;
	// Sources predate the review that checked them (the schema refuses one published after it).
	const reviewed = plusDays(today, -int(rng, 0, 300));
	const sourceCount = full ? 6 : int(rng, 1, 3);
	const sources = Array.from({ length: sourceCount }, (_, s) => ({
		title: full
			? exactly(rng, 200)
			: `${capitalise(pick(rng, objects))} benchmark ${2020 + int(rng, 0, 5)}: ${pick(rng, subjects).toLowerCase()}`,
		publisher: full ? exactly(rng, 100) : pick(rng, publishers),
		...(rng() < 0.75
			? { url: `https://example.com/reports/${index}-${s}` }
			: { offline: true, reason: 'Sold on request by the publisher; ask the insight owner.' }),
		published: sourceDate(plusDays(reviewed, -int(rng, 30, 4 * 365))),
		...(rng() < 0.1 ? { illustrative: true } : {}),
	}));
	const industries =
		rng() < 0.15
			? ['cross-industry']
			: sample(rng, taxonomy.industries, int(rng, 1, 3)).map((entry) => entry.id);
	const related = new Set<string>();
	for (let wanted = Math.min(int(rng, 0, 3), ids.length - 1); related.size < wanted;) {
		const other = int(rng, 0, ids.length - 1);
		if (other !== index) related.add(ids[other]!);
	}
	return {
		frontmatter: {
			title: field(rng, insightLimits.title, full),
			summary: field(rng, insightLimits.summary, full),
			industries,
			personas: sample(rng, taxonomy.personas, int(rng, 1, 3)).map((entry) => entry.id),
			stage: stageIds[index % stageIds.length],
			topics: sample(rng, topics, full ? 5 : int(rng, 0, 4)),
			...(full || rng() < 0.5
				? {
						stat: {
							value: full
								? '$1,234.5M/yr'
								: pick(rng, [
										`${int(rng, 5, 95)}%`,
										`$${int(rng, 1, 99) / 10}M`,
										`${int(rng, 2, 9)}x`,
									]),
							label: field(rng, insightLimits.statLabel, full),
							source: int(rng, 0, sourceCount - 1),
						},
					}
				: {}),
			...(full || rng() < 0.33 ? { chart: chart(rng, sourceCount) } : {}),
			points: Array.from({ length: full ? 4 : int(rng, 1, 4) }, () =>
				field(rng, insightLimits.point, full),
			),
			implication: field(
				rng,
				insightLimits.implication,
				full,
				rng() < 0.6 ? pick(rng, tokens) : undefined,
			),
			questions: Array.from({ length: full ? 3 : int(rng, 1, 3) }, (_, q) =>
				field(
					rng,
					insightLimits.question,
					full,
					q === 0 && rng() < 0.5 ? '{company}' : undefined,
				).replace(/\.$/, '?'),
			),
			sources,
			author: pick(rng, people),
			...(rng() < 0.5 ? { owner: 'Enablement team' } : {}),
			reviewed: iso(reviewed),
			...(rng() < 0.6 ? { expires: iso(plusDays(today, int(rng, 150, 700))) } : {}),
			status: index % 20 === 19 ? 'draft' : 'published',
			...(related.size ? { related: [...related] } : {}),
		},
		body: body(rng),
	};
}

/** A source date as authors write it: 1 January is refused as a stand-in, so it moves a day. */
function sourceDate(date: Date): string {
	const day = iso(date);
	return day.endsWith('-01-01') ? iso(plusDays(date, 1)) : day;
}

/** Briefing number `index`, with `count` published insights. */
function briefing(
	rng: Rng,
	index: number,
	count: number,
	published: readonly string[],
	taxonomy: ReturnType<typeof generateTaxonomy>,
	today: Date,
): BriefingInput {
	const full = index % 5 === 0;
	const company = `${pick(rng, companyWords)} ${pick(rng, companySuffixes)}`;
	const date = plusDays(today, int(rng, 1, 90));
	const agenda = Array.from({ length: full ? briefingLimits.agenda : int(rng, 0, 3) }, () =>
		field(rng, briefingLimits.agendaItem, full),
	);
	return {
		title: field(rng, briefingLimits.title, full),
		...(full || rng() < 0.5 ? { subtitle: field(rng, briefingLimits.subtitle, full) } : {}),
		prospect: {
			company: full ? company.padEnd(briefingLimits.company, 'x') : company,
			industry: pick(rng, taxonomy.industries).id,
			audience: Array.from({ length: full ? briefingLimits.audience : int(rng, 1, 3) }, () => ({
				...(rng() < 0.7 ? { name: pick(rng, people) } : {}),
				role: pick(rng, roles),
			})),
		},
		presenter: {
			name: pick(rng, people),
			title: 'Account Executive',
			...(rng() < 0.8 ? { email: `rep${index}@example.com` } : {}),
		},
		date: iso(date),
		insights: sample(rng, published, count),
		nextStep: {
			ask: field(rng, briefingLimits.ask, full),
			...(agenda.length ? { agenda } : {}),
			...(rng() < 0.7 ? { proposedDate: iso(plusDays(date, int(rng, 7, 30))) } : {}),
		},
		...(full || rng() < 0.5
			? { notes: full ? exactly(rng, briefingLimits.notes) : field(rng, 600, false) }
			: {}),
	} as unknown as BriefingInput;
}

/** Generates the library: taxonomy, insights and briefings, as files relative to a project root. */
export function generateCorpus(options: CorpusOptions): Corpus {
	const count = options.insights;
	if (!Number.isInteger(count) || count < briefingLimits.minInsights)
		throw new Error(
			`a corpus needs at least ${briefingLimits.minInsights} insights (got ${count})`,
		);
	const briefingCount = options.briefings ?? defaultBriefingCount(count);
	const rng = random(options.seed ?? 1);
	const today = startOfUtcDay(options.today ?? new Date());
	const taxonomy = generateTaxonomy(options.industries ?? 12, options.personas ?? 10);
	const width = String(count).length;

	const ids = Array.from(
		{ length: count },
		(_, i) =>
			`${slug(`${pick(rng, objects)} ${pick(rng, verbs)} ${pick(rng, subjects)}`)}-${String(i).padStart(width, '0')}`,
	);
	const files: CorpusFile[] = [
		{
			path: 'content/taxonomy.yaml',
			content: `# Synthetic taxonomy for benchmarks.\n${stringify(taxonomy)}`,
		},
	];
	const published: string[] = [];
	let bodyWords = 0;
	ids.forEach((id, index) => {
		const { frontmatter, body: text } = insight(rng, index, ids, taxonomy, today);
		if (frontmatter.status === 'published') published.push(id);
		bodyWords += text.split(/\s+/).filter(Boolean).length;
		files.push({
			path: `content/insights/${id}.mdx`,
			content: `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${text}`,
		});
	});

	const span = briefingLimits.maxInsights - briefingLimits.minInsights + 1;
	const briefingIds: string[] = [];
	for (let index = 0; index < briefingCount; index++) {
		// Every size from 2 to 12 in turn, capped by the published insights there are.
		const size = Math.min(briefingLimits.minInsights + (index % span), published.length);
		if (size < briefingLimits.minInsights) break;
		const data = briefing(rng, index, size, published, taxonomy, today);
		const id = `${slug(data.prospect.company).slice(0, 40)}-${String(index).padStart(String(briefingCount).length, '0')}`;
		briefingIds.push(id);
		files.push({
			path: `content/briefings/${id}.yaml`,
			content: stringify(data, { lineWidth: 0 }),
		});
	}
	return { files, insightIds: ids, publishedIds: published, briefingIds, bodyWords };
}

/** Writes the corpus's files under `root` (folders created as needed). */
export async function writeCorpus(root: string, corpus: Pick<Corpus, 'files'>): Promise<void> {
	const dirs = new Set(corpus.files.map((file) => path.dirname(path.join(root, file.path))));
	for (const dir of dirs) await mkdir(dir, { recursive: true });
	// A few files at a time: thousands of parallel writes gain nothing and exhaust descriptors.
	const queue = [...corpus.files];
	await Promise.all(
		Array.from({ length: 16 }, async () => {
			for (let file = queue.shift(); file; file = queue.shift())
				await writeFile(path.join(root, file.path), file.content);
		}),
	);
}
