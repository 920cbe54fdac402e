/**
 * One deck in a fresh process, step by step: what the one-deck CLI and each batch thread pay for
 * the engine's cold code. Prints one JSON line of CPU milliseconds (user + system) and fresh
 * memory pages (minor page faults) per step.
 *
 *   node --max-semi-space-size=1 scripts/lib/bundled-cli.mjs bench/cold-deck.ts [ROOT] [BRIEFING-ID] [--js]
 *
 * Run through the CLI's launcher with the `decks` script's Node flag, as here, the probe runs from
 * a bundle with a V8 code cache as `npm run decks` does (the first two runs make them); run
 * directly, from the sources.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Minor page faults of this process so far (Linux; 0 elsewhere). */
function pageFaults(): number {
	try {
		const stat = readFileSync('/proc/self/stat', 'utf8');
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[7]);
	} catch {
		return 0;
	}
}

const steps: Record<string, { cpu: number; faults: number }> = {};
let last = { cpu: 0, faults: 0 };
function mark(step: string): void {
	const usage = process.cpuUsage();
	const now = { cpu: (usage.user + usage.system) / 1000, faults: pageFaults() };
	steps[step] = {
		cpu: Math.round((now.cpu - last.cpu) * 10) / 10,
		faults: now.faults - last.faults,
	};
	last = now;
}
mark('process start to probe');

// No top-level await: the launcher runs the bundle as a CommonJS script.
async function main(): Promise<void> {
	const root = path.resolve(process.argv[2] ?? '.');
	const id = process.argv[3] ?? 'northwind-health-cfo';
	/** `--js`: the engine's JavaScript DEFLATE, as the browser builder uses (default: node:zlib, as the CLI). */
	const native = !process.argv.includes('--js');

	const [{ loadBriefingLibrary }, { deckInputs }] = await Promise.all([
		import('../src/library/load.ts'),
		import('../src/integrations/decks.ts'),
	]);
	mark('load content code');
	const library = await loadBriefingLibrary({ root, ids: [id] });
	const input = (await deckInputs(library, [id], '0')).get(id)!;
	mark('content');
	const [{ auditDeck, auditReader }, { planDeck }, { writePptxParts }] = await Promise.all([
		import('../src/deck/audit/index.ts'),
		import('../src/deck/plan/index.ts'),
		import('../src/deck/pptx/index.ts'),
	]);
	mark('load engine code');
	const plan = planDeck(input);
	mark('plan');
	const { bytes, parts } = await writePptxParts(plan, {
		reader: auditReader,
		...(native
			? { deflate: (await import('../src/integrations/native-deflate.ts')).nativeDeflate }
			: {}),
	});
	mark('pptx');
	const findings = auditDeck(parts);
	mark('audit');
	const file = path.join(tmpdir(), `cold-deck-${process.pid}.pptx`);
	writeFileSync(file, bytes);
	mark('write');
	rmSync(file);
	const total = Object.values(steps).reduce(
		(sum, step) => ({ cpu: sum.cpu + step.cpu, faults: sum.faults + step.faults }),
		{ cpu: 0, faults: 0 },
	);
	console.log(JSON.stringify({ id, bytes: bytes.length, findings: findings.length, steps, total }));
}

void main();
