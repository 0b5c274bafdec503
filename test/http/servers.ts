/**
 * Real servers on 127.0.0.1 for the HTTP client's tests: a web server (HTTP or HTTPS with the
 * fixture certificates of fixtures/site/certs) that records what it was sent, and a forward
 * proxy (CONNECT tunnels and absolute-form requests) that records what went through it. The
 * proxy connects to 127.0.0.1 whatever host it is asked for: nothing leaves loopback.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type LookupFunction } from 'node:net';
import { testCerts } from '../../fixtures/site/server.mjs';

export interface Seen {
  method: string;
  /** Path and query as sent. */
  url: string;
  /** Host header. */
  host: string;
  headers: IncomingHttpHeaders;
}

export interface TestServer {
  port: number;
  /** `http://<host>:<port>` or `https://…` for a name (default 127.0.0.1). */
  origin(host?: string): string;
  seen: Seen[];
  /** Requests in flight now, and the most at once (overall and per Host header). */
  stats: { inFlight: number; maxInFlight: number; maxPerHost: Map<string, number> };
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, n: number) => unknown;

const open: Array<{ close(): Promise<void> }> = [];

/** Close every server and proxy the tests started (call in afterEach). */
export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((s) => s.close()));
}

/** Listen on 127.0.0.1; `close()` ends the open connections too. */
async function listen(server: http.Server): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return { port, close };
}

export async function serve(handler: Handler, options: { tls?: boolean } = {}): Promise<TestServer> {
  const seen: Seen[] = [];
  const stats = { inFlight: 0, maxInFlight: 0, maxPerHost: new Map<string, number>() };
  const perHost = new Map<string, number>();
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const host = String(req.headers.host ?? '');
    seen.push({ method: req.method ?? '', url: req.url ?? '', host, headers: req.headers });
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    perHost.set(host, (perHost.get(host) ?? 0) + 1);
    stats.maxPerHost.set(host, Math.max(stats.maxPerHost.get(host) ?? 0, perHost.get(host)!));
    res.once('close', () => {
      stats.inFlight--;
      perHost.set(host, perHost.get(host)! - 1);
    });
    req.resume();
    void Promise.resolve(handler(req, res, seen.length)).catch((e: unknown) => {
      res.statusCode = 599;
      res.end(String(e));
    });
  };
  const { port, close } = await listen(options.tls ? https.createServer(testCerts.server, listener) : http.createServer(listener));
  const s: TestServer = {
    port,
    origin: (host = '127.0.0.1') => `${options.tls ? 'https' : 'http'}://${host}:${port}`,
    seen,
    stats,
    close,
  };
  open.push(s);
  return s;
}

export interface ProxySeen {
  /** CONNECT, or the method of an absolute-form request. */
  method: string;
  /** `host:port` of a CONNECT, the absolute URL of a forwarded request. */
  target: string;
  proxyAuthorization?: string;
}

export interface TestProxy {
  port: number;
  url: string;
  seen: ProxySeen[];
  close(): Promise<void>;
}

/** A forward proxy on 127.0.0.1: CONNECT tunnels and absolute-form GETs, always to 127.0.0.1:<the port asked for>. */
export async function startProxy(): Promise<TestProxy> {
  const seen: ProxySeen[] = [];
  const server = http.createServer((req, res) => {
    const auth = req.headers['proxy-authorization'];
    seen.push({ method: req.method ?? '', target: req.url ?? '', ...(auth ? { proxyAuthorization: String(auth) } : {}) });
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form expected');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = http.request({ host: '127.0.0.1', port: Number(target.port || 80), method: req.method, path: target.pathname + target.search, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502, { 'proxy-status': 'test-proxy; error=connection_refused' }).end());
    req.pipe(upstream);
  });
  server.on('connect', (req: IncomingMessage, client: net.Socket, head: Buffer) => {
    const auth = req.headers['proxy-authorization'];
    seen.push({ method: 'CONNECT', target: req.url ?? '', ...(auth ? { proxyAuthorization: String(auth) } : {}) });
    const port = Number((req.url ?? '').split(':').pop());
    const upstream = net.connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
    client.on('error', () => upstream.destroy());
  });
  const { port, close } = await listen(server);
  const p: TestProxy = { port, url: `http://127.0.0.1:${port}`, seen, close };
  open.push(p);
  return p;
}

/** DNS for the tests: the names given resolve to their address, anything else is unknown (never the real DNS). */
export function fakeDns(names: Record<string, string> = {}): LookupFunction {
  return ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const address = names[hostname.toLowerCase()];
    if (!address) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }));
    const family = net.isIP(address);
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

export const CA = testCerts.ca;
