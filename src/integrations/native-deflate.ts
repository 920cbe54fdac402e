/**
 * The .pptx compressor of decks built in Node (`npm run decks`, the batch's threads, the site
 * build): `node:zlib`'s raw DEFLATE, native code, at zlib's default level. The engine's own
 * JavaScript DEFLATE runs interpreted in a fresh process or thread before V8 optimises it (about
 * a quarter of a cold deck's time); zlib costs the same cold as warm. Its bytes differ from the
 * browser builder's (which keeps the JavaScript one) but the parts are the same, and the same
 * input still gives the same bytes.
 */
import { deflateRawSync } from 'node:zlib';
import type { RawDeflate } from '../deck/index.ts';

/** One function object for every deck, so the engine's cache of constant parts finds them. */
export const nativeDeflate: RawDeflate = (data) => deflateRawSync(data);
