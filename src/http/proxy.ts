/**
 * The forward proxy from the environment, read as undici's EnvHttpProxyAgent reads it
 * (lib/dispatcher/env-http-proxy-agent.js): `https_proxy`/`HTTPS_PROXY` for https URLs (else the
 * http proxy), `http_proxy`/`HTTP_PROXY` for http URLs, `no_proxy`/`NO_PROXY` for the hosts that
 * bypass it; the lowercase name wins. Read once, here, and handed to EnvHttpProxyAgent explicitly,
 * so the guard and the agent agree on what is proxied.
 */
import { ConfigError } from '../config/index.js';
import { hasScheme, parseUrl, redactUrl } from '../model/url.js';

export interface ProxySettings {
  /** Proxy URL for http:// targets. */
  http?: string;
  /** Proxy URL for https:// targets (defaults to the http one, as undici does). */
  https?: string;
  /** The NO_PROXY list as given ('' = none). */
  noProxy: string;
}

/** A proxy variable that cannot be used: a ConfigError (exit code 2) naming the variable, never its password. */
export class ProxyError extends ConfigError {
  constructor(
    readonly variable: string,
    reason: ConfigError['reason'],
  ) {
    super(reason);
    this.name = 'ProxyError';
  }
}

function proxyUrl(env: NodeJS.ProcessEnv, lower: string, upper: string): string | undefined {
  const name = env[lower] !== undefined ? lower : upper;
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  // As curl does: `proxy.gemeente.nl:8080` means http://proxy.gemeente.nl:8080.
  const withScheme = hasScheme(raw) ? raw : `http://${raw}`;
  const u = parseUrl(withScheme);
  if (!u) {
    const shown = redactUrl(raw);
    throw new ProxyError(name, { nl: `${name}: "${shown}" is geen proxy-URL (verwacht http://host:poort)`, en: `${name}: "${shown}" is not a proxy URL (expected http://host:port)` });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new ProxyError(name, { nl: `${name}: alleen http- en https-proxy's worden ondersteund, niet ${u.protocol}`, en: `${name}: only http and https proxies are supported, not ${u.protocol}` });
  }
  return u.href;
}

/** The proxy settings in `env`. Throws ProxyError naming a malformed variable. */
export function proxyFromEnv(env: NodeJS.ProcessEnv = process.env): ProxySettings {
  const http = proxyUrl(env, 'http_proxy', 'HTTP_PROXY');
  const https = proxyUrl(env, 'https_proxy', 'HTTPS_PROXY') ?? http;
  const noProxy = (env.no_proxy ?? env.NO_PROXY ?? '').trim();
  return { ...(http ? { http } : {}), ...(https ? { https } : {}), noProxy };
}

/** The proxy a URL of this protocol goes through, unless NO_PROXY names its host. */
export function proxyFor(settings: ProxySettings, protocol: string): string | undefined {
  return protocol === 'https:' ? settings.https : settings.http;
}
