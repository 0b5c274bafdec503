/**
 * `check --verbose`: what the live-site and forms checks do, one line a step, on stderr — each
 * request (with the connectTo rule or proxy it went through), cache hits, excluded addresses, and
 * per printed address its outcome, redirect chain and the site.remap rules that rewrote it.
 * Never a header, a token or a password (user names and passwords in URLs are left out).
 */
import type { Lang } from '../types.js';
import type { SiteEvent, UrlResult } from '../facts/site/types.js';
import { withoutCredentials } from '../model/url.js';

const T = {
  nl: {
    error: 'fout',
    attempt: (n: number) => `poging ${n}`,
    cache: (url: string, at: string) => `cache: ${url} (gecontroleerd op ${at})`,
    excluded: (href: string, by: string) => `niet opgehaald: ${href} — uitgesloten door ${by}`,
    line: (n: number) => `regel ${n}`,
    address: 'adres',
    fromCache: 'uit de cache',
    chain: 'keten',
    remap: 'remap',
    variants: 'varianten',
    offline: '--offline: er wordt niets opgehaald',
  },
  en: {
    error: 'error',
    attempt: (n: number) => `attempt ${n}`,
    cache: (url: string, at: string) => `cache: ${url} (checked ${at})`,
    excluded: (href: string, by: string) => `not fetched: ${href} — excluded by ${by}`,
    line: (n: number) => `line ${n}`,
    address: 'address',
    fromCache: 'from the cache',
    chain: 'chain',
    remap: 'remap',
    variants: 'variants',
    offline: '--offline: nothing is fetched',
  },
} as const;

const c = withoutCredentials;

/** One --verbose line (without a newline) for a step of the live-site check. */
export function formatSiteEvent(event: SiteEvent, lang: Lang, remapRules: Array<{ pattern: string }> = []): string {
  const t = T[lang];
  switch (event.kind) {
    case 'request': {
      const r = event.request;
      const answer =
        r.status !== undefined
          ? `${r.status}${r.location !== undefined ? ` → ${c(r.location)}` : ''}${r.error ? ` (${t.error}: ${r.error}${r.detail ? `, ${r.detail}` : ''})` : ''}`
          : `${t.error}: ${r.error ?? 'network'}${r.detail ? ` (${c(r.detail)})` : ''}`;
      const notes = [
        ...(r.connectTo ? [`connectTo ${r.connectTo}`] : []),
        ...(r.proxy ? [`proxy ${c(r.proxy)}`] : []),
        ...(r.attempt > 1 ? [t.attempt(r.attempt)] : []),
        `${r.ms} ms`,
      ];
      return `GET ${c(r.url)} → ${answer}  [${notes.join('; ')}]`;
    }
    case 'cache':
      return t.cache(c(event.url), event.checkedAt);
    case 'excluded': {
      const where = event.rule.line !== undefined ? `${event.rule.by} ${t.line(event.rule.line)}` : event.rule.by;
      return t.excluded(c(event.href), `${where} (${event.rule.pattern})`);
    }
    case 'done':
      return done(event.result, event.remap, remapRules, lang);
  }
}

function done(r: UrlResult, remap: number[], remapRules: Array<{ pattern: string }>, lang: Lang): string {
  const t = T[lang];
  const parts: string[] = [];
  parts.push(`${t.address} ${c(r.url)}: ${r.kind}${r.status !== undefined ? ` ${r.status}` : ''}${r.error ? ` (${r.error})` : ''}${r.fromCache ? ` (${t.fromCache})` : ''}`);
  if (remap.length) {
    const rules = remap.map((i) => `site.remap[${i}]${remapRules[i] ? ` (${remapRules[i].pattern})` : ''}`).join(', ');
    parts.push(`${t.remap} ${rules} → ${c(r.fetchedUrl)}`);
  }
  if (r.chain.length) parts.push(`${t.chain}: ${r.chain.map((h) => `${c(h.url)} ${h.status}`).join(' → ')}${r.login?.url ? ` → ${c(r.login.url)}` : ''}`);
  if (r.variants.length) {
    parts.push(`${t.variants}: ${r.variants.map((v) => `${v.variant} ${v.kind}${v.status !== undefined ? ` ${v.status}` : ''}${v.problem ? ` (${v.problem})` : ''}`).join(', ')}`);
  }
  return parts.join('; ');
}

/** The line --verbose prints for an --offline run. */
export function offlineLine(lang: Lang): string {
  return T[lang].offline;
}
