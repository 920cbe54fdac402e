/**
 * `node bench/preview.ts DIST [BRIEFING] [--runs N]`: the builder preview rows of `npm run bench`
 * alone, on a site built before (`npm run build -- --outDir DIST`), so a change to the preview
 * pipeline can be measured in a minute rather than a whole bench. BRIEFING is a briefing id of
 * that site (default: the first example the builder offers). Prints each run's long tasks on a
 * desktop and on a phone (see `preview-typing.ts`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../tests/browser/chromium.ts';
import { serveStatic } from '../tests/browser/server.ts';
import { budgets } from './report.ts';
import { measureTyping, type TypingResult } from './preview-typing.ts';

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: { runs: { type: 'string', default: '3' } },
});
const [dist, chosen] = positionals;
if (!dist) {
	console.error('Usage: node bench/preview.ts DIST [BRIEFING] [--runs N]');
	process.exit(2);
}
const examples = JSON.parse(
	await readFile(path.join(dist, 'builder', 'briefings.json'), 'utf8'),
) as Array<{ id: string }>;
const briefing = chosen ?? examples[0]?.id;
if (!briefing) {
	console.error(`${dist}: no example briefing in builder/briefings.json; name one`);
	process.exit(2);
}

const line = (label: string, result: TypingResult, budget: number) =>
	`${label}: longest task ${result.longestMs} ms (budget ${budget} ms), ${result.longTasks} over 50 ms, ` +
	`${result.keystrokes} keys, ${result.insights} insights, ${result.previewStates} preview states, ` +
	`final name shown: ${result.previewed}`;

const { server, url } = await serveStatic(path.resolve(dist));
const browser = await launchChromium();
try {
	const link = `${url}/builder/?briefing=${encodeURIComponent(briefing)}`;
	for (let run = 1; run <= Number(values.runs); run++) {
		console.log(line(`run ${run} desktop`, await measureTyping(browser, link), budgets.longTaskMs));
		console.log(
			line(
				`run ${run} phone  `,
				await measureTyping(browser, link, { phone: true }),
				budgets.phoneLongTaskMs,
			),
		);
	}
} finally {
	await browser.close();
	server.close();
}
