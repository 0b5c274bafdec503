/**
 * One HTTP request per distinct URL per run (memoized), with a bounded body read, a timeout,
 * bounded retries (exponential backoff with jitter, Retry-After honoured) and global and
 * per-host concurrency limits. Redirects are NOT followed here: see check.ts.
 */
import { request, type Dispatcher } from 'undici';
import pLimit, { type LimitFunction } from 'p-limit';
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

export class Fetcher {
  /** HTTP requests made (every attempt). */
  requests = 0;
  private readonly memo = new Map<string, Promise<HopResponse>>();
  private readonly global: LimitFunction;
  private readonly perHost = new Map<string, LimitFunction>();

  constructor(private readonly o: FetcherOptions) {
    this.global = pLimit(Math.max(1, o.concurrency));
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

  private hostLimit(host: string): LimitFunction {
    let limit = this.perHost.get(host);
    if (!limit) {
      limit = pLimit(Math.max(1, this.o.perHost));
      this.perHost.set(host, limit);
    }
    return limit;
  }

  private async withRetries(url: string): Promise<HopResponse> {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      return { url, headers: {}, error: 'bad-url', detail: `invalid URL: ${url}`, attempts: 0 };
    }
    for (let attempt = 0; ; attempt++) {
      const res = await this.hostLimit(host)(() => this.global(() => this.once(url)));
      res.attempts = attempt + 1;
      if (attempt >= this.o.retries || !retryable(res)) return res;
      const after = parseRetryAfter(res.headers['retry-after']);
      const backoff = this.o.retryBaseMs * 2 ** attempt;
      const jittered = backoff / 2 + Math.random() * (backoff / 2);
      await sleep(Math.min(after ?? jittered, this.o.maxRetryWaitMs), this.o.signal);
    }
  }

  private async once(url: string): Promise<HopResponse> {
    this.o.signal?.throwIfAborted();
    this.requests++;
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = this.o.signal ? AbortSignal.any([this.o.signal, timeout]) : timeout;
    try {
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
    } catch (error) {
      if (this.o.signal?.aborted) throw this.o.signal.reason ?? error;
      const { code, detail } = classifyError(error, timeout.aborted);
      return { url, headers: {}, error: code, detail, attempts: 1 };
    }
  }
}

function retryable(res: HopResponse): boolean {
  if (res.error) return res.error === 'timeout' || res.error === 'reset';
  const s = res.status ?? 0;
  if (res.headers['cf-mitigated']) return false;
  return s === 408 || s === 429 || (s >= 500 && s <= 599);
}

/** `Retry-After` as ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
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
