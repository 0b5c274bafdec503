import type { SectionSchemas } from './schema.js';
import { kccConfigSchema } from '../facts/kcc/config.js';
import { siteConfigSchema } from '../facts/site/config.js';
import { formsConfigSchema } from '../facts/forms/config.js';

/** The config sections owned by the facts modules (site, kcc, forms), with their schemas. */
export const configSections: SectionSchemas = { site: siteConfigSchema, kcc: kccConfigSchema, forms: formsConfigSchema };
