/**
 * `npm run check`: every content rule, as `file: field: message` lines. Exit 0 when clean, 1 on errors.
 */
import { errorsOf, loadLibrary } from '../src/library/load.ts';
import { formatIssue } from '../src/library/issues.ts';

const library = await loadLibrary();
for (const issue of library.issues) console.log(formatIssue(issue));
const errors = errorsOf(library);
console.log(
	`${library.insights.length} insights, ${library.briefings.length} briefings: ${errors.length} error${errors.length === 1 ? '' : 's'}`,
);
process.exitCode = errors.length ? 1 : 0;
