/**
 * The deck engine's shape (issue 12): small files, and writers that know nothing of briefings.
 * No file under src/deck/ is over 450 lines; the writers (pptx/, svg/, pdf/, and the drawing
 * primitives they share in draw/) import nothing from src/library/ and from src/schema/ only types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const deck = path.resolve(import.meta.dirname, '../src/deck');

function files(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? files(path.join(dir, entry.name))
			: /\.(ts|js|mjs)$/.test(entry.name)
				? [path.join(dir, entry.name)]
				: [],
	);
}

/** Every import and re-export of a module: its specifier and whether it is type-only. */
function imports(source: string): Array<{ from: string; typeOnly: boolean }> {
	const found: Array<{ from: string; typeOnly: boolean }> = [];
	const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
	for (const match of source.matchAll(statement)) {
		const clause = match[3] ?? '';
		// `import { type A, type B } from` is type-only too.
		const named = /^\{([^}]*)\}\s+from\s+$/.exec(clause.trim() + ' ');
		const allTypes =
			named !== null &&
			named[1]!
				.split(',')
				.map((name) => name.trim())
				.filter(Boolean)
				.every((name) => name.startsWith('type '));
		found.push({ from: match[4]!, typeOnly: Boolean(match[2]) || allTypes });
	}
	for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
		found.push({ from: match[1]!, typeOnly: false });
	return found;
}

describe('the deck engine', () => {
	it('has no file over 450 lines', () => {
		const long = files(deck)
			.map((file) => ({ file, lines: readFileSync(file, 'utf8').split('\n').length }))
			.filter(({ lines }) => lines > 450)
			.map(({ file, lines }) => `${path.relative(deck, file)}: ${lines} lines`);
		expect(files(deck).length).toBeGreaterThan(30);
		expect(long).toEqual([]);
	});

	it('has writers that import nothing from src/library/ and only types from src/schema/', () => {
		const problems: string[] = [];
		let checked = 0;
		for (const writer of ['pptx', 'svg', 'pdf', 'draw']) {
			for (const file of files(path.join(deck, writer))) {
				for (const { from, typeOnly } of imports(readFileSync(file, 'utf8'))) {
					checked++;
					if (!from.startsWith('.')) continue;
					const target = path.resolve(path.dirname(file), from);
					const relative = path.relative(path.resolve(deck, '..'), target);
					const where = `${path.relative(deck, file)} imports ${from}`;
					if (relative.startsWith(`library${path.sep}`)) problems.push(where);
					if (relative.startsWith(`schema${path.sep}`) && !typeOnly)
						problems.push(`${where} (not type-only)`);
					if (/^(plan|integrations|site|client)\b/.test(relative.split(path.sep)[0] ?? ''))
						problems.push(`${where} (a writer knows nothing of briefings)`);
				}
			}
		}
		expect(checked).toBeGreaterThan(20);
		expect(problems).toEqual([]);
	});

	it('would see a value import from src/schema/ or src/library/', () => {
		expect(imports("import { briefingSchema } from '../../schema/briefing.ts';")).toEqual([
			{ from: '../../schema/briefing.ts', typeOnly: false },
		]);
		expect(imports("import type { Briefing } from '../../schema/briefing.ts';")[0]!.typeOnly).toBe(
			true,
		);
		expect(imports("import { type A, type B } from '../x.ts';")[0]!.typeOnly).toBe(true);
		expect(imports("import { type A, b } from '../x.ts';")[0]!.typeOnly).toBe(false);
		expect(imports("const m = await import('../../library/load.ts');")).toEqual([
			{ from: '../../library/load.ts', typeOnly: false },
		]);
	});
});
