/** Defined by the `insightLibrary` integration: true only in `astro dev` (drafts show, search explains it needs a build). */
declare const __DEV_SERVER__: boolean;
