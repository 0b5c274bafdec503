/**
 * The URL matcher underneath findUrls and placeholder detection: linkify-it (the matcher used by
 * markdown-it) for the hard parts — schemes, hosts, known TLDs, e-mail vs. domain, balanced
 * parentheses — plus the corrections a letter needs: sentence punctuation and closing quotes after
 * a URL, abbreviations and file names that look like domains, `www.` hosts on TLDs linkify does not
 * know, and URLs broken over a line end after `/` or `-`.
 *
 * Internal to src/extract: it knows nothing about placeholders or e-mail addresses found by the
 * other finders; findUrls (urls.ts) applies those.
 */
import LinkifyIt from 'linkify-it';
import { hostPart } from '../model/url.js';

export interface RawUrl {
  start: number;
  end: number;
  /** As the reader sees it; a URL joined over a line break has the line break removed. */
  printed: string;
}

/**
 * TLDs added to linkify's own list (all two-letter country codes, `xn--` IDN roots, and com, net,
 * org, gov, edu, info, biz, …): the reserved test names, and newer generic TLDs that Dutch and
 * Flemish government letters actually print.
 */
const EXTRA_TLDS = [
  'example', 'test', 'localhost', 'invalid',
  'amsterdam', 'frl', 'brussels', 'vlaanderen', 'gent',
  'app', 'dev', 'online', 'site', 'website', 'cloud', 'digital', 'tech', 'email',
];

const linkify = new LinkifyIt({}, { fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false });
linkify.add('//', null); // protocol-relative "//host" is not something a resident reads as a URL
linkify.tlds(EXTRA_TLDS, true);

/** Dutch (and a few English) abbreviations whose dotted form linkify would read as host.tld. */
const ABBREVIATIONS = new Set([
  'mevr', 'mw', 'dhr', 'hr', 'mr', 'dr', 'drs', 'ir', 'ing', 'prof', 'bc', 'bijv', 'bv', 'evt',
  'etc', 'nr', 'nrs', 'art', 'blz', 'tel', 'ca', 'vs', 'jl', 'zgn', 'resp', 'incl', 'excl',
  'max', 'min', 'st', 'str', 'afd', 'gem', 'zie', 'zo', 'mbt', 'ivm', 'ipv', 'tav', 'dwz', 'oa',
  'ea', 'eg', 'ie', 'no', 'fig', 'vgl', 'cf', 'jr', 'sr', 'kl', 'mln', 'mld', 'tm', 'ovv',
]);

/**
 * File extensions that collide with a country-code TLD (`README.md`, `script.sh`, `foto.ai`).
 * A scheme-less, path-less match on one of these is a file name, not a site.
 */
const FILE_TLDS = new Set(['md', 'py', 'sh', 'ps', 'ai', 'rs', 'pl', 'so', 'do', 'mk', 'ms', 'cs', 'js', 'ts']);

const TRAILING = new Set(['.', ',', ';', ':', '!', '?', '…', "'", '"', '”', '’', '“', '‘', '„', '»', '›', '«', '*']);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** Count of `ch` in s. */
function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

/** Drop sentence punctuation, closing quotes and unbalanced closing brackets from the end. */
export function trimTrailing(url: string): string {
  let s = url;
  for (;;) {
    const c = s[s.length - 1];
    if (c === undefined) return s;
    if (TRAILING.has(c)) {
      s = s.slice(0, -1);
      continue;
    }
    const open = CLOSERS[c];
    if (open !== undefined && count(s, c) > count(s, open)) {
      s = s.slice(0, -1);
      continue;
    }
    return s;
  }
}

/** Whether a matched URL text is one a resident reads as an address (see module comment). */
function acceptable(printed: string, schema: string): boolean {
  const host = hostPart(printed);
  if (host === '') return false;
  const labels = host.split('.');
  const tld = labels[labels.length - 1];
  if (schema !== '') {
    // A scheme makes anything a URL to linkify; require a dotted host (or localhost).
    return labels.length > 1 ? tld !== '' : host.toLowerCase() === 'localhost';
  }
  const hasPath = printed.length > host.length && /[/?#:]/.test(printed[host.length] ?? '');
  const www = /^www\./i.test(host);
  if (www) return true;
  // "uur.De", "melding.Wij": a missing space before a capitalized word, not a host.
  // Lower-case or all-caps TLDs are fine ("Gemeente.nl", "GEMEENTE.NL", "Gemeente.NL").
  if (tld !== tld.toLowerCase() && tld !== tld.toUpperCase()) return false;
  if (!hasPath) {
    if (labels.length === 2 && ABBREVIATIONS.has(labels[0].toLowerCase())) return false;
    if (FILE_TLDS.has(tld.toLowerCase())) return false;
  }
  return true;
}

// `www.` followed by dotted labels, for hosts on TLDs linkify does not know (www.x.gemeente).
const WWW_RE =
  /(?<![\p{L}\p{N}@._\-/])[wW]{3}\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)+(?::\d{1,5})?(?:[/?#][^\s<>"]*)?/gu;

// What may continue a URL on the next line: starts lower-case or with a digit, no spaces.
const CONTINUATION_RE = /[\p{Ll}\p{N}][\p{L}\p{N}\-._~/%?#=&+!$'()*,;:]*/uy;
const PATHY_RE = /[\p{N}\-._~/%?#=&+]/u;
/** Words that start a sentence on the next line rather than continue a URL. */
const STOPWORDS = new Set([
  // nl
  'aan', 'af', 'al', 'als', 'bij', 'dan', 'dat', 'de', 'die', 'dit', 'door', 'een', 'en', 'er',
  'graag', 'het', 'hier', 'hoe', 'in', 'is', 'je', 'kan', 'kijk', 'kunt', 'maar', 'met', 'na',
  'naar', 'niet', 'nog', 'of', 'om', 'ook', 'op', 'over', 'te', 'tot', 'u', 'uw', 'van', 'voor',
  'via', 'vul', 'wat', 'wij', 'we', 'wordt', 'zie', 'zijn', 'zo',
  // en
  'a', 'an', 'and', 'at', 'by', 'for', 'from', 'if', 'it', 'of', 'on', 'or', 'see', 'the', 'then',
  'to', 'with', 'you', 'your',
]);

/**
 * The part of the next line that continues a URL ending in `/` or `-` at `end` (a line end), or
 * null. Joined when the next line starts, without indentation, with a lower-case word or digits
 * that is not a common short word starting a sentence ("en", "of", "kijk" …), or with something
 * that has URL-path characters in it (`-`, `/`, `.`, digits, `=` …).
 */
function continuation(text: string, urlSoFar: string, end: number): { from: number; to: number; part: string } | null {
  const last = urlSoFar[urlSoFar.length - 1];
  if (last !== '/' && last !== '-') return null;
  let from = end;
  if (text[from] === '\r') from++;
  if (text[from] !== '\n') return null;
  from++;
  CONTINUATION_RE.lastIndex = from;
  const m = CONTINUATION_RE.exec(text);
  if (!m) return null;
  const raw = m[0];
  if (/^(?:www\.|https?:)/i.test(raw) || raw.includes('@')) return null;
  const part = trimTrailing(urlSoFar + raw).slice(urlSoFar.length);
  if (part === '') return null;
  if (!PATHY_RE.test(part) && STOPWORDS.has(part.toLowerCase())) return null;
  return { from, to: from + part.length, part };
}

function withContinuations(text: string, url: RawUrl): RawUrl {
  let cur = url;
  for (let guard = 0; guard < 8; guard++) {
    const c = continuation(text, cur.printed, cur.end);
    if (!c) break;
    cur = { start: cur.start, end: c.to, printed: cur.printed + c.part };
  }
  return cur;
}

/**
 * URL candidates in text, in order, not overlapping. E-mail addresses (and their domains) are
 * never returned; placeholders are not considered here.
 */
export function matchUrls(text: string): RawUrl[] {
  const out: RawUrl[] = [];
  const hasWww = text.includes('www.') || text.includes('WWW.');
  if (!hasWww && !linkify.pretest(text)) return out;
  const matches = linkify.match(text) ?? [];
  for (const m of matches) {
    if (m.schema === 'mailto:') continue;
    const printed = trimTrailing(m.raw);
    if (printed === '' || !acceptable(printed, m.schema)) continue;
    out.push(withContinuations(text, { start: m.index, end: m.index + printed.length, printed }));
  }
  if (hasWww) {
    WWW_RE.lastIndex = 0;
    let added = false;
    for (let m = WWW_RE.exec(text); m; m = WWW_RE.exec(text)) {
      const start = m.index;
      const printed = trimTrailing(m[0]);
      const end = start + printed.length;
      if (out.some((u) => u.start < end && start < u.end)) continue;
      const labels = hostPart(printed).split('.');
      if (labels.length < 3 || !/^\p{L}{2,}$/u.test(labels[labels.length - 1])) continue;
      out.push(withContinuations(text, { start, end, printed }));
      added = true;
    }
    if (added) out.sort((a, b) => a.start - b.start);
  }
  // A URL joined over a line break may swallow the start of a later match.
  for (let i = 1; i < out.length; i++) {
    if (out[i].start < out[i - 1].end) out.splice(i--, 1);
  }
  return out;
}
