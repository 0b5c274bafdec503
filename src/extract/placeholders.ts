/**
 * Placeholders: merge fields and template variables left in a letter where the real text belongs.
 *
 * Recognized: `{{ var }}` (Django/Jinja/Mustache), `${var}` (Freemarker, JavaScript), `{var}`,
 * `{ MERGEFIELD Naam }`, bare `MERGEFIELD Naam`, `«Naam»` (a Word merge field's result), `<<Naam>>`,
 * `<URL VRAGENLIJST>` / `<X>` (not HTML tags, not `<https://…>` autolinks), `[[Naam]]`,
 * `[gemeentenaam]` (not a Markdown link `[text](…)`, image, reference or footnote, and only when it
 * holds a letter), `%URL%` / `%naam%` (mail-merge and CMS tokens), and Laravel/Blade translation
 * parameters `:link`, `:name` (after white space, a bracket, a quote or `/`).
 *
 * Each placeholder gets a role from its name and its place: `phone` (`{{ phone }}`, `tel:{{ x }}`),
 * `email` (`{{ email }}`, `mailto:{{ x }}`), `address` (a name that says URL/link/website and not
 * "name" or "title": `{{ verification_url }}`, `«ZaakURL»`, but not `{{ site_name }}`; or a place
 * inside a URL: `www.[gemeentenaam].nl/afval`), else `other`. Whether a placeholder stands after a
 * call to action ("Ga naar :link") is decided by the call finder (calls.ts), which sees sentences.
 *
 * Template tags — `{% if … %}`, `{% endif %}`, `{# comment #}` — are control flow that never reaches
 * the reader. They are not placeholders; findTemplateTags finds them, and the URL finder treats
 * them as white space. A tag that prints an address or a link button (`{% url 'reset' uid %}`,
 * `{% cosign_button %}`) is an address placeholder.
 */
import { matchUrls } from './linkify.js';

export interface PlaceholderMatch {
  start: number;
  end: number;
  /** As printed, e.g. "{{ verification_url }}", "<URL VRAGENLIJST>", "[gemeentenaam]". */
  printed: string;
  /** The variable name without delimiters and filters, e.g. "verification_url", "URL VRAGENLIJST". */
  name: string;
  /**
   * True when the placeholder stands where a URL should be (its name mentions url, link, website …
   * and not name or title) or sits inside a URL-looking token (`https://[gemeentenaam].nl/afval`,
   * `www.x.nl/{zaak}`).
   */
  inUrl: boolean;
  role: PlaceholderRole;
}

export type PlaceholderRole = 'address' | 'phone' | 'email' | 'other';

export interface Range {
  start: number;
  end: number;
}

const TEMPLATE_TAG_RE = /\{%[^\n]{0,500}?%\}|\{#[^\n]{0,500}?#\}/g;

/** A template tag that prints an address or a link button: `{% url 'wachtwoord_reset' uid %}`, `{% cosign_button %}`. */
const PRINTING_TAG_RE = /^\{%-?\s*(?:url|\w*(?:_url|_link|link|_button|button|knop))\b/i;

/** `{% … %}` and `{# … #}` template tags. */
export function findTemplateTags(text: string): Range[] {
  const out: Range[] = [];
  if (!text.includes('{%') && !text.includes('{#')) return out;
  TEMPLATE_TAG_RE.lastIndex = 0;
  for (let m = TEMPLATE_TAG_RE.exec(text); m; m = TEMPLATE_TAG_RE.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The text with every template tag replaced by spaces (same length, same offsets). */
export function maskTemplateTags(text: string, tags: readonly Range[] = findTemplateTags(text)): string {
  if (tags.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const t of tags) {
    out += text.slice(pos, t.start) + ' '.repeat(t.end - t.start);
    pos = t.end;
  }
  return out + text.slice(pos);
}

const PLACEHOLDER_RE = new RegExp(
  [
    String.raw`\{\{[^\n]{0,200}?\}\}`,
    String.raw`\$\{[^{}\n]{1,100}\}`,
    String.raw`\{[ \t]*MERGEFIELD[ \t]+[^{}\n]{1,100}\}`,
    String.raw`\{(?![{%#])[ \t]*[\p{L}_][\p{L}\p{N}_.\-]*(?:[ \t]*\|[^{}\n]{0,80})?[ \t]*\}`,
    String.raw`«[^«»\n]{1,100}»`,
    String.raw`<<[^<>\n]{1,100}>>`,
    String.raw`<(?![\s!/?<])[^<>\n]{1,100}>`,
    String.raw`\[\[[^\[\]\n]{1,100}\]\]`,
    String.raw`\[(?![\s^!])[^\[\]\n]{1,100}\](?![(\[:])`,
    String.raw`MERGEFIELD[ \t]+(?:"[^"\n]{1,80}"|[\p{L}\p{N}_.\-]+)`,
    String.raw`%\([A-Za-z_][A-Za-z0-9_]{0,60}\)[sdif]`,
    String.raw`%[A-Za-z_][A-Za-z0-9_.\-]{0,60}%`,
    String.raw`:[A-Za-z_][A-Za-z0-9_]{1,60}(?![A-Za-z0-9_:(])`,
  ].join('|'),
  'gu',
); // no look-behind at the start of an alternative (slow in V8): checked in findPlaceholders

const HTML_TAGS = new Set(
  (
    'a abbr b big blockquote body br caption center cite code col colgroup dd del div dl dt em ' +
    'figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i img input ins kbd ' +
    'label li link main mark meta nav ol p pre q s script section small span strike strong style ' +
    'sub sup table tbody td tfoot th thead title tr tt u ul o:p v:shape w:sdt'
  ).split(' '),
);

/** Whether `<…>` content is an HTML tag, a Markdown/e-mail autolink, or a comparison, not a placeholder. */
function notAnglePlaceholder(inner: string): boolean {
  const tag = /^([a-z][a-z0-9]*(?::[a-z]+)?)(?=[\s/>]|$)/.exec(inner);
  // "<link naar de peiling>": words without attributes are a placeholder, even after a tag's name.
  const words = inner.trim().split(/\s+/);
  if (tag && HTML_TAGS.has(tag[1]) && !(words.length >= 2 && !inner.includes('=') && !inner.endsWith('/'))) return true;
  // Markup with attributes (`<mj-button href="{{ url }}">`) is a tag; the placeholder inside it is found on its own.
  if (/^[a-z][\w:-]*\s+[\w:-]+\s*=/i.test(inner)) return true;
  if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(inner) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(inner)) return true;
  return holdsUrl(inner);
}

/** Whether bracketed content holds a URL (`[www.x.nl]`, `«www.x.nl»`, `[zie x.nl/a]`): brackets, not a placeholder. */
function holdsUrl(inner: string): boolean {
  return inner.includes('.') && matchUrls(inner).length > 0;
}

function nameOf(printed: string): string {
  let s = printed;
  if (s.startsWith('MERGEFIELD')) s = s.slice('MERGEFIELD'.length);
  if (s.startsWith(':')) return s.slice(1);
  if (s.startsWith('%(')) return s.slice(2, s.lastIndexOf(')'));
  if (s.startsWith('%')) return s.slice(1, -1);
  if (s.startsWith('{%')) return s.replace(/^\{%-?\s*/, '').split(/\s/)[0];
  s = s.replace(/^(?:\{\{|\$\{|\{|«|<<|<|\[\[|\[)/, '').replace(/(?:\}\}|\}|»|>>|>|\]\]|\])$/, '');
  s = s.trim().replace(/^MERGEFIELD\s+/, '');
  const bar = s.indexOf('|');
  if (bar !== -1) s = s.slice(0, bar);
  return s.trim().replace(/^"(.*)"$/, '$1');
}

const URLISH_NAME_RE = /url|link|website|webadres|webpagina|webpage|internetadres|homepage|href|button|knop|handleiding|hostname|domein|domain/;
const URLISH_WORD_RE = /(?:^|[^a-z])(?:uri|web|site|host|pagina|page)(?:[^a-z]|$)/;
/** Names of a thing's label, not its address: "site_name", "website titel", "link_text". */
const LABEL_WORD_RE =
  /(?:^|[^a-z])(?:name|naam|title|titel|label|tekst|text|omschrijving|description|caption|message|bericht|toelichting|reden|reason|body|content|inhoud|subject|onderwerp)(?:[^a-z]|$)/;
const PHONE_NAME_RE = /(?:^|[^a-z])(?:tel|telnr|telefoon|telefoonnummer|telefoonnr|phone|phonenumber|mobiel|mobile|gsm|whatsapp)|(?:telefoon|phone)(?:nummer|number)?(?:[^a-z]|$)/;
const EMAIL_NAME_RE = /e-?mail|mailadres|emailaddress/;

function words(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Whether a placeholder's name says it stands for a URL ("verification_url", "URL VRAGENLIJST"), not for its label ("site_name"). */
export function urlishName(name: string): boolean {
  const lower = words(name);
  if (LABEL_WORD_RE.test(lower) || PHONE_NAME_RE.test(lower) || EMAIL_NAME_RE.test(lower)) return false;
  return URLISH_NAME_RE.test(lower) || URLISH_WORD_RE.test(lower);
}

/** Names of data that is printed as such, never an address: dates, numbers, postal addresses, statuses. */
const DATA_WORD_RE =
  /(?:date|datum|tijd|time|nummer|number|bedrag|amount|aantal)(?:[^a-z]|$)|(?:^|[^a-z])(?:created|updated|nr|id|count|status|categor\w*|locatie|location|adres|address|address_text|postcode|straat|street|plaats|city|voornaam|achternaam|aanhef)(?:[^a-z]|$)/;

/** Whether a placeholder's name is data printed as such ("created_at", "zaaknummer"), which never stands for an address. */
export function dataName(name: string): boolean {
  return DATA_WORD_RE.test(words(name).replace(/[._]/g, ' '));
}

/** The role a placeholder's name and the characters right before it give it (see the module comment). */
export function placeholderRole(name: string, before: string): PlaceholderRole {
  if (/tel:\s*$/i.test(before)) return 'phone';
  if (/mailto:\s*$/i.test(before)) return 'email';
  const lower = words(name);
  if (PHONE_NAME_RE.test(lower)) return 'phone';
  if (EMAIL_NAME_RE.test(lower)) return 'email';
  return urlishName(name) ? 'address' : 'other';
}

const WS_RE = /\s/;
const TOKEN_LIMIT = 400;

/**
 * Placeholders in text, in order. Template tags are skipped (see module comment).
 */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  const out: PlaceholderMatch[] = [];
  if (!/[{«<[$%:]|MERGEFIELD/.test(text)) return out;
  const tags = findTemplateTags(text);
  const printing = tags.filter((t) => PRINTING_TAG_RE.test(text.slice(t.start, t.end)));
  const masked = maskTemplateTags(text, tags);
  for (const t of printing) {
    const printed = text.slice(t.start, t.end);
    out.push({ start: t.start, end: t.end, printed, name: nameOf(printed), inUrl: true, role: 'address' });
  }
  PLACEHOLDER_RE.lastIndex = 0;
  for (let m = PLACEHOLDER_RE.exec(masked); m; m = PLACEHOLDER_RE.exec(masked)) {
    const printed = m[0];
    const c = printed[0];
    const before = m.index > 0 ? masked[m.index - 1] : '';
    // `![alt](src)` is an image; "xMERGEFIELD" is no field.
    if (
      (c === '[' && before === '!') ||
      (c === 'M' && before !== '' && /[\p{L}\p{N}]/u.test(before)) ||
      (c === ':' && before !== '' && !/[\s(/"'=>\[]/.test(before)) ||
      (c === '%' && (/[\p{L}\p{N}%]/u.test(before) || /^%[0-9A-Fa-f]{2}%$/.test(printed)))
    ) {
      PLACEHOLDER_RE.lastIndex = m.index + 1;
      continue;
    }
    if (c === '<' && !printed.startsWith('<<') && notAnglePlaceholder(printed.slice(1, -1))) {
      PLACEHOLDER_RE.lastIndex = m.index + 1;
      continue;
    }
    if (
      (c === '[' && !printed.startsWith('[[') && (!/\p{L}/u.test(printed) || holdsUrl(printed.slice(1, -1)))) ||
      (c === '«' && holdsUrl(printed.slice(1, -1)))
    ) {
      PLACEHOLDER_RE.lastIndex = m.index + 1;
      continue;
    }
    const name = nameOf(printed);
    const role = placeholderRole(name, masked.slice(Math.max(0, m.index - 8), m.index));
    out.push({ start: m.index, end: m.index + printed.length, printed, name, inUrl: false, role });
  }
  if (out.length === 0) return out;
  out.sort((a, b) => a.start - b.start);
  markInUrl(masked, out);
  return out;
}

/**
 * The white-space-delimited token around placeholder i (other placeholders count as part of the
 * token even when they contain spaces).
 */
function tokenAround(text: string, ps: readonly PlaceholderMatch[], i: number): Range {
  let start = ps[i].start;
  let j = i - 1;
  while (start > 0 && ps[i].start - start < TOKEN_LIMIT) {
    if (j >= 0 && ps[j].end === start) {
      start = ps[j].start;
      j--;
    } else if (!WS_RE.test(text[start - 1])) start--;
    else break;
  }
  let end = ps[i].end;
  let k = i + 1;
  while (end < text.length && end - ps[i].end < TOKEN_LIMIT) {
    if (k < ps.length && ps[k].start === end) {
      end = ps[k].end;
      k++;
    } else if (!WS_RE.test(text[end])) end++;
    else break;
  }
  return { start, end };
}

function markInUrl(masked: string, ps: PlaceholderMatch[]): void {
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (p.role === 'phone' || p.role === 'email') continue;
    if (p.role === 'address') {
      p.inUrl = true;
      continue;
    }
    const tok = tokenAround(masked, ps, i);
    if (tok.start === p.start && tok.end === p.end) continue;
    // Put a plain label where each placeholder is and ask the URL matcher whether this one is inside.
    let sub = '';
    let pos = tok.start;
    let at = -1;
    for (const q of ps) {
      if (q.end <= tok.start || q.start >= tok.end) continue;
      sub += masked.slice(pos, q.start);
      if (q === p) at = sub.length;
      // Right after a scheme the placeholder is a whole host: "https://{{ domein }}/afval".
      sub += sub.endsWith('://') ? 'x.nl' : 'x';
      pos = q.end;
    }
    sub += masked.slice(pos, tok.end);
    p.inUrl = matchUrls(sub).some((u) => u.start <= at && at < u.end);
    if (p.inUrl) p.role = 'address';
  }
}
