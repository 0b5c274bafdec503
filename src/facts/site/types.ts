/**
 * Types of the live-site checker. `checkSite()` in ./index.ts fills `SiteFacts`; rules
 * read it and never fetch anything themselves.
 */
import type { LookupFunction } from 'node:net';
import type { HttpErrorCode } from '../../http/errors.js';
import type { Message } from '../../types.js';
import type { AttemptEvent } from '../../http/client.js';
import type { ExcludeRule } from './exclude.js';

export type { ExcludeRule } from './exclude.js';

/**
 * What a URL turned out to be.
 * - `ok`: a live page (2xx) that is not a soft 404.
 * - `protected`: live behind a login wall (DigiD, eHerkenning, eIDAS, OIDC, SAML, HTTP auth).
 * - `soft-404`: answered 200 but says the page does not exist, or sent the reader home / to /404.
 * - `dead`: 404, 410, another 4xx, or a 5xx that persisted after retries.
 * - `unreachable`: no HTTP answer (see `UnreachableCode`).
 * - `unverifiable`: a bot wall or rate limit kept the answer from us; not reported as broken.
 */
export type UrlKind = 'ok' | 'protected' | 'soft-404' | 'dead' | 'unreachable' | 'unverifiable';

/** Why there was no usable HTTP answer (see src/http/errors.ts). */
export type UnreachableCode = HttpErrorCode;

/** The finer reason behind a kind. */
export type ResultReason =
  // dead
  | 'not-found'
  | 'gone'
  | 'client-error'
  | 'server-error'
  // soft-404
  | 'not-found-title'
  | 'redirect-home'
  | 'redirect-404'
  | 'probe-match'
  // unverifiable
  | 'bot-wall'
  | 'rate-limited'
  | 'forbidden';

export type LoginProvider = 'digid' | 'eherkenning' | 'eidas' | 'oidc' | 'saml' | 'login' | 'http-auth';

export interface LoginWall {
  provider: LoginProvider;
  /** Where the site sent the reader to log in (never fetched). */
  url?: string;
}

/** One response on the way: the URL requested, its status and its Location (if any). */
export interface Hop {
  url: string;
  status: number;
  location?: string;
}

/** The outcome of fetching one URL and following its redirects by hand. */
export interface CheckOutcome {
  kind: UrlKind;
  reason?: ResultReason;
  /**
   * The last URL requested. For `protected` the last page on the site itself: the login URL the
   * site redirected to is in `login.url` and was never requested.
   */
  finalUrl: string;
  /** Status of the last response (absent when there was none). */
  status?: number;
  /** Every response in order, redirects included. */
  chain: Hop[];
  /** Set for `unreachable`. */
  error?: UnreachableCode;
  /** Technical detail of the error or reason (error code, header), for logs and JSON output. */
  detail?: string;
  login?: LoginWall;
  /** `<title>` and first `<h1>` of the landing page (HTML only), whitespace collapsed. */
  title?: string;
  h1?: string;
  contentType?: string;
  /**
   * The landing page's HTML, compacted (scripts, styles, comments and SVG removed, whitespace
   * collapsed) and cut at `keepBodyBytes`: enough for form markers. Main URLs only, cached too.
   */
  body?: string;
}

export type VariantKind = 'https' | 'www' | 'no-www' | 'http';

/**
 * - `not-live`: the variant does not reach a live page (dead, unreachable, soft 404).
 * - `other-page`: it reaches a live page, but not the printed one.
 * - `no-https`: `http://` does not end on HTTPS while the printed URL does.
 */
export type VariantProblem = 'not-live' | 'other-page' | 'no-https';

/** How a URL a resident might type instead of the printed one fared. */
export interface VariantResult extends Omit<CheckOutcome, 'body'> {
  variant: VariantKind;
  /** The variant URL (before remap). */
  url: string;
  /** What was fetched (after remap). */
  fetchedUrl: string;
  /**
   * Set when the printed URL is live (`ok`/`protected`) and this variant fails; never set for an
   * unverifiable variant. `undefined` = fine or not comparable.
   */
  problem?: VariantProblem;
}

/** Everything known about one printed URL. */
export interface UrlResult extends CheckOutcome {
  /** The URL as handed to checkSite (the letter's normalized href): the key in SiteFacts.urls. */
  url: string;
  /** What was fetched (after `remap`). */
  fetchedUrl: string;
  /** The printed URL is on an own domain and its final page is not (login walls excluded). */
  offsite: boolean;
  /** The printed URL's host is one of the own domains (then variants were checked). */
  ownDomain: boolean;
  /** Typed variants (own domains only); the printed URL itself is not repeated here. */
  variants: VariantResult[];
  /** The printed URL's outcome came from the cache file. */
  fromCache: boolean;
  /** When it was fetched (ISO 8601). */
  checkedAt: string;
}

export interface SiteStats {
  /** Distinct URLs handed in. */
  urls: number;
  /** HTTP requests made during this run (retries and probes included). */
  requests: number;
  /** Fetches answered from the cache file. */
  cacheHits: number;
  /** What is wrong with the cache file (unreadable, not a cache, invalid entries, not writable): one line each. */
  cacheWarnings?: Message[];
}

/** The facts of the live-site check: one result per distinct href. */
export interface SiteFacts {
  urls: Record<string, UrlResult>;
  stats: SiteStats;
  /** Hrefs not fetched because `site.exclude` or `.brieflintignore` matches them, with the pattern. */
  excluded?: Record<string, ExcludeRule>;
}

export interface RemapRule {
  /** A JavaScript regular expression (source, no slashes), matched against the whole URL. */
  pattern: string;
  /** Replacement, `$1` … for groups. */
  replacement: string;
}

/** What the live-site check does, step by step, for `check --verbose` (never headers or credentials). */
export type SiteEvent =
  /** One HTTP attempt (redirects and retries are attempts of their own). */
  | { kind: 'request'; request: AttemptEvent }
  /** A printed address not fetched: `site.exclude` or `.brieflintignore` matches it. */
  | { kind: 'excluded'; href: string; rule: ExcludeRule }
  /** An address (printed or a typed variant) answered from the cache file. */
  | { kind: 'cache'; url: string; checkedAt: string }
  /** A printed address is done; `remap`: the indexes of the site.remap rules that rewrote it. */
  | { kind: 'done'; result: UrlResult; remap: number[] };

export interface SiteCacheOptions {
  /** The cache file (JSON). */
  path: string;
  ttlSeconds: number;
}

export interface SiteOptions {
  /** The gemeente's own domains (subdomains included): only these get typed variants. */
  domains: string[];
  /** Applied in order to every URL before fetching; results stay under the original URL. */
  remap?: RemapRule[];
  /** Addresses not to fetch (site.exclude, .brieflintignore): matched against the href before remap. */
  exclude?: ExcludeRule[];
  /**
   * curl `--connect-to` strings `host:port:addr:port` (empty host/port = any; empty addr/port =
   * keep). The URL's host stays the `Host` header and the TLS SNI / certificate name.
   */
  connectTo?: string[];
  /** Extra trusted CA certificates (PEM text), on top of the system's roots. */
  ca?: string[];
  /** Allow loopback, private and link-local addresses (default false; connectTo targets always are). */
  allowPrivate?: boolean;
  /** Timeout for connecting and for each whole request, in ms (default 10 000). */
  timeoutMs?: number;
  /** Retries for 5xx, 408, 429, timeouts and resets (default 2). */
  retries?: number;
  /** Requests in flight at once (default 16). */
  concurrency?: number;
  /** Requests in flight per host that is not an own domain (default 6; own hosts too when ownPerHost is unset). */
  perHost?: number;
  /** Requests in flight to each host on the own domains (default 10, or perHost when only that is set). */
  ownPerHost?: number;
  /** Bytes of a response body read at most (default 512 KiB). */
  maxBodyBytes?: number;
  /** Default `brieflint/<version> (+<repository>)`, see src/paths.ts REPOSITORY_URL. */
  userAgent?: string;
  /** Disk cache of successful results; undefined = no cache. */
  cache?: SiteCacheOptions;
  /** Called after each distinct URL (with its variants) is done, and once with 0 at the start. */
  onProgress?(done: number, total: number, host: string): void;
  /** Each URL's result as soon as it is known (`serve` shows it live). */
  onResult?(href: string, result: UrlResult): void;
  /** Told each step (requests, exclusions, cache hits, each URL's outcome): `check --verbose`. */
  onEvent?(event: SiteEvent): void;
  signal?: AbortSignal;

  // Finer knobs (not in the config file; for tests and embedding).
  /** Redirects followed at most (default 10). */
  maxRedirects?: number;
  /** First retry delay in ms, doubled each retry, with jitter (default 500). */
  retryBaseMs?: number;
  /** Cap on a `Retry-After` wait and on a backoff delay, in ms (default 10 000). */
  maxRetryWaitMs?: number;
  /** Probe each host once with a random path to recognize its soft-404 page (default true). */
  probe?: boolean;
  /** Bytes of compacted landing-page HTML kept in `body` (default 16 KiB; 0 = none). */
  keepBodyBytes?: number;
  /** DNS lookup used for hosts without a connectTo mapping (default `dns.lookup`). */
  lookup?: LookupFunction;
  /** Where the proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY) are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Clock for the cache (default Date.now). */
  now?: () => number;
}
