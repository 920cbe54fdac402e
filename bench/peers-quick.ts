/**
 * The deck rows' side-by-side loop alone (`bench/peers.ts`), for iterating on the engine: the
 * bench's 100-insight corpus and Midnightblue template, without the rest of `npm run bench --
 * --decks`. The bench row stays the judge; this prints the same medians and ratios sooner.
 *
 *   node bench/peers-quick.ts [rounds]
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadPdfFonts } from '../src/integrations/pdf-fonts.ts';
import { templateFixtures } from '../tests/fixtures/templates.ts';
import { generateCorpus, writeCorpus } from './corpus.ts';
import { decksOfSlides } from './decks.ts';
import { deckPeers } from './peers.ts';
import { copySite } from './project.ts';

const repo = path.resolve(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 30);
const work = await mkdtemp(path.join(os.tmpdir(), 'insight-peers-'));
try {
	const site = path.join(work, 'site');
	await copySite(repo, site);
	await writeCorpus(site, generateCorpus({ insights: 100, briefings: 5 }));
	const inputs = await decksOfSlides(site);
	const fixture = (await templateFixtures())?.find((item) => item.name === 'Midnightblue');
	if (!fixture) throw new Error('LibreOffice or its Impress templates are not installed');
	const template = { name: 'Midnightblue', bytes: await readFile(fixture.potx) };
	const load = os.loadavg()[0]!.toFixed(2);
	const peers = await deckPeers(inputs, await loadPdfFonts(repo), rounds, template);
	const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
	console.log(
		`load ${load} -> ${os.loadavg()[0]!.toFixed(2)}; ${rounds} rounds: deck ${peers.deckMs.toFixed(1)} ms, ` +
			`pptxgenjs ${peers.pptxgenjsMs.toFixed(1)} ms (${ratio(peers.deckMs, peers.pptxgenjsMs)}), ` +
			`PDF ${peers.pdfMs.toFixed(1)} ms, template ${peers.templateMs!.toFixed(1)} ms ` +
			`(${ratio(peers.templateMs!, peers.deckMs)})`,
	);
} finally {
	await rm(work, { recursive: true, force: true });
}
