/**
 * Reading a bounded piece of HTML: title, first h1, visible text, compacted HTML, and the signs of
 * a soft 404 or a SAML auto-post page. Regular expressions on purpose: the body is cut off at a
 * limit and need not be well-formed.
 */
import { decodeEntities, fragmentText } from '../../html-text.js';

export function htmlTitle(html: string): string | undefined {
  const m = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const t = m ? fragmentText(m[1]) : '';
  return t || undefined;
}

export function htmlH1(html: string): string | undefined {
  const m = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(html);
  const t = m ? fragmentText(m[1]) : '';
  return t || undefined;
}

const INVISIBLE = /<(script|style|noscript|svg|template)\b[\s\S]*?<\/\1\s*>/gi;

/** The visible text of the body, whitespace collapsed. */
export function visibleText(html: string): string {
  const start = html.search(/<body\b/i);
  const body = start === -1 ? html : html.slice(start);
  return fragmentText(body.replace(/<!--[\s\S]*?-->/g, ' ').replace(INVISIBLE, ' '));
}

/** The HTML without comments, scripts, styles and SVG, whitespace collapsed, cut at `max` bytes. */
export function compactHtml(html: string, max: number): string | undefined {
  if (max <= 0) return undefined;
  const compact = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|svg|template)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (Buffer.byteLength(compact) <= max) return compact;
  return Buffer.from(compact).subarray(0, max).toString('utf8').replace(/\uFFFD$/, '');
}

/** Titles and headings that say the page does not exist (Dutch and English). */
const NOT_FOUND_PHRASES: RegExp[] = [
  /\bpagina\b[^.|]{0,40}\b(?:niet|nergens) (?:meer )?(?:gevonden|beschikbaar|vindbaar)\b/i,
  /\b(?:niet|nergens) (?:meer )?gevonden\b/i,
  /\b(?:kan|kon|konden|kunnen) (?:de(?:ze)? pagina |het )?(?:niet|nergens) (?:worden )?(?:gevonden|vinden)\b/i,
  /\bpagina (?:bestaat|is) niet\b/i,
  /\bdeze pagina bestaat (?:niet|helaas niet)\b/i,
  /\bbestaat niet (?:meer|langer)\b/i,
  /\bfoutmelding\s*404\b/i,
  /\b(?:error|fout|status|http)\s*[:-]?\s*404\b/i,
  /^\s*404\b/,
  /\b404\s*[-–—:|]/,
  /\bpage (?:was )?not found\b/i,
  /\bnot found\b/i,
  /\bpage (?:does not|doesn['’]t|no longer) exists?\b/i,
  /\b(?:could not|couldn['’]t|can['’]t|cannot) (?:find|be found)\b/i,
];

/** True when a title or h1 reads as "page not found". */
export function saysNotFound(text: string | undefined): boolean {
  if (!text) return false;
  return NOT_FOUND_PHRASES.some((re) => re.test(text));
}

/**
 * A form that posts a SAMLRequest (an auto-POST to an identity provider). Returns the form's
 * action, or '' when it has none, or undefined when there is no such form.
 */
export function samlPostForm(html: string): string | undefined {
  if (!/name\s*=\s*["']?SAMLRequest\b/i.test(html)) return undefined;
  const forms = html.matchAll(/<form\b([^>]*)>([\s\S]*?)(?:<\/form\s*>|$)/gi);
  for (const m of forms) {
    if (!/name\s*=\s*["']?SAMLRequest\b/i.test(m[2])) continue;
    const action = /\baction\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[1]);
    return decodeEntities(action?.[1] ?? action?.[2] ?? action?.[3] ?? '');
  }
  return '';
}

/** Words of a text, for comparing a page with the host's not-found page. */
export function wordSet(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !/^\d+$/.test(w)),
  );
}

/** Jaccard similarity of two word sets (1 for two empty sets). */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const w of a) if (b.has(w)) both++;
  return both / (a.size + b.size - both);
}
