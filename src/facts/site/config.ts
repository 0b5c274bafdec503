/**
 * The `site` section of the config file: its JSON Schema fragment and its translation into
 * SiteOptions.
 */
import { isAbsolute, resolve } from 'node:path';
// Not ../../http/index.js: the config is read under --offline too, without loading undici.
import { CaError, caEntries, readCa } from '../../http/ca.js';
import type { SiteOptions } from './types.js';
import { excludeRules } from './exclude.js';

export const DEFAULT_CACHE_FILE = '.brieflint-cache.json';

/** The live-site check's defaults (here, not in ./index.ts, so `--print-config` shows them without loading undici). */
export const SITE_DEFAULTS = {
  timeoutMs: 10_000,
  retries: 2,
  concurrency: 16,
  /**
   * Requests in flight to one host that is not the gemeente's own: 6, what a web browser opens to
   * one host (HTTP/1.1), politer than lychee's 10 and linkinator's 100 (see README, "The live-site check").
   */
  perHost: 6,
  /** Requests in flight to each of the gemeente's own hosts (`domains`): lychee's per-host default, 10. */
  ownPerHost: 10,
  maxBodyBytes: 512 * 1024,
  maxRedirects: 10,
  retryBaseMs: 500,
  maxRetryWaitMs: 10_000,
  keepBodyBytes: 16 * 1024,
  cacheTtlSeconds: 24 * 60 * 60,
} as const;

const DURATION = '^\\d+\\s*(s|m|h|d)$';

/** JSON Schema (draft 2020-12 / draft-07 compatible) of the config section `site`. */
export const siteConfigSchema = {
  type: 'object',
  description: 'The live-site check (rules dead-url, unreachable-url, typed-url-variant, offsite-redirect, unverifiable-url).',
  additionalProperties: false,
  properties: {
    remap: {
      type: 'array',
      description: 'Rewrite URLs before fetching (e.g. to an acceptance site); findings keep the printed URL. Applied in order.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['pattern', 'replacement'],
        properties: {
          pattern: { type: 'string', minLength: 1, description: 'JavaScript regular expression matched against the whole URL.' },
          replacement: { type: 'string', description: 'Replacement; $1 … for groups.' },
        },
      },
    },
    exclude: {
      type: 'array',
      description:
        'URLs not to fetch (as lychee --exclude): JavaScript regular expressions, searched for in each address a letter names (https://…, host in lowercase). The report shows such an address as excluded, and the live rules say nothing about it. More patterns can go in .brieflintignore next to the config file, one a line.',
      items: { type: 'string', minLength: 1 },
    },
    connectTo: {
      type: 'array',
      description: "curl --connect-to mappings 'host:port:addr:port' (empty host/port = any). Connects there; Host and TLS name stay the URL's.",
      items: { type: 'string', pattern: '^(\\[[^\\]]*\\]|[^:\\[\\]]*):\\d{0,5}:(\\[[^\\]]*\\]|[^:\\[\\]]*):\\d{0,5}$' },
    },
    ca: {
      description: 'Extra trusted CA certificate files (PEM), relative to the config file, for the live site and the forms API; added to the top-level ca.',
      oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }],
    },
    allowPrivate: {
      type: 'boolean',
      default: false,
      description: 'Allow connections to loopback, private and link-local addresses (connectTo targets are always allowed).',
    },
    timeout: { type: 'integer', minimum: 1, default: 10000, description: 'Connect and whole-request timeout in milliseconds.' },
    retries: { type: 'integer', minimum: 0, maximum: 10, default: 2, description: 'Retries for 5xx, 408, 429, timeouts and resets.' },
    concurrency: { type: 'integer', minimum: 1, maximum: 256, default: 16, description: 'Requests in flight at once.' },
    perHost: { type: 'integer', minimum: 1, maximum: 64, default: 6, description: 'Requests in flight per host (other hosts than the own domains; those too when ownPerHost is not set).' },
    ownPerHost: {
      type: 'integer',
      minimum: 1,
      maximum: 64,
      default: 10,
      description: 'Requests in flight to each host on the own domains (default 10; perHost when only perHost is set).',
    },
    maxBodyBytes: { type: 'integer', minimum: 1024, default: 524288, description: 'Bytes of a page read at most.' },
    cache: {
      description: `Cache file of successful results, relative to the config file (default ${DEFAULT_CACHE_FILE}); false = no cache.`,
      oneOf: [{ type: 'string', minLength: 1 }, { const: false }],
    },
    cacheTtl: {
      description: "How long a cached result is trusted: seconds, or '30m', '12h', '7d' (default 24h).",
      oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', pattern: DURATION }],
    },
  },
} as const;

/** Seconds from a number or '90s' / '30m' / '12h' / '7d'. */
export function parseDuration(value: unknown, key: string): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string') {
    const m = new RegExp(DURATION).exec(value.trim());
    if (m) return Number.parseInt(value, 10) * { s: 1, m: 60, h: 3600, d: 86400 }[m[1] as 's' | 'm' | 'h' | 'd'];
  }
  throw new Error(`${key}: expected seconds or a duration like '12h', got ${JSON.stringify(value)}`);
}

/** `section[key]` as a whole number, undefined when absent; `name` is the section's name in the message. */
export function wholeNumber(section: Record<string, unknown>, name: string, key: string): number | undefined {
  const v = section[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new Error(`${name}.${key}: expected a whole number, got ${JSON.stringify(v)}`);
  return v;
}

/**
 * SiteOptions from the config section `site` (validated against siteConfigSchema). Paths (ca,
 * cache) are relative to `root`; CA files are read here: the top-level `ca` (`topCa`, every
 * outside call) and then `site.ca`, which adds to it. The caller adds onProgress, signal, and
 * drops `cache` for --no-cache.
 */
export function siteOptionsFromConfig(section: Record<string, unknown> | undefined, root: string, domains: string[], topCa?: unknown): SiteOptions {
  const s = section ?? {};
  const options: SiteOptions = { domains };
  if (Array.isArray(s.remap)) {
    options.remap = s.remap.map((r, i) => {
      const rule = r as { pattern?: unknown; replacement?: unknown };
      if (typeof rule?.pattern !== 'string' || typeof rule.replacement !== 'string') {
        throw new Error(`site.remap[${i}]: expected { pattern, replacement }`);
      }
      try {
        new RegExp(rule.pattern);
      } catch (error) {
        throw new Error(`site.remap[${i}].pattern: ${(error as Error).message}`);
      }
      return { pattern: rule.pattern, replacement: rule.replacement };
    });
  }
  const exclude = excludeRules(s, root);
  if (exclude.length) options.exclude = exclude;
  if (Array.isArray(s.connectTo)) options.connectTo = s.connectTo.map(String);
  if (s.ca !== undefined || topCa !== undefined) {
    try {
      options.ca = [...readCa(caEntries(topCa), root, 'ca', Array.isArray(topCa)), ...readCa(caEntries(s.ca), root, 'site.ca', Array.isArray(s.ca))];
    } catch (error) {
      if (!(error instanceof CaError)) throw error;
      throw new Error(error.file ? `${error.key}: cannot read ${error.file.path}: ${error.file.code}` : error.reason.en);
    }
  }
  if (typeof s.allowPrivate === 'boolean') options.allowPrivate = s.allowPrivate;
  const timeout = wholeNumber(s, 'site', 'timeout');
  if (timeout !== undefined) options.timeoutMs = timeout;
  const retries = wholeNumber(s, 'site', 'retries');
  if (retries !== undefined) options.retries = retries;
  const concurrency = wholeNumber(s, 'site', 'concurrency');
  if (concurrency !== undefined) options.concurrency = concurrency;
  const perHost = wholeNumber(s, 'site', 'perHost');
  if (perHost !== undefined) options.perHost = perHost;
  const ownPerHost = wholeNumber(s, 'site', 'ownPerHost');
  if (ownPerHost !== undefined) options.ownPerHost = ownPerHost;
  const maxBodyBytes = wholeNumber(s, 'site', 'maxBodyBytes');
  if (maxBodyBytes !== undefined) options.maxBodyBytes = maxBodyBytes;
  if (s.cache !== false) {
    const path = typeof s.cache === 'string' ? s.cache : DEFAULT_CACHE_FILE;
    options.cache = {
      path: isAbsolute(path) ? path : resolve(root, path),
      ttlSeconds: s.cacheTtl === undefined ? 24 * 3600 : parseDuration(s.cacheTtl, 'site.cacheTtl'),
    };
  }
  return options;
}
