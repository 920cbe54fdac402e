/**
 * LibreOffice opens every example deck and the max-length fixtures: each is converted to PDF and
 * the PDF must have one page per slide (LibreOffice exits 0 even when it cannot load a file, so the
 * page count is the real check). Skipped with a notice when LibreOffice is missing; under CI
 * (env CI set) a missing LibreOffice fails instead.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeckWithPlan } from '../../src/deck/index.ts';
import { briefingIds, deckInputs } from '../../src/integrations/decks.ts';
import { loadLibrary } from '../../src/library/load.ts';
import { maxInput, sampleInput } from '../fixtures/decks/inputs.ts';
import { convertToPdf } from './libreoffice.ts';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');

function has(command: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

const available = has('soffice') && has('pdfinfo');
const required = Boolean(process.env.CI);

if (!available && !required) {
	console.warn(
		'\n[deck-render] SKIPPED: LibreOffice (soffice) or pdfinfo is missing; install libreoffice-impress and poppler-utils (.ci/install-system-deps.sh) to render decks.\n',
	);
}

describe('LibreOffice', () => {
	it.runIf(!available && required)('is installed (required when CI is set)', () => {
		expect.fail('soffice and pdfinfo are required under CI: run .ci/install-system-deps.sh');
	});

	describe.runIf(available)('renders every deck with one page per slide', () => {
		let dir: string;
		const decks: Array<{ name: string; file: string; slides: number }> = [];

		beforeAll(async () => {
			dir = await mkdtemp(path.join(tmpdir(), 'deck-render-'));
			const library = await loadLibrary({ root: repo });
			const ids = briefingIds(library).filter((id) =>
				library.briefings.some((entry) => entry.id === id),
			);
			const inputs = await deckInputs(library, ids, undefined);
			const all = [
				...inputs,
				['max-length-fixture', maxInput()] as const,
				['max-length-wide-fixture', maxInput({ wide: true })] as const,
				[
					'escaping-fixture',
					sampleInput({ company: `Smith & <Sons> "Quoted" 'Ltd'`, presenterCompany: 'A&B <C>' }),
				] as const,
			];
			for (const [name, input] of all) {
				const { bytes, plan } = await buildDeckWithPlan(input);
				const file = path.join(dir, `${name}.pptx`);
				await writeFile(file, bytes);
				decks.push({ name, file, slides: plan.slides.length });
			}
			await convertToPdf(
				decks.map((deck) => deck.file),
				path.join(dir, 'pdf'),
				dir,
				600_000,
			);
		}, 900_000);

		afterAll(async () => {
			if (dir) await rm(dir, { recursive: true, force: true });
		});

		it('has example decks to render', () => {
			expect(decks.length).toBeGreaterThanOrEqual(2);
		});

		it('opens each deck and renders all its slides', async () => {
			const pdfs = await readdir(path.join(dir, 'pdf')).catch(() => [] as string[]);
			for (const deck of decks) {
				const pdf = `${deck.name}.pdf`;
				expect(pdfs, `LibreOffice could not open ${deck.name}.pptx`).toContain(pdf);
				const { stdout } = await run('pdfinfo', [path.join(dir, 'pdf', pdf)]);
				const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]);
				expect(pages, deck.name).toBe(deck.slides);
			}
		});
	});
});
