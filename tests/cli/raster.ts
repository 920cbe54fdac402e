/**
 * Just enough image reading for the preview-match test: Chromium's PNG screenshots and poppler's
 * PPM pages as RGB pixels, and the box of the ink inside a region of one.
 */
import { inflateSync } from 'node:zlib';

/** An RGB image, 3 bytes a pixel, rows top to bottom. */
export interface Rgb {
	w: number;
	h: number;
	px: Uint8Array;
}

/** A binary PPM (P6, 8 bits a channel), as `pdftoppm` writes it. */
export function readPpm(bytes: Uint8Array): Rgb {
	const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(
		Buffer.from(bytes.subarray(0, 40)).toString('latin1'),
	);
	if (!head) throw new Error('not an 8-bit binary PPM');
	const [w, h] = [Number(head[1]), Number(head[2])];
	return { w, h, px: bytes.slice(head[0].length, head[0].length + w * h * 3) };
}

/** A non-interlaced 8-bit RGB or RGBA PNG (what Chromium's screenshots are), as RGB. */
export function readPng(bytes: Uint8Array): Rgb {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	let offset = 8;
	let w = 0;
	let h = 0;
	let channels = 0;
	const data: Uint8Array[] = [];
	while (offset < bytes.length) {
		const length = view.getUint32(offset);
		const type = Buffer.from(bytes.subarray(offset + 4, offset + 8)).toString('latin1');
		const body = bytes.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			w = view.getUint32(offset + 8);
			h = view.getUint32(offset + 12);
			const [depth, colour, , , interlace] = body.subarray(8, 13);
			if (depth !== 8 || interlace !== 0 || (colour !== 2 && colour !== 6))
				throw new Error('only 8-bit, non-interlaced RGB(A) PNGs are read');
			channels = colour === 2 ? 3 : 4;
		} else if (type === 'IDAT') data.push(body);
		offset += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(data));
	const stride = w * channels;
	const rows = new Uint8Array(h * stride);
	for (let y = 0; y < h; y++) {
		const filter = raw[y * (stride + 1)]!;
		const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
		const out = rows.subarray(y * stride, (y + 1) * stride);
		const up = y ? rows.subarray((y - 1) * stride, y * stride) : new Uint8Array(stride);
		for (let i = 0; i < stride; i++) {
			const a = i >= channels ? out[i - channels]! : 0;
			const b = up[i]!;
			const c = i >= channels ? up[i - channels]! : 0;
			let predictor = 0;
			if (filter === 1) predictor = a;
			else if (filter === 2) predictor = b;
			else if (filter === 3) predictor = (a + b) >> 1;
			else if (filter === 4) {
				const p = a + b - c;
				const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
				predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
			}
			out[i] = (line[i]! + predictor) & 0xff;
		}
	}
	const px = new Uint8Array(w * h * 3);
	for (let i = 0; i < w * h; i++) px.set(rows.subarray(i * channels, i * channels + 3), i * 3);
	return { w, h, px };
}

/** Rows `top` to `top + h - 1` of an image, as an image of their own. */
export function crop(image: Rgb, top: number, h: number): Rgb {
	return { w: image.w, h, px: image.px.slice(top * image.w * 3, (top + h) * image.w * 3) };
}

/** A box of pixels, edges included. */
export interface InkBox {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/**
 * The box of the ink inside a region (pixel edges included): pixels whose colour is at least
 * `contrast` away (in its most different channel) from the region's most common colour, its
 * background. Undefined when there is none.
 */
export function ink(
	image: Rgb,
	region: { left: number; top: number; right: number; bottom: number },
	contrast = 80,
): InkBox | undefined {
	const x0 = Math.max(0, Math.round(region.left));
	const x1 = Math.min(image.w - 1, Math.round(region.right));
	const y0 = Math.max(0, Math.round(region.top));
	const y1 = Math.min(image.h - 1, Math.round(region.bottom));
	const at = (x: number, y: number) => (y * image.w + x) * 3;
	const counts = new Map<number, number>();
	for (let y = y0; y <= y1; y++)
		for (let x = x0; x <= x1; x++) {
			const i = at(x, y);
			const key = (image.px[i]! << 16) | (image.px[i + 1]! << 8) | image.px[i + 2]!;
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
	if (!counts.size) return undefined;
	const background = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
	const bg = [background >> 16, (background >> 8) & 0xff, background & 0xff];
	let box: InkBox | undefined;
	for (let y = y0; y <= y1; y++)
		for (let x = x0; x <= x1; x++) {
			const i = at(x, y);
			const distance = Math.max(
				Math.abs(image.px[i]! - bg[0]!),
				Math.abs(image.px[i + 1]! - bg[1]!),
				Math.abs(image.px[i + 2]! - bg[2]!),
			);
			if (distance < contrast) continue;
			if (!box) box = { left: x, right: x, top: y, bottom: y };
			else {
				box.left = Math.min(box.left, x);
				box.right = Math.max(box.right, x);
				box.top = Math.min(box.top, y);
				box.bottom = Math.max(box.bottom, y);
			}
		}
	return box;
}
