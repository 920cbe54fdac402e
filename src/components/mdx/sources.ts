/**
 * How the kit's components find the insight's sources: the insight page puts them in
 * `Astro.locals` before rendering the body, because MDX passes components their own attributes
 * only. A `source={n}` outside an insight page (or out of range) renders without attribution.
 */
import type { InsightSource } from '../../schema/source.ts';

/** The sources of the insight being rendered, set by the insight page. */
export function sourceAt(locals: App.Locals, index: number | undefined): InsightSource | undefined {
	return index === undefined ? undefined : locals.insightSources?.[index];
}
