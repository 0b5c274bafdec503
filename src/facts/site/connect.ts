/**
 * Connections: curl-style `--connect-to` mappings, the private-address guard and the undici Agent.
 */
import dns from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { Agent, buildConnector } from 'undici';

export interface ConnectToRule {
  /** Empty = any host. Lowercase, without brackets. */
  host: string;
  /** Empty = any port. */
  port: string;
  /** Empty = keep the URL's host. */
  toHost: string;
  /** Empty = keep the URL's port. */
  toPort: string;
}

/** Split `host:port:addr:port`; IPv6 addresses in brackets. Throws on a malformed string. */
export function parseConnectTo(spec: string): ConnectToRule {
  const parts: string[] = [];
  let rest = spec.trim();
  for (let i = 0; i < 4; i++) {
    if (i === 3) {
      parts.push(rest);
      break;
    }
    let field: string;
    if (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      if (close === -1) throw new Error(`connectTo "${spec}": missing "]"`);
      field = rest.slice(1, close);
      rest = rest.slice(close + 1);
      if (!rest.startsWith(':')) throw new Error(`connectTo "${spec}": expected "host:port:addr:port"`);
      rest = rest.slice(1);
    } else {
      const colon = rest.indexOf(':');
      if (colon === -1) throw new Error(`connectTo "${spec}": expected "host:port:addr:port"`);
      field = rest.slice(0, colon);
      rest = rest.slice(colon + 1);
    }
    parts.push(field);
  }
  const [host, port, toHost, toPort] = parts.map((p) => p.trim());
  for (const p of [port, toPort]) {
    if (p !== '' && !/^\d{1,5}$/.test(p)) throw new Error(`connectTo "${spec}": "${p}" is not a port`);
  }
  return { host: host.toLowerCase(), port, toHost: toHost.toLowerCase(), toPort };
}

/** The first rule matching host:port (port as a string, defaults filled in), or undefined. */
export function matchConnectTo(rules: ConnectToRule[], host: string, port: string): ConnectToRule | undefined {
  const h = host.toLowerCase();
  return rules.find((r) => (r.host === '' || r.host === h) && (r.port === '' || r.port === port));
}

// ---------------------------------------------------------------------------------------------
// Private addresses.

const blocked = new net.BlockList();
for (const [net4, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net4, bits, 'ipv4');
}
for (const [net6, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net6, bits, 'ipv6');
}

/** Loopback, private (RFC 1918, ULA), link-local, CGNAT, multicast, unspecified … */
export function isPrivateAddress(address: string): boolean {
  let a = address.toLowerCase();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  const zone = a.indexOf('%');
  if (zone !== -1) a = a.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) a = mapped[1];
  const family = net.isIP(a);
  if (family === 4) return blocked.check(a, 'ipv4');
  if (family === 6) return blocked.check(a, 'ipv6');
  return false;
}

/** The error a refused private address gives; `code` is recognized by classifyError(). */
export class PrivateAddressError extends Error {
  readonly code = 'EBRIEFLINT_PRIVATE';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} resolves to ${address}, a private or loopback address (set site.allowPrivate or a connectTo mapping to allow it)`);
    this.name = 'PrivateAddressError';
  }
}

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

export interface AgentOptions {
  connectTo: ConnectToRule[];
  ca?: string[];
  allowPrivate: boolean;
  timeoutMs: number;
  perHost: number;
  lookup?: net.LookupFunction;
}

/**
 * An undici Agent whose connector applies connectTo (connect elsewhere, keep the URL's host as
 * SNI and certificate name; undici keeps it as Host) and refuses private addresses.
 */
export function createAgent(options: AgentOptions): Agent {
  const baseLookup: net.LookupFunction = options.lookup ?? (dns.lookup as unknown as net.LookupFunction);
  const safeLookup = options.allowPrivate ? baseLookup : guardedLookup(baseLookup);
  // One secure context for every connection: building one per connection from ~150 roots is slow.
  const ca = options.ca && options.ca.length > 0 ? [...tls.rootCertificates, ...options.ca] : undefined;
  const secureContext = tls.createSecureContext(ca ? { ca } : {});
  const common = { timeout: options.timeoutMs, secureContext };
  const guarded = buildConnector({ ...common, lookup: safeLookup });
  const named = buildConnector({ ...common, lookup: baseLookup });

  const connect: buildConnector.connector = (opts, callback) => {
    let hostname = opts.hostname;
    if (hostname.startsWith('[') && hostname.endsWith(']')) hostname = hostname.slice(1, -1);
    const port = opts.port || (opts.protocol === 'https:' ? '443' : '80');
    const rule = matchConnectTo(options.connectTo, hostname, port);
    const servername = opts.servername || (net.isIP(hostname) ? undefined : hostname);
    if (rule) {
      named({ ...opts, hostname: rule.toHost || hostname, port: rule.toPort || port, servername }, callback);
      return;
    }
    if (!options.allowPrivate && net.isIP(hostname) && isPrivateAddress(hostname)) {
      callback(new PrivateAddressError(hostname, hostname), null);
      return;
    }
    guarded({ ...opts, hostname, port, servername }, callback);
  };

  return new Agent({
    connect,
    connections: options.perHost,
    pipelining: 1,
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    keepAliveTimeout: 4_000,
  });
}
