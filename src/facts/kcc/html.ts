/** Just enough HTML for knowledge-base answers (VAC `antwoord`, KISS `inhoud`): text and link targets. */
import { decodeEntities } from '../../html-text.js';

/**
 * Visible text: block elements become line breaks, tags dropped, entities decoded. Unlike
 * ../site/html.ts visibleText (one line, for comparing pages) it keeps the lines, so URLs and phone
 * numbers in an answer stay apart.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?(p|div|li|ul|ol|h[1-6]|tr|table|section|article|blockquote)\b[^>]*>/gi, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Targets of `<a href>` links (http/https only, entities decoded). */
export function htmlLinks(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const href = decodeEntities((m[1] ?? m[2] ?? m[3] ?? '').trim());
    if (/^https?:\/\//i.test(href)) out.push(href);
  }
  return out;
}
