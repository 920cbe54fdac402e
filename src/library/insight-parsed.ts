/**
 * One insight file's text parsed into what the loaders merge, in a module of its own: it loads the
 * parsers and schemas, which `insight-file.ts` loads only when a text must be parsed (a batch's
 * threads parse here).
 */
import type { ContentIssue } from './issues.ts';
import type { InsightFileRead, ReadInsightOptions } from './insight-file.ts';
import { parseInsight, splitFrontmatter } from './parse.ts';
import { parseYaml } from './parse-yaml.ts';

/** One insight file's text parsed: what `readInsightFile` (insight-file.ts) gives once the file is read. */
export function parsedInsightFile(
	file: string,
	source: string,
	options: ReadInsightOptions,
): InsightFileRead {
	const issues: ContentIssue[] = [];
	const result = parseInsight(file, source, options);
	issues.push(...result.issues);
	if (result.entry) {
		return {
			file,
			issues,
			entry: result.entry,
			...(result.bodyIssues ? { bodyIssues: result.bodyIssues } : {}),
		};
	}
	const parts = splitFrontmatter(source);
	const raw = parts && parseYaml(file, parts.frontmatter);
	return raw && !raw.issues.length
		? { file, issues, invalid: { raw: raw.data, reported: result.issues } }
		: { file, issues };
}
