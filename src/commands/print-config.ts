/**
 * `brieflint check --print-config <file>`: the resolved config that applies to one file, as ESLint's
 * `--print-config`: rules with severities and options after `overrides`, domains, and the site,
 * forms and kcc settings with their defaults. Names environment variables, never their values.
 */
import { relative, resolve, sep } from 'node:path';
import ignore from 'ignore';
import type { Lang, Letter } from '../types.js';
import { allRules } from '../../rules/index.js';
import { loadConfig, type ResolvedConfig } from '../config/index.js';
import { configSections } from '../config/sections.js';
import { configFor, configRelative, matchingOverrides } from '../config/overrides.js';
import { resolveKccConfig } from '../facts/kcc/config.js';
import { factFolders } from '../facts/index.js';
import { DEFAULT_CACHE_FILE, SITE_DEFAULTS, parseDuration, wholeNumber } from '../facts/site/config.js';
import { excludeRules } from '../facts/site/exclude.js';
import { applyManifest } from '../read/one.js';
import { ConfigError } from '../config/index.js';
import { KnowledgeBaseError } from '../facts/kcc/errors.js';
import { EXIT, guarded, type Io } from './io.js';

export interface PrintConfigFlags {
  config?: string;
  lang?: Lang;
}

const SITE = {
  timeout: SITE_DEFAULTS.timeoutMs,
  retries: SITE_DEFAULTS.retries,
  concurrency: SITE_DEFAULTS.concurrency,
  perHost: SITE_DEFAULTS.perHost,
  maxBodyBytes: SITE_DEFAULTS.maxBodyBytes,
  cacheTtl: SITE_DEFAULTS.cacheTtlSeconds,
};

export async function printConfig(file: string, flags: PrintConfigFlags, io: Io): Promise<number> {
  return guarded(io, flags.lang ?? 'nl', async () => {
    const config = await loadConfig(io.cwd, allRules, configSections, flags.config);
    const absolute = resolve(io.cwd, file);
    io.stdout(`${JSON.stringify(resolvedFor(config, absolute, io.cwd), null, 2)}\n`);
    return EXIT.clean;
  });
}

const shown = (cwd: string, abs: string) => {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') ? abs : rel || '.').split(sep).join('/');
};

/** What applies to the file at `absolute` (paths shown relative to `cwd`). */
export function resolvedFor(config: ResolvedConfig, absolute: string, cwd: string): Record<string, unknown> {
  const own = configFor(config, absolute);
  const applied = matchingOverrides(config, absolute).map((o) => config.overrides.indexOf(o));
  const rules = Object.fromEntries(Object.entries(own.rules).map(([id, s]) => [id, [s.severity, s.options]]));
  // What the config's `manifest` says about the file (the file itself is not read).
  const letter: Letter = { path: '', format: 'text', meta: { id: '' }, blocks: [], links: [], directives: [] };
  applyManifest(letter, absolute, config);
  const { id, ...rest } = letter.meta;
  const metadata = id ? { id, ...rest } : rest;
  return {
    file: shown(cwd, absolute),
    config: config.file ? shown(cwd, config.file) : null,
    ignored: isIgnored(config, absolute),
    lang: config.lang ?? 'nl',
    domains: config.domains,
    allowedDomains: config.allowedDomains,
    ...(config.ca ? { ca: config.ca } : {}),
    ...(config.ignore.length ? { ignore: config.ignore } : {}),
    overrides: applied,
    ...(Object.keys(metadata).length ? { metadata } : {}),
    rules,
    site: siteSettings(config, cwd),
    forms: formsSettings(config),
    kcc: configured(config, () => resolveKccConfig(config.kcc)),
  };
}

/** Left out of a run by the config's `ignore` or because it lies in the KCC briefing folder. */
function isIgnored(config: ResolvedConfig, absolute: string): boolean {
  const rel = configRelative(config, absolute);
  if (rel && !rel.startsWith('..') && ignore().add(config.ignore).ignores(rel)) return true;
  return factFolders(config).some((dir) => absolute === dir || absolute.startsWith(dir + sep));
}

function siteSettings(config: ResolvedConfig, cwd: string): Record<string, unknown> {
  return configured(config, () => {
    const s = config.site;
    const cache = s.cache === false ? false : shown(cwd, resolve(config.root, typeof s.cache === 'string' ? s.cache : DEFAULT_CACHE_FILE));
    return {
      exclude: excludeRules(s, config.root),
      remap: s.remap ?? [],
      connectTo: s.connectTo ?? [],
      ...(s.ca !== undefined ? { ca: Array.isArray(s.ca) ? s.ca : [s.ca] } : {}),
      allowPrivate: s.allowPrivate ?? false,
      timeout: wholeNumber(s, 'site', 'timeout') ?? SITE.timeout,
      retries: wholeNumber(s, 'site', 'retries') ?? SITE.retries,
      concurrency: wholeNumber(s, 'site', 'concurrency') ?? SITE.concurrency,
      perHost: wholeNumber(s, 'site', 'perHost') ?? SITE.perHost,
      ownPerHost: wholeNumber(s, 'site', 'ownPerHost') ?? wholeNumber(s, 'site', 'perHost') ?? SITE_DEFAULTS.ownPerHost,
      maxBodyBytes: wholeNumber(s, 'site', 'maxBodyBytes') ?? SITE.maxBodyBytes,
      cache,
      cacheTtl: s.cacheTtl === undefined ? SITE.cacheTtl : parseDuration(s.cacheTtl, 'site.cacheTtl'),
    };
  });
}

function formsSettings(config: ResolvedConfig): Record<string, unknown> {
  const f = config.forms;
  return configured(config, () => ({
    openFormsHosts: f.openFormsHosts ?? [],
    formHosts: f.formHosts ?? [],
    ...(f.tokenEnv !== undefined ? { tokenEnv: f.tokenEnv } : {}),
    timeout: wholeNumber(f, 'forms', 'timeout') ?? wholeNumber(config.site, 'site', 'timeout') ?? SITE.timeout,
    retries: wholeNumber(f, 'forms', 'retries') ?? wholeNumber(config.site, 'site', 'retries') ?? SITE.retries,
  }));
}

function configured<T>(config: ResolvedConfig, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof KnowledgeBaseError) throw error;
    throw new ConfigError(`${config.file ?? 'config'}: ${(error as Error).message}`);
  }
}
