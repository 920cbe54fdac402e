/**
 * Imported first by every CLI in scripts/: stops with one clear line when the script runs on a Node
 * older than the one `npm run` provides (Node 24, the `node` devDependency in node_modules/.bin).
 * Node 20 cannot load a `.ts` file at all and stops before this runs ("Unknown file extension
 * .ts"); this catches the Node versions that can strip types but are not the project's runtime.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The Node major version the scripts are written for and tested on. */
export const requiredNodeMajor = 24;

/** The `npm run` script that runs `file` (a path under scripts/), from package.json. */
export function npmScriptFor(root: string, file: string): string | undefined {
	try {
		const { scripts = {} } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
			scripts?: Record<string, string>;
		};
		const relative = path.relative(root, file).split(path.sep).join('/');
		return Object.keys(scripts).find((name) => scripts[name]!.split(/\s+/).includes(relative));
	} catch {
		return undefined;
	}
}

/** The message for running on `version`, or undefined when that Node will do. */
export function runtimeProblem(
	version: string,
	typescript: unknown,
	script: string | undefined,
): string | undefined {
	const major = Number(version.split('.')[0]);
	if (major >= requiredNodeMajor && typescript !== false) return undefined;
	const command = script ? `npm run ${script}` : 'npm run';
	return `This script needs Node ${requiredNodeMajor} (this is Node ${version}): run it through ${command}, which uses Node ${requiredNodeMajor} from node_modules.`;
}

const problem = runtimeProblem(
	process.versions.node,
	(process.features as { typescript?: unknown }).typescript,
	process.argv[1] && npmScriptFor(path.resolve(import.meta.dirname, '../..'), process.argv[1]),
);
if (problem) {
	console.error(problem);
	process.exit(2);
}
