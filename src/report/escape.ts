/**
 * Escaping for every output format, in one place. Letter text (titles, URLs as printed, link text,
 * messages quoting the letter) is untrusted: a template may hold `<script>` or `"><img onerror>`.
 * Formatters never concatenate such text without passing it through one of these.
 */
import { parseUrl } from '../model/url.js';

/**
 * Characters a terminal, CI log viewer or browser may act on instead of showing: C0 controls
 * (ESC starts colour, cursor and window-title sequences, BEL ends them, CR rewrites the line),
 * DEL, C1 controls (U+009B is an 8-bit CSI), the line and paragraph separators, and the bidi
 * overrides and isolates that reorder what a reader sees ("Trojan Source").
 */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** `\x1b` for a control up to U+00FF, `\u202e` above. */
function visible(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text from a letter, a file name or a server, with every control character written out visibly
 * (`\x1b`, `\x07`, `\u202e`) so it can neither drive a terminal or log viewer nor hide or
 * reorder what is around it. `keep` lists the characters that stay as they are where they are
 * legitimate: tab and newline in a message, say. Every text output format escapes with this
 * first (stylish through visibleControls).
 */
export function escapeControls(value: unknown, options: { keep?: string } = {}): string {
  const keep = options.keep ?? '';
  return String(value ?? '').replace(CONTROLS, (c) => (keep.includes(c) ? c : visible(c)));
}

/** Fields of a report whose text may span lines (messages); everything else is one line. */
const MULTILINE_FIELDS = new Set(['message', 'hint', 'error']);

/**
 * A copy of a report (or any JSON value) with escapeControls applied to every string: tab and
 * newline stay in messages, hints and errors, and are escaped everywhere else (a file name or a
 * kenmerk is shown on one line).
 */
export function visibleControls<T>(value: T, key?: string): T {
  if (typeof value === 'string') return escapeControls(value, { keep: key && MULTILINE_FIELDS.has(key) ? '\t\n' : '' }) as T;
  if (Array.isArray(value)) return value.map((v) => visibleControls(v, key)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visibleControls(v, k)])) as T;
  }
  return value;
}

/** The JSON characters JSON.stringify leaves raw that a terminal or diff viewer may act on. */
// eslint-disable-next-line no-control-regex
const JSON_UNSAFE = /[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * JSON text as JSON.stringify writes it, with DEL, C1 controls, U+2028/9 and bidi overrides
 * written as `\uXXXX` escapes too (JSON.stringify escapes only U+0000–U+001F). These characters
 * can only occur inside strings, so the JSON means exactly the same: the data stay exact, the
 * text is safe to print or diff.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML element content and (double- or single-quoted) attribute values. */
export function escapeHtml(value: unknown): string {
  return escapeControls(value, { keep: '\t\n' }).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * Characters XML 1.0 does not allow at all (C0 controls except tab, LF, CR; U+FFFE/U+FFFF; lone
 * surrogates). They cannot be escaped, only dropped — replaced by U+FFFD so the reader sees that
 * something was there.
 */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for XML element content and double-quoted attribute values (newlines kept in attributes). */
export function escapeXml(value: unknown): string {
  return escapeControls(value, { keep: '\t\n\r' })
    .replace(XML_INVALID, '\uFFFD')
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Text for XML element content where line breaks should stay line breaks. */
export function escapeXmlText(value: unknown): string {
  return escapeControls(value, { keep: '\t\n\r' })
    .replace(XML_INVALID, '\uFFFD')
    .replace(/[&<>]/g, (c) => HTML_ESCAPES[c])
    .replace(/\r\n?/g, '\n');
}

/**
 * Inline Markdown (GitHub Flavored, also inside a table cell): every character that could start
 * markup is backslash-escaped (CommonMark allows a backslash before any ASCII punctuation): `|`
 * cannot end the cell, `<`/`&` cannot start HTML or an entity, `[` cannot start a link, `$` no
 * math, `#` no issue reference; `@name` gets a zero-width space so a comment never mentions anyone;
 * line breaks become spaces so a table row stays one line.
 */
export function escapeMarkdown(value: unknown): string {
  return escapeControls(String(value ?? '').replace(/\r\n?|\n/g, ' '), { keep: '\t' })
    .replace(/[\\`*_[\]<>#|~&$]/g, (c) => `\\${c}`)
    .replace(/^([-+=])/, '\\$1')
    .replace(/(^|[^\w.+-])@(?=\w)/g, '$1@\u200B');
}

/**
 * GitHub workflow command data (the part after `::`): `%`, CR and LF, as @actions/core's
 * `escapeData` does.
 */
export function escapeGithubData(value: unknown): string {
  return escapeControls(value, { keep: '\t\n\r' })
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
}

/** GitHub workflow command property values (`file=…,title=…`): data escaping plus `:` and `,`. */
export function escapeGithubProperty(value: unknown): string {
  return escapeGithubData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * An href for a URL taken from a letter or a report: http(s) URLs and relative paths only, so a
 * `javascript:` or `data:` URL in a letter never becomes a link. Returns undefined otherwise.
 * The result still needs escapeHtml when placed in an attribute.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    return parseUrl(trimmed)?.href;
  }
  // A relative reference: no scheme (no ':' before the first '/', '?' or '#'), no control chars.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F\\]/.test(trimmed) || trimmed.startsWith('//')) return undefined;
  const firstDelim = trimmed.search(/[/?#]/);
  const head = firstDelim === -1 ? trimmed : trimmed.slice(0, firstDelim);
  if (head.includes(':')) return undefined;
  return trimmed
    .split('/')
    .map((seg) => encodeURIComponent(decodeSafe(seg)))
    .join('/');
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
