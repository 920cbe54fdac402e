import { escapeXml } from '../xml.ts';

/**
 * A font name as pptxgenjs needs it: it writes font names into XML attributes (`typeface="..."`,
 * theme and chart parts included) without escaping them, so they are escaped here.
 */
export const fontAttr = (font: string) => escapeXml(font);
