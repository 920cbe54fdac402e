/**
 * The deck scene of a briefing, for the slide previews on its page: the same plan the .pptx and
 * the PDF are drawn from, assembled from the content collections at build time as the decks are.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { planDeck, type Scene } from '../deck/index.ts';
import { assembleDeckInput } from '../library/deck-input.ts';
import { talkTrack } from '../library/talk-track.ts';
import type { Taxonomy } from '../schema/taxonomy.ts';
import { brand } from './brand.ts';
import type { BriefingEntry, InsightEntry } from './data.ts';

let logo: Promise<Uint8Array> | undefined;

/** The scene of `briefing`'s deck. */
export async function briefingScene(
	briefing: BriefingEntry,
	insights: InsightEntry[],
	industries: Taxonomy['industries'],
): Promise<Scene> {
	logo ??= readFile(path.join(process.cwd(), 'public', brand.logo.png)).then(
		(bytes) => new Uint8Array(bytes),
	);
	return planDeck(
		assembleDeckInput({
			briefing: briefing.data,
			insights: new Map(
				insights.map((entry) => [
					entry.id,
					{
						id: entry.id,
						data: entry.data,
						talkTrack: talkTrack(entry.body ?? '', entry.data.sources),
					},
				]),
			),
			taxonomy: { industries },
			brand,
			logoPng: await logo,
			modified: briefing.data.date,
			file: `content/briefings/${briefing.id}.yaml`,
		}),
	);
}
