/**
 * The deck's language in the package: `lang` on every run (pptxgenjs writes `en-US`), the
 * presentation's default text language, East Asian and complex-script fonts from the theme (so
 * Japanese, Chinese, Korean, Arabic and Hebrew render in PowerPoint instead of boxes), and
 * right-to-left paragraphs marked `rtl="1"` and aligned to the right.
 */
import { rememberedRewrite } from './part-text.ts';

/** The script whose theme font serves East Asian (`ea`) or complex (`cs`) text in a language. */
function scriptFor(language: string): { slot: 'ea' | 'cs'; script: string } | undefined {
	const [lang = '', ...rest] = language.toLowerCase().split('-');
	if (lang === 'ja') return { slot: 'ea', script: 'Jpan' };
	if (lang === 'ko') return { slot: 'ea', script: 'Hang' };
	if (lang === 'zh') {
		const traditional = rest.some((part) => ['hant', 'tw', 'hk', 'mo'].includes(part));
		return { slot: 'ea', script: traditional ? 'Hant' : 'Hans' };
	}
	if (['ar', 'fa', 'ur', 'ps', 'sd', 'ug', 'ckb'].includes(lang))
		return { slot: 'cs', script: 'Arab' };
	if (['he', 'iw', 'yi'].includes(lang)) return { slot: 'cs', script: 'Hebr' };
	if (lang === 'th') return { slot: 'cs', script: 'Thai' };
	return undefined;
}

/**
 * The theme with its major and minor East Asian or complex-script font set to the font its own
 * script list names for the language (`<a:font script="Jpan" .../>`).
 */
export function themeLanguageFonts(xml: string, language: string): string {
	const target = scriptFor(language);
	if (!target) return xml;
	return xml.replace(
		/<a:(majorFont|minorFont)>([\s\S]*?)<\/a:\1>/g,
		(whole, kind: string, inner: string) => {
			const typeface = new RegExp(`<a:font script="${target.script}" typeface="([^"]*)"/>`).exec(
				inner,
			)?.[1];
			if (!typeface) return whole;
			const fixed = inner.replace(
				new RegExp(`<a:${target.slot} typeface="[^"]*"`),
				`<a:${target.slot} typeface="${typeface}"`,
			);
			return `<a:${kind}>${fixed}</a:${kind}>`;
		},
	);
}

/** Strong right-to-left characters (Hebrew, Arabic, Syriac, Thaana, N'Ko, presentation forms). */
const rtlChar = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Strong left-to-right characters (Latin, Greek, Cyrillic, CJK, ...). */
const ltrChar = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF\u3040-\u9FFF\uAC00-\uD7AF]/;

/** Is this text right to left (its first strong character is)? */
export function isRtlText(text: string): boolean {
	for (const char of text) {
		if (rtlChar.test(char)) return true;
		if (ltrChar.test(char)) return false;
	}
	return false;
}

/** Paragraphs whose text is right to left get `rtl="1"`, aligned right instead of left. */
export function markRtlParagraphs(xml: string): string {
	if (!rtlChar.test(xml)) return xml;
	return xml.replace(/<a:p>([\s\S]*?)<\/a:p>/g, (whole, inner: string) => {
		const text = [...inner.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
		if (!isRtlText(text)) return whole;
		const pPr = /^<a:pPr\b([^>]*?)(\/?)>/.exec(inner);
		if (!pPr) return `<a:p><a:pPr rtl="1" algn="r"/>${inner}</a:p>`;
		let attrs = pPr[1]!.replace(/\srtl="[^"]*"/, '');
		attrs = /\salgn="/.test(attrs) ? attrs.replace(/\salgn="l"/, ' algn="r"') : `${attrs} algn="r"`;
		return `<a:p><a:pPr${attrs} rtl="1"${pPr[2]}>${inner.slice(pPr[0].length)}</a:p>`;
	});
}

/**
 * Runs take their East Asian and complex-script fonts from the theme (pptxgenjs names the Latin
 * font for every script): `+mj-` for runs in the heading font, `+mn-` for the rest.
 */
export function themeScriptFonts(xml: string, headingFont: string): string {
	return xml.replace(/<a:rPr\b[^>]*>[\s\S]*?<\/a:rPr>/g, (rPr) => {
		const latin = /<a:latin typeface="([^"]*)"/.exec(rPr)?.[1];
		if (latin === undefined) return rPr;
		const role = latin === headingFont ? 'mj' : 'mn';
		return rPr
			.replace(/<a:ea typeface="[^"]*"[^>]*\/>/, `<a:ea typeface="+${role}-ea"/>`)
			.replace(/<a:cs typeface="[^"]*"[^>]*\/>/, `<a:cs typeface="+${role}-cs"/>`);
	});
}

/** Text parts (slides, notes, layouts, masters) with `lang` set to the deck's language. */
export function setRunLanguage(xml: string, language: string): string {
	return language === 'en-US'
		? xml
		: xml.replace(/(<a:(?:rPr|endParaRPr|defRPr)\b[^>]*?\slang=")en-US"/g, `$1${language}"`);
}

/** The presentation's default text style in the deck's language. */
export function presentationLanguage(xml: string, language: string): string {
	return xml.replace(/<p:defaultTextStyle>[\s\S]*?<\/p:defaultTextStyle>/, (style) =>
		style.replace(/<a:defRPr\b([^>]*?)(\/?)>/g, (whole, attrs: string, close: string) =>
			/\slang="/.test(attrs) ? whole : `<a:defRPr lang="${language}"${attrs}${close}>`,
		),
	);
}

/** Applies the deck's language to every part it concerns, in place. */
export function applyLanguage<Part>(
	files: Map<string, Part>,
	language: string,
	text: (part: Part) => string,
	bytes: (text: string) => Part,
): void {
	const update = (name: string, fix: (xml: string) => string) => {
		const xml = text(files.get(name)!);
		const fixed = fix(xml);
		if (fixed !== xml) files.set(name, bytes(fixed));
	};
	const theme = files.get('ppt/theme/theme1.xml');
	const heading = theme
		? (/<a:majorFont><a:latin typeface="([^"]*)"/.exec(text(theme))?.[1] ?? '')
		: '';
	for (const name of [...files.keys()]) {
		if (name === 'ppt/presentation.xml') update(name, (xml) => presentationLanguage(xml, language));
		else if (/^ppt\/theme\/theme\d+\.xml$/.test(name))
			update(name, (xml) =>
				rememberedRewrite(`theme ${language}`, xml, (text) => themeLanguageFonts(text, language)),
			);
		else if (/^ppt\/charts\/chart\d+\.xml$/.test(name))
			update(name, (xml) =>
				setRunLanguage(xml, language).replace(
					/<c:lang val="[^"]*"\/>/,
					`<c:lang val="${language}"/>`,
				),
			);
		else if (/^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(name))
			update(name, (xml) =>
				markRtlParagraphs(themeScriptFonts(setRunLanguage(xml, language), heading)),
			);
		else if (/^ppt\/(slideLayouts|slideMasters|notesMasters)\/[^/]+\.xml$/.test(name))
			// The same in every deck of a brand or template: worked out once.
			update(name, (xml) =>
				rememberedRewrite(`masters ${language} ${heading}`, xml, (text) =>
					themeScriptFonts(setRunLanguage(text, language), heading),
				),
			);
	}
}
