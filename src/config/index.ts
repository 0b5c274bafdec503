import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ErrorObject } from 'ajv';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { validatorFor } from '../validators.js';
import type { Rule } from '../rule.js';
import type { ConfigOverride, ResolvedConfig, RuleSetting } from './types.js';
import type { Message, SeveritySetting } from '../types.js';
import { buildConfigSchema, type SectionSchemas } from './schema.js';

export type { ResolvedConfig, RuleSetting, ConfigOverride } from './types.js';

export const CONFIG_FILE_NAMES = ['brieflint.config.json', 'brieflint.config.yaml', 'brieflint.config.yml'];

/** Government domains a letter may print without being the gemeente's own. */
export const DEFAULT_ALLOWED_DOMAINS = [
  'digid.nl',
  'mijnoverheid.nl',
  'rijksoverheid.nl',
  'overheid.nl',
  'belastingdienst.nl',
  'toeslagen.nl',
  'government.nl',
  'uwv.nl',
  'svb.nl',
  'duo.nl',
  'rvo.nl',
  'cak.nl',
  'cjib.nl',
  'rdw.nl',
  'ind.nl',
  'kvk.nl',
];

/** A configuration that cannot be used: exit code 2, the message names the file and the key. */
export class ConfigError extends Error {
  /** The message in Dutch and English (`message` is the English one). */
  readonly reason: Message;
  constructor(message: string | Message) {
    const reason = typeof message === 'string' ? { nl: message, en: message } : message;
    super(reason.en);
    this.name = 'ConfigError';
    this.reason = reason;
  }
}

/** The nearest config file from `cwd` upward, if any. */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Load and validate the config (`explicit` = --config, else the nearest file up from cwd; none =
 * all defaults). Unknown keys and wrong types are a ConfigError naming the key and the file.
 */
export async function loadConfig(
  cwd: string,
  rules: Rule[],
  sections: SectionSchemas,
  explicit?: string,
): Promise<ResolvedConfig> {
  const file = explicit ? resolve(cwd, explicit) : findConfigFile(cwd);
  if (!file) return resolveConfig({}, cwd, rules);
  const raw = await parseConfigFile(file);
  validate(raw, file, rules, sections);
  return resolveConfig(raw as RawConfig, dirname(file), rules, file);
}

async function parseConfigFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      code === 'ENOENT'
        ? { nl: `${file}: configuratiebestand niet gevonden`, en: `${file}: config file not found` }
        : { nl: `${file}: kan de configuratie niet lezen: ${(error as Error).message}`, en: `${file}: cannot read config: ${(error as Error).message}` },
    );
  }
  try {
    const value = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    if (value === null || value === undefined) return {};
    return value;
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    const kind = file.endsWith('.json') ? 'JSON' : 'YAML';
    const detail = (error as Error).message.split('\n')[0];
    throw new ConfigError({ nl: `${file}: geen geldige ${kind}${where.replace('line', 'regel')}: ${detail}`, en: `${file}: not valid ${kind}${where}: ${detail}` });
  }
}

function validate(raw: unknown, file: string, rules: Rule[], sections: SectionSchemas): void {
  const check = validatorFor('config', buildConfigSchema(rules, sections));
  if (check(raw)) return;
  const messages = pickErrors(check.errors ?? []).map(describeError);
  throw new ConfigError({ nl: `${file}: ${messages.map((m) => m.nl).join('; ')}`, en: `${file}: ${messages.map((m) => m.en).join('; ')}` });
}

/** The most telling errors: the deepest ones, without the anyOf summaries. */
function pickErrors(errors: ErrorObject[]): ErrorObject[] {
  const real = errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
  const byPath = new Map<string, ErrorObject>();
  for (const e of real) {
    const key = e.instancePath + (e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : '');
    const seen = byPath.get(key);
    // Within one path, prefer the error of the array form of a rule setting (it names the option).
    if (!seen || e.schemaPath.length > seen.schemaPath.length) byPath.set(key, e);
  }
  const all = [...byPath.values()];
  const deepest = Math.max(...all.map((e) => e.instancePath.split('/').length));
  // A rule setting that is neither a severity nor a tuple yields errors at two depths: keep the deepest.
  return all.filter((e) => e.keyword === 'additionalProperties' || e.instancePath.split('/').length === deepest).slice(0, 5);
}

function describeError(e: ErrorObject): Message {
  const path = pointerToKey(e.instancePath);
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    const full = path ? `${path}.${key}` : key;
    return path === 'rules' || /^overrides\[\d+\]\.rules$/.test(path)
      ? { nl: `onbekende regel "${key}" (sleutel "${full}")`, en: `unknown rule "${key}" (key "${full}")` }
      : { nl: `onbekende sleutel "${full}"`, en: `unknown key "${full}"` };
  }
  if (e.keyword === 'enum') {
    const values = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
    return { nl: `sleutel "${path}" moet een van ${values} zijn`, en: `key "${path}" must be one of ${values}` };
  }
  // ajv's own wording ("must be integer") stays English in both.
  const where = path || '(top level)';
  return { nl: `sleutel "${where}": ${e.message ?? 'ongeldig'}`, en: `key "${where}" ${e.message ?? 'is invalid'}` };
}

/** "/rules/pretty-url/1/maxLength" → "rules.pretty-url[1].maxLength". */
function pointerToKey(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

type RawRuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?];

interface RawConfig {
  domains?: string[];
  allowedDomains?: string[];
  lang?: 'nl' | 'en';
  ca?: string | string[];
  ignore?: string[];
  manifest?: ResolvedConfig['manifest'];
  rules?: Record<string, RawRuleSetting>;
  overrides?: Array<{ files: string | string[]; rules: Record<string, RawRuleSetting> }>;
  site?: Record<string, unknown>;
  kcc?: Record<string, unknown>;
  forms?: Record<string, unknown>;
}

/** Defaults merged with what the (validated) config says. */
export function resolveConfig(raw: RawConfig, root: string, rules: Rule[], file?: string): ResolvedConfig {
  const settings: Record<string, RuleSetting> = {};
  for (const rule of rules) {
    const given = raw.rules?.[rule.meta.id];
    const [severity, options] = Array.isArray(given) ? given : [given ?? rule.meta.defaultSeverity, undefined];
    settings[rule.meta.id] = { severity, options: { ...(rule.meta.defaultOptions as object), ...(options ?? {}) } };
  }
  const defaults = new Map(rules.map((r) => [r.meta.id, r.meta.defaultOptions as Record<string, unknown>]));
  const overrides: ConfigOverride[] = (raw.overrides ?? []).map((o) => ({
    files: Array.isArray(o.files) ? o.files : [o.files],
    rules: Object.fromEntries(
      Object.entries(o.rules ?? {}).map(([id, given]) => [
        id,
        // As ESLint: a severity alone (or `[severity]`) keeps the options set before it.
        Array.isArray(given)
          ? { severity: given[0], ...(given[1] !== undefined ? { options: { ...(defaults.get(id) ?? {}), ...given[1] } } : {}) }
          : { severity: given },
      ]),
    ),
  }));
  return {
    file,
    root,
    domains: (raw.domains ?? []).map((d) => d.toLowerCase()),
    allowedDomains: [...new Set([...DEFAULT_ALLOWED_DOMAINS, ...(raw.allowedDomains ?? []).map((d) => d.toLowerCase())])],
    rules: settings,
    overrides,
    ignore: raw.ignore ?? [],
    manifest: raw.manifest ?? [],
    lang: raw.lang,
    ...(raw.ca !== undefined ? { ca: Array.isArray(raw.ca) ? raw.ca : [raw.ca] } : {}),
    site: raw.site ?? {},
    kcc: raw.kcc ?? {},
    forms: raw.forms ?? {},
  };
}
