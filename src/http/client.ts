/**
 * The one HTTP client of brieflint's outside calls (live site, forms API, KCC knowledge base):
 * GET only, redirects followed by hand and recorded, credentials only to their own origin, the
 * private-address guard on every hop, body and header caps, a timeout per attempt, bounded
 * retries with backoff and Retry-After, per-host and overall limits, trusted CAs, and the proxy
 * from HTTPS_PROXY/HTTP_PROXY/NO_PROXY. It never throws for a network failure: the answer says
 * what went wrong (`error`, see classifyError); only the run's abort signal throws.
 */
import type { LookupFunction } from 'node:net';
import { request, type Dispatcher } from 'undici';
import { REPOSITORY_URL, VERSION } from '../paths.js';
import { parseRetryAfter, retrying } from '../retry.js';
import { Connections } from './dispatcher.js';
import { classifyError, proxyFailure, type HttpErrorCode } from './errors.js';
import { RequestLimits } from './limits.js';
import { proxyFromEnv, type ProxySettings } from './proxy.js';
import { parseUrl, redactUrl } from '../model/url.js';
import type { ConnectToRule } from './connect-to.js';

const REDIRECT = new Set([301, 302, 303, 307, 308]);

export interface HttpClientOptions {
  /** Sent with every request. */
  userAgent: string;
  /** Headers that are no secret, sent with every request (`accept` …). */
  headers?: Record<string, string>;
  /** Connect timeout, and the timeout of each whole attempt (headers and body), in ms. */
  timeoutMs: number;
  /** Extra attempts after a retryable answer (see `retry`). */
  retries: number;
  /** First retry delay in ms, doubled each retry. */
  retryBaseMs: number;
  /** Cap on one wait (a Retry-After or a backoff delay), in ms. */
  maxRetryWaitMs: number;
  /** Wait a random 50–100 % of the backoff delay (default true). */
  jitter?: boolean;
  /** Requests in flight at once, and to one host (`host:port`). */
  concurrency: number;
  perHost: number;
  /** The limit for one host (`host:port`) when it differs from `perHost` (the gemeente's own hosts). */
  perHostFor?(host: string): number;
  /** The most `perHostFor` gives (the connection pools are made that large; the limit above holds). */
  maxPerHost?: number;
  /** Bytes of a body read at most; a longer one is cut off and `truncated`. */
  maxBodyBytes: number;
  /** Bytes of response headers accepted (default 64 KiB); more is a `network` error. */
  maxHeaderBytes?: number;
  /** Redirects followed at most (default 10). */
  maxRedirects?: number;
  connectTo?: ConnectToRule[];
  /** Allow loopback, private and link-local addresses (connectTo targets always are). */
  allowPrivate?: boolean;
  /** Extra trusted CA certificates (PEM text), on top of the system's roots. */
  ca?: string[];
  /** DNS lookup (default `dns.lookup`). */
  lookup?: LookupFunction;
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Embedding: every request through this dispatcher (no proxy, guard or CA of ours). */
  dispatcher?: Dispatcher;
  /** The run's abort signal: aborting throws out of every call. */
  signal?: AbortSignal;
  /** Whether to read the body of a (non-redirect) answer (default: always); otherwise it is dropped. */
  readBody?(status: number, headers: Record<string, string>): boolean;
  /** Whether an answer is worth another attempt (default: timeouts, resets, 408, 429, 5xx; not a bot wall's challenge). */
  retry?(res: HopAnswer): boolean;
  /** Ask each distinct URL at most once per client (per set of credentials): later calls share the answer. */
  memoize?: boolean;
  /** Told about every attempt once it is answered (check --verbose): never headers, never credentials. */
  onAttempt?(event: AttemptEvent): void;
}

/** One attempt, as --verbose shows it. */
export interface AttemptEvent {
  /** The URL requested (without user name or password). */
  url: string;
  /** 1 for the first attempt, 2 for the first retry … */
  attempt: number;
  status?: number;
  /** A redirect's Location. */
  location?: string;
  error?: HttpErrorCode;
  detail?: string;
  /** The connectTo rule that mapped the host, as `host:port:addr:port`. */
  connectTo?: string;
  /** The proxy the request went through (without credentials). */
  proxy?: string;
  ms: number;
}

/** Secret headers (Authorization, Cookie …) and the origins allowed to receive them. */
export interface Credentials {
  origins: Iterable<string>;
  headers: Record<string, string>;
}

export interface GetOptions {
  /** Headers for this request (no secret). */
  headers?: Record<string, string>;
  credentials?: Credentials;
  /** Follow redirects (default true); false answers the redirect itself. */
  follow?: boolean;
  /** A redirect target not to request (a login wall): the redirect is the answer, `location` says where. */
  stopAt?(next: URL): boolean;
}

/** One response on the way: the URL requested, its status and, for a redirect, its Location. */
export interface Hop {
  url: string;
  status: number;
  location?: string;
}

/** The answer to one request (one hop). */
export interface HopAnswer {
  /** The URL requested. */
  url: string;
  /** Absent when there was no HTTP answer (see error). */
  status?: number;
  /** Lowercased names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** The body (at most maxBodyBytes), when read. */
  body?: Buffer;
  /** The body was longer than maxBodyBytes. */
  truncated?: boolean;
  error?: HttpErrorCode;
  detail?: string;
  /** The underlying error code (`SELF_SIGNED_CERT_IN_CHAIN`, `ECONNREFUSED` …). */
  cause?: string;
  /** Attempts made for this answer (1 + retries). */
  attempts: number;
}

/** The answer at the end of the redirects. */
export interface HttpAnswer extends HopAnswer {
  /** Every response in order, redirects included (the last one is `url`'s). */
  chain: Hop[];
  /** For a redirect that was not followed (`follow: false`, `stopAt`, a bad target): where it pointed. */
  location?: string;
}

/** `brieflint/<version> (+<repository>)`: who is asking, for every outside call. */
export function defaultUserAgent(): string {
  return `brieflint/${VERSION} (+${REPOSITORY_URL})`;
}

/** The default retry rule: a timeout, a dropped connection, 408, 429 or a 5xx (not a bot wall's challenge). */
export function retryable(res: { error?: string; status?: number; headers?: Record<string, string> }): boolean {
  if (res.error) return res.error === 'timeout' || res.error === 'reset';
  if (res.headers?.['cf-mitigated']) return false;
  const s = res.status ?? 0;
  return s === 408 || s === 429 || (s >= 500 && s <= 599);
}

/** The charset of a Content-Type (default utf-8). */
export function charsetOf(contentType: string | undefined): string {
  const m = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '');
  return m ? m[1].toLowerCase() : 'utf-8';
}

/** The body as text, in the charset its Content-Type names (utf-8 when unknown). */
export function textOf(res: Pick<HopAnswer, 'body' | 'headers'>): string {
  if (!res.body) return '';
  try {
    return new TextDecoder(charsetOf(res.headers['content-type'])).decode(res.body);
  } catch {
    return new TextDecoder('utf-8').decode(res.body);
  }
}

async function readBounded(body: Dispatcher.ResponseData['body'], max: number): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const b = chunk as Buffer;
    chunks.push(b);
    size += b.length;
    if (size > max) {
      // Leaving the loop destroys the stream: undici drops the connection.
      return { body: Buffer.concat(chunks).subarray(0, max), truncated: true };
    }
  }
  return { body: Buffer.concat(chunks), truncated: false };
}

export class HttpClient {
  /** HTTP requests made (every attempt). */
  requests = 0;
  private readonly connections?: Connections;
  private readonly limits: RequestLimits;
  private readonly memo = new Map<string, Promise<HopAnswer>>();
  private readonly proxy: ProxySettings;

  /** Throws ProxyError when a proxy variable is malformed. */
  constructor(private readonly o: HttpClientOptions) {
    this.limits = new RequestLimits(o.concurrency, o.perHostFor ?? o.perHost);
    this.proxy = o.dispatcher ? { noProxy: '' } : proxyFromEnv(o.env ?? process.env);
    if (!o.dispatcher) {
      this.connections = new Connections({
        connectTo: o.connectTo ?? [],
        ca: o.ca ?? [],
        allowPrivate: o.allowPrivate ?? false,
        timeoutMs: o.timeoutMs,
        perHost: Math.max(o.perHost, o.maxPerHost ?? 0),
        maxHeaderBytes: o.maxHeaderBytes ?? 64 * 1024,
        lookup: o.lookup,
        proxy: this.proxy,
      });
    }
  }

  /** The proxies this client uses (from the environment). */
  get proxies(): Readonly<ProxySettings> {
    return this.proxy;
  }

  /**
   * GET `url`, following redirects by hand: a loop, more than maxRedirects, a redirect without a
   * usable Location or to another scheme is an `error`. Credentials go to a hop only when its
   * origin is one of theirs and the chain has not left those origins (nor gone from https to
   * http) before: once dropped they stay dropped, as browsers drop Authorization.
   */
  async get(url: string, options: GetOptions = {}): Promise<HttpAnswer> {
    const chain: Hop[] = [];
    const seen = new Set<string>();
    const max = this.o.maxRedirects ?? 10;
    const origins = options.credentials ? new Set(options.credentials.origins) : undefined;
    let trusted = true;
    let sawHttps = false;
    let current = url;
    let last: HopAnswer | undefined;
    for (let redirects = 0; ; redirects++) {
      if (seen.has(current)) {
        return { url: current, headers: {}, attempts: last?.attempts ?? 0, error: 'redirect-loop', detail: `redirect loop back to ${current}`, chain, ...(last?.status !== undefined ? { status: last.status } : {}) };
      }
      seen.add(current);
      let u: URL;
      try {
        u = new URL(current);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`not an http(s) URL: ${current}`);
      } catch (e) {
        return { url: current, headers: {}, attempts: 0, error: 'bad-url', detail: e instanceof TypeError ? `invalid URL: ${current}` : (e as Error).message, chain };
      }
      if (u.protocol === 'http:' && sawHttps) trusted = false;
      if (u.protocol === 'https:') sawHttps = true;
      if (origins && !origins.has(u.origin)) trusted = false;
      const secret = origins && trusted ? options.credentials!.headers : undefined;
      const res = await this.hop(u, options.headers, secret);
      last = res;
      if (res.error || res.status === undefined) return { ...res, chain };
      const status = res.status;
      const location = res.headers.location;
      const isRedirect = REDIRECT.has(status);
      chain.push(isRedirect && location !== undefined ? { url: current, status, location } : { url: current, status });
      if (!isRedirect || options.follow === false) return { ...res, chain, ...(isRedirect && location ? { location } : {}) };
      const failed = (detail: string, at?: string): HttpAnswer => ({ ...res, chain, error: 'bad-redirect', detail, ...(at ? { location: at } : {}) });
      if (!location) return failed(`${status} without a Location`);
      const next = parseUrl(location, current);
      if (!next) return failed(`invalid Location: ${location}`);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return failed(`redirect to ${next.protocol} URL`, next.href);
      if (options.stopAt?.(next)) return { ...res, chain, location: next.href };
      next.hash = '';
      if (redirects + 1 > max) return { ...res, chain, error: 'too-many-redirects', detail: `more than ${max} redirects` };
      current = next.href;
    }
  }

  /** One hop: limits, retries, memo. */
  private hop(u: URL, headers: Record<string, string> | undefined, secret: Record<string, string> | undefined): Promise<HopAnswer> {
    // Credentials in the URL itself are never sent.
    u.username = '';
    u.password = '';
    const key = `${u.href}\u0000${secret ? Object.keys(secret).sort().join(',') : ''}\u0000${JSON.stringify(headers ?? {})}`;
    if (this.o.memoize) {
      const hit = this.memo.get(key);
      if (hit) return hit;
    }
    const host = u.host.toLowerCase();
    const p = retrying(
      { retries: this.o.retries, baseMs: this.o.retryBaseMs, maxWaitMs: this.o.maxRetryWaitMs, jitter: this.o.jitter ?? true, signal: this.o.signal },
      async (n) => {
        const res = await this.limits.run(host, () => this.attempt(u, headers, secret, n + 1));
        res.attempts = n + 1;
        return res;
      },
      (res) => ((this.o.retry ?? retryable)(res) ? { retryAfterMs: parseRetryAfter(res.headers['retry-after']) } : undefined),
    );
    if (this.o.memoize) this.memo.set(key, p);
    return p;
  }

  /** One attempt under the timeout (and the run's abort signal, which throws). */
  private async attempt(u: URL, extra: Record<string, string> | undefined, secret: Record<string, string> | undefined, n = 1): Promise<HopAnswer> {
    if (!this.o.onAttempt) return this.attemptOnce(u, extra, secret);
    const started = performance.now();
    let route: { connectTo?: ConnectToRule; proxy?: string } = {};
    const res = await this.attemptOnce(u, extra, secret, (r) => (route = r));
    const { connectTo, proxy } = route;
    this.o.onAttempt({
      url: res.url,
      attempt: n,
      ...(res.status !== undefined ? { status: res.status } : {}),
      ...(res.headers.location !== undefined && REDIRECT.has(res.status ?? 0) ? { location: res.headers.location } : {}),
      ...(res.error ? { error: res.error } : {}),
      ...(res.detail ? { detail: res.detail } : {}),
      ...(connectTo ? { connectTo: [connectTo.host, connectTo.port, connectTo.toHost, connectTo.toPort].map((p) => (p.includes(':') ? `[${p}]` : p)).join(':') } : {}),
      ...(proxy ? { proxy: redactUrl(proxy) } : {}),
      ms: Math.round(performance.now() - started),
    });
    return res;
  }

  private async attemptOnce(
    u: URL,
    extra: Record<string, string> | undefined,
    secret: Record<string, string> | undefined,
    onRoute?: (route: { connectTo?: ConnectToRule; proxy?: string }) => void,
  ): Promise<HopAnswer> {
    const url = u.href;
    this.o.signal?.throwIfAborted();
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = this.o.signal ? AbortSignal.any([this.o.signal, timeout]) : timeout;
    try {
      let dispatcher = this.o.dispatcher;
      let viaProxy = false;
      if (this.connections) {
        const route = this.connections.route(u);
        onRoute?.(route);
        if (route.proxy) await this.connections.targetGuard(u, signal);
        dispatcher = route.dispatcher;
        viaProxy = route.proxy !== undefined;
      }
      this.requests++;
      const r = await request(url, {
        method: 'GET',
        signal,
        headers: { 'user-agent': this.o.userAgent, ...this.o.headers, ...extra, ...secret },
        ...(dispatcher ? { dispatcher } : {}),
      });
      const headers: Record<string, string> = {};
      for (const [name, v] of Object.entries(r.headers)) {
        if (v !== undefined) headers[name.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
      }
      const status = r.statusCode;
      // An http:// URL through a proxy: an error page the proxy made is not the target's answer.
      const failure = viaProxy && u.protocol === 'http:' && status >= 400 ? proxyFailure(headers) : undefined;
      if (failure) {
        await r.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { url, headers: {}, error: failure.code, detail: failure.detail, attempts: 1 };
      }
      if (REDIRECT.has(status) || !(this.o.readBody?.(status, headers) ?? true)) {
        // Not needed: drop the body, closing the connection when it is long.
        await r.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { url, status, headers, attempts: 1 };
      }
      const { body, truncated } = await readBounded(r.body, this.o.maxBodyBytes);
      return { url, status, headers, body, ...(truncated ? { truncated } : {}), attempts: 1 };
    } catch (error) {
      if (this.o.signal?.aborted) throw this.o.signal.reason ?? error;
      const { code, detail, cause } = classifyError(error, timeout.aborted);
      return { url, headers: {}, error: code, detail, ...(cause ? { cause } : {}), attempts: 1 };
    }
  }

  /** Let the connections end (after the last answer). */
  close(): Promise<unknown> {
    return this.connections?.close() ?? Promise.resolve();
  }

  /** Drop the connections at once. */
  destroy(): Promise<unknown> {
    return this.connections?.destroy() ?? Promise.resolve();
  }
}
