/** Bounded retries with exponential backoff and Retry-After, for every network client (live site, forms API, KCC). */

export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  /** First retry delay in ms, doubled each retry. */
  baseMs: number;
  /** Cap on one wait (a Retry-After or a backoff delay), in ms. */
  maxWaitMs: number;
  /** Wait a random 50–100 % of the backoff delay (spreads the retries of many requests to one host). */
  jitter: boolean;
  /** Aborts a wait. */
  signal?: AbortSignal;
}

/**
 * Run `attempt` (0 first) until `retryWait` calls its result final (undefined) or the retries run
 * out, and return the last result. `retryWait` gives what the server asked for, if anything:
 * `{ retryAfterMs }` (from Retry-After) wins over the backoff delay.
 */
export async function retrying<T>(policy: RetryPolicy, attempt: (n: number) => Promise<T>, retryWait: (result: T) => { retryAfterMs?: number } | undefined): Promise<T> {
  for (let n = 0; ; n++) {
    const result = await attempt(n);
    const again = n < policy.retries ? retryWait(result) : undefined;
    if (!again) return result;
    const backoff = policy.baseMs * 2 ** n;
    const delay = policy.jitter ? backoff / 2 + Math.random() * (backoff / 2) : backoff;
    await sleep(Math.min(again.retryAfterMs ?? delay, policy.maxWaitMs), policy.signal);
  }
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
