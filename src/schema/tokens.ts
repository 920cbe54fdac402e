/**
 * Personalisation tokens: `{company}`, `{industry}` and `{audience}` in an insight's text are filled
 * from the briefing's prospect. Any other `{word}` is an error, caught when content is checked.
 */

/** The tokens a briefing can fill. */
export const tokenNames = ['company', 'industry', 'audience'] as const;

export type TokenName = (typeof tokenNames)[number];

/** The values a briefing supplies for each token. */
export type TokenValues = Record<TokenName, string>;

const tokenPattern = /\{([^{}\n]*)\}/g;

/** A token and, when it is one, the possessive that follows it (`{company}'s`). */
const fillPattern = /\{([^{}\n]*)\}(['’]s\b)?/g;

/** Every `{...}` token in `text` that is not a known token name. */
export function unknownTokens(text: string): string[] {
	const unknown: string[] = [];
	for (const match of text.matchAll(tokenPattern)) {
		const name = match[1] ?? '';
		if (!(tokenNames as readonly string[]).includes(name)) unknown.push(match[0]);
	}
	return unknown;
}

/**
 * Text before a sentence: nothing, a line break, or a sentence's end (with a closing quote or
 * bracket) and space; then perhaps an opening quote or bracket.
 */
const sentenceBefore = /(?:^|\n\s*|[.!?]["'”’)]?\s+)["'“‘(]?$/;

/**
 * `text` with every known token replaced by its value. A possessive after a value ending in "s"
 * keeps only its apostrophe, as business style writes it: "Tailspin Toys' lanes", not "Toys's".
 * A value that opens a sentence with a lowercase word ("your company", the library's neutral
 * wording) starts with a capital there; a name written with a capital inside its first word
 * ("eBay") is kept as written.
 */
export function fillTokens(text: string, values: TokenValues): string {
	return text.replace(
		fillPattern,
		(whole, name: string, possessive: string | undefined, at: number) => {
			if (!(tokenNames as readonly string[]).includes(name)) return whole;
			let value = values[name as TokenName];
			if (/^[a-z]+\b/.test(value) && sentenceBefore.test(text.slice(0, at)))
				value = value[0]!.toUpperCase() + value.slice(1);
			if (!possessive) return value;
			return /s$/i.test(value) ? value + possessive[0] : value + possessive;
		},
	);
}

/** Neutral wording for tokens where no prospect is known yet, e.g. on the public library pages. */
export const genericTokenValues: TokenValues = {
	company: 'your company',
	industry: 'your industry',
	audience: 'your leadership team',
};

/** "A", "A and B", "A, B and C". */
export function joinNaturally(items: readonly string[]): string {
	if (items.length <= 1) return items[0] ?? '';
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The audience's roles, each once (ignoring case), joined naturally: "CFO and COO". */
export function audienceRoles(audience: ReadonlyArray<{ role: string }>): string {
	const seen = new Set<string>();
	const roles: string[] = [];
	for (const member of audience) {
		const key = member.role.toLowerCase();
		if (seen.has(key)) continue;
		seen.add(key);
		roles.push(member.role);
	}
	return joinNaturally(roles);
}

/**
 * Token values for a briefing: its company, its industry's display name, its audience's roles.
 * The site's briefing pages, the deck engine and the builder's email all fill tokens with these.
 */
export function briefingTokenValues(
	prospect: { company: string; audience: ReadonlyArray<{ role: string }> },
	industryName: string,
): TokenValues {
	return {
		company: prospect.company,
		industry: industryName,
		audience: audienceRoles(prospect.audience),
	};
}
