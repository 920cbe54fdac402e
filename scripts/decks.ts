/**
 * `npm run decks -- [id ...] [--out DIR] [--jobs N]`: builds briefing decks without building the
 * site. Every chosen briefing (default: all) is checked first; content errors are printed as
 * `file: field: message` lines and nothing is built. Decks go to dist/briefings/<id>.pptx (or
 * DIR), one progress line each, then a summary. Exit code 0 only when every deck was written.
 * Honours SOURCE_DATE_EPOCH (else each briefing's date) for byte-identical output.
 */
import './lib/node-version.ts';
import path from 'node:path';
import { buildDecks } from '../src/integrations/decks.ts';

const usage = `Usage: npm run decks -- [briefing-id ...] [--out DIR] [--jobs N]

Builds the decks of the given briefings (default: all) into dist/briefings/<id>.pptx.
  --out DIR   write the decks to DIR instead of dist/briefings
  --jobs N    build at most N decks at once (default: one per core)`;

function parseArgs(argv: string[]): {
	ids: string[];
	out?: string;
	jobs?: number;
	help: boolean;
	errors: string[];
} {
	const result: { ids: string[]; out?: string; jobs?: number; help: boolean; errors: string[] } = {
		ids: [],
		help: false,
		errors: [],
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		const [flag, inline] = arg.startsWith('--')
			? (arg.split(/=(.*)/s) as [string, string | undefined])
			: [arg, undefined];
		const value = () => inline ?? argv[++i];
		if (flag === '--help' || flag === '-h') result.help = true;
		else if (flag === '--out') {
			const dir = value();
			if (!dir) result.errors.push('--out needs a directory');
			else result.out = dir;
		} else if (flag === '--jobs') {
			const jobs = Number(value());
			if (!Number.isInteger(jobs) || jobs < 1)
				result.errors.push('--jobs needs a whole number of 1 or more');
			else result.jobs = jobs;
		} else if (flag.startsWith('-')) result.errors.push(`unknown option ${flag}`);
		else result.ids.push(arg);
	}
	return result;
}

const args = parseArgs(process.argv.slice(2));
if (args.help) {
	console.log(usage);
} else if (args.errors.length) {
	for (const error of args.errors) console.error(`decks: ${error}`);
	console.error(usage);
	process.exitCode = 2;
} else {
	const root = process.cwd();
	const result = await buildDecks({
		root,
		outDir: path.resolve(root, args.out ?? 'dist/briefings'),
		ids: args.ids,
		jobs: args.jobs,
		log: (line) => console.log(line),
	});
	process.exitCode = result.ok ? 0 : 1;
}
