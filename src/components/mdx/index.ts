/**
 * The component kit for insight bodies, by the names authors write (see `src/library/mdx-kit.ts`
 * for what each takes). Passed to every insight's `<Content components={...} />`, so a body
 * needs no import.
 */
import type { KitName } from '../../library/mdx-kit.ts';
import Callout from './Callout.astro';
import KeyFigure from './KeyFigure.astro';
import Quote from './Quote.astro';

export const mdxComponents = { Callout, Quote, KeyFigure } satisfies Record<KitName, unknown>;
