/** Defined by the `insightLibrary` integration: true only in `astro dev` (drafts show, search explains it needs a build). */
declare const __DEV_SERVER__: boolean;

declare namespace App {
	interface Locals {
		/** The sources of the insight page being rendered: what `<Quote source={n}>` and `<KeyFigure>` cite. */
		insightSources?: import('./schema/source.ts').InsightSource[];
	}
}
