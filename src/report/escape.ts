/**
 * Escaping for every output format, in one place. Letter text (titles, URLs as printed, link text,
 * messages quoting the letter) is untrusted: a template may hold `<script>` or `"><img onerror>`.
 * Formatters never concatenate such text without passing it through one of these.
 */

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML element content and (double- or single-quoted) attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
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
  return String(value ?? '')
    .replace(XML_INVALID, '\uFFFD')
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** Text for XML element content where line breaks should stay line breaks. */
export function escapeXmlText(value: unknown): string {
  return String(value ?? '')
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
  return String(value ?? '')
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>#|~&$]/g, (c) => `\\${c}`)
    .replace(/^([-+=])/, '\\$1')
    .replace(/(^|[^\w.+-])@(?=\w)/g, '$1@\u200B');
}

/**
 * GitHub workflow command data (the part after `::`): `%`, CR and LF, as @actions/core's
 * `escapeData` does.
 */
export function escapeGithubData(value: unknown): string {
  return String(value ?? '')
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
    try {
      return new URL(trimmed).href;
    } catch {
      return undefined;
    }
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
