import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { YAMLParseError } from 'yaml';
import { validatorFor } from '../validators.js';
import type { Rule } from '../rule.js';
import type { ConfigOverride, ResolvedConfig, RuleSetting } from './types.js';
import type { Message, SeveritySetting } from '../types.js';
import { buildConfigSchema, type SectionSchemas } from './schema.js';
import { credentialsMessage, findCredentials, redactCredentials } from '../secrets.js';
import { parseYamlDocument, YAML_LIMITS, YAML_TOO_LARGE, YamlError } from '../yaml.js';
import { describeConfigErrors, jsonSyntaxError, yamlSyntaxError } from './errors.js';

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
  refuseCredentials(raw, file);
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
  const json = file.endsWith('.json');
  // A byte order mark (Notepad) is no content.
  text = text.replace(/^\uFEFF/, '');
  try {
    if (json && Buffer.byteLength(text, 'utf8') > YAML_LIMITS.maxBytes) {
      throw new YamlError(YAML_TOO_LARGE, undefined);
    }
    // YAML with the limits every YAML read has (src/yaml.ts); JSON has no aliases, the same size limit.
    const value = json ? JSON.parse(text) : parseYamlDocument(text, { uniqueKeys: true }).value;
    if (value === null || value === undefined) return {};
    return value;
  } catch (error) {
    // A syntax error names the line and column and shows the line; a secret on it is not repeated.
    const redacted = (m: Message): Message => ({ nl: redactCredentials(m.nl), en: redactCredentials(m.en) });
    if (json && !(error instanceof YamlError)) throw new ConfigError(redacted(await jsonSyntaxError(file, text)));
    const cause = error instanceof YamlError ? error.cause : error;
    if (cause instanceof YAMLParseError) throw new ConfigError(redacted(yamlSyntaxError(file, text, cause)));
    const line = error instanceof YamlError ? error.line : undefined;
    const kind = json ? 'JSON' : 'YAML';
    const detail = error instanceof YamlError ? error.detail : { nl: (error as Error).message.split('\n')[0], en: (error as Error).message.split('\n')[0] };
    const where = (word: string) => (line !== undefined ? ` (${word} ${line})` : '');
    throw new ConfigError({
      nl: `${file}: geen geldige ${kind}${where('regel')}: ${redactCredentials(detail.nl)}`,
      en: `${file}: not valid ${kind}${where('line')}: ${redactCredentials(detail.en)}`,
    });
  }
}

/** A user name or password in any URL of the config stops the run; the message names the key, never the value. */
function refuseCredentials(raw: unknown, file: string): void {
  const key = findCredentials(raw);
  if (!key) return;
  const reason = credentialsMessage(key);
  throw new ConfigError({ nl: `${file}: ${reason.nl}`, en: `${file}: ${reason.en}` });
}

function validate(raw: unknown, file: string, rules: Rule[], sections: SectionSchemas): void {
  const schema = buildConfigSchema(rules, sections);
  const check = validatorFor('config', schema);
  if (check(raw)) return;
  const messages = describeConfigErrors(check.errors ?? [], raw, schema);
  const join = (lang: 'nl' | 'en') =>
    messages.length === 1 ? `${file}: ${messages[0][lang]}` : `${file}:\n${messages.map((m) => `  ${m[lang]}`).join('\n')}`;
  throw new ConfigError({ nl: join('nl'), en: join('en') });
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
