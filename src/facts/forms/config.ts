/**
 * The `forms` section of the config file: its JSON Schema fragment and its translation into
 * FormsOptions (connections shared with the live-site check).
 */
import { wholeNumber } from '../site/config.js';
import type { SiteOptions } from '../site/types.js';
import type { FormsOptions, HostEntry } from './types.js';
import { hasCredentials, redactCredentials } from '../../secrets.js';
import { hasScheme, parseUrl } from '../../model/url.js';

const HOSTS_DESCRIPTION =
  "Host names ('formulieren.gemeente.nl') or URLs with a path prefix ('https://www.gemeente.nl/formulieren/').";

/** JSON Schema (draft 2020-12 / draft-07 compatible) of the config section `forms`. */
export const formsConfigSchema = {
  type: 'object',
  description: 'The online-forms check (rules form-unavailable, form-not-found-on-page, form-login-mismatch).',
  additionalProperties: false,
  properties: {
    openFormsHosts: {
      type: 'array',
      description: `Open Formulieren instances: <host>/<slug>/ is a standalone form, <host>/api/v2/ its API. ${HOSTS_DESCRIPTION}`,
      items: { type: 'string', minLength: 1 },
      default: [],
    },
    formHosts: {
      type: 'array',
      description: `Other forms services: a link from the landing page to one counts as a link to a form. ${HOSTS_DESCRIPTION}`,
      items: { type: 'string', minLength: 1 },
      default: [],
    },
    tokenEnv: {
      type: 'string',
      pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
      description:
        'Environment variable holding an Open Forms API token (sent as "Authorization: Token …", only to the openFormsHosts): lets brieflint tell a switched-off form from a deleted one.',
    },
    timeout: { type: 'integer', minimum: 1, description: 'Timeout per API request in milliseconds (default: site.timeout).' },
    retries: { type: 'integer', minimum: 0, maximum: 10, description: 'Retries for 5xx, 408, 429, timeouts and resets (default: site.retries).' },
  },
} as const;

/**
 * A host entry from `formulieren.gemeente.nl`, `formulieren.gemeente.nl:8443`,
 * `https://formulieren.gemeente.nl/` or `https://www.gemeente.nl/formulieren/`. Throws on
 * anything else.
 */
export function parseHostEntry(value: string): HostEntry {
  const raw = value.trim();
  const withScheme = hasScheme(raw) ? raw : `https://${raw}`;
  const u = parseUrl(withScheme);
  if (!u) throw new Error(`"${value}" is not a host name or URL`);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`"${value}": only http(s) URLs`);
  if (u.username || u.password || hasCredentials(raw)) throw new Error(`"${redactCredentials(value)}": contains a user name or password; give a host name or a URL without them`);
  if (!u.hostname || u.search || u.hash) throw new Error(`"${value}": give a host name or a URL without query`);
  let basePath = u.pathname || '/';
  if (!basePath.endsWith('/')) basePath += '/';
  return { origin: u.origin, host: u.host.toLowerCase(), basePath };
}

function hostList(section: Record<string, unknown>, key: string): HostEntry[] {
  const v = section[key];
  if (v === undefined) return [];
  if (!Array.isArray(v)) throw new Error(`forms.${key}: expected a list of host names, got ${JSON.stringify(v)}`);
  return v.map((entry, i) => {
    if (typeof entry !== 'string' || entry.trim() === '') throw new Error(`forms.${key}[${i}]: expected a host name, got ${JSON.stringify(entry)}`);
    try {
      return parseHostEntry(entry);
    } catch (error) {
      throw new Error(`forms.${key}[${i}]: ${(error as Error).message}`);
    }
  });
}

/**
 * FormsOptions from the config section `forms` (validated against formsConfigSchema) and the
 * live-site options (connections, CA, connectTo, timeouts and retries unless `forms` sets its
 * own). The token is read from the environment variable `tokenEnv` names.
 */
export function formsOptionsFromConfig(
  section: Record<string, unknown> | undefined,
  siteOptions: SiteOptions,
  env: Record<string, string | undefined> = process.env,
): FormsOptions {
  const s = section ?? {};
  const options: FormsOptions = {
    openFormsHosts: hostList(s, 'openFormsHosts'),
    formHosts: hostList(s, 'formHosts'),
  };
  if (s.tokenEnv !== undefined) {
    if (typeof s.tokenEnv !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s.tokenEnv)) {
      throw new Error(`forms.tokenEnv: expected the name of an environment variable, got ${JSON.stringify(s.tokenEnv)}`);
    }
    options.tokenEnv = s.tokenEnv;
    const token = env[s.tokenEnv]?.trim();
    if (token) options.token = token;
  }
  const timeout = wholeNumber(s, 'forms', 'timeout') ?? siteOptions.timeoutMs;
  if (timeout !== undefined) options.timeoutMs = timeout;
  const retries = wholeNumber(s, 'forms', 'retries') ?? siteOptions.retries;
  if (retries !== undefined) options.retries = retries;
  for (const key of ['connectTo', 'ca', 'allowPrivate', 'lookup', 'env', 'userAgent', 'signal', 'perHost', 'retryBaseMs', 'maxRetryWaitMs'] as const) {
    if (siteOptions[key] !== undefined) (options as unknown as Record<string, unknown>)[key] = siteOptions[key];
  }
  if (siteOptions.maxBodyBytes !== undefined) options.maxBodyBytes = siteOptions.maxBodyBytes;
  return options;
}
