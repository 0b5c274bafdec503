/**
 * JSON Schemas of what `merge-reports` reads:
 *
 * - the JSON report (README "JSON output"), published as schema/brieflint.report.schema.json
 *   (`npm run schema` writes it; a test checks it is up to date). Fields are only ever added, so
 *   the schema allows fields it does not know: a newer brieflint's report still validates.
 * - the structure of a SARIF 2.1.0 log as far as merging relies on it (runs, tool.driver, rules,
 *   results, artifacts, invocations): not the whole OASIS schema, which brieflint does not ship.
 */

const TEXT = { type: 'string' };
const COUNT = { type: 'integer', minimum: 0 };
const POSITION = { type: 'integer', minimum: 0 };

const FINDING = {
  type: 'object',
  required: ['rule', 'severity', 'message', 'line', 'column'],
  properties: {
    rule: TEXT,
    severity: { enum: ['error', 'warning', 'info'] },
    message: TEXT,
    line: POSITION,
    column: POSITION,
    url: TEXT,
    hint: TEXT,
    part: TEXT,
  },
};

const URL_REF = {
  type: 'object',
  required: ['printed', 'href', 'line', 'column'],
  properties: {
    printed: TEXT,
    href: TEXT,
    line: POSITION,
    column: POSITION,
    linkText: TEXT,
    part: TEXT,
    result: {
      type: 'object',
      required: ['kind', 'chain'],
      properties: {
        kind: { enum: ['ok', 'protected', 'soft-404', 'dead', 'unreachable', 'unverifiable'] },
        finalUrl: TEXT,
        status: { type: 'integer' },
        chain: {
          type: 'array',
          items: { type: 'object', required: ['url', 'status'], properties: { url: TEXT, status: { type: 'integer' }, location: TEXT } },
        },
        error: TEXT,
        reason: TEXT,
        login: { type: 'object', required: ['provider'], properties: { provider: TEXT, url: TEXT } },
        title: TEXT,
        offsite: { type: 'boolean' },
        variants: {
          type: 'array',
          items: {
            type: 'object',
            required: ['variant', 'url', 'kind'],
            properties: { variant: TEXT, url: TEXT, kind: TEXT, finalUrl: TEXT, status: { type: 'integer' }, problem: TEXT },
          },
        },
      },
    },
    form: {
      type: 'object',
      required: ['platform', 'state'],
      properties: { platform: TEXT, slug: TEXT, state: TEXT, name: TEXT, loginRequired: { type: 'boolean' }, reason: TEXT },
    },
  },
};

const MENTION = (fields: string[]) => ({
  type: 'object',
  required: [...fields, 'line', 'column'],
  properties: { ...Object.fromEntries(fields.map((f) => [f, TEXT])), line: POSITION, column: POSITION },
});

const FILE = {
  type: 'object',
  required: ['path', 'letter', 'references', 'findings'],
  properties: {
    path: { type: 'string', minLength: 1 },
    letter: {
      anyOf: [
        { type: 'null' },
        {
          type: 'object',
          required: ['id'],
          properties: { id: TEXT, title: TEXT, kenmerk: TEXT, mailingDate: TEXT, recipients: COUNT, owner: TEXT },
        },
      ],
    },
    references: {
      type: 'object',
      required: ['urls', 'forms', 'phones', 'emails'],
      properties: {
        urls: { type: 'array', items: URL_REF },
        forms: { type: 'array', items: MENTION(['kind', 'text']) },
        phones: { type: 'array', items: MENTION(['printed', 'normalized']) },
        emails: { type: 'array', items: MENTION(['printed', 'address']) },
      },
    },
    findings: { type: 'array', items: FINDING },
    error: TEXT,
    briefing: {
      anyOf: [
        { type: 'null' },
        { type: 'object', required: ['source', 'id'], properties: { source: TEXT, id: TEXT, path: TEXT, validUntil: TEXT, title: TEXT } },
      ],
    },
  },
};

/** JSON Schema (draft-07) of brieflint's JSON report. */
export const jsonReportSchema: Record<string, unknown> = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://unpkg.com/brieflint/schema/brieflint.report.schema.json',
  title: 'brieflint JSON report',
  description: 'What `brieflint check --format json` prints (README "JSON output"). Fields are only ever added, never renamed or removed.',
  type: 'object',
  required: ['version', 'files', 'summary'],
  properties: {
    version: { type: 'string', minLength: 1 },
    files: { type: 'array', items: FILE },
    summary: {
      type: 'object',
      required: ['files', 'errors', 'warnings', 'unreadable'],
      properties: {
        files: COUNT,
        errors: COUNT,
        warnings: COUNT,
        unreadable: COUNT,
        skippedRules: { type: 'array', items: TEXT },
        suppressed: COUNT,
        ignored: COUNT,
        hiddenWarnings: COUNT,
      },
    },
  },
};

/** The JSON report schema as published in schema/brieflint.report.schema.json. */
export function reportSchemaJson(): string {
  return `${JSON.stringify(jsonReportSchema, null, 2)}\n`;
}

const OBJECTS = { type: 'array', items: { type: 'object' } };

/** The parts of a SARIF 2.1.0 log merge-reports relies on. */
export const sarifStructureSchema: Record<string, unknown> = {
  type: 'object',
  required: ['version', 'runs'],
  properties: {
    version: { const: '2.1.0' },
    runs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['tool'],
        properties: {
          tool: {
            type: 'object',
            required: ['driver'],
            properties: {
              driver: {
                type: 'object',
                required: ['name'],
                properties: {
                  name: TEXT,
                  version: TEXT,
                  semanticVersion: TEXT,
                  rules: { type: 'array', items: { type: 'object', required: ['id'], properties: { id: TEXT } } },
                },
              },
            },
          },
          results: {
            type: 'array',
            items: {
              type: 'object',
              required: ['message'],
              properties: {
                ruleId: TEXT,
                ruleIndex: { type: 'integer', minimum: -1 },
                rule: { type: 'object', properties: { id: TEXT, index: { type: 'integer', minimum: -1 } } },
                message: { type: 'object' },
                locations: OBJECTS,
              },
            },
          },
          artifacts: {
            type: 'array',
            items: {
              type: 'object',
              properties: { location: { type: 'object', properties: { uri: TEXT, uriBaseId: TEXT, index: { type: 'integer', minimum: -1 } } } },
            },
          },
          invocations: OBJECTS,
          originalUriBaseIds: { type: 'object' },
          properties: { type: 'object' },
        },
      },
    },
  },
};
