/**
 * Which briefings cover a letter, which one counts, and what it names. Pure: no I/O.
 */
import picomatch from 'picomatch';
import type { FormMention, Letter, Message, References, UrlRef } from '../types.js';
import type { Briefing, KccFacts, KccInvalid } from '../facts/kcc/types.js';
import { urlsInText } from '../extract/urls.js';
import { urlKey } from './url.js';
import { normalizePhone, phonesInText } from '../extract/phones.js';

/** What the matcher needs of a letter. */
export type LetterLike = Pick<Letter, 'path'> & { meta: Pick<Letter['meta'], 'id' | 'kenmerk' | 'mailingDate'> };

export type CoverReason =
  | { kind: 'id'; value: string }
  | { kind: 'kenmerk'; value: string }
  | { kind: 'path'; glob: string };

export interface Covering {
  briefing: Briefing;
  reason: CoverReason;
}

/**
 * Why a briefing covers a letter: it names the letter's id or kenmerk (in `ids` or `kenmerken`,
 * compared without case), or one of its `paths` globs matches the letter's path. `relPath` is
 * the letter's path relative to the config root (globs are written relative to it).
 */
export function coverReason(b: Briefing, letter: LetterLike, relPath?: string): CoverReason | undefined {
  const { names, globs } = compiled(b);
  if (names.has(normId(letter.meta.id))) return { kind: 'id', value: letter.meta.id };
  if (letter.meta.kenmerk && names.has(normId(letter.meta.kenmerk))) return { kind: 'kenmerk', value: letter.meta.kenmerk };
  if (globs.length === 0) return undefined;
  const candidates = [...new Set([relPath, letter.path].filter((p): p is string => !!p).map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '')))];
  const hit = globs.find(({ test }) => candidates.some(test));
  return hit ? { kind: 'path', glob: hit.glob } : undefined;
}

/** A briefing's names and globs, normalised and compiled once (rules ask for every letter). */
const COMPILED = new WeakMap<Briefing, { names: Set<string>; globs: Array<{ glob: string; test: (path: string) => boolean }> }>();
function compiled(b: Briefing) {
  return memo(COMPILED, b, () => ({
      names: new Set([...b.covers.ids, ...b.covers.kenmerken].map(normId)),
      // A glob without a slash matches the file name in any folder (picomatch's `basename` option
      // breaks globs with a slash, so it is only used for those without).
      globs: b.covers.paths.map((glob) => {
        const g = glob.replace(/^\.\//, '');
        return { glob, test: picomatch(g, g.includes('/') ? { dot: true } : { dot: true, basename: true }) };
      }),
  }));
}

/** Briefings by the names they cover, and those with path globs: built once per knowledge base. */
const INDEX = new WeakMap<KccFacts, { byName: Map<string, Briefing[]>; withGlobs: Briefing[]; order: Map<Briefing, number> }>();
function indexOf(kcc: KccFacts) {
  return memo(INDEX, kcc, () => {
    const byName = new Map<string, Briefing[]>();
    for (const b of kcc.briefings) {
      for (const name of compiled(b).names) byName.set(name, [...(byName.get(name) ?? []), b]);
    }
    const order = new Map(kcc.briefings.map((b, i) => [b, i]));
    return { byName, withGlobs: kcc.briefings.filter((b) => b.covers.paths.length > 0), order };
  });
}

/** Every briefing that covers the letter, with the reason (in knowledge-base order). */
export function coveringBriefings(letter: LetterLike, kcc: KccFacts): Covering[] {
  const rel = kcc.letterPaths?.[letter.path];
  const { byName, withGlobs, order } = indexOf(kcc);
  const candidates = new Set([
    ...(byName.get(normId(letter.meta.id)) ?? []),
    ...(letter.meta.kenmerk ? (byName.get(normId(letter.meta.kenmerk)) ?? []) : []),
    ...withGlobs,
  ]);
  const out: Covering[] = [];
  // Only the candidates, in knowledge-base order (not every briefing for every letter).
  for (const b of [...candidates].sort((x, y) => order.get(x)! - order.get(y)!)) {
    const reason = coverReason(b, letter, rel);
    if (reason) out.push({ briefing: b, reason });
  }
  return out;
}

/**
 * Briefing files that could not be read (KccFacts.invalid) but may cover the letter: what could
 * be read of their front matter names its id or kenmerk or a glob matching its path, or their
 * text holds its id or kenmerk as a word. A letter they may cover is not simply "briefing missing".
 */
export function brokenCovering(letter: LetterLike, kcc: KccFacts): KccInvalid[] {
  const terms = [letter.meta.id, letter.meta.kenmerk].filter((t): t is string => !!t && t.trim() !== '');
  return (kcc.invalid ?? []).filter((bad) => {
    if (bad.covers && coverReason({ covers: bad.covers } as Briefing, letter, kcc.letterPaths?.[letter.path])) return true;
    return terms.some((term) => new RegExp(`(?<![\\p{L}\\p{N}_/-])${escapeRegExp(term.trim())}(?![\\p{L}\\p{N}_/-])`, 'iu').test(bad.text));
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The date a briefing must hold on: the mailing date, or today when the letter has none. */
export function referenceDate(letter: LetterLike, today: string): { date: string; fromToday: boolean } {
  return letter.meta.mailingDate ? { date: letter.meta.mailingDate, fromToday: false } : { date: today, fromToday: true };
}

export function isValidOn(b: Briefing, date: string): boolean {
  return (!b.validFrom || b.validFrom <= date) && (!b.validUntil || b.validUntil >= date);
}

/**
 * The best current briefing among several: valid on the date first, then the one that runs
 * longest (no end date = longest), then the most recently updated, then one that names the
 * letter over one that matches by path, then by id. Stable across runs.
 */
export function selectBriefing(covering: Covering[], date: string): Covering | undefined {
  const sorted = [...covering].sort((a, b) => {
    const va = isValidOn(a.briefing, date) ? 0 : 1;
    const vb = isValidOn(b.briefing, date) ? 0 : 1;
    if (va !== vb) return va - vb;
    const ua = a.briefing.validUntil ?? '9999-12-31';
    const ub = b.briefing.validUntil ?? '9999-12-31';
    if (ua !== ub) return ua < ub ? 1 : -1;
    const la = a.briefing.lastUpdated ?? '';
    const lb = b.briefing.lastUpdated ?? '';
    if (la !== lb) return la < lb ? 1 : -1;
    const pa = a.reason.kind === 'path' ? 1 : 0;
    const pb = b.reason.kind === 'path' ? 1 : 0;
    if (pa !== pb) return pa - pb;
    return a.briefing.id.localeCompare(b.briefing.id) || a.briefing.location.localeCompare(b.briefing.location);
  });
  return sorted[0];
}

/** How a finding names a briefing: the file for the folder adapter, the VAC or werkinstructie title otherwise. */
export function briefingLabel(b: Briefing): Message {
  const name = b.title ?? b.id;
  switch (b.source) {
    case 'folder':
      return { nl: b.location, en: b.location };
    case 'objects-api':
      return { nl: `VAC “${name}”`, en: `VAC “${name}”` };
    case 'kiss':
      return { nl: `werkinstructie “${name}”`, en: `work instruction “${name}”` };
  }
}

/** " (gekozen uit 3 briefings: a, b, c)" when there was a choice, else "". */
export function choiceNote(covering: Covering[], chosen: Covering): Message {
  if (covering.length < 2) return { nl: '', en: '' };
  const others = covering.filter((c) => c !== chosen).map((c) => briefingLabel(c.briefing));
  return {
    nl: ` (gekozen uit ${covering.length} briefings voor deze brief; ook: ${others.map((o) => o.nl).join(', ')})`,
    en: ` (chosen from ${covering.length} briefings for this letter; also: ${others.map((o) => o.en).join(', ')})`,
  };
}

/** URL keys (see urlKey) of everything the briefing names: `urls`, form URLs, and URLs in its text. */
export function briefingUrlKeys(b: Briefing): Set<string> {
  return memo(URL_KEYS, b, () => new Set([...b.urls, ...b.forms.flatMap((f) => (f.url ? [f.url] : [])), ...urlsInText(b.body)].map(urlKey)));
}

/** Phone numbers the briefing names (`phone` and in its text), normalized. */
export function briefingPhones(b: Briefing): Set<string> {
  return memo(PHONES, b, () => new Set([...b.phone.map(normalizePhone), ...phonesInText(b.body)].filter((p) => p !== '')));
}

// What a briefing names is worked out once per briefing, not once per letter that asks.
const URL_KEYS = new WeakMap<Briefing, Set<string>>();
const PHONES = new WeakMap<Briefing, Set<string>>();
function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, make: () => V): V {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/**
 * The key of a URL the letter sends people to, as residents read it: the printed text for a
 * visible URL (link text that looks like a URL), the target for a link only.
 */
export function letterUrlKey(u: UrlRef): string {
  return urlKey(u.visible ? u.printed : u.href);
}

/** Briefings that name one of these URLs but do not cover the letter: "briefing X mentions this URL". */
export function mentioningBriefings(urls: UrlRef[], briefings: Briefing[], covering: Briefing[] = []): Array<{ briefing: Briefing; url: UrlRef }> {
  const out: Array<{ briefing: Briefing; url: UrlRef }> = [];
  if (urls.length === 0) return out;
  const skip = new Set(covering);
  // Each URL's keys once, not once per briefing.
  const keyed = urls.map((u) => ({ u, printed: letterUrlKey(u), href: urlKey(u.href) }));
  for (const b of briefings) {
    if (skip.has(b)) continue;
    const keys = briefingUrlKeys(b);
    const hit = keyed.find((k) => keys.has(k.printed) || keys.has(k.href));
    if (hit) out.push({ briefing: b, url: hit.u });
  }
  return out;
}

/** A form the letter mentions, with the URL printed with it (same line after it, or the next two lines). */
export interface LetterForm {
  mention: FormMention;
  url?: UrlRef;
}

/** Calls to action that are done through a form: filling one in (online or on paper), applying, reporting, booking. */
const FORM_KINDS: ReadonlySet<FormMention['kind']> = new Set(['online-form', 'online-application', 'paper-form', 'report', 'appointment']);

export function letterForms(refs: References): LetterForm[] {
  return refs.forms.filter((m) => FORM_KINDS.has(m.kind) && (m.online !== false || m.kind === 'paper-form')).map((mention) => {
    // The extractor tied the call to the address in its sentence (or after its colon).
    const tied = mention.url !== undefined ? refs.urls[mention.url] : undefined;
    if (tied && !hasPlaceholder(tied)) return { mention, url: tied };
    const part = mention.location.part ?? 'body';
    const samePart = refs.urls.filter((u) => (u.location.part ?? 'body') === part && !hasPlaceholder(u));
    const sameLine = samePart
      .filter((u) => u.location.line === mention.location.line && u.location.column >= mention.location.column)
      .sort((a, b) => a.location.column - b.location.column);
    const below = samePart
      .filter((u) => u.location.line > mention.location.line && u.location.line <= mention.location.line + 2)
      .sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    const url = sameLine[0] ?? below[0];
    return url ? { mention, url } : { mention };
  });
}

/** A URL with a template placeholder in it is not a URL anyone can call about yet. */
export function hasPlaceholder(u: UrlRef): boolean {
  return /[{}<>[\]]/.test(u.printed);
}

/** For JSON output: the briefing that counts for a letter. */
export interface BriefingSummary {
  source: Briefing['source'];
  id: string;
  location: string;
  title?: string;
  validFrom?: string;
  validUntil?: string;
  /** How many briefings cover the letter (the best current one is described). */
  covering: number;
}

export function briefingFor(letter: LetterLike, kcc: KccFacts, today: string): BriefingSummary | undefined {
  const covering = coveringBriefings(letter, kcc);
  const chosen = selectBriefing(covering, referenceDate(letter, today).date);
  if (!chosen) return undefined;
  const b = chosen.briefing;
  return {
    source: b.source,
    id: b.id,
    location: b.location,
    ...(b.title !== undefined ? { title: b.title } : {}),
    ...(b.validFrom !== undefined ? { validFrom: b.validFrom } : {}),
    ...(b.validUntil !== undefined ? { validUntil: b.validUntil } : {}),
    covering: covering.length,
  };
}

/** Letter ids and kenmerken compare without case and surrounding or repeated whitespace. */
export function normId(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}
