/**
 * Element spans in a part's XML found by plain string search, without regular expressions or a
 * parse: the writer's repairs run over every slide of every deck, and these scans are their
 * cheapest form.
 */

const slash = 0x2f;
const questionMark = 0x3f;
const exclamationMark = 0x21;

/** `[start, end)` of each direct child element of the element whose content spans `[from, to)`. */
export function childSpans(xml: string, from: number, to: number): Array<[number, number]> {
	const spans: Array<[number, number]> = [];
	let depth = 0;
	let start = -1;
	let i = from;
	while (i < to) {
		const lt = xml.indexOf('<', i);
		if (lt < 0 || lt >= to) break;
		const gt = xml.indexOf('>', lt);
		if (gt < 0) break;
		// The tag's kind from its characters, without slicing it out (this runs for every tag).
		const second = xml.charCodeAt(lt + 1);
		if (second === questionMark || second === exclamationMark) {
			i = gt + 1;
			continue;
		}
		if (second === slash) {
			depth--;
			if (depth === 0) spans.push([start, gt + 1]);
		} else {
			if (depth === 0) start = lt;
			if (gt > lt + 1 && xml.charCodeAt(gt - 1) === slash) {
				if (depth === 0) spans.push([start, gt + 1]);
			} else depth++;
		}
		i = gt + 1;
	}
	return spans;
}

/**
 * `xml` with each span from `open` to the first `close` after it replaced by `fix(span, inner)`,
 * as a global replace of `open((?:(?!close)[\s\S])*)close` would (without its per-character
 * look-ahead, which made it the slowest repair).
 */
export function replaceElements(
	xml: string,
	open: string,
	close: string,
	fix: (whole: string, inner: string) => string,
): string {
	// Only spans `fix` changed are copied: a part it leaves alone is returned as it came, not
	// rebuilt from pieces (most slides' shapes and paragraphs need nothing).
	let out = '';
	let at = 0;
	let start = xml.indexOf(open);
	while (start >= 0) {
		const end = xml.indexOf(close, start + open.length);
		if (end < 0) break;
		const stop = end + close.length;
		const whole = xml.slice(start, stop);
		const fixed = fix(whole, xml.slice(start + open.length, end));
		if (fixed !== whole) {
			out += xml.slice(at, start) + fixed;
			at = stop;
		}
		start = xml.indexOf(open, stop);
	}
	return at === 0 ? xml : out + xml.slice(at);
}
