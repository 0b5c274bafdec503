/**
 * The connections of the client: one undici Agent for direct connections (connectTo, the
 * private-address guard at connect time, the trusted CAs) and, when the environment names a
 * proxy, undici's EnvHttpProxyAgent beside it.
 *
 * How they compose (undici 7, lib/dispatcher/env-http-proxy-agent.js and proxy-agent.js):
 * EnvHttpProxyAgent hands its options to a plain Agent for the hosts NO_PROXY names (so our
 * `connect` applies there) and to a ProxyAgent per proxy, which replaces `connect` with its own
 * tunnel: the CAs reach the target through `requestTls` and the proxy through `proxyTls`, and
 * the proxy resolves the target's name itself. So behind a proxy the guard checks the target
 * before the request is made (see targetGuard), and the proxy's own address is never checked.
 * http:// targets go to the proxy in absolute form (`proxyTunnel: false`), as curl does: many
 * proxies refuse CONNECT to port 80.
 */
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { Agent, EnvHttpProxyAgent, Pool, buildConnector, type Dispatcher } from 'undici';
import { isLocalName, isLoopbackHost, isPrivateAddress, PrivateAddressError } from './address.js';
import { matchConnectTo, type ConnectToRule } from './connect-to.js';
import { proxyFor, type ProxySettings } from './proxy.js';

type LookupAll = (hostname: string, options: dns.LookupAllOptions, callback: (err: NodeJS.ErrnoException | null, addresses: dns.LookupAddress[]) => void) => void;

/** A net `lookup` that refuses hosts resolving to a private address. */
function guardedLookup(base: net.LookupFunction): net.LookupFunction {
  const lookupAll = base as unknown as LookupAll;
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    lookupAll(hostname, { ...options, all: true } as dns.LookupAllOptions, (err, addresses) => {
      if (err) return callback(err);
      const list = Array.isArray(addresses) ? addresses : [];
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new PrivateAddressError(hostname, bad.address));
      if (list.length === 0) {
        const e = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
        return callback(e);
      }
      if (options.all) callback(null, list);
      else callback(null, list[0].address, list[0].family);
    });
  }) as net.LookupFunction;
}

export interface ConnectionOptions {
  connectTo: ConnectToRule[];
  /** Extra trusted CA certificates (PEM), on top of the system's roots. */
  ca: string[];
  allowPrivate: boolean;
  timeoutMs: number;
  perHost: number;
  maxHeaderBytes: number;
  lookup?: net.LookupFunction;
  proxy: ProxySettings;
}

export interface Route {
  dispatcher: Dispatcher;
  /** The proxy configured for this URL's protocol (NO_PROXY may still send it direct). */
  proxy?: string;
  /** The connectTo rule that maps this host (the connection goes where it says). */
  connectTo?: ConnectToRule;
}

export class Connections {
  private readonly direct: Agent;
  private readonly proxied?: EnvHttpProxyAgent;
  private readonly baseLookup: net.LookupFunction;
  private readonly targets = new Map<string, Promise<PrivateAddressError | undefined>>();

  constructor(private readonly o: ConnectionOptions) {
    this.baseLookup = o.lookup ?? (dns.lookup as unknown as net.LookupFunction);
    const safeLookup = o.allowPrivate ? this.baseLookup : guardedLookup(this.baseLookup);
    // One secure context for every connection: building one per connection from ~150 roots is slow.
    const secureContext = tls.createSecureContext(o.ca.length > 0 ? { ca: [...tls.rootCertificates, ...o.ca] } : {});
    const common = { timeout: o.timeoutMs, secureContext };
    const guarded = buildConnector({ ...common, lookup: safeLookup });
    const named = buildConnector({ ...common, lookup: this.baseLookup });

    // connectTo: connect elsewhere, keep the URL's host as SNI and certificate name (undici keeps it as Host).
    const connect: buildConnector.connector = (opts, callback) => {
      let hostname = opts.hostname;
      if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
      const port = opts.port || (opts.protocol === 'https:' ? '443' : '80');
      const rule = matchConnectTo(o.connectTo, hostname, port);
      const servername = opts.servername || (net.isIP(hostname) ? undefined : hostname);
      if (rule) {
        named({ ...opts, hostname: rule.toHost || hostname, port: rule.toPort || port, servername }, callback);
        return;
      }
      if (!o.allowPrivate && net.isIP(hostname) && isPrivateAddress(hostname)) {
        callback(new PrivateAddressError(hostname, hostname), null);
        return;
      }
      guarded({ ...opts, hostname, port, servername }, callback);
    };
    const limits = { headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs, maxHeaderSize: o.maxHeaderBytes };
    const agentOptions = {
      connect,
      connections: o.perHost,
      pipelining: 1,
      keepAliveTimeout: 4_000,
      ...limits,
      // ProxyAgent builds the pool to an http proxy (absolute form) from `{ connect }` alone: the limits go in here.
      factory: (origin: string | URL, opts: object) => new Pool(origin, { ...limits, ...opts }),
    };
    this.direct = new Agent(agentOptions);
    if (o.proxy.http || o.proxy.https) {
      this.proxied = new EnvHttpProxyAgent({
        ...agentOptions,
        // '' and not undefined: undici would read process.env again.
        httpProxy: o.proxy.http ?? '',
        httpsProxy: o.proxy.https ?? '',
        noProxy: o.proxy.noProxy,
        proxyTunnel: false,
        requestTls: common,
        proxyTls: common,
      });
    }
  }

  /**
   * Where a request goes: direct for a host a connectTo rule maps (the rule says where it is)
   * and for loopback (a proxy cannot reach it), else through EnvHttpProxyAgent when a proxy is set.
   */
  route(url: URL): Route {
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const proxy = proxyFor(this.o.proxy, url.protocol);
    const connectTo = matchConnectTo(this.o.connectTo, hostname, port);
    if (connectTo) return { dispatcher: this.direct, connectTo };
    if (!this.proxied || !proxy || isLoopbackHost(hostname)) return { dispatcher: this.direct };
    return { dispatcher: this.proxied, proxy };
  }

  /**
   * The private-address guard for a request through a proxy, before it is made: an IP literal
   * or a local name is refused; a name is resolved here and refused when it resolves to a
   * private address. A name the local DNS does not know is left to the proxy (behind a proxy,
   * local DNS often knows no outside name). Once per host per client.
   */
  async targetGuard(url: URL, signal: AbortSignal): Promise<void> {
    if (this.o.allowPrivate) return;
    const hostname = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    let verdict = this.targets.get(hostname);
    if (!verdict) {
      verdict = this.checkTarget(hostname);
      this.targets.set(hostname, verdict);
    }
    const refused = await Promise.race([
      verdict,
      new Promise<never>((_, reject) => {
        if (signal.aborted) reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
    ]);
    if (refused) throw refused;
  }

  private checkTarget(hostname: string): Promise<PrivateAddressError | undefined> {
    if (net.isIP(hostname)) return Promise.resolve(isPrivateAddress(hostname) ? new PrivateAddressError(hostname, hostname) : undefined);
    if (isLocalName(hostname)) return Promise.resolve(new PrivateAddressError(hostname, ''));
    return new Promise((resolve) => {
      (this.baseLookup as unknown as LookupAll)(hostname, { all: true }, (err, addresses) => {
        if (err) return resolve(undefined);
        const bad = (Array.isArray(addresses) ? addresses : []).find((a) => isPrivateAddress(a.address));
        resolve(bad ? new PrivateAddressError(hostname, bad.address) : undefined);
      });
    });
  }

  close(): Promise<unknown> {
    return Promise.all([this.direct.close(), this.proxied?.close()]);
  }

  destroy(): Promise<unknown> {
    return Promise.all([this.direct.destroy(), this.proxied?.destroy()]);
  }
}
