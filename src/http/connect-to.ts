/** curl-style `--connect-to` mappings (`site.connectTo`): connect elsewhere, keep the URL's host. */

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
