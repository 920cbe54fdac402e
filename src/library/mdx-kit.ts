/**
 * The component kit an insight body may use, and nothing else: the site renders these
 * (`src/components/mdx/`, passed to every insight's content, so authors write no import), and the
 * talk track reduces them to text. One definition, so the checker, the talk track and the site
 * agree on names and attributes.
 */

/** What an attribute takes: text in quotes, or a source index in braces (`source={0}`). */
export type KitAttribute = { kind: 'text'; max: number } | { kind: 'source-index' };

/** One component of the kit. */
export interface KitComponent {
	/** Attributes it takes, by name. */
	attributes: Record<string, KitAttribute>;
	/** Attributes that must be present. */
	required: readonly string[];
	/** Whether it wraps text (`<Quote>...</Quote>`) or stands alone (`<KeyFigure ... />`). */
	children: boolean;
	/** How it is written, for hints. */
	example: string;
}

/** The kit: `<Callout>`, `<Quote source={n}>` and `<KeyFigure value label source />`. */
export const mdxKit: Record<'Callout' | 'Quote' | 'KeyFigure', KitComponent> = {
	Callout: {
		attributes: { title: { kind: 'text', max: 80 } },
		required: [],
		children: true,
		example: '<Callout title="Optional heading">Text to set apart.</Callout>',
	},
	Quote: {
		attributes: { source: { kind: 'source-index' } },
		required: ['source'],
		children: true,
		example: '<Quote source={0}>The passage, word for word.</Quote>',
	},
	KeyFigure: {
		attributes: {
			value: { kind: 'text', max: 12 },
			label: { kind: 'text', max: 80 },
			source: { kind: 'source-index' },
		},
		required: ['value', 'label', 'source'],
		children: false,
		example: '<KeyFigure value="56%" label="of shrink is not shoplifting" source={0} />',
	},
};

/** The kit's component names. */
export type KitName = keyof typeof mdxKit;

/** The kit's component names, as a list for messages. */
export const kitNames = Object.keys(mdxKit) as KitName[];

/** Whether `name` is a component of the kit. */
export function isKitName(name: string | null | undefined): name is KitName {
	return typeof name === 'string' && Object.hasOwn(mdxKit, name);
}
