/**
 * One HTTP request per distinct URL per run (memoized), with a bounded body read, a timeout,
 * bounded retries (exponential backoff with jitter, Retry-After honoured) and global and
 * per-host concurrency limits. Redirects are NOT followed here: see check.ts.
 */
import { request, type Dispatcher } from 'undici';
import pLimit, { type LimitFunction } from 'p-limit';
import { parseRetryAfter, retrying } from '../../retry.js';
import type { UnreachableCode } from './types.js';

export interface HopResponse {
  url: string;
  /** Absent when there was no HTTP answer (see error). */
  status?: number;
  /** The headers the checker looks at, lowercased names. */
  headers: Record<string, string>;
  /** Decoded start of a 2xx body that may be HTML (at most maxBodyBytes). */
  html?: string;
  /** The body was longer than maxBodyBytes. */
  truncated?: boolean;
  error?: UnreachableCode;
  detail?: string;
  attempts: number;
}

export interface FetcherOptions {
  dispatcher: Dispatcher;
  userAgent: string;
  timeoutMs: number;
  retries: number;
  concurrency: number;
  perHost: number;
  maxBodyBytes: number;
  retryBaseMs: number;
  maxRetryWaitMs: number;
  signal?: AbortSignal;
}

const KEPT_HEADERS = ['location', 'content-type', 'retry-after', 'cf-mitigated', 'www-authenticate', 'server', 'content-length'];

/** The run's limits on requests in flight: `concurrency` in all, `perHost` to one host. */
export class RequestLimits {
  private readonly global: LimitFunction;
  private readonly perHost = new Map<string, LimitFunction>();

  constructor(
    concurrency: number,
    private readonly hostMax: number,
  ) {
    this.global = pLimit(Math.max(1, concurrency));
  }

  run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    let limit = this.perHost.get(host);
    if (!limit) {
      limit = pLimit(Math.max(1, this.hostMax));
      this.perHost.set(host, limit);
    }
    return limit(() => this.global(fn));
  }
}

/**
 * One attempt under a timeout (and the run's abort signal, which throws): what `run` returns, or
 * `failed` with the network error classified (see classifyError).
 */
export async function timedAttempt<T>(
  o: { timeoutMs: number; signal?: AbortSignal },
  run: (signal: AbortSignal) => Promise<T>,
  failed: (error: { code: UnreachableCode; detail: string }) => T,
): Promise<T> {
  o.signal?.throwIfAborted();
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([o.signal, timeout]) : timeout;
  try {
    return await run(signal);
  } catch (error) {
    if (o.signal?.aborted) throw o.signal.reason ?? error;
    return failed(classifyError(error, timeout.aborted));
  }
}

export class Fetcher {
  /** HTTP requests made (every attempt). */
  requests = 0;
  private readonly memo = new Map<string, Promise<HopResponse>>();
  private readonly limits: RequestLimits;

  constructor(private readonly o: FetcherOptions) {
    this.limits = new RequestLimits(o.concurrency, o.perHost);
  }

  /** The response for a URL, requested at most once per run. */
  get(url: string): Promise<HopResponse> {
    let p = this.memo.get(url);
    if (!p) {
      p = this.withRetries(url);
      this.memo.set(url, p);
    }
    return p;
  }

  private async withRetries(url: string): Promise<HopResponse> {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      return { url, headers: {}, error: 'bad-url', detail: `invalid URL: ${url}`, attempts: 0 };
    }
    return retrying(
      { retries: this.o.retries, baseMs: this.o.retryBaseMs, maxWaitMs: this.o.maxRetryWaitMs, jitter: true, signal: this.o.signal },
      async (attempt) => {
        const res = await this.limits.run(host, () => this.once(url));
        res.attempts = attempt + 1;
        return res;
      },
      // A bot wall's challenge (cf-mitigated) does not go away by asking again.
      (res) => (retryable(res) && !res.headers['cf-mitigated'] ? { retryAfterMs: parseRetryAfter(res.headers['retry-after']) } : undefined),
    );
  }

  private once(url: string): Promise<HopResponse> {
    return timedAttempt<HopResponse>(
      this.o,
      async (signal) => {
        this.requests++;
        const res = await request(url, {
          dispatcher: this.o.dispatcher,
          method: 'GET',
          signal,
          headers: {
            'user-agent': this.o.userAgent,
            accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8',
            'accept-language': 'nl,en;q=0.7',
          },
        });
        const headers: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const v = res.headers[name];
          if (v !== undefined) headers[name] = Array.isArray(v) ? v.join(', ') : String(v);
        }
        const status = res.statusCode;
        const type = headers['content-type'] ?? '';
        const mayBeHtml = type === '' || /html|xml|text\/plain/i.test(type);
        if (status >= 200 && status < 300 && mayBeHtml) {
          const { text, truncated } = await readBounded(res.body, this.o.maxBodyBytes, charsetOf(type));
          return { url, status, headers, html: text, truncated, attempts: 1 };
        }
        // Not needed: drop the body, closing the connection when it is long.
        await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        return { url, status, headers, attempts: 1 };
      },
      ({ code, detail }) => ({ url, headers: {}, error: code, detail, attempts: 1 }),
    );
  }
}

/** A timeout, a dropped connection, 408, 429 or a 5xx: worth another attempt. */
export function retryable(res: { error?: string; status?: number }): boolean {
  if (res.error) return res.error === 'timeout' || res.error === 'reset';
  const s = res.status ?? 0;
  return s === 408 || s === 429 || (s >= 500 && s <= 599);
}

export function charsetOf(contentType: string): string {
  const m = /charset\s*=\s*"?([\w-]+)/i.exec(contentType);
  return m ? m[1].toLowerCase() : 'utf-8';
}

export async function readBounded(body: AsyncIterable<Buffer> & { destroy?: () => void }, max: number, charset: string): Promise<{ text: string; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= max) {
      truncated = true;
      break; // leaving the loop destroys the stream: undici drops the connection
    }
  }
  const data = Buffer.concat(chunks).subarray(0, max);
  let text: string;
  try {
    text = new TextDecoder(charset).decode(data);
  } catch {
    text = new TextDecoder('utf-8').decode(data);
  }
  return { text, truncated };
}

/** Codes of an error and its causes. */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, name } = e as { code?: unknown; name?: unknown };
    if (typeof code === 'string') codes.push(code);
    if (typeof name === 'string') codes.push(name);
    e = (e as { cause?: unknown }).cause;
  }
  return codes;
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_OSSL_)/;

export function classifyError(error: unknown, timedOut = false): { code: UnreachableCode; detail: string } {
  const codes = codesOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const detail = codes.find((c) => c !== 'Error') ? `${codes.find((c) => c !== 'Error')}: ${message}` : message;
  const has = (...names: string[]) => codes.some((c) => names.includes(c));
  let code: UnreachableCode;
  if (has('EBRIEFLINT_PRIVATE')) code = 'private-address';
  else if (timedOut || has('UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'TimeoutError')) code = 'timeout';
  else if (has('ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME', 'ENODATA')) code = 'dns';
  else if (has('ECONNREFUSED')) code = 'refused';
  else if (codes.some((c) => TLS_CODE.test(c)) || /\b(ssl|tls|certificate)\b/i.test(message)) code = 'tls';
  else if (has('ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'ECONNABORTED', 'UND_ERR_CLOSED')) code = 'reset';
  else if (has('ERR_INVALID_URL', 'UND_ERR_INVALID_ARG', 'InvalidArgumentError')) code = 'bad-url';
  else code = 'network';
  return { code, detail };
}
