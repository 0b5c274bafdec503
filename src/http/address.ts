/**
 * Which addresses and names the private-address guard refuses: loopback, private (RFC 1918, ULA),
 * link-local, CGNAT, multicast, unspecified; and, for a request that goes through a proxy (where
 * brieflint never sees the address the proxy connects to), names that only a local network knows.
 */
import net from 'node:net';

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

/** An address without brackets, zone or IPv4-mapped prefix, or undefined when it is no IP address. */
function plainAddress(address: string): { a: string; family: 4 | 6 } | undefined {
  let a = address.toLowerCase();
  if (a.startsWith('[') && a.endsWith(']')) a = a.slice(1, -1);
  const zone = a.indexOf('%');
  if (zone !== -1) a = a.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) a = mapped[1];
  const family = net.isIP(a);
  return family === 4 || family === 6 ? { a, family } : undefined;
}

/** Loopback, private (RFC 1918, ULA), link-local, CGNAT, multicast, unspecified … */
export function isPrivateAddress(address: string): boolean {
  const p = plainAddress(address);
  if (!p) return false;
  return blocked.check(p.a, p.family === 4 ? 'ipv4' : 'ipv6');
}

/** `localhost`, `*.localhost` (RFC 6761), 127.0.0.0/8 and ::1: never sent through a proxy. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const p = plainAddress(h);
  if (!p) return false;
  return p.family === 4 ? p.a.startsWith('127.') : p.a === '::1';
}

/**
 * A name only a local network resolves: one label (`intranet`), or `.local` (RFC 6762),
 * `.localhost` (RFC 6761), `.home.arpa` (RFC 8375), `.internal` (reserved for private use by
 * ICANN, 2024). Behind a proxy such a name is refused without asking the proxy.
 */
export function isLocalName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (net.isIP(h.replace(/^\[|\]$/g, ''))) return false;
  return !h.includes('.') || /\.(local|localhost|home\.arpa|internal)$/.test(h);
}

/** The error a refused private address gives; `code` is recognized by classifyError(). */
export class PrivateAddressError extends Error {
  readonly code = 'EBRIEFLINT_PRIVATE';
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      address === host
        ? `${host} is a private or loopback address (set site.allowPrivate or a connectTo mapping to allow it)`
        : address === ''
          ? `${host} is a name only a local network knows; behind a proxy it is not asked for (set site.allowPrivate or a connectTo mapping to allow it)`
          : `${host} resolves to ${address}, a private or loopback address (set site.allowPrivate or a connectTo mapping to allow it)`,
    );
    this.name = 'PrivateAddressError';
  }
}
