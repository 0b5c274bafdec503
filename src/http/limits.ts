/** The one concurrency limiter of brieflint's outside calls (p-limit): per host and overall. */
import pLimit, { type LimitFunction } from 'p-limit';

/** The limits on requests in flight: `concurrency` in all, `perHost` to one host. */
export class RequestLimits {
  private readonly global: LimitFunction;
  private readonly perHost = new Map<string, LimitFunction>();

  constructor(
    concurrency: number,
    /** The limit per host, or per host a function of it (the gemeente's own hosts may get more). */
    private readonly hostMax: number | ((host: string) => number),
  ) {
    this.global = pLimit(Math.max(1, concurrency));
  }

  run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    let limit = this.perHost.get(host);
    if (!limit) {
      limit = pLimit(Math.max(1, typeof this.hostMax === 'number' ? this.hostMax : this.hostMax(host)));
      this.perHost.set(host, limit);
    }
    return limit(() => this.global(fn));
  }
}

/**
 * Run `fn` over `items` with at most `n` at a time; results in input order. After the first
 * failure no further item is started, and that failure is thrown.
 */
export async function mapLimit<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const limit = pLimit(Math.max(1, n));
  let failed = false;
  return Promise.all(
    items.map((item) =>
      limit(async () => {
        if (failed) return undefined as R;
        try {
          return await fn(item);
        } catch (e) {
          failed = true;
          throw e;
        }
      }),
    ),
  );
}
