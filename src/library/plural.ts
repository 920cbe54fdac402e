/** A count with its noun, e.g. `plural(1, 'deck')` is "1 deck", `plural(3, 'industry', 'industries')` "3 industries". */
export function plural(count: number | bigint, word: string, many = `${word}s`): string {
	return `${count} ${count === 1 || count === 1n ? word : many}`;
}
