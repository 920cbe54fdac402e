/**
 * A fast raw DEFLATE (RFC 1951) for the parts of a deck: greedy LZ77 matching over a short hash
 * chain, cut short by a long enough match, then one dynamic Huffman block per 16,384 symbols. Its
 * tables live for the whole process, so a small part costs only its own bytes (fflate allocates
 * about 170 KB per call, most of the cost of the small parts a deck is made of). XML compresses a
 * few per cent less than at fflate's level 6, more than twice as fast. Pure JavaScript: the same
 * bytes in Node and in the browser.
 */

const WINDOW = 32768;
const HASH_BITS = 15;
/** Candidates tried per position: enough for XML's repeated tags, short enough to stay fast. */
const CHAIN = 8;
const MIN_MATCH = 4;
const MAX_MATCH = 258;
/**
 * A match this long ends the search along the chain: a longer one would save a few bits, and
 * XML's long repeats (tags, attribute runs) would otherwise walk every candidate.
 */
const NICE_MATCH = 32;
/**
 * Positions inside a match longer than this are not hashed (only its last one is), as zlib's
 * fast levels do: a long repeat's inner positions rarely start a better match. With
 * {@link NICE_MATCH}, a deck's DEFLATE takes about a fifth less time for 1% more bytes.
 */
const MAX_INSERT = 16;
/** Symbols per block (each carries its own Huffman tables). */
const BLOCK_SYMBOLS = 16384;

/** Length codes 257..285: base lengths and extra bits. */
const LENGTH_BASE = new Uint16Array([
	3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
	163, 195, 227, 258,
]);
const LENGTH_EXTRA = new Uint8Array([
	0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
]);
/** Distance codes 0..29: base distances and extra bits. */
const DIST_BASE = new Uint16Array([
	1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
	3073, 4097, 6145, 8193, 12289, 16385, 24577,
]);
const DIST_EXTRA = new Uint8Array([
	0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
]);
/** Order in which code-length code lengths are written. */
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Length (3..258) -> length code index (0..28). */
const lengthCode = new Uint8Array(259);
for (let code = 0; code < 29; code++) {
	const end = code === 28 ? 259 : LENGTH_BASE[code + 1]!;
	for (let len = LENGTH_BASE[code]!; len < end; len++) lengthCode[len] = code;
}
lengthCode[258] = 28;
/** Distance code for distances 1..256 directly, and for larger ones by (distance - 1) >> 7. */
const distLow = new Uint8Array(257);
const distHigh = new Uint8Array(256);
for (let code = 0; code < 30; code++) {
	const start = DIST_BASE[code]!;
	const end = code === 29 ? 32769 : DIST_BASE[code + 1]!;
	for (let d = start; d < end; d++) {
		if (d <= 256) distLow[d] = code;
		else distHigh[(d - 1) >> 7] = code;
	}
}
const distCode = (d: number) => (d <= 256 ? distLow[d]! : distHigh[(d - 1) >> 7]!);

// Process-wide working tables. Positions are stored plus `base`, so the tables need no clearing
// between calls: an entry below the current call's base belongs to an earlier input.
const head = new Int32Array(1 << HASH_BITS);
const prev = new Int32Array(WINDOW);
let base = 1;
/** Symbols of the current block: a literal byte, or (length << 16 | distance) with length >= 3. */
const symbols = new Uint32Array(BLOCK_SYMBOLS);
const litFreq = new Uint16Array(286);
const distFreq = new Uint16Array(30);

/** Bit writer over a growing byte buffer (LSB first, as DEFLATE packs bits). */
class Bits {
	out: Uint8Array;
	pos = 0;
	acc = 0;
	count = 0;
	constructor(size: number) {
		this.out = new Uint8Array(size);
	}
	write(value: number, bits: number): void {
		this.acc |= value << this.count;
		this.count += bits;
		while (this.count >= 8) {
			if (this.pos === this.out.length) this.grow();
			this.out[this.pos++] = this.acc & 255;
			this.acc >>>= 8;
			this.count -= 8;
		}
	}
	grow(): void {
		const bigger = new Uint8Array(this.out.length * 2 + 64);
		bigger.set(this.out);
		this.out = bigger;
	}
	/** Makes room for `bytes` more bytes, so a caller may write them without checking. */
	reserve(bytes: number): void {
		while (this.out.length - this.pos < bytes) this.grow();
	}
	finish(): Uint8Array {
		if (this.count > 0) this.write(0, 8 - this.count);
		return this.out.subarray(0, this.pos);
	}
}

/** Working arrays of {@link codeLengths}: at most 286 symbols and 285 joined nodes. */
const hKeys = new Int32Array(286);
const hWeight = new Int32Array(572);
const hParent = new Int32Array(572);
const hDepth = new Uint8Array(572);
const hFreq = new Int32Array(286);

/**
 * Huffman code lengths for `freq` (entries 0..n-1), none longer than `limit`: a standard Huffman
 * tree built by joining the two lightest nodes (leaves sorted by weight, joined nodes queued in
 * the order they are made); when too deep, the frequencies are flattened and the tree rebuilt.
 * Unused symbols get 0; a single used symbol gets length 1.
 */
function codeLengths(freq: ArrayLike<number>, n: number, limit: number): Uint8Array {
	const lengths = new Uint8Array(n);
	for (let i = 0; i < n; i++) hFreq[i] = freq[i]!;
	for (;;) {
		let m = 0;
		// Sort keys: weight, then symbol (weights stay under 2^22, symbols under 512).
		for (let i = 0; i < n; i++) if (hFreq[i]! > 0) hKeys[m++] = hFreq[i]! * 512 + i;
		if (m === 0) return lengths;
		if (m === 1) {
			lengths[hKeys[0]! & 511] = 1;
			return lengths;
		}
		const leaves = hKeys.subarray(0, m).sort();
		// Nodes 0..m-1 are the sorted leaves, m.. the joined ones.
		for (let k = 0; k < m; k++) hWeight[k] = leaves[k]! >> 9;
		let li = 0;
		let ni = m;
		let next = m;
		for (let joins = m - 1; joins > 0; joins--) {
			let a: number;
			let b: number;
			if (li < m && (ni >= next || hWeight[li]! <= hWeight[ni]!)) a = li++;
			else a = ni++;
			if (li < m && (ni >= next || hWeight[li]! <= hWeight[ni]!)) b = li++;
			else b = ni++;
			hWeight[next] = hWeight[a]! + hWeight[b]!;
			hParent[a] = next;
			hParent[b] = next;
			next++;
		}
		// Depths from the root down: a node is always made after its children.
		const root = next - 1;
		hDepth[root] = 0;
		let deepest = 0;
		for (let node = root - 1; node >= 0; node--) {
			const depth = hDepth[hParent[node]!]! + 1;
			hDepth[node] = depth;
			if (node < m) {
				lengths[leaves[node]! & 511] = depth;
				if (depth > deepest) deepest = depth;
			}
		}
		if (deepest <= limit) return lengths;
		for (let i = 0; i < n; i++) if (hFreq[i]! > 0) hFreq[i] = (hFreq[i]! >> 1) | 1;
	}
}

/** Canonical codes for `lengths`, bit-reversed for LSB-first writing. */
function canonicalCodes(lengths: Uint8Array): Uint16Array {
	const count = new Uint16Array(16);
	for (const len of lengths) if (len) count[len]!++;
	const nextCode = new Uint16Array(16);
	let code = 0;
	for (let bits = 1; bits < 16; bits++) {
		code = (code + count[bits - 1]!) << 1;
		nextCode[bits] = code;
	}
	nextCode[1] = 0;
	code = 0;
	for (let bits = 1; bits < 16; bits++) {
		nextCode[bits] = code;
		code = (code + count[bits]!) << 1;
	}
	const codes = new Uint16Array(lengths.length);
	for (let i = 0; i < lengths.length; i++) {
		const len = lengths[i]!;
		if (!len) continue;
		let c = nextCode[len]!++;
		let reversed = 0;
		for (let b = 0; b < len; b++) {
			reversed = (reversed << 1) | (c & 1);
			c >>= 1;
		}
		codes[i] = reversed;
	}
	return codes;
}

/** Writes one block of `count` symbols with dynamic Huffman codes. */
function writeBlock(bits: Bits, count: number, last: boolean): void {
	litFreq[256] = 1;
	const litLengths = codeLengths(litFreq, 286, 15);
	const distLengths = codeLengths(distFreq, 30, 15);
	// At least one distance code must be described, even when no match was found.
	if (!distLengths.some((len) => len > 0)) distLengths[0] = 1;
	let hlit = 286;
	while (hlit > 257 && litLengths[hlit - 1] === 0) hlit--;
	let hdist = 30;
	while (hdist > 1 && distLengths[hdist - 1] === 0) hdist--;
	// The code lengths of both alphabets, run-length encoded (16: repeat previous, 17/18: zeros).
	const all = new Uint8Array(hlit + hdist);
	all.set(litLengths.subarray(0, hlit));
	all.set(distLengths.subarray(0, hdist), hlit);
	const runs: number[] = [];
	const clFreq = new Uint16Array(19);
	for (let i = 0; i < all.length;) {
		const len = all[i]!;
		let run = 1;
		while (i + run < all.length && all[i + run] === len) run++;
		i += run;
		if (len === 0) {
			while (run >= 11) {
				const r = Math.min(run, 138);
				runs.push(18, r - 11);
				clFreq[18]!++;
				run -= r;
			}
			if (run >= 3) {
				runs.push(17, run - 3);
				clFreq[17]!++;
				run = 0;
			}
		} else {
			runs.push(len, -1);
			clFreq[len]!++;
			run--;
			while (run >= 3) {
				const r = Math.min(run, 6);
				runs.push(16, r - 3);
				clFreq[16]!++;
				run -= r;
			}
		}
		for (; run > 0; run--) {
			runs.push(len, -1);
			clFreq[len]!++;
		}
	}
	const clLengths = codeLengths(clFreq, 19, 7);
	const clCodes = canonicalCodes(clLengths);
	let hclen = 19;
	while (hclen > 4 && clLengths[CL_ORDER[hclen - 1]!] === 0) hclen--;

	bits.write(last ? 1 : 0, 1);
	bits.write(2, 2);
	bits.write(hlit - 257, 5);
	bits.write(hdist - 1, 5);
	bits.write(hclen - 4, 4);
	for (let i = 0; i < hclen; i++) bits.write(clLengths[CL_ORDER[i]!]!, 3);
	for (let i = 0; i < runs.length; i += 2) {
		const sym = runs[i]!;
		bits.write(clCodes[sym]!, clLengths[sym]!);
		const extra = runs[i + 1]!;
		if (sym === 16) bits.write(extra, 2);
		else if (sym === 17) bits.write(extra, 3);
		else if (sym === 18) bits.write(extra, 7);
	}

	const litCodes = canonicalCodes(litLengths);
	const distCodes = canonicalCodes(distLengths);
	// The symbols, most of a part's time here: the bit buffer in locals, two bytes out at a time,
	// and room made first (a symbol takes at most 48 bits: code, extra bits, distance, extra bits).
	// The two-byte flush is written out where it is needed: a helper closing over these locals
	// would keep them in memory instead of registers.
	bits.reserve(count * 6 + 8);
	const out = bits.out;
	let pos = bits.pos;
	let acc = bits.acc;
	let held = bits.count;
	for (let i = 0; i < count; i++) {
		const sym = symbols[i]!;
		// Each step adds at most 15 bits to fewer than 16 held, so `acc` stays within 31 bits.
		if (sym < 256) {
			acc |= litCodes[sym]! << held;
			held += litLengths[sym]!;
		} else {
			const len = sym >>> 16;
			const dist = sym & 0xffff;
			const lc = lengthCode[len]!;
			acc |= litCodes[257 + lc]! << held;
			held += litLengths[257 + lc]!;
			if (held >= 16) {
				out[pos++] = acc & 255;
				out[pos++] = (acc >>> 8) & 255;
				acc >>>= 16;
				held -= 16;
			}
			const lengthExtra = LENGTH_EXTRA[lc]!;
			if (lengthExtra) {
				acc |= (len - LENGTH_BASE[lc]!) << held;
				held += lengthExtra;
				if (held >= 16) {
					out[pos++] = acc & 255;
					out[pos++] = (acc >>> 8) & 255;
					acc >>>= 16;
					held -= 16;
				}
			}
			const dc = distCode(dist);
			acc |= distCodes[dc]! << held;
			held += distLengths[dc]!;
			const distExtra = DIST_EXTRA[dc]!;
			if (distExtra) {
				if (held >= 16) {
					out[pos++] = acc & 255;
					out[pos++] = (acc >>> 8) & 255;
					acc >>>= 16;
					held -= 16;
				}
				acc |= (dist - DIST_BASE[dc]!) << held;
				held += distExtra;
			}
		}
		if (held >= 16) {
			out[pos++] = acc & 255;
			out[pos++] = (acc >>> 8) & 255;
			acc >>>= 16;
			held -= 16;
		}
	}
	// Back to the writer's own state: fewer than 8 bits held.
	if (held >= 8) {
		out[pos++] = acc & 255;
		acc >>>= 8;
		held -= 8;
	}
	bits.pos = pos;
	bits.acc = acc;
	bits.count = held;
	bits.write(litCodes[256]!, litLengths[256]!);
}

/** `data` as a raw DEFLATE stream. */
export function fastDeflate(data: Uint8Array): Uint8Array {
	const n = data.length;
	// Keep stored positions (position + base) within Int32 range.
	if (base + n + WINDOW > 0x7fffffff) {
		head.fill(0);
		prev.fill(0);
		base = 1;
	}
	const bits = new Bits((n >> 2) + 64);
	let count = 0;
	litFreq.fill(0);
	distFreq.fill(0);
	const flush = (last: boolean) => {
		writeBlock(bits, count, last);
		count = 0;
		litFreq.fill(0);
		distFreq.fill(0);
	};
	const hash = (i: number) =>
		(Math.imul(
			data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24),
			0x9e3779b1,
		) >>>
			(32 - HASH_BITS)) |
		0;
	const insert = (i: number) => {
		const h = hash(i);
		prev[i & (WINDOW - 1)] = head[h]!;
		head[h] = i + base;
	};
	let i = 0;
	while (i < n) {
		let bestLen = 0;
		let bestDist = 0;
		if (i + MIN_MATCH <= n) {
			const h = hash(i);
			let candidate = head[h]! - base;
			prev[i & (WINDOW - 1)] = head[h]!;
			head[h] = i + base;
			const maxLen = Math.min(MAX_MATCH, n - i);
			for (let tries = CHAIN; tries > 0 && candidate >= 0 && i - candidate <= WINDOW; tries--) {
				if (data[candidate + bestLen] === data[i + bestLen]) {
					let len = 0;
					while (len < maxLen && data[candidate + len] === data[i + len]) len++;
					if (len > bestLen) {
						bestLen = len;
						bestDist = i - candidate;
						if (len >= NICE_MATCH || len === maxLen) break;
					}
				}
				const next = prev[candidate & (WINDOW - 1)]! - base;
				if (next >= candidate) break;
				candidate = next;
			}
		}
		if (bestLen >= MIN_MATCH) {
			symbols[count++] = (bestLen << 16) | bestDist;
			litFreq[257 + lengthCode[bestLen]!]!++;
			distFreq[distCode(bestDist)]!++;
			const end = i + bestLen;
			if (bestLen <= MAX_INSERT) {
				for (i++; i < end; i++) if (i + MIN_MATCH <= n) insert(i);
			} else {
				i = end;
				if (i - 1 + MIN_MATCH <= n) insert(i - 1);
			}
		} else {
			symbols[count++] = data[i]!;
			litFreq[data[i]!]!++;
			i++;
		}
		if (count === BLOCK_SYMBOLS) flush(false);
	}
	flush(true);
	base += n + WINDOW;
	return bits.finish();
}
