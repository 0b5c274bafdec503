import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import tls from 'node:tls';
import { Agent, request, type Dispatcher } from 'undici';
import type { Message } from '../../types.js';
import { parseRetryAfter, retrying } from '../../retry.js';
import { KnowledgeBaseError } from './errors.js';
import type { KccConfig } from './config.js';
import { authFromEnv } from './fields.js';
import { redactUrl, uniq } from './text.js';

export interface HttpOptions {
  /** Per attempt (headers and body), milliseconds. */
  timeout: number;
  /** Extra attempts after 5xx, 429, timeouts and connection errors. */
  retries: number;
  /** First retry delay (ms), doubled each retry; Retry-After wins (capped at 30 s). */
  backoff: number;
  /**
   * Secret headers (Authorization, Cookie …) and the one origin allowed to receive them. They are
   * never sent anywhere else: not after a redirect, not to a `next` link on another host.
   */
  auth?: { origin: string; headers: Record<string, string>; hint: Message };
  /** Headers that are no secret, sent with every request (KISS: `is-api`). */
  headers?: Record<string, string>;
  dispatcher?: Dispatcher;
  maxRedirects?: number;
  /** Bytes; a larger answer is an error. */
  maxBody?: number;
}

export interface HttpResponse {
  /** The URL that answered (after redirects). */
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

class RetryableError extends Error {
  constructor(
    readonly reason: Message,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(reason.en);
  }
}

/**
 * GET a URL the careful way: redirects followed by hand (secret headers only to `auth.origin`),
 * a timeout per attempt, bounded retries with backoff. Returns 2xx answers; anything else is a
 * KnowledgeBaseError that names the URL (without credentials) and never contains a secret.
 */
export async function httpGet(url: string, opts: HttpOptions): Promise<HttpResponse> {
  const last = await retrying(
    { retries: opts.retries, baseMs: opts.backoff, maxWaitMs: 30_000, jitter: false },
    () =>
      getOnce(url, opts).catch((e: unknown) => {
        if (e instanceof RetryableError) return e;
        throw e;
      }),
    (r) => (r instanceof RetryableError ? { retryAfterMs: r.retryAfterMs } : undefined),
  );
  if (!(last instanceof RetryableError)) return last;
  const tries = opts.retries + 1;
  throw new KnowledgeBaseError(
    redactUrl(url),
    {
      nl: `${last.reason.nl} (${tries} ${tries === 1 ? 'poging' : 'pogingen'})`,
      en: `${last.reason.en} (${tries} ${tries === 1 ? 'attempt' : 'attempts'})`,
    },
    last.status !== undefined ? { status: last.status } : undefined,
  );
}

async function getOnce(url: string, opts: HttpOptions): Promise<HttpResponse> {
  let current = url;
  const maxRedirects = opts.maxRedirects ?? 5;
  for (let hop = 0; ; hop++) {
    const target = new URL(current);
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      throw new KnowledgeBaseError(redactUrl(url), {
        nl: `stuurt door naar ${redactUrl(current)}, geen http(s)-adres`,
        en: `redirects to ${redactUrl(current)}, not an http(s) URL`,
      });
    }
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'brieflint', ...opts.headers };
    if (opts.auth && target.origin === opts.auth.origin) Object.assign(headers, opts.auth.headers);
    // Credentials in the URL itself are never sent.
    target.username = '';
    target.password = '';

    let res: Dispatcher.ResponseData;
    const signal = AbortSignal.timeout(opts.timeout);
    try {
      res = await request(target, {
        method: 'GET',
        headers,
        signal,
        headersTimeout: opts.timeout,
        bodyTimeout: opts.timeout,
        ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
      });
    } catch (cause) {
      const untrusted = certificateError(cause);
      if (untrusted) {
        // Not retried: a certificate that is not trusted now will not be trusted in a second.
        throw new KnowledgeBaseError(redactUrl(current), {
          nl: `TLS-certificaat niet vertrouwd (${untrusted}); staat de kennisbank achter een eigen CA van de gemeente, noem dat CA-certificaat (PEM) dan in kcc.ca`,
          en: `TLS certificate not trusted (${untrusted}); if the knowledge base is behind the municipality's own CA, name that CA certificate (PEM) in kcc.ca`,
        });
      }
      throw networkError(cause, opts.timeout);
    }
    const status = res.statusCode;
    if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
      await res.body.dump().catch(() => undefined);
      if (hop >= maxRedirects) {
        throw new KnowledgeBaseError(redactUrl(url), {
          nl: `meer dan ${maxRedirects} doorverwijzingen`,
          en: `more than ${maxRedirects} redirects`,
        });
      }
      const loc = Array.isArray(res.headers.location) ? res.headers.location[0] : res.headers.location;
      current = new URL(loc, target).toString();
      continue;
    }
    let body: string;
    try {
      body = await readBody(res, opts.maxBody ?? 50 * 1024 * 1024, redactUrl(current));
    } catch (cause) {
      if (cause instanceof KnowledgeBaseError) throw cause;
      throw networkError(cause, opts.timeout);
    }
    if (status >= 200 && status < 300) return { url: current, status, headers: res.headers, body };
    if (status >= 500 || status === 429 || status === 408) {
      throw new RetryableError(
        { nl: `antwoordt met HTTP ${status}`, en: `answered HTTP ${status}` },
        status,
        parseRetryAfter(header(res, 'retry-after')),
      );
    }
    const where = redactUrl(current);
    if (status === 401 || status === 403) {
      throw new KnowledgeBaseError(
        where,
        {
          nl: `geen toegang (HTTP ${status}) — ${opts.auth?.hint.nl ?? 'de kennisbank vraagt om inloggen; noem in kcc.tokenEnv of kcc.authEnv de omgevingsvariabele met de sleutel'}`,
          en: `access denied (HTTP ${status}) — ${opts.auth?.hint.en ?? 'the knowledge base wants credentials; name the environment variable holding them in kcc.tokenEnv or kcc.authEnv'}`,
        },
        { status },
      );
    }
    throw new KnowledgeBaseError(where, { nl: `antwoordt met HTTP ${status}`, en: `answered HTTP ${status}` }, { status });
  }
}

// Not ../site/fetch.ts readBounded, which cuts a page off: cut-off JSON cannot be read, so too long is an error.
async function readBody(res: Dispatcher.ResponseData, max: number, shown: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > max) {
      res.body.destroy();
      throw new KnowledgeBaseError(shown, { nl: `antwoord groter dan ${max} bytes`, en: `answer larger than ${max} bytes` });
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const CERT_CODES = /^(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|CERT_UNTRUSTED|ERR_TLS_CERT_ALTNAME_INVALID)$/;

/** The code of a certificate the client does not trust, or undefined for any other failure. */
function certificateError(cause: unknown): string | undefined {
  for (let e = cause as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && CERT_CODES.test(e.code)) return e.code;
  }
  return undefined;
}

// Not ../site/fetch.ts classifyError: a knowledge-base failure is a message for the user (exit 2), not a code for a rule.
function networkError(cause: unknown, timeout: number): RetryableError {
  const e = cause as { name?: string; code?: string; message?: string } | undefined;
  const name = e?.name ?? '';
  const code = e?.code ?? '';
  if (name === 'TimeoutError' || name === 'AbortError' || /TIMEOUT/i.test(code)) {
    return new RetryableError({ nl: `geen antwoord binnen ${timeout} ms`, en: `no answer within ${timeout} ms` });
  }
  const detail = code || e?.message || String(cause);
  return new RetryableError({ nl: `onbereikbaar (${detail})`, en: `unreachable (${detail})` });
}

/** The body as JSON, or a KnowledgeBaseError that says what came instead. */
export function parseJson(res: HttpResponse): unknown {
  try {
    return JSON.parse(res.body);
  } catch {
    const looksHtml = /^\s*</.test(res.body);
    throw new KnowledgeBaseError(redactUrl(res.url), {
      nl: looksHtml
        ? 'antwoordt met HTML in plaats van JSON (een inlogpagina? controleer de sessie of sleutel)'
        : 'antwoordt met iets dat geen JSON is',
      en: looksHtml
        ? 'answered HTML instead of JSON (a login page? check the session or key)'
        : 'answered something that is not JSON',
    });
  }
}

export function header(res: Pick<HttpResponse, 'headers'>, name: string): string | undefined {
  const v = res.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The results of one search per distinct term (`kcc.search`, else the run's letter ids and
 * kenmerken), `kcc.concurrency` at a time, with the config's timeout, retries and credentials.
 */
export async function searchEach<T>(
  cfg: KccConfig,
  terms: string[],
  env: NodeJS.ProcessEnv,
  endpoint: string,
  dispatcher: Dispatcher | undefined,
  search: (term: string, http: HttpOptions) => Promise<T[]>,
  headers?: Record<string, string>,
): Promise<T[]> {
  const http = httpOptions(cfg, env, endpoint, dispatcher, headers);
  const results = await mapLimit(uniq(cfg.search ?? terms), cfg.concurrency, (term) => search(term, http));
  return results.flat();
}

/** The config's timeout, retries and credentials (bound to the origin of `endpoint`) as HttpOptions. */
export function httpOptions(
  cfg: KccConfig,
  env: NodeJS.ProcessEnv,
  endpoint: string,
  dispatcher: Dispatcher | undefined,
  headers?: Record<string, string>,
): HttpOptions {
  const auth = authFromEnv(cfg, env, endpoint);
  return {
    timeout: cfg.timeout,
    retries: cfg.retries,
    backoff: cfg.backoff,
    ...(auth ? { auth } : {}),
    ...(headers ? { headers } : {}),
    ...(dispatcher ? { dispatcher } : {}),
  };
}

/**
 * The undici Agent of the HTTP adapters: `kcc.concurrency` connections, and the CA certificates
 * of `kcc.ca` trusted next to the system's roots (so a knowledge base behind the municipality's
 * own CA works without NODE_EXTRA_CA_CERTS). Entries are PEM files relative to the config root,
 * or PEM text, read as `site.ca` is (src/facts/site/config.ts). Throws KnowledgeBaseError naming
 * the entry that cannot be read.
 */
export function kccAgent(cfg: Pick<KccConfig, 'concurrency' | 'ca'>, root: string): Agent {
  if (!cfg.ca || cfg.ca.length === 0) return new Agent({ connections: cfg.concurrency });
  const many = cfg.ca.length > 1;
  const pems = cfg.ca.map((entry, i) => {
    const key = `kcc.ca${many ? `[${i}]` : ''}`;
    if (entry.includes('-----BEGIN')) return { key, pem: entry };
    const file = isAbsolute(entry) ? entry : resolve(root, entry);
    try {
      return { key, pem: readFileSync(file, 'utf8') };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new KnowledgeBaseError('kcc', { nl: `${key}: kan ${file} niet lezen (${code})`, en: `${key}: cannot read ${file} (${code})` }, { field: key });
    }
  });
  for (const { key, pem } of pems) {
    if (!/-----BEGIN CERTIFICATE-----/.test(pem)) {
      throw new KnowledgeBaseError('kcc', { nl: `${key}: geen PEM-certificaat (-----BEGIN CERTIFICATE-----)`, en: `${key}: not a PEM certificate (-----BEGIN CERTIFICATE-----)` }, { field: key });
    }
  }
  let secureContext: tls.SecureContext;
  try {
    // One secure context for every connection, the system's roots plus the configured CAs.
    secureContext = tls.createSecureContext({ ca: [...tls.rootCertificates, ...pems.map((p) => p.pem)] });
  } catch (error) {
    throw new KnowledgeBaseError('kcc', { nl: `kcc.ca: onleesbaar certificaat (${(error as Error).message})`, en: `kcc.ca: unreadable certificate (${(error as Error).message})` }, { field: 'ca' });
  }
  return new Agent({ connections: cfg.concurrency, connect: { secureContext } });
}

/** Run `fn` over `items` with at most `n` at a time; results in input order. */
export async function mapLimit<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}
