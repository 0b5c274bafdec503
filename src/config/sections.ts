import type { SectionSchemas } from './schema.js';

/** The config sections owned by the facts modules (site, kcc, forms), with their schemas. */
export const configSections: SectionSchemas = {};
