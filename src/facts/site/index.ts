/**
 * The live-site checker: every distinct printed URL fetched once per run, with the variants a
 * resident may type on the gemeente's own domains. It runs in the facts phase, after the letters
 * are read and before the rules, so rules judge what was fetched and never fetch anything.
 */
import { hostnameOf, hostPart, onDomain, parseUrl, withoutWww } from '../../model/url.js';
import { createHash } from 'node:crypto';
import { HttpClient, defaultUserAgent, parseConnectTo, type AttemptEvent, type HttpClientOptions } from '../../http/index.js';
import { cacheFingerprint, SiteCache } from './cache.js';
import { SITE_DEFAULTS } from './config.js';
import { compileExclude, type ExcludeRule } from './exclude.js';
import { Follower } from './check.js';
import { isLive } from '../../model/site-results.js';
import { VERSION } from '../../paths.js';
import type { CheckOutcome, SiteFacts, SiteOptions, UrlResult, VariantKind, VariantProblem, VariantResult } from './types.js';

export type * from './types.js';
export { siteConfigSchema, siteOptionsFromConfig, DEFAULT_CACHE_FILE, SITE_DEFAULTS } from './config.js';
export { isLive, checkableUrls, siteResults, liveVariant } from '../../model/site-results.js';
export { parseConnectTo, isPrivateAddress, defaultUserAgent } from '../../http/index.js';


/** The connection settings the live-site and forms checks share (see SiteOptions). */
export type ConnectionOptions = Pick<
  SiteOptions,
  'connectTo' | 'ca' | 'allowPrivate' | 'lookup' | 'env' | 'userAgent' | 'signal' | 'timeoutMs' | 'retries' | 'concurrency' | 'perHost' | 'maxBodyBytes' | 'retryBaseMs' | 'maxRetryWaitMs'
>;

/**
 * The HTTP client of a check (connectTo, CA, private-address guard, proxy), defaults filled in;
 * `extra` adds what is the check's own (headers, which bodies to read …). Throws ProxyError for a
 * malformed proxy variable.
 */
export function openConnection(
  options: ConnectionOptions,
  defaults: { concurrency: number; perHost: number; maxBodyBytes: number; maxRedirects: number },
  extra: Partial<HttpClientOptions> = {},
): HttpClient {
  return new HttpClient({
    connectTo: (options.connectTo ?? []).map(parseConnectTo),
    ca: options.ca,
    allowPrivate: options.allowPrivate ?? false,
    lookup: options.lookup,
    env: options.env,
    userAgent: options.userAgent ?? defaultUserAgent(),
    timeoutMs: options.timeoutMs ?? SITE_DEFAULTS.timeoutMs,
    retries: Math.max(0, options.retries ?? SITE_DEFAULTS.retries),
    concurrency: options.concurrency ?? defaults.concurrency,
    perHost: options.perHost ?? defaults.perHost,
    maxBodyBytes: options.maxBodyBytes ?? defaults.maxBodyBytes,
    maxRedirects: defaults.maxRedirects,
    retryBaseMs: options.retryBaseMs ?? SITE_DEFAULTS.retryBaseMs,
    maxRetryWaitMs: options.maxRetryWaitMs ?? SITE_DEFAULTS.maxRetryWaitMs,
    signal: options.signal,
    ...extra,
  });
}

/** A 2xx that may be HTML: the only bodies the live check reads. */
function mayBeHtml(status: number, headers: Record<string, string>): boolean {
  const type = headers['content-type'] ?? '';
  return status >= 200 && status < 300 && (type === '' || /html|xml|text\/plain/i.test(type));
}

interface Remapper {
  (url: string): string;
  /** Hosts that remap produced (counted as own for `offsite`). */
  hosts: Set<string>;
  /** The indexes of the rules that rewrite this URL (for --verbose). */
  applied(url: string): number[];
}

function compileRemap(rules: SiteOptions['remap']): Remapper {
  const compiled = (rules ?? []).map((r) => {
    try {
      return { re: new RegExp(r.pattern), replacement: r.replacement };
    } catch (error) {
      throw new Error(`site.remap: invalid pattern ${JSON.stringify(r.pattern)}: ${(error as Error).message}`);
    }
  });
  const hosts = new Set<string>();
  const remap = ((url: string) => {
    let out = url;
    for (const { re, replacement } of compiled) out = out.replace(re, replacement);
    if (out === url) return url;
    const u = parseUrl(out);
    if (!u) return out;
    if (u.hostname !== parseUrl(url)?.hostname) hosts.add(u.hostname.toLowerCase());
    return u.href;
  }) as Remapper;
  remap.hosts = hosts;
  remap.applied = (url: string) => {
    const out: number[] = [];
    let current = url;
    compiled.forEach(({ re, replacement }, i) => {
      const next = current.replace(re, replacement);
      if (next !== current) out.push(i);
      current = next;
    });
    return out;
  };
  return remap;
}

/** The URLs a resident may type for a printed own-domain URL (the printed URL itself excluded). */
export function variantUrls(href: string, domains: string[]): Array<{ variant: VariantKind; url: string }> {
  const u = new URL(href);
  const host = u.hostname.toLowerCase();
  const out: Array<{ variant: VariantKind; url: string }> = [];
  const withParts = (protocol: string, hostname: string) => {
    const v = new URL(u.href);
    v.protocol = protocol;
    v.hostname = hostname;
    return v.href;
  };
  const explicitPort = u.port !== '';
  if (u.protocol === 'http:' && !explicitPort) out.push({ variant: 'https', url: withParts('https:', host) });
  const scheme = explicitPort ? u.protocol : 'https:';
  if (host.startsWith('www.')) out.push({ variant: 'no-www', url: withParts(scheme, host.slice(4)) });
  else if (domains.includes(host)) out.push({ variant: 'www', url: withParts(scheme, `www.${host}`) });
  if (!explicitPort) out.push({ variant: 'http', url: withParts('http:', host) });
  return out;
}

/**
 * Same page: host compared without `www.`, default ports, trailing slash and scheme ignored. Not
 * src/extract/urls.ts urlKey: these URLs were fetched, so a fragment (never sent) does not count.
 */
function pageKey(url: string): string {
  const u = parseUrl(url);
  if (!u) return url;
  const host = withoutWww(u.hostname.toLowerCase());
  const path = u.pathname.replace(/\/+$/, '') || '/';
  return `${host}:${u.port}${path}${u.search}`;
}

function variantProblem(main: CheckOutcome, v: CheckOutcome): VariantProblem | undefined {
  if (!isLive(main.kind) || v.kind === 'unverifiable') return undefined;
  if (!isLive(v.kind)) return 'not-live';
  const sameLogin = main.kind === 'protected' && v.kind === 'protected' && main.login?.provider === v.login?.provider;
  if (!sameLogin && pageKey(main.finalUrl) !== pageKey(v.finalUrl)) return 'other-page';
  if (main.finalUrl.startsWith('https:') && !v.finalUrl.startsWith('https:')) return 'no-https';
  return undefined;
}

interface Fetched {
  outcome: CheckOutcome;
  at: number;
  fromCache: boolean;
}

/**
 * Check every distinct href (normalized absolute URLs as the letters print them). Results are
 * keyed by the href as given; every distinct URL (after remap) is requested once.
 */
export async function checkSite(hrefs: string[], options: SiteOptions): Promise<SiteFacts> {
  const session = await openSiteSession(options);
  for (const href of hrefs) session.add(href);
  options.onProgress?.(0, new Set(hrefs).size, '');
  return session.finish();
}

/** A live-site check that takes URLs as they are found (while letters are still being read). */
export interface SiteSession {
  /** Start checking this href, unless it was added before. */
  add(href: string): void;
  /** Wait for every added href, close the connections, save the cache. */
  finish(): Promise<SiteFacts>;
}

export async function openSiteSession(options: SiteOptions): Promise<SiteSession> {
  const domains = options.domains.map((d) => d.toLowerCase().replace(/^\.+|\.+$/g, ''));
  const now = options.now ?? Date.now;
  const remap = compileRemap(options.remap);
  const maxRedirects = options.maxRedirects ?? SITE_DEFAULTS.maxRedirects;
  const keepBodyBytes = options.keepBodyBytes ?? SITE_DEFAULTS.keepBodyBytes;
  const probe = options.probe ?? true;
  // The gemeente's own hosts may take more requests at once than other sites (README: "The live-site check").
  const perHost = options.perHost ?? SITE_DEFAULTS.perHost;
  const ownPerHost = options.ownPerHost ?? options.perHost ?? SITE_DEFAULTS.ownPerHost;
  const client = openConnection(
    options,
    { ...SITE_DEFAULTS, maxRedirects },
    {
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8', 'accept-language': 'nl,en;q=0.7' },
      readBody: mayBeHtml,
      // One request per distinct URL per run: variants that redirect to the printed URL share its answer.
      memoize: true,
      perHostFor: (host: string) => (onDomain(hostPart(host), domains) ? ownPerHost : perHost),
      maxPerHost: Math.max(perHost, ownPerHost),
      ...(options.onEvent ? { onAttempt: (request: AttemptEvent) => options.onEvent?.({ kind: 'request', request }) } : {}),
    },
  );
  // Everything that changes what a fetch gives: a cache written with other settings is not used.
  const fingerprint = cacheFingerprint({
    brieflint: VERSION,
    remap: options.remap ?? [],
    connectTo: options.connectTo ?? [],
    ca: (options.ca ?? []).map((pem) => createHash('sha256').update(pem).digest('hex')),
    allowPrivate: options.allowPrivate ?? false,
    timeoutMs: options.timeoutMs ?? SITE_DEFAULTS.timeoutMs,
    retries: Math.max(0, options.retries ?? SITE_DEFAULTS.retries),
    maxBodyBytes: options.maxBodyBytes ?? SITE_DEFAULTS.maxBodyBytes,
    maxRetryWaitMs: options.maxRetryWaitMs ?? SITE_DEFAULTS.maxRetryWaitMs,
    userAgent: options.userAgent ?? defaultUserAgent(),
    maxRedirects,
    keepBodyBytes,
    probe,
  });
  const cache = options.cache ? new SiteCache(options.cache.path, options.cache.ttlSeconds * 1000, now, fingerprint) : undefined;
  const follower = new Follower(client, { keepBodyBytes, probe });
  await cache?.load();
  let cacheHits = 0;

  const memo = new Map<string, Promise<Fetched>>();
  const fetchOutcome = (url: string): Promise<Fetched> => {
    let p = memo.get(url);
    if (!p) {
      p = (async () => {
        const hit = cache?.get(url);
        if (hit) {
          cacheHits++;
          options.onEvent?.({ kind: 'cache', url, checkedAt: new Date(hit.at).toISOString() });
          return { outcome: hit.outcome, at: hit.at, fromCache: true };
        }
        const outcome = await follower.follow(url);
        const at = now();
        if (cache && isLive(outcome.kind)) cache.set(url, outcome, at);
        return { outcome, at, fromCache: false };
      })();
      memo.set(url, p);
    }
    return p;
  };

  const distinct: string[] = [];
  const pending: Array<Promise<void>> = [];
  let done = 0;

  const checkOne = async (href: string): Promise<UrlResult> => {
    let u: URL;
    try {
      u = new URL(href);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`not an http(s) URL: ${href}`);
    } catch (error) {
      return {
        url: href,
        fetchedUrl: href,
        kind: 'unreachable',
        error: 'bad-url',
        detail: (error as Error).message,
        finalUrl: href,
        chain: [],
        offsite: false,
        ownDomain: false,
        variants: [],
        fromCache: false,
        checkedAt: new Date(now()).toISOString(),
      };
    }
    const ownDomain = onDomain(u.hostname, domains);
    u.hash = ''; // a fragment is never sent: #kop and #andere-kop are one fetch
    const fetchedUrl = remap(u.href);
    const variants = ownDomain ? variantUrls(u.href, domains).map((v) => ({ ...v, fetchedUrl: remap(v.url) })) : [];
    const [main, ...vs] = await Promise.all([fetchOutcome(fetchedUrl), ...variants.map((v) => fetchOutcome(v.fetchedUrl))]);
    const m = main.outcome;
    const variantResults: VariantResult[] = variants.map((v, i) => {
      const { body: _body, ...rest } = vs[i].outcome;
      const problem = variantProblem(m, rest);
      return { variant: v.variant, url: v.url, fetchedUrl: v.fetchedUrl, ...rest, ...(problem ? { problem } : {}) };
    });
    let offsite = false;
    if (ownDomain && m.chain.length > 1 && m.kind !== 'unreachable') {
      const finalHost = hostnameOf(m.finalUrl);
      offsite = finalHost !== undefined && !onDomain(finalHost, domains) && !remap.hosts.has(finalHost);
    }
    return {
      url: href,
      fetchedUrl,
      ...m,
      offsite,
      ownDomain,
      variants: variantResults,
      fromCache: main.fromCache,
      checkedAt: new Date(main.at).toISOString(),
    };
  };

  const urls: Record<string, UrlResult> = {};
  const seen = new Set<string>();
  const excludedBy = compileExclude(options.exclude);
  const excluded: Record<string, ExcludeRule> = {};
  let error: unknown;
  const add = (href: string): void => {
    if (seen.has(href)) return;
    seen.add(href);
    const rule = excludedBy(href);
    if (rule) {
      excluded[href] = rule; // not fetched: the report says why
      options.onEvent?.({ kind: 'excluded', href, rule });
      return;
    }
    distinct.push(href);
    pending.push(
      checkOne(href).then(
        (result) => {
          urls[href] = result;
          if (options.onEvent) {
            let applied: number[] = [];
            const u = parseUrl(href);
            if (u) {
              u.hash = '';
              applied = remap.applied(u.href);
            }
            options.onEvent({ kind: 'done', result, remap: applied });
          }
          done++;
          options.onResult?.(href, result);
          const host = parseUrl(href)?.host ?? '';
          options.onProgress?.(done, distinct.length, host);
        },
        (e: unknown) => {
          error ??= e;
        },
      ),
    );
  };

  const finish = async (): Promise<SiteFacts> => {
    // URLs added while waiting are waited for too.
    for (let waited = 0; waited < pending.length; waited = pending.length) await Promise.all(pending.slice(waited));
    await (error ? client.destroy() : client.close()).catch(() => undefined);
    if (error) throw error;
    await cache?.save(); // never throws: what goes wrong is in cache.warnings
    // Stable order: as handed in.
    const ordered: Record<string, UrlResult> = {};
    for (const href of distinct) ordered[href] = urls[href];
    return {
      urls: ordered,
      stats: { urls: distinct.length, requests: client.requests, cacheHits, ...(cache?.warnings.length ? { cacheWarnings: cache.warnings } : {}) },
      ...(Object.keys(excluded).length ? { excluded } : {}),
    };
  };
  return { add, finish };
}
