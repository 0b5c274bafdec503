/**
 * The one HTTP client (src/http/) against real servers on 127.0.0.1: HTTP, HTTPS with the
 * fixture certificates, and a forward proxy. Names resolve through a fake DNS (fakeDns) or a
 * connectTo mapping: nothing reaches anything but loopback.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient, mapLimit, parseConnectTo, ProxyError, textOf, type HttpClientOptions } from '../../src/http/index.js';
import { CA, closeAll, fakeDns, serve, startProxy, type TestServer } from './servers.js';

afterEach(closeAll);

const clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
});

/** A client with short timeouts and no retries; `a.example`, `b.example` and `voorbeeldstad.example` are 127.0.0.1. */
function client(extra: Partial<HttpClientOptions> = {}): HttpClient {
  const c = new HttpClient({
    userAgent: 'brieflint-test',
    timeoutMs: 2_000,
    retries: 0,
    retryBaseMs: 5,
    maxRetryWaitMs: 2_000,
    concurrency: 16,
    perHost: 4,
    maxBodyBytes: 64 * 1024,
    allowPrivate: true,
    lookup: fakeDns({ 'a.example': '127.0.0.1', 'b.example': '127.0.0.1', 'voorbeeldstad.example': '127.0.0.1' }),
    env: {},
    ...extra,
  });
  clients.push(c);
  return c;
}

const redirect = (res: import('node:http').ServerResponse, status: number, location: string) => res.writeHead(status, { location }).end();

describe('redirects', () => {
  it('are followed by hand and recorded as a chain', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/start') return redirect(res, 301, '/mid');
      if (req.url === '/mid') return redirect(res, 307, `${s.origin('b.example')}/end#kop`);
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('aangekomen');
    });
    const res = await client().get(`${s.origin('a.example')}/start`);
    expect(res.status).toBe(200);
    expect(textOf(res)).toBe('aangekomen');
    expect(res.url).toBe(`${s.origin('b.example')}/end`);
    expect(res.chain).toEqual([
      { url: `${s.origin('a.example')}/start`, status: 301, location: '/mid' },
      { url: `${s.origin('a.example')}/mid`, status: 307, location: `${s.origin('b.example')}/end#kop` },
      { url: `${s.origin('b.example')}/end`, status: 200 },
    ]);
    // The fragment is never sent.
    expect(s.seen.map((r) => r.url)).toEqual(['/start', '/mid', '/end']);
  });

  it('a loop, too many redirects and a redirect to another scheme are errors; follow: false answers the redirect', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/rond') return redirect(res, 302, '/rond');
      if (req.url?.startsWith('/keten/')) return redirect(res, 302, `/keten/${Number(req.url.split('/')[2]) + 1}`);
      if (req.url === '/ftp') return redirect(res, 301, 'ftp://a.example/bestand');
      if (req.url === '/leeg') return res.writeHead(302).end();
      res.writeHead(200).end();
    });
    const c = client({ maxRedirects: 3 });
    expect(await c.get(`${s.origin()}/rond`)).toMatchObject({ error: 'redirect-loop', status: 302 });
    const long = await c.get(`${s.origin()}/keten/1`);
    expect(long).toMatchObject({ error: 'too-many-redirects', detail: 'more than 3 redirects' });
    expect(long.chain).toHaveLength(4);
    expect(await c.get(`${s.origin()}/ftp`)).toMatchObject({ error: 'bad-redirect', location: 'ftp://a.example/bestand' });
    expect(await c.get(`${s.origin()}/leeg`)).toMatchObject({ error: 'bad-redirect', detail: '302 without a Location' });
    const one = await c.get(`${s.origin()}/keten/1`, { follow: false });
    expect(one).toMatchObject({ status: 302, location: '/keten/2' });
    expect(one.error).toBeUndefined();
  });

  it('stopAt: a redirect target that is not requested', async () => {
    const login = await serve((_req, res) => res.writeHead(200).end());
    const s = await serve((_req, res) => redirect(res, 302, `${login.origin('b.example')}/authorize`));
    const res = await client().get(`${s.origin('a.example')}/`, { stopAt: (next) => next.pathname === '/authorize' });
    expect(res).toMatchObject({ status: 302, location: `${login.origin('b.example')}/authorize` });
    expect(login.seen).toHaveLength(0);
  });
});

describe('credentials', () => {
  const secret = { authorization: 'Token geheim-7f3a' };

  it('go to their own origin, across a redirect on that origin', async () => {
    const s = await serve((req, res) => (req.url === '/eerst' ? redirect(res, 308, '/dan') : res.writeHead(200).end()));
    await client().get(`${s.origin('a.example')}/eerst`, { credentials: { origins: [s.origin('a.example')], headers: secret } });
    expect(s.seen.map((r) => r.headers.authorization)).toEqual([secret.authorization, secret.authorization]);
  });

  it('are dropped on a redirect to another origin, and stay dropped when the chain comes back', async () => {
    const other = await serve((_req, res) => redirect(res, 302, `${home.origin('a.example')}/terug`));
    const home: TestServer = await serve((req, res) => (req.url === '/weg' ? redirect(res, 302, `${other.origin('b.example')}/elders`) : res.writeHead(200).end()));
    const res = await client().get(`${home.origin('a.example')}/weg`, { credentials: { origins: [home.origin('a.example')], headers: secret } });
    expect(res.status).toBe(200);
    expect(home.seen.map((r) => [r.url, r.headers.authorization])).toEqual([
      ['/weg', secret.authorization],
      ['/terug', undefined],
    ]);
    expect(other.seen[0].headers.authorization).toBeUndefined();
  });

  it('are dropped on a downgrade from https to http, even to an origin they were given for', async () => {
    const plain = await serve((_req, res) => res.writeHead(200).end());
    const tls = await serve((_req, res) => redirect(res, 301, `${plain.origin('voorbeeldstad.example')}/onveilig`), { tls: true });
    const origins = [tls.origin('voorbeeldstad.example'), plain.origin('voorbeeldstad.example')];
    const res = await client({ ca: [CA] }).get(`${tls.origin('voorbeeldstad.example')}/`, { credentials: { origins, headers: secret } });
    expect(res.status).toBe(200);
    expect(tls.seen[0].headers.authorization).toBe(secret.authorization);
    expect(plain.seen[0].headers.authorization).toBeUndefined();
  });

  it('a user name and password in the URL are never sent', async () => {
    const s = await serve((_req, res) => res.writeHead(200).end());
    await client().get(`http://gebruiker:wachtwoord@a.example:${s.port}/`);
    expect(s.seen[0].headers.authorization).toBeUndefined();
  });
});

describe('the private-address guard', () => {
  it('applies on every hop: a public name may not redirect to a private address', async () => {
    const s = await serve((req, res) => (req.url === '/' ? redirect(res, 302, `http://127.0.0.1:${s.port}/intern`) : res.writeHead(200).end('intern')));
    // voorbeeldstad.example reaches the server through connectTo (always allowed); 127.0.0.1 itself is not.
    const c = client({ allowPrivate: false, connectTo: [parseConnectTo(`voorbeeldstad.example::127.0.0.1:${s.port}`)], lookup: fakeDns() });
    const res = await c.get(`http://voorbeeldstad.example:${s.port}/`);
    expect(res.error).toBe('private-address');
    expect(res.chain).toEqual([{ url: `http://voorbeeldstad.example:${s.port}/`, status: 302, location: `http://127.0.0.1:${s.port}/intern` }]);
    expect(s.seen.map((r) => r.url)).toEqual(['/']);
  });

  it('refuses a name that resolves to a private address, without connecting', async () => {
    const s = await serve((_req, res) => redirect(res, 302, 'http://intern.example/beheer'));
    const c = client({ allowPrivate: false, connectTo: [parseConnectTo(`a.example::127.0.0.1:${s.port}`)], lookup: fakeDns({ 'intern.example': '10.20.30.40' }) });
    const res = await c.get(`http://a.example:${s.port}/`);
    expect(res).toMatchObject({ error: 'private-address' });
    expect(res.detail).toContain('10.20.30.40');
  });

  it('allowPrivate lets it through', async () => {
    const s = await serve((_req, res) => res.writeHead(200).end());
    expect((await client({ allowPrivate: true }).get(`http://127.0.0.1:${s.port}/`)).status).toBe(200);
    expect((await client({ allowPrivate: false }).get(`http://127.0.0.1:${s.port}/`)).error).toBe('private-address');
  });
});

describe('limits', () => {
  it('reads a body only up to maxBodyBytes', async () => {
    const s = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      if (req.url === '/precies') return res.end('x'.repeat(1024));
      // 4 MiB in chunks: the client stops reading long before.
      let sent = 0;
      const more = () => {
        while (sent < 4 * 1024 * 1024) {
          sent += 64 * 1024;
          if (!res.write('y'.repeat(64 * 1024))) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    });
    const c = client({ maxBodyBytes: 1024 });
    const big = await c.get(`${s.origin()}/groot`);
    expect(big.truncated).toBe(true);
    expect(big.body).toHaveLength(1024);
    const exact = await c.get(`${s.origin()}/precies`);
    expect(exact.truncated).toBeUndefined();
    expect(exact.body).toHaveLength(1024);
  });

  it('refuses headers larger than maxHeaderBytes', async () => {
    const s = await serve((_req, res) => res.writeHead(200, { 'x-groot': 'z'.repeat(32 * 1024) }).end());
    expect((await client({ maxHeaderBytes: 64 * 1024 }).get(s.origin())).status).toBe(200);
    const res = await client({ maxHeaderBytes: 16 * 1024 }).get(s.origin());
    expect(res.error).toBe('network');
    expect(res.detail).toMatch(/HEADERS_OVERFLOW/);
  });

  it('a server that does not answer, or answers too slowly, times out (each attempt)', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/traag') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<p>');
        return; // the body never ends
      }
      // no answer at all
    });
    const c = client({ timeoutMs: 150, retries: 1 });
    const silent = await c.get(`${s.origin()}/stil`);
    expect(silent).toMatchObject({ error: 'timeout', attempts: 2 });
    const slow = await c.get(`${s.origin()}/traag`);
    expect(slow).toMatchObject({ error: 'timeout', attempts: 2 });
    expect(s.seen).toHaveLength(4);
  });

  it('retries a 503, waiting what Retry-After asks, capped at maxRetryWaitMs', async () => {
    const s = await serve((req, res, n) => {
      if (req.url === '/even' && n === 1) return res.writeHead(503, { 'retry-after': '1' }).end();
      if (req.url === '/uur') return res.writeHead(429, { 'retry-after': '3600' }).end();
      res.writeHead(200).end();
    });
    const c = client({ retries: 2, retryBaseMs: 1, maxRetryWaitMs: 300 });
    let started = Date.now();
    const waited = await client({ retries: 2, retryBaseMs: 1, maxRetryWaitMs: 5_000 }).get(`${s.origin()}/even`);
    expect(waited).toMatchObject({ status: 200, attempts: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    started = Date.now();
    const capped = await c.get(`${s.origin()}/uur`);
    expect(capped).toMatchObject({ status: 429, attempts: 3 });
    // Two waits of at most 300 ms each, not two hours.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(s.seen.filter((r) => r.url === '/uur')).toHaveLength(3);
  });

  it('a 404 and a refused connection are not retried', async () => {
    const s = await serve((_req, res) => res.writeHead(404).end());
    const c = client({ retries: 3 });
    expect(await c.get(s.origin())).toMatchObject({ status: 404, attempts: 1 });
    const closed = await serve(() => undefined);
    await closed.close();
    expect(await c.get(closed.origin())).toMatchObject({ error: 'refused', attempts: 1 });
  });

  it('keeps at most perHost requests in flight to one host, and concurrency in all', async () => {
    const s = await serve((_req, res) => void setTimeout(() => res.writeHead(200).end(), 60));
    const c = client({ perHost: 2, concurrency: 3 });
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => c.get(`${s.origin('a.example')}/${i}`)),
      ...Array.from({ length: 6 }, (_, i) => c.get(`${s.origin('b.example')}/${i}`)),
    ]);
    expect(s.seen).toHaveLength(12);
    expect(s.stats.maxPerHost.get(`a.example:${s.port}`)).toBe(2);
    expect(s.stats.maxPerHost.get(`b.example:${s.port}`)).toBe(2);
    expect(s.stats.maxInFlight).toBe(3);
    expect(c.requests).toBe(12);
  });

  it('memoize: each distinct URL is asked once', async () => {
    const s = await serve((_req, res) => res.writeHead(200).end('één keer'));
    const c = client({ memoize: true });
    const [a, b] = await Promise.all([c.get(`${s.origin()}/x`), c.get(`${s.origin()}/x`)]);
    expect(textOf(a)).toBe('één keer');
    expect(textOf(b)).toBe('één keer');
    expect(s.seen).toHaveLength(1);
  });

  it('mapLimit: at most n at a time, in order; nothing new starts after a failure', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const out = await mapLimit([1, 2, 3, 4, 5], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 10));
      running--;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50]);
    expect(most).toBe(2);
    const failing = mapLimit([1, 2, 3, 4, 5], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('stuk');
      return n;
    });
    await expect(failing).rejects.toThrow('stuk');
    expect(started).toEqual([1, 2]);
  });
});

describe('trusted CAs', () => {
  it('a server behind a CA that is not trusted is a TLS error; with ca it answers', async () => {
    const s = await serve((_req, res) => res.writeHead(200).end('veilig'), { tls: true });
    const untrusted = await client().get(`${s.origin('voorbeeldstad.example')}/`);
    expect(untrusted.error).toBe('tls');
    expect(untrusted.cause).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_GET_ISSUER_CERT_LOCALLY/);
    const trusted = await client({ ca: [CA] }).get(`${s.origin('voorbeeldstad.example')}/`);
    expect(textOf(trusted)).toBe('veilig');
    expect(s.seen).toHaveLength(1);
  });
});

describe('proxies (HTTPS_PROXY, HTTP_PROXY, NO_PROXY)', () => {
  it('an https URL goes through HTTPS_PROXY (CONNECT), the CA trusted through the tunnel; the local DNS need not know the name', async () => {
    const s = await serve((_req, res) => res.writeHead(200).end('via de proxy'), { tls: true });
    const proxy = await startProxy();
    const c = client({ allowPrivate: false, lookup: fakeDns(), ca: [CA], env: { HTTPS_PROXY: proxy.url } });
    const res = await c.get(`https://voorbeeldstad.example:${s.port}/pagina`);
    expect(res.status).toBe(200);
    expect(textOf(res)).toBe('via de proxy');
    expect(proxy.seen).toEqual([{ method: 'CONNECT', target: `voorbeeldstad.example:${s.port}` }]);
    expect(s.seen[0].host).toBe(`voorbeeldstad.example:${s.port}`);
  });

  it('an http URL goes to HTTP_PROXY in absolute form; proxy credentials go to the proxy only', async () => {
    const s = await serve((_req, res) => res.writeHead(200).end());
    const proxy = await startProxy();
    const c = client({ allowPrivate: false, lookup: fakeDns(), env: { http_proxy: `http://brieflint:p%40ss@127.0.0.1:${proxy.port}` } });
    const res = await c.get(`http://voorbeeldstad.example:${s.port}/afval?x=1`);
    expect(res.status).toBe(200);
    expect(proxy.seen).toEqual([{ method: 'GET', target: `http://voorbeeldstad.example:${s.port}/afval?x=1`, proxyAuthorization: `Basic ${Buffer.from('brieflint:p@ss').toString('base64')}` }]);
    expect(s.seen[0].headers['proxy-authorization']).toBeUndefined();
  });

  it('NO_PROXY sends a host direct; connectTo-mapped and loopback hosts never use the proxy', async () => {
    const s = await serve((_req, res) => res.writeHead(200).end());
    const proxy = await startProxy();
    const env = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url };
    await client({ env }).get(`http://a.example:${s.port}/via`);
    expect(proxy.seen).toHaveLength(1);
    await client({ env: { ...env, NO_PROXY: 'b.example,.voorbeeldstad.example' } }).get(`http://b.example:${s.port}/direct`);
    await client({ env: { ...env, no_proxy: 'b.example' } }).get(`http://a.example:${s.port}/via-2`);
    await client({ env, connectTo: [parseConnectTo(`a.example::127.0.0.1:${s.port}`)] }).get(`http://a.example:${s.port}/gemapt`);
    await client({ env }).get(`http://127.0.0.1:${s.port}/lokaal`);
    expect(proxy.seen.map((r) => r.target)).toEqual([`http://a.example:${s.port}/via`, `http://a.example:${s.port}/via-2`]);
    expect(s.seen.map((r) => r.url)).toEqual(['/via', '/direct', '/via-2', '/gemapt', '/lokaal']);
  });

  it('the private-address guard still applies to the target behind the proxy (the proxy itself is on loopback, and allowed)', async () => {
    const proxy = await startProxy();
    const c = client({ allowPrivate: false, lookup: fakeDns({ 'intern.example': '10.20.30.40' }), env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url } });
    // A name the local DNS resolves to a private address, a private IP literal, a name only a local network knows.
    for (const url of ['https://intern.example/', 'http://192.168.1.10/', 'https://[fd00::1]/', 'http://intranet/']) {
      const res = await c.get(url);
      expect(res.error, url).toBe('private-address');
    }
    expect(proxy.seen).toEqual([]);
    // A redirect from a public page to a private target, behind the proxy.
    const s = await serve((_req, res) => redirect(res, 302, 'http://intern.example/beheer'));
    const hop = await c.get(`http://voorbeeldstad.example:${s.port}/`);
    expect(hop.error).toBe('private-address');
    expect(proxy.seen.map((r) => r.target)).toEqual([`http://voorbeeldstad.example:${s.port}/`]);
  });

  it('the header cap holds through the proxy too', async () => {
    // 12 KiB: more than the cap, less than the test proxy (Node's http) accepts.
    const s = await serve((_req, res) => res.writeHead(200, { 'x-groot': 'z'.repeat(12 * 1024) }).end());
    const proxy = await startProxy();
    for (const env of [{ HTTP_PROXY: proxy.url }, {}]) {
      const res = await client({ maxHeaderBytes: 8 * 1024, env }).get(`http://a.example:${s.port}/`);
      expect(res.detail).toMatch(/HEADERS_OVERFLOW/);
    }
    expect(proxy.seen).toHaveLength(1);
  });

  it('a proxy error page for an http URL is not the target\'s answer', async () => {
    const proxy = await startProxy();
    const closed = await serve(() => undefined);
    await closed.close();
    const res = await client({ allowPrivate: false, lookup: fakeDns(), env: { HTTP_PROXY: proxy.url } }).get(`http://voorbeeldstad.example:${closed.port}/`);
    expect(res).toMatchObject({ error: 'refused', detail: 'proxy: Proxy-Status test-proxy; error=connection_refused' });
  });

  it('a malformed proxy variable is a clear error naming it, without its password', () => {
    expect(() => client({ env: { HTTPS_PROXY: 'http://gebruiker:GEHEIM@' } })).toThrow(ProxyError);
    try {
      client({ env: { HTTPS_PROXY: 'http://gebruiker:GEHEIM@' } });
    } catch (e) {
      expect((e as ProxyError).reason.en).toMatch(/^HTTPS_PROXY: .* is not a proxy URL/);
      expect(`${(e as ProxyError).reason.nl} ${(e as ProxyError).reason.en}`).not.toContain('GEHEIM');
    }
    expect(() => client({ env: { HTTP_PROXY: 'socks5://127.0.0.1:1080' } })).toThrow(/HTTP_PROXY: only http and https proxies/);
    // As curl: a proxy without a scheme is http://.
    expect(client({ env: { HTTPS_PROXY: 'proxy.gemeente.example:8080' } }).proxies.https).toBe('http://proxy.gemeente.example:8080/');
  });
});
