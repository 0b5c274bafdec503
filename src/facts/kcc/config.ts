import { validatorFor, type Validator } from '../../validators.js';
import type { KccSource } from './types.js';
import { KnowledgeBaseError } from './errors.js';
import { credentialsMessage, findCredentials } from '../../secrets.js';

/** Where an adapter finds a briefing property in an object's data: one dotted path or several. */
export type FieldPath = string | string[];

export interface KccFieldMap {
  title?: FieldPath;
  /** Letter ids or kenmerken (VAC: `trefwoorden`). */
  letters?: FieldPath;
  /** Path globs. */
  files?: FieldPath;
  urls?: FieldPath;
  forms?: FieldPath;
  phone?: FieldPath;
  /** HTML or text fields: the body; their links count as URLs the briefing names. */
  text?: FieldPath;
  validFrom?: FieldPath;
  validUntil?: FieldPath;
  mailingDate?: FieldPath;
  recipients?: FieldPath;
  owner?: FieldPath;
  updated?: FieldPath;
}

export interface KccConfig {
  adapter: KccSource;
  /** Folder adapter: relative to the config root. */
  folder: string;
  /** HTTP adapters: the service's base URL. */
  url?: string;
  /** objects-api: the URL of the VAC objecttype. */
  objecttype?: string;
  /** Name of the env var holding an API token, sent as `Authorization: Token <value>`. */
  tokenEnv?: string;
  /** Name of the env var holding a header value sent verbatim in `authHeader` (KISS: a session cookie). */
  authEnv?: string;
  authHeader: string;
  /** Search terms; default: every letter's id and kenmerk. `""` fetches everything. */
  search?: string[];
  fields: KccFieldMap;
  /** Per request, milliseconds. */
  timeout: number;
  /** Extra attempts after a 5xx, 429, timeout or connection error. */
  retries: number;
  /** First retry delay in milliseconds, doubled each attempt (Retry-After wins when given). */
  backoff: number;
  /** Requests at a time. */
  concurrency: number;
  /** objects-api: `pageSize` query parameter. */
  pageSize?: number;
  maxPages: number;
  /** HTTP adapters: extra trusted CA certificates, PEM files relative to the config root (or PEM text), as `site.ca`. */
  ca?: string[];
  /**
   * The KCC page links to a folder briefing at this base + its path relative to the config (a
   * share or intranet address); without it, relative to where the page is written.
   */
  linkBase?: string;
}

const FIELD_PATH = {
  anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }],
};
const ENV_NAME = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' };
const HTTP_URL = { type: 'string', pattern: '^https?://[^\\s]+$' };

/** JSON Schema (draft-07) of the `kcc` config section. */
export const kccConfigSchema: Record<string, unknown> = {
  description: 'The KCC knowledge base: where briefings live (kcc-briefing-* rules).',
  type: 'object',
  additionalProperties: false,
  properties: {
    adapter: {
      description: 'folder (Markdown files with front matter, default), objects-api (VAC objects as KISS uses them) or kiss (KISS werkinstructies).',
      enum: ['folder', 'objects-api', 'kiss'],
    },
    folder: { description: 'Folder adapter: the folder of briefings, relative to the config file (default "kcc").', type: 'string', minLength: 1 },
    linkBase: {
      description:
        'Folder adapter: where the KCC page links to a briefing: this base followed by the briefing path relative to the config file, e.g. "https://intranet.voorbeeldstad.nl/kcc/" or "file://///server/share/brieven/". Default: relative to the page.',
      type: 'string',
      minLength: 1,
    },
    url: { description: 'HTTP adapters: base URL of the Objects API (…/api/v2) or of KISS.', ...HTTP_URL },
    objecttype: { description: 'objects-api: URL of the VAC objecttype.', ...HTTP_URL },
    tokenEnv: { description: 'Name of the environment variable holding the API token (sent as "Authorization: Token <value>"). Never put the token itself in the config.', ...ENV_NAME },
    authEnv: { description: 'Name of the environment variable holding a header value sent as is in authHeader (KISS: a session cookie or a future token).', ...ENV_NAME },
    authHeader: { description: 'Header for authEnv (default "Authorization"; "Cookie" for a KISS session).', type: 'string', pattern: '^[A-Za-z0-9-]+$' },
    search: {
      description: "HTTP adapters: search terms. Default: every letter's id and kenmerk. An empty string fetches everything.",
      type: 'array',
      items: { type: 'string' },
    },
    fields: {
      description: 'HTTP adapters: which data fields (dotted paths; "record.…" for the Objects API record) hold which briefing property.',
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        ['title', 'letters', 'files', 'urls', 'forms', 'phone', 'text', 'validFrom', 'validUntil', 'mailingDate', 'recipients', 'owner', 'updated'].map(
          (k) => [k, FIELD_PATH],
        ),
      ),
    },
    timeout: { description: 'HTTP adapters: timeout per request in milliseconds (default 10000).', type: 'integer', minimum: 1 },
    retries: { description: 'HTTP adapters: retries after 5xx, 429, timeouts and connection errors (default 2).', type: 'integer', minimum: 0, maximum: 10 },
    backoff: { description: 'HTTP adapters: first retry delay in milliseconds, doubled each retry (default 500).', type: 'integer', minimum: 0 },
    concurrency: { description: 'HTTP adapters: requests at a time (default 4).', type: 'integer', minimum: 1, maximum: 32 },
    pageSize: { description: 'objects-api: page size to ask for.', type: 'integer', minimum: 1, maximum: 500 },
    maxPages: { description: 'HTTP adapters: stop with an error after this many pages per search (default 100).', type: 'integer', minimum: 1 },
    ca: {
      description: "HTTP adapters: extra trusted CA certificate files (PEM), relative to the config file, as site.ca: for a knowledge base behind the municipality's own CA.",
      oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }],
    },
  },
  allOf: [
    { if: { properties: { adapter: { const: 'objects-api' } }, required: ['adapter'] }, then: { required: ['url', 'objecttype'] } },
    { if: { properties: { adapter: { const: 'kiss' } }, required: ['adapter'] }, then: { required: ['url'] } },
  ],
};

const SECRET_KEYS = /^(token|apikey|api[-_]?key|key|secret|password|authorization|auth|cookie|bearer)$/i;

let validate: Validator | undefined;

/**
 * The `kcc` section with defaults. Throws KnowledgeBaseError naming the key when it is invalid —
 * and refuses secrets written into the config file.
 */
export function resolveKccConfig(section: Record<string, unknown> | undefined): KccConfig {
  const raw = section ?? {};
  const withCredentials = findCredentials(raw, 'kcc');
  if (withCredentials) throw new KnowledgeBaseError('kcc', credentialsMessage(withCredentials), { field: withCredentials.slice('kcc.'.length) });
  for (const key of Object.keys(raw)) {
    if (SECRET_KEYS.test(key)) {
      throw new KnowledgeBaseError('kcc', {
        nl: `zet geen geheimen in het configuratiebestand (kcc.${key}); zet de waarde in een omgevingsvariabele en noem die in kcc.tokenEnv of kcc.authEnv`,
        en: `do not put secrets in the config file (kcc.${key}); put the value in an environment variable and name it in kcc.tokenEnv or kcc.authEnv`,
      }, { field: key });
    }
  }
  validate ??= validatorFor('kccConfig', kccConfigSchema);
  if (!validate(raw)) {
    const e = (validate.errors ?? []).find((x) => x.keyword !== 'if') ?? validate.errors?.[0];
    const where = e?.keyword === 'additionalProperties'
      ? `kcc${e.instancePath.replace(/\//g, '.')}.${String(e.params.additionalProperty)}`
      : e?.keyword === 'required'
        ? `kcc.${String(e.params.missingProperty)}`
        : `kcc${(e?.instancePath ?? '').replace(/\//g, '.')}`;
    const what = e?.keyword === 'additionalProperties' ? 'unknown key' : e?.keyword === 'required' ? `is required for adapter "${String(raw.adapter)}"` : (e?.message ?? 'is invalid');
    throw new KnowledgeBaseError('kcc', { nl: `${where}: ${what === 'unknown key' ? 'onbekende sleutel' : what}`, en: `${where}: ${what}` }, { field: where });
  }
  const r = raw as Partial<KccConfig>;
  return {
    adapter: r.adapter ?? 'folder',
    folder: r.folder ?? 'kcc',
    ...(r.url !== undefined ? { url: r.url } : {}),
    ...(r.objecttype !== undefined ? { objecttype: r.objecttype } : {}),
    ...(r.tokenEnv !== undefined ? { tokenEnv: r.tokenEnv } : {}),
    ...(r.authEnv !== undefined ? { authEnv: r.authEnv } : {}),
    authHeader: r.authHeader ?? 'Authorization',
    ...(r.search !== undefined ? { search: r.search } : {}),
    fields: r.fields ?? {},
    timeout: r.timeout ?? 10_000,
    retries: r.retries ?? 2,
    backoff: r.backoff ?? 500,
    concurrency: r.concurrency ?? 4,
    ...(r.pageSize !== undefined ? { pageSize: r.pageSize } : {}),
    maxPages: r.maxPages ?? 100,
    ...(r.linkBase !== undefined ? { linkBase: r.linkBase } : {}),
    ...(raw.ca !== undefined ? { ca: Array.isArray(raw.ca) ? (raw.ca as string[]) : [raw.ca as string] } : {}),
  };
}
