/**
 * A content collection stored from the build's checked library (build-check.ts), as Astro's
 * `glob()` loader would store the same files: same ids, data (the collection's own schema, already
 * applied by the check), bodies and paths, and MDX bodies rendered from their files on demand.
 */
import type { LoaderContext } from 'astro/loaders';
import type { BriefingEntry, InsightEntry } from '../library/validate.ts';

/** One entry as the content store keeps it. */
export interface CheckedEntry {
	/** The collection's id for it: the file name without its extension. */
	id: string;
	/** Its file, relative to the project root, with `/` between folders. */
	filePath: string;
	/** The data the collection's schema gave. */
	data: Record<string, unknown>;
	/** The MDX body, as `glob()` keeps it; none for a YAML file. */
	body?: string;
	/** Rendered from its file when a page asks for it (MDX), as `glob()` marks MDX entries. */
	deferredRender?: boolean;
}

/** An insight as `glob()` stores it: the body trimmed, rendered from its file. */
export function checkedInsight(entry: InsightEntry): CheckedEntry {
	return {
		id: entry.id,
		filePath: entry.file,
		data: entry.data,
		body: entry.body.trim(),
		deferredRender: true,
	};
}

/** A briefing as `glob()` stores it. */
export function checkedBriefing(entry: BriefingEntry): CheckedEntry {
	return { id: entry.id, filePath: entry.file, data: entry.data };
}

/** Makes the collection's store hold exactly `entries`. */
export function storeCheckedEntries(
	{ store, generateDigest }: Pick<LoaderContext, 'store' | 'generateDigest'>,
	entries: CheckedEntry[],
): void {
	const ids = new Set(entries.map((entry) => entry.id));
	for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
	for (const { id, filePath, data, body, deferredRender } of entries) {
		store.set({
			id,
			data,
			filePath,
			// Unchanged entries keep their rendered output in a store kept from an earlier build.
			digest: generateDigest(body === undefined ? { data } : { data, body }),
			...(body === undefined ? {} : { body }),
			...(deferredRender ? { deferredRender } : {}),
		});
	}
}
