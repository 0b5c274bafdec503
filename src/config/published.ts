import { allRules } from '../../rules/index.js';
import { buildConfigSchema } from './schema.js';
import { configSections } from './sections.js';

/** The config JSON Schema as published in schema/brieflint.config.schema.json. */
export function configSchemaJson(): string {
  return `${JSON.stringify(buildConfigSchema(allRules, configSections), null, 2)}\n`;
}
