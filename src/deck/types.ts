/** What the deck engine takes. Plain data (structured-cloneable), so it can cross to a worker. */
import type { Brand } from '../schema/brand.ts';
import type { Briefing } from '../schema/briefing.ts';
import type { Insight } from '../schema/insight.ts';

/** One insight as a deck needs it. */
export interface DeckInsight {
	/** The insight's id (file name without `.mdx`), for provenance in the speaker notes. */
	id: string;
	/** Validated frontmatter. */
	data: Insight;
	/** The MDX body as plain text: the slide's talk track. */
	talkTrack: string;
}

/** The logo as decks embed it: a PNG data URL and its width / height. */
export interface DeckLogo {
	/** `data:image/png;base64,...`. */
	dataUrl: string;
	/** Width divided by height. */
	aspectRatio: number;
}

/** Everything one deck is built from. */
export interface DeckInput {
	/** The briefing: prospect, presenter, next step, notes. */
	briefing: Briefing;
	/** The briefing's insights, in presenting order. */
	insights: DeckInsight[];
	/** Display name of the prospect's industry (fills `{industry}`). */
	industryName: string;
	/** The brand: colours, fonts, name. */
	brand: Brand;
	/** The logo; without it the masters carry the brand name only. */
	logo?: DeckLogo;
	/**
	 * The company template's bytes (brand.yaml `template:`), read by whoever has the file system or
	 * the network; the deck is built on its layouts.
	 */
	template?: Uint8Array;
	/** When the deck was made: document properties and zip entry times (see `deckTimestamp`). */
	modified: Date;
}
