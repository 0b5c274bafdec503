/** The client's onAttempt (check --verbose): every attempt, the route it took, and never a credential. */
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, parseConnectTo, type AttemptEvent, type HttpClientOptions } from '../../src/http/index.js';
import { closeAll, fakeDns, serve, startProxy } from './servers.js';

afterEach(closeAll);
const clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
});

function client(events: AttemptEvent[], extra: Partial<HttpClientOptions> = {}): HttpClient {
  const c = new HttpClient({
    userAgent: 'brieflint-test',
    timeoutMs: 2_000,
    retries: 0,
    retryBaseMs: 5,
    maxRetryWaitMs: 50,
    jitter: false,
    concurrency: 4,
    perHost: 2,
    maxBodyBytes: 64 * 1024,
    allowPrivate: true,
    lookup: fakeDns({ 'voorbeeldstad.example': '127.0.0.1' }),
    env: {},
    onAttempt: (e) => events.push(e),
    ...extra,
  });
  clients.push(c);
  return c;
}

describe('HttpClient onAttempt', () => {
  it('tells each attempt: redirects with their Location, retries with their number, the connectTo rule', async () => {
    const s = await serve((req, res, n) => {
      if (req.url === '/oud') return res.writeHead(301, { location: '/nieuw' }).end();
      if (req.url === '/nieuw' && n === 2) return res.writeHead(503).end(); // the first ask for it
      return res.writeHead(200).end('ok');
    });
    const events: AttemptEvent[] = [];
    const c = client(events, { retries: 1, connectTo: [parseConnectTo(`gemeente.example:80:127.0.0.1:${s.port}`)] });
    const res = await c.get('http://jan:geheim@gemeente.example/oud');
    expect(res.status).toBe(200);
    const rule = `gemeente.example:80:127.0.0.1:${s.port}`;
    expect(events.map(({ ms: _ms, ...e }) => e)).toEqual([
      { url: 'http://gemeente.example/oud', attempt: 1, status: 301, location: '/nieuw', connectTo: rule },
      { url: 'http://gemeente.example/nieuw', attempt: 1, status: 503, connectTo: rule },
      { url: 'http://gemeente.example/nieuw', attempt: 2, status: 200, connectTo: rule },
    ]);
    expect(JSON.stringify(events)).not.toContain('geheim');
  });

  it('names the proxy a request went through, without its user name and password', async () => {
    const s = await serve((_req, res) => res.writeHead(200).end());
    const proxy = await startProxy();
    const events: AttemptEvent[] = [];
    const c = client(events, { allowPrivate: false, lookup: fakeDns(), env: { http_proxy: `http://brieflint:p%40ss@127.0.0.1:${proxy.port}` } });
    await c.get(`http://voorbeeldstad.example:${s.port}/afval`);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ url: `http://voorbeeldstad.example:${s.port}/afval`, status: 200, proxy: `http://127.0.0.1:${proxy.port}/` });
    expect(JSON.stringify(events)).not.toMatch(/p%40ss|p@ss|brieflint:/);
  });
});
