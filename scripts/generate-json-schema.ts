/**
 * `npm run schemas`: writes JSON Schema files for the content files authors edit, generated from
 * the zod schemas in `src/schema/` with `z.toJSONSchema`. Editors use them to validate and complete
 * YAML as it is typed (see `.vscode/settings.json` and docs/authoring.md, "Editor support").
 * The files are committed; `tests/schema-export.test.ts` fails when they are stale.
 *
 * `--check` compares instead of writing: exit 1 when a file differs, naming it.
 */
import './lib/node-version.ts';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { format, resolveConfig } from 'prettier';
import { brandSchema } from '../src/schema/brand.ts';
import { briefingSchema } from '../src/schema/briefing.ts';
import { insightSchema } from '../src/schema/insight.ts';
import { taxonomySchema } from '../src/schema/taxonomy.ts';

/** Project root (this file lives in `scripts/`). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Folder the schemas are written to, relative to the project root. */
export const schemaDir = 'schemas';

/** Each generated file: its schema, title and description. */
const targets = [
	{
		file: 'insight.schema.json',
		schema: insightSchema,
		title: 'Insight frontmatter',
		description:
			'Frontmatter of content/insights/<id>.mdx. Cross-file rules (taxonomy ids, related ids) are checked by npm run check.',
	},
	{
		file: 'briefing.schema.json',
		schema: briefingSchema,
		title: 'Briefing',
		description:
			'A briefing, content/briefings/<id>.yaml. Whether its insights exist, are published and are current on its date is checked by npm run check.',
	},
	{
		file: 'taxonomy.schema.json',
		schema: taxonomySchema,
		title: 'Taxonomy',
		description:
			'content/taxonomy.yaml: the industries and personas insights and briefings are tagged with.',
	},
	{
		file: 'brand.schema.json',
		schema: brandSchema,
		title: 'Brand',
		description: 'content/brand.yaml: the one brand definition for the site and every deck.',
	},
] as const;

/** The calendar-date pattern authors write (`YYYY-MM-DD`). */
const datePattern = '^\\d{4}-\\d{2}-\\d{2}$';

/** JSON Schema for what authors write (`io: 'input'`: dates as text, defaults optional). */
export function toJsonSchema(
	schema: z.ZodType,
	title: string,
	description: string,
): Record<string, unknown> {
	const json = z.toJSONSchema(schema, {
		io: 'input',
		unrepresentable: 'any',
		override: (ctx) => {
			const def = ctx.zodSchema._zod.def;
			const out = ctx.jsonSchema as Record<string, unknown>;
			// Dates are `z.date() | "YYYY-MM-DD"` (YAML parsers disagree); authors write the text form.
			// A source's `published` also takes a year-month: keep the text branch's own pattern.
			if (def.type === 'union' && def.options.some((option) => option._zod.def.type === 'date')) {
				const text = (out.anyOf as Array<Record<string, unknown>> | undefined)?.find(
					(option) => option.type === 'string',
				);
				const pattern = typeof text?.pattern === 'string' ? text.pattern : datePattern;
				delete out.anyOf;
				Object.assign(out, {
					type: 'string',
					...(pattern === datePattern ? { format: 'date' } : {}),
					pattern,
				});
			}
			// z.number().int() adds the safe-integer bounds: noise for an author.
			if (out.maximum === Number.MAX_SAFE_INTEGER) delete out.maximum;
			if (out.minimum === Number.MIN_SAFE_INTEGER) delete out.minimum;
		},
	}) as Record<string, unknown>;
	const { $schema, ...rest } = json;
	return { $schema, title, description, ...rest };
}

/** Every schema file's name and its exact contents (formatted with the project's Prettier config). */
export async function generateSchemas(): Promise<Map<string, string>> {
	const config = (await resolveConfig(path.join(projectRoot, schemaDir, 'x.json'))) ?? {};
	const files = new Map<string, string>();
	for (const target of targets) {
		const json = JSON.stringify(toJsonSchema(target.schema, target.title, target.description));
		files.set(target.file, await format(json, { ...config, parser: 'json', plugins: [] }));
	}
	return files;
}

async function main(argv: string[]): Promise<number> {
	const check = argv.includes('--check');
	const unknown = argv.filter((arg) => arg !== '--check');
	if (unknown.length) {
		console.error(
			`npm run schemas: unknown option ${unknown.join(' ')}\nUsage: npm run schemas [-- --check]`,
		);
		return 2;
	}
	const dir = path.join(projectRoot, schemaDir);
	await mkdir(dir, { recursive: true });
	let stale = 0;
	for (const [file, text] of await generateSchemas()) {
		const target = path.join(dir, file);
		const current = await readFile(target, 'utf8').catch(() => undefined);
		if (current === text) continue;
		if (check) {
			console.error(`${schemaDir}/${file}: out of date with src/schema (run npm run schemas)`);
			stale++;
		} else {
			await writeFile(target, text);
			console.log(`wrote ${schemaDir}/${file}`);
		}
	}
	if (!stale) console.log(`${schemaDir}/ is up to date with src/schema`);
	return stale ? 1 : 0;
}

if (import.meta.main) process.exitCode = await main(process.argv.slice(2));
