/** Structural checks of a package: relationship targets, content types, well-formed XML. */
import { partText } from './part-text.ts';
import { xmlError, type XmlSink } from '../xml.ts';
import { TextMemo } from './text-memo.ts';
import { contentTypesPart } from './zip.ts';

/** Relationship targets in a .rels part: `{ id, target, external }`. */
export function relationships(
	xml: string,
): Array<{ id: string; type: string; target: string; external: boolean }> {
	return [...xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)].map((match) => {
		const attrs = match[1] ?? '';
		const attr = (pattern: RegExp) => pattern.exec(attrs)?.[1] ?? '';
		return {
			id: attr(relationshipAttrs.id),
			type: attr(relationshipAttrs.type),
			target: attr(relationshipAttrs.target),
			external: attr(relationshipAttrs.targetMode) === 'External',
		};
	});
}

/** A relationship's attributes, compiled once (not per relationship: a template has hundreds). */
const relationshipAttrs = {
	id: /\bId="([^"]*)"/,
	type: /\bType="([^"]*)"/,
	target: /\bTarget="([^"]*)"/,
	targetMode: /\bTargetMode="([^"]*)"/,
};

/** The part a relationship in `relsPath` points to (`ppt/slides/_rels/slide1.xml.rels` + `../media/a.png`). */
export function resolveTarget(relsPath: string, target: string): string {
	const decoded = target.includes('&') ? target.replace(/&amp;/g, '&') : target;
	if (decoded.startsWith('/')) return decoded.slice(1);
	const sourceDir = relsPath.replace(/(^|\/)_rels\/[^/]+$/, '$1');
	const parts = (sourceDir + decoded).split('/');
	const out: string[] = [];
	for (const part of parts) {
		if (part === '..') out.pop();
		else if (part !== '.' && part !== '') out.push(part);
	}
	return out.join('/');
}

/** Problems with a package's structure: missing relationship targets and content types. */
export function packageProblems(files: ReadonlyMap<string, Uint8Array>): string[] {
	const problems: string[] = [];
	const types = files.get(contentTypesPart);
	if (!types) return [`no ${contentTypesPart}`];
	const typesXml = partText(types);
	const defaults = new Set(
		[...typesXml.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]!.toLowerCase()),
	);
	const overrides = [...typesXml.matchAll(/<Override PartName="([^"]+)"/g)].map((m) => m[1]!);
	for (const part of overrides) {
		if (!files.has(part.slice(1)))
			problems.push(`${contentTypesPart} lists ${part}, which does not exist`);
	}
	const overridden = new Set(overrides.map((part) => part.slice(1)));
	for (const name of files.keys()) {
		if (name === contentTypesPart) continue;
		const extension = name.split('.').pop()!.toLowerCase();
		if (!overridden.has(name) && !defaults.has(extension))
			problems.push(`${name} has no content type`);
	}
	for (const [name, content] of files) {
		if (!name.endsWith('.rels')) continue;
		for (const { id, target } of internalTargets(name, content)) {
			if (!files.has(target))
				problems.push(`${name}: ${id} points to ${target}, which does not exist`);
		}
	}
	return problems;
}

/**
 * The internal targets of each relationships part object, resolved once: a template's are the
 * same objects in every deck built on it.
 */
const resolvedTargets = new WeakMap<
	Uint8Array,
	{ name: string; targets: Array<{ id: string; target: string }> }
>();

function internalTargets(name: string, content: Uint8Array) {
	const known = resolvedTargets.get(content);
	if (known?.name === name) return known.targets;
	const targets = relationships(partText(content))
		.filter((rel) => !rel.external)
		.map((rel) => ({ id: rel.id, target: resolveTarget(name, rel.target) }));
	resolvedTargets.set(content, { name, targets });
	return targets;
}

/**
 * Texts found well-formed before, least recently seen first: the parts every deck of a brand
 * shares (theme, masters, layouts, relationships) are checked once per process, not per deck.
 */
const wellFormed = new TextMemo<true>(256);

/**
 * Part objects found well-formed: a template's parts and the remembered rewrites are the same
 * objects in every deck, found here whatever the bounded memo above has let go of since.
 */
const wellFormedParts = new WeakSet<Uint8Array>();

/**
 * Reads parts while they are checked (the deck audit builds its trees of the parts it reads in the
 * check's pass instead of parsing them again after).
 */
export interface PartReader {
	/** What reads the part `name` as it is checked; undefined for a part it does not read. */
	sinkFor(name: string, content: Uint8Array, text: string): PartSink | undefined;
}

/** Reads one part (see {@link XmlSink}). */
export interface PartSink extends XmlSink {
	/** Called once the part was found well-formed. */
	done(): void;
}

/**
 * Well-formedness problems of every XML part; `reader` reads the parts checked here (not the
 * parts found well-formed before).
 */
export function xmlProblems(files: ReadonlyMap<string, Uint8Array>, reader?: PartReader): string[] {
	const problems: string[] = [];
	for (const [name, content] of files) {
		if (wellFormedParts.has(content) || !/\.(xml|rels)$/.test(name)) continue;
		const text = partText(content);
		if (wellFormed.get(text)) {
			wellFormedParts.add(content);
			continue;
		}
		const sink = reader?.sinkFor(name, content, text);
		const error = xmlError(text, sink);
		if (error) problems.push(`${name}: ${error}`);
		else {
			sink?.done();
			wellFormed.set(text, true);
			wellFormedParts.add(content);
		}
	}
	return problems;
}
