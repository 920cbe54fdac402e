/** A template's zip package: its parts and the relationships between them. */
import { strFromU8, unzipSync } from 'fflate';
import { relationships, resolveTarget } from '../pptx/problems.ts';
import { parseXml, type XmlElement } from './xml.ts';

/** A relationship resolved to the part it targets. */
export interface PartRelationship {
	id: string;
	/** Last segment of the type URI: `slideLayout`, `theme`, `image`, `slideMaster`, ... */
	type: string;
	/** Part name the target resolves to (for internal targets). */
	part: string;
	external: boolean;
}

/** Why a template cannot be used: a message that names what is missing. */
export class TemplateError extends Error {}

/** The parts of a zip package; throws a TemplateError when it is not one. */
export function unzipParts(bytes: Uint8Array): Map<string, Uint8Array> {
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(bytes);
	} catch (error) {
		throw new TemplateError(
			`not a readable .potx/.pptx package (${error instanceof Error ? error.message : String(error)})`,
		);
	}
	const parts = new Map<string, Uint8Array>();
	for (const [name, data] of Object.entries(entries))
		if (!name.endsWith('/')) parts.set(name, data);
	return parts;
}

/** The parts of a package, with parsing and relationship lookup that name the part on failure. */
export class PartReader {
	readonly parts: ReadonlyMap<string, Uint8Array>;
	private readonly cache = new Map<string, XmlElement>();

	constructor(parts: ReadonlyMap<string, Uint8Array>) {
		this.parts = parts;
	}

	/** The part parsed as XML; throws a TemplateError naming a missing or broken part. */
	xml(part: string): XmlElement {
		const cached = this.cache.get(part);
		if (cached) return cached;
		const data = this.parts.get(part);
		if (!data) throw new TemplateError(`the package has no part ${part}`);
		let root: XmlElement;
		try {
			root = parseXml(strFromU8(data));
		} catch (error) {
			throw new TemplateError(
				`${part} is not well-formed XML (${error instanceof Error ? error.message : String(error)})`,
			);
		}
		this.cache.set(part, root);
		return root;
	}

	/** Relationships of `part` (none when it has no .rels part). */
	rels(part: string): PartRelationship[] {
		const slash = part.lastIndexOf('/');
		const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
		const data = this.parts.get(relsPath);
		if (!data) return [];
		return relationships(strFromU8(data)).map((rel) => ({
			id: rel.id,
			type: rel.type.slice(rel.type.lastIndexOf('/') + 1),
			part: rel.external ? rel.target : resolveTarget(relsPath, rel.target),
			external: rel.external,
		}));
	}

	/** The part a relationship id of `part` points to. */
	target(part: string, id: string): string | undefined {
		return this.rels(part).find((rel) => rel.id === id && !rel.external)?.part;
	}
}
