/**
 * Following a URL (redirects recorded as a chain by the client, src/http/), login walls
 * recognized and never entered, the landing page classified (ok, soft 404, dead, bot wall …).
 */
import { randomBytes } from 'node:crypto';
import { textOf, type HttpAnswer, type HttpClient } from '../../http/index.js';
import { compactHtml, htmlH1, htmlTitle, samlPostForm, saysNotFound, similarity, visibleText, wordSet } from './html.js';
import { identityProviderOf, loginWallOf } from './login.js';
import type { CheckOutcome, Hop, LoginProvider } from './types.js';
import { parseUrl } from '../../model/url.js';

const HOME_PATH = /^\/(?:(?:nl|en)\/?)?(?:(?:index|default|home|start|homepage)(?:\.\w{2,5})?\/?)?$/i;
const NOT_FOUND_PATH = /(?:^|\/)(?:404|not-?found|page-?not-?found|pagina-?niet-?gevonden|niet-?gevonden|error\/404|fout)(?:[./?]|$)/i;

export interface FollowOptions {
  keepBodyBytes: number;
  probe: boolean;
}

interface Fingerprint {
  kind: CheckOutcome['kind'];
  finalUrl: string;
  redirected: boolean;
  title?: string;
  words: Set<string>;
  slug: string;
}

export class Follower {
  private readonly probes = new Map<string, Promise<Fingerprint>>();

  constructor(
    private readonly client: HttpClient,
    private readonly o: FollowOptions,
  ) {}

  /** Fetch a URL and follow its redirects; classify where it lands. */
  async follow(url: string, withProbe = this.o.probe): Promise<CheckOutcome> {
    return (await this.followed(url, withProbe)).outcome;
  }

  private async followed(url: string, withProbe: boolean): Promise<{ outcome: CheckOutcome; res: HttpAnswer }> {
    // A login wall is never entered: the redirect to it is where the check ends.
    const res = await this.client.get(url, { stopAt: (next) => loginWallOf(next) !== undefined });
    const chain: Hop[] = res.chain;
    const finalUrl = res.url;
    if (res.error || res.status === undefined) {
      const error = res.error ?? 'network';
      const outcome: CheckOutcome =
        res.status === undefined ? { kind: 'unreachable', error, detail: res.detail, finalUrl, chain } : { kind: 'unreachable', error, detail: res.detail, finalUrl, status: res.status, chain };
      return { outcome, res };
    }
    if (res.location !== undefined && chain.at(-1)?.location !== undefined) {
      const wall = loginWallOf(new URL(res.location));
      if (wall) return { outcome: { kind: 'protected', login: { provider: wall, url: res.location }, finalUrl, status: res.status, chain }, res };
    }
    const last = chain.at(-1);
    if (last && res.headers.location !== undefined && (res.status === 401 || res.status === 403)) last.location = res.headers.location;
    return { outcome: await this.classify(url, finalUrl, res, chain, withProbe), res };
  }

  private async classify(startUrl: string, finalUrl: string, res: HttpAnswer, chain: Hop[], withProbe: boolean): Promise<CheckOutcome> {
    const status = res.status as number;
    const h = res.headers;
    const base: CheckOutcome = { kind: 'ok', finalUrl, status, chain };
    if (h['content-type']) base.contentType = h['content-type'];

    if (status >= 200 && status < 300) {
      const html = res.body ? textOf(res) : '';
      const title = htmlTitle(html);
      const h1 = htmlH1(html);
      if (title) base.title = title;
      if (h1) base.h1 = h1;
      const body = compactHtml(html, this.o.keepBodyBytes);
      if (body) base.body = body;
      const action = samlPostForm(html);
      if (action !== undefined) {
        const target = parseUrl(action || finalUrl, finalUrl);
        const provider: LoginProvider = (target && identityProviderOf(target.hostname)) ?? 'saml';
        return { ...base, kind: 'protected', login: target ? { provider, url: target.href } : { provider } };
      }
      if (saysNotFound(title) || saysNotFound(h1)) {
        return { ...base, kind: 'soft-404', reason: 'not-found-title', detail: title ?? h1 };
      }
      if (chain.length > 1) {
        const from = new URL(startUrl);
        const to = new URL(finalUrl);
        if (!HOME_PATH.test(from.pathname) && HOME_PATH.test(to.pathname) && !to.search) {
          return { ...base, kind: 'soft-404', reason: 'redirect-home', detail: `redirected to ${to.href}` };
        }
        if (NOT_FOUND_PATH.test(to.pathname)) {
          return { ...base, kind: 'soft-404', reason: 'redirect-404', detail: `redirected to ${to.href}` };
        }
      }
      if (withProbe && !HOME_PATH.test(new URL(finalUrl).pathname)) {
        const probe = await this.probe(new URL(finalUrl).origin);
        if (matchesProbe(probe, finalUrl, chain.length > 1, title, html)) {
          return { ...base, kind: 'soft-404', reason: 'probe-match', detail: `looks like what ${new URL(finalUrl).host} answers for a page that does not exist` };
        }
      }
      return base;
    }

    const location = h.location;
    if (status === 401 || status === 403) {
      if (location) {
        const target = parseUrl(location, finalUrl);
        const wall = target && loginWallOf(target, true);
        if (target && wall) return { ...base, kind: 'protected', login: { provider: wall, url: target.href } };
      }
      if (h['cf-mitigated']) return { ...base, kind: 'unverifiable', reason: 'bot-wall', detail: `cf-mitigated: ${h['cf-mitigated']}` };
      if (status === 401 && h['www-authenticate']) return { ...base, kind: 'protected', login: { provider: 'http-auth' } };
      return { ...base, kind: 'unverifiable', reason: 'forbidden', detail: `${status} without a login page` };
    }
    if (status === 999 || h['cf-mitigated']) {
      return { ...base, kind: 'unverifiable', reason: 'bot-wall', detail: h['cf-mitigated'] ? `cf-mitigated: ${h['cf-mitigated']}` : `status ${status}` };
    }
    if (status === 429) return { ...base, kind: 'unverifiable', reason: 'rate-limited', detail: `still 429 after ${res.attempts} attempts` };
    if (status === 404) return { ...base, kind: 'dead', reason: 'not-found' };
    if (status === 410) return { ...base, kind: 'dead', reason: 'gone' };
    if (status >= 500 && status <= 599) return { ...base, kind: 'dead', reason: 'server-error', detail: `${status} after ${res.attempts} attempts` };
    if (status >= 400 && status <= 499) return { ...base, kind: 'dead', reason: 'client-error' };
    if (status >= 300 && status <= 399) return { ...base, kind: 'dead', reason: 'client-error', detail: `unexpected ${status}` };
    return { ...base, kind: 'unreachable', error: 'network', detail: `unexpected status ${status}` };
  }

  /** What the origin answers for a path that cannot exist (one probe per origin per run). */
  private probe(origin: string): Promise<Fingerprint> {
    let p = this.probes.get(origin);
    if (!p) {
      const slug = `brieflint-${randomBytes(6).toString('hex')}`;
      p = (async () => {
        const url = `${origin}/${slug}`;
        const { outcome, res } = await this.followed(url, false);
        const html = outcome.kind === 'ok' && res.body ? textOf(res) : '';
        return {
          kind: outcome.kind,
          finalUrl: outcome.finalUrl,
          redirected: outcome.chain.length > 1,
          title: outcome.title,
          words: wordsWithout(html, slug),
          slug,
        };
      })();
      this.probes.set(origin, p);
    }
    return p;
  }
}

function wordsWithout(html: string, ...remove: string[]): Set<string> {
  let text = visibleText(html);
  for (const r of remove) if (r) text = text.split(r).join(' ');
  return wordSet(text);
}

function matchesProbe(probe: Fingerprint, finalUrl: string, redirected: boolean, title: string | undefined, html: string): boolean {
  if (probe.kind !== 'ok') return false;
  if (redirected && probe.redirected) {
    const a = new URL(finalUrl);
    const b = new URL(probe.finalUrl);
    if (a.origin === b.origin && a.pathname === b.pathname) return true;
  }
  if ((probe.title ?? '') !== (title ?? '')) return false;
  // A near-empty shell (a JavaScript app) says nothing either way.
  if (probe.words.size < 5) return false;
  const path = new URL(finalUrl).pathname;
  const pathWords = path.split('/').filter(Boolean);
  const words = wordsWithout(html, ...pathWords);
  const probeWords = new Set([...probe.words].filter((w) => !pathWords.includes(w)));
  return similarity(words, probeWords) >= 0.9;
}
