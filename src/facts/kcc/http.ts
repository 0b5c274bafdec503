import type { Dispatcher } from 'undici';
import type { Message } from '../../types.js';
import { CaError, HttpClient, caEntries, defaultUserAgent, mapLimit, readCa, type HttpAnswer } from '../../http/index.js';
import { KnowledgeBaseError } from './errors.js';
import type { KccConfig } from './config.js';
import { authFromEnv } from './fields.js';
import { redactUrl } from '../../model/url.js';
import { uniq } from './uniq.js';

export interface HttpOptions {
  /** The HTTP client of the run's knowledge base (see kccClient). */
  client: HttpClient;
  /** Per attempt (headers and body), milliseconds: for messages. */
  timeout: number;
  /**
   * Secret headers (Authorization, Cookie …) and the one origin allowed to receive them. They are
   * never sent anywhere else: not after a redirect, not to a `next` link on another host.
   */
  auth?: { origin: string; headers: Record<string, string>; hint: Message };
  /** Headers that are no secret, sent with every request (KISS: `is-api`). */
  headers?: Record<string, string>;
}

export interface HttpResponse {
  /** The URL that answered (after redirects). */
  url: string;
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Largest answer read, in bytes; a larger one is an error. */
const MAX_BODY = 50 * 1024 * 1024;
const MAX_REDIRECTS = 5;

const CERT_CODES = /^(SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|CERT_HAS_EXPIRED|CERT_NOT_YET_VALID|CERT_UNTRUSTED|ERR_TLS_CERT_ALTNAME_INVALID)$/;

/** A certificate the client does not trust: not retried, it will not be trusted in a second. */
const untrusted = (res: Pick<HttpAnswer, 'error' | 'cause'>) => res.error === 'tls' && CERT_CODES.test(res.cause ?? '');

/**
 * Worth another attempt: a 5xx, 429, 408 and every failure to connect or read except an
 * untrusted certificate, a refused private address and a bad URL.
 */
function retryKcc(res: HttpAnswer | Omit<HttpAnswer, 'chain'>): boolean {
  if (res.error) return !untrusted(res) && res.error !== 'private-address' && res.error !== 'bad-url';
  const s = res.status ?? 0;
  return s >= 500 || s === 429 || s === 408;
}

/**
 * The HTTP client of the HTTP adapters (src/http/): `kcc.timeout` per attempt, `kcc.retries`
 * with `kcc.backoff` (Retry-After wins, capped at 30 s), `kcc.concurrency` requests at a time,
 * the proxy from HTTPS_PROXY/HTTP_PROXY/NO_PROXY, and the CA certificates of the top-level `ca`
 * and of `kcc.ca` trusted next to the system's roots (so a knowledge base behind the
 * municipality's own CA works without NODE_EXTRA_CA_CERTS). The knowledge base is the one the
 * config names, so it may be on a private address (no private-address guard). Throws
 * KnowledgeBaseError naming a CA entry that cannot be read.
 */
export function kccClient(
  cfg: Pick<KccConfig, 'concurrency' | 'ca' | 'timeout' | 'retries' | 'backoff'>,
  root: string,
  opts: { ca?: string[]; env?: NodeJS.ProcessEnv; dispatcher?: Dispatcher } = {},
): HttpClient {
  let ca: string[];
  try {
    ca = [...readCa(caEntries(opts.ca), root, 'ca', undefined, true), ...readCa(cfg.ca ?? [], root, 'kcc.ca', undefined, true)];
  } catch (error) {
    if (!(error instanceof CaError)) throw error;
    throw new KnowledgeBaseError('kcc', error.reason, { field: error.key });
  }
  return new HttpClient({
    userAgent: defaultUserAgent(),
    headers: { accept: 'application/json' },
    timeoutMs: cfg.timeout,
    retries: cfg.retries,
    retryBaseMs: cfg.backoff,
    maxRetryWaitMs: 30_000,
    jitter: false,
    concurrency: cfg.concurrency,
    perHost: cfg.concurrency,
    maxBodyBytes: MAX_BODY,
    maxRedirects: MAX_REDIRECTS,
    allowPrivate: true,
    ca,
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.dispatcher ? { dispatcher: opts.dispatcher } : {}),
    retry: retryKcc,
  });
}

/**
 * GET a URL the careful way (the client: redirects followed by hand with secret headers only to
 * `auth.origin`, a timeout per attempt, bounded retries with backoff). Returns 2xx answers;
 * anything else is a KnowledgeBaseError that names the URL (without credentials) and never
 * contains a secret.
 */
export async function httpGet(url: string, opts: HttpOptions): Promise<HttpResponse> {
  const res = await opts.client.get(url, {
    ...(opts.headers ? { headers: opts.headers } : {}),
    ...(opts.auth ? { credentials: { origins: [opts.auth.origin], headers: opts.auth.headers } } : {}),
  });
  const where = redactUrl(res.url);
  const tries = (reason: Message): Message => {
    const n = res.attempts;
    return { nl: `${reason.nl} (${n} ${n === 1 ? 'poging' : 'pogingen'})`, en: `${reason.en} (${n} ${n === 1 ? 'attempt' : 'attempts'})` };
  };
  if (res.error) {
    if (untrusted(res)) {
      throw new KnowledgeBaseError(where, {
        nl: `TLS-certificaat niet vertrouwd (${res.cause}); staat de kennisbank achter een eigen CA van de gemeente, noem dat CA-certificaat (PEM) dan in kcc.ca`,
        en: `TLS certificate not trusted (${res.cause}); if the knowledge base is behind the municipality's own CA, name that CA certificate (PEM) in kcc.ca`,
      });
    }
    switch (res.error) {
      case 'too-many-redirects':
        throw new KnowledgeBaseError(redactUrl(url), { nl: `meer dan ${MAX_REDIRECTS} doorverwijzingen`, en: `more than ${MAX_REDIRECTS} redirects` });
      case 'redirect-loop':
        throw new KnowledgeBaseError(redactUrl(url), { nl: `doorverwijzingen lopen rond (terug naar ${where})`, en: `redirect loop (back to ${where})` });
      case 'bad-redirect':
        if (res.location !== undefined) {
          throw new KnowledgeBaseError(redactUrl(url), {
            nl: `stuurt door naar ${redactUrl(res.location)}, geen http(s)-adres`,
            en: `redirects to ${redactUrl(res.location)}, not an http(s) URL`,
          });
        }
        if (res.status !== undefined) throw new KnowledgeBaseError(where, { nl: `antwoordt met HTTP ${res.status} (${res.detail})`, en: `answered HTTP ${res.status} (${res.detail})` }, { status: res.status });
        break;
      case 'timeout':
        throw new KnowledgeBaseError(redactUrl(url), tries({ nl: `geen antwoord binnen ${opts.timeout} ms`, en: `no answer within ${opts.timeout} ms` }));
    }
    const detail = res.cause ?? res.detail ?? res.error;
    throw new KnowledgeBaseError(redactUrl(url), tries({ nl: `onbereikbaar (${detail})`, en: `unreachable (${detail})` }));
  }
  const status = res.status as number;
  if (res.truncated) throw new KnowledgeBaseError(where, { nl: `antwoord groter dan ${MAX_BODY} bytes`, en: `answer larger than ${MAX_BODY} bytes` });
  if (status >= 200 && status < 300) return { url: res.url, status, headers: res.headers, body: (res.body ?? Buffer.alloc(0)).toString('utf8') };
  if (retryKcc(res)) {
    throw new KnowledgeBaseError(redactUrl(url), tries({ nl: `antwoordt met HTTP ${status}`, en: `answered HTTP ${status}` }), { status });
  }
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
  return res.headers[name.toLowerCase()];
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
  client: HttpClient,
  search: (term: string, http: HttpOptions) => Promise<T[]>,
  headers?: Record<string, string>,
): Promise<T[]> {
  const http = httpOptions(cfg, env, endpoint, client, headers);
  const results = await mapLimit(uniq(cfg.search ?? terms), cfg.concurrency, (term) => search(term, http));
  return results.flat();
}

/** The client, the config's timeout and the credentials (bound to the origin of `endpoint`) as HttpOptions. */
export function httpOptions(cfg: KccConfig, env: NodeJS.ProcessEnv, endpoint: string, client: HttpClient, headers?: Record<string, string>): HttpOptions {
  const auth = authFromEnv(cfg, env, endpoint);
  return {
    client,
    timeout: cfg.timeout,
    ...(auth ? { auth } : {}),
    ...(headers ? { headers } : {}),
  };
}
