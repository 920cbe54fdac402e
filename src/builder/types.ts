/**
 * What the browser builder works with: the library as the site publishes it for the builder (in
 * pieces: `/builder/index.json`, `/builder/details/<n>.json`, ...), and the briefing a rep is
 * putting together.
 */
import type { Brand } from '../schema/brand.ts';
import type { Briefing, BriefingQuestion } from '../schema/briefing.ts';
import type { Insight } from '../schema/insight.ts';
import type { Stage } from '../schema/stage.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';

/** An insight as the builder receives it: frontmatter with dates as `YYYY-MM-DD` strings. */
export interface PublishedInsight {
	/** Insight id (its file name). */
	id: string;
	/** Frontmatter, JSON-safe (dates as strings). */
	data: Omit<Insight, 'reviewed' | 'expires' | 'sources'> & {
		reviewed: string;
		expires?: string;
		sources: Array<Omit<Insight['sources'][number], 'published'> & { published: string }>;
		stage: Stage;
	};
	/** The MDX body as plain text: the slide's talk track. */
	talkTrack: string;
}

/** An example briefing as the builder receives it: dates as `YYYY-MM-DD` strings. */
export interface ExampleBriefing {
	/** Briefing id (its file name), as in `?briefing=<id>`. */
	id: string;
	/** The briefing file's content, JSON-safe. */
	data: Omit<Briefing, 'date' | 'nextStep'> & {
		date: string;
		nextStep: Omit<Briefing['nextStep'], 'proposedDate'> & { proposedDate?: string };
	};
}

/**
 * An insight as the builder's picker index carries it: what search, the filters, the lists and
 * the draft's check read. The rest (evidence, questions, sources, talk track) comes with the
 * insight's details, fetched when it is added. A whole {@link PublishedInsight} is one too.
 */
export interface InsightSummary {
	/** Insight id (its file name). */
	id: string;
	/** The frontmatter fields the picker needs; the others only in a whole insight. */
	data: Pick<
		PublishedInsight['data'],
		'title' | 'stage' | 'industries' | 'personas' | 'topics' | 'reviewed' | 'expires'
	> &
		Partial<Pick<PublishedInsight['data'], 'summary' | 'points' | 'implication' | 'questions'>> & {
			/** `published`, or `draft` (offered in the dev server only). */
			status: PublishedInsight['data']['status'];
			/** How many questions the insight has (the index leaves their text to the details). */
			questionCount?: number;
		};
	/**
	 * Summary, evidence and implication as one text, folded for search (lowercase, no accents), once
	 * `/builder/search.txt` has loaded.
	 */
	text?: string;
}

/**
 * `/builder/index.json`: what the builder needs before a rep can use it, small at any library
 * size. Whole insights are in `/builder/details/<n>.json`, `shardSize` of them each, in index order.
 */
export interface BuilderIndex {
	/** Industries and personas. */
	taxonomy: Taxonomy;
	/** The brand, for decks. */
	brand: Brand;
	/** Every insight the builder offers, sorted by id. */
	insights: InsightSummary[];
	/** Insights per details file: the one at position p is in file `Math.floor(p / shardSize)`. */
	shardSize: number;
}

/** What the builder's pure logic reads of the library: the index, or a whole library. */
export interface LibraryView {
	taxonomy: Taxonomy;
	brand: Brand;
	insights: readonly InsightSummary[];
	/** Example briefings (fetched only when a page asks for one with `?briefing=`). */
	briefings: readonly ExampleBriefing[];
}

/** The builder's whole library: what a deck is made from (the builder holds it in pieces). */
export interface BuilderLibrary {
	/** Industries and personas. */
	taxonomy: Taxonomy;
	/** The brand, for decks. */
	brand: Brand;
	/** Published insights only. */
	insights: PublishedInsight[];
	/** Example briefings from `content/briefings/`. */
	briefings: ExampleBriefing[];
}

/** The briefing a rep is building: every field as typed, before validation. */
export interface Draft {
	title: string;
	subtitle: string;
	company: string;
	industry: string;
	audience: Array<{ name: string; role: string }>;
	presenter: { name: string; title: string; email: string; phone: string; company: string };
	/** Meeting date, `YYYY-MM-DD`. */
	date: string;
	/** Insight ids in presenting order. */
	insights: string[];
	nextStep: { ask: string; agenda: string[]; proposedDate: string };
	notes: string;
	/** The questions the rep ticked (or imported); absent: the deck's default questions. */
	questions?: BriefingQuestion[];
}

/** An empty draft: one audience row, meeting date to be chosen. */
export function emptyDraft(): Draft {
	return {
		title: '',
		subtitle: '',
		company: '',
		industry: '',
		audience: [{ name: '', role: '' }],
		presenter: { name: '', title: '', email: '', phone: '', company: '' },
		date: '',
		insights: [],
		nextStep: { ask: '', agenda: [], proposedDate: '' },
		notes: '',
	};
}
