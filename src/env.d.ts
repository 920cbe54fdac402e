/** Defined by the `insightLibrary` integration: true only in `astro dev` (drafts show, search explains it needs a build). */
declare const __DEV_SERVER__: boolean;

declare namespace App {
	interface Locals {
		/** The sources of the insight page being rendered: what `<Quote source={n}>` and `<KeyFigure>` cite. */
		insightSources?: import('./schema/source.ts').InsightSource[];
	}
}

/** A module worker's script URL, its script built as a chunk of the page's bundle (src/integrations/worker-chunks.ts). */
declare module '*?worker-chunk' {
	const url: string;
	export default url;
}
