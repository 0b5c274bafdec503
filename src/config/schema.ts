import type { Rule } from '../rule.js';

const SEVERITY = { enum: ['off', 'warn', 'error'] };
const HOST = { type: 'string', pattern: '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$' };
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/** Config sections owned by the facts modules, registered by them (see src/config/sections.ts). */
export interface SectionSchemas {
  site?: Record<string, unknown>;
  kcc?: Record<string, unknown>;
  forms?: Record<string, unknown>;
}

/**
 * The JSON Schema of brieflint.config.{json,yaml,yml}. Built from the rules' option schemas so a
 * rule's options are validated with the config; published as schema/brieflint.config.schema.json.
 */
export function buildConfigSchema(rules: Rule[], sections: SectionSchemas = {}): Record<string, unknown> {
  const ruleProps: Record<string, unknown> = {};
  for (const rule of rules) {
    const options = rule.meta.optionsSchema ?? { type: 'object', additionalProperties: false, properties: {} };
    ruleProps[rule.meta.id] = {
      description: rule.meta.description.en,
      anyOf: [
        SEVERITY,
        { type: 'array', minItems: 1, maxItems: 2, items: [SEVERITY, options], additionalItems: false },
      ],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://brieflint.invalid/schema/brieflint.config.schema.json',
    title: 'brieflint configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      domains: {
        description: "The gemeente's own domains (subdomains included), e.g. [\"voorbeeldstad.nl\"].",
        type: 'array',
        items: HOST,
      },
      allowedDomains: {
        description: 'Government domains a letter may print besides its own, added to the built-in list.',
        type: 'array',
        items: HOST,
      },
      lang: { description: 'Language of messages (default nl).', enum: ['nl', 'en'] },
      ignore: { description: 'Globs of files not to check (relative to the config file).', type: 'array', items: { type: 'string' } },
      manifest: {
        description: 'Metadata for letters by path glob, for .docx files whose properties nobody fills in.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files'],
          properties: {
            files: { type: 'string' },
            id: { type: 'string' },
            kenmerk: { type: 'string' },
            title: { type: 'string' },
            mailingDate: DATE,
            recipients: { type: 'integer', minimum: 0 },
            owner: { type: 'string' },
          },
        },
      },
      ca: {
        description:
          "Extra trusted CA certificate files (PEM), relative to the config file, for every outside call: the live site, the forms API and the KCC knowledge base (site.ca and kcc.ca add to it). For a municipality's own CA or a TLS-inspecting proxy.",
        oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }],
      },
      rules: {
        description: 'Severity and options per rule: "off" | "warn" | "error" | [severity, options].',
        type: 'object',
        additionalProperties: false,
        properties: ruleProps,
      },
      overrides: {
        description:
          'Rule settings for some paths (as ESLint\'s files blocks): each entry\'s rules apply to the letters its files globs (relative to the config file) match; later entries win. A severity alone keeps the options set before it.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files', 'rules'],
          properties: {
            files: {
              description: 'Path globs relative to the config file, e.g. ["brieven/archief/**"]; a glob without a slash also matches the file name.',
              anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }],
            },
            // The same schema as the top-level rules (one copy in the published file).
            rules: { $ref: '#/properties/rules' },
          },
        },
      },
      site: sections.site ?? { type: 'object' },
      kcc: sections.kcc ?? { type: 'object' },
      forms: sections.forms ?? { type: 'object' },
    },
  };
}
