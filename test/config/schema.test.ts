import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchemaJson } from '../../src/config/published.js';

describe('published JSON Schema', () => {
  it('schema/brieflint.config.schema.json is what brieflint validates with (npm run schema writes it)', () => {
    const published = readFileSync(new URL('../../schema/brieflint.config.schema.json', import.meta.url), 'utf8');
    expect(published).toBe(configSchemaJson());
    const schema = JSON.parse(published);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['domains', 'rules', 'site', 'kcc', 'manifest']));
    expect(Object.keys(schema.properties.rules.properties)).toContain('pretty-url');
  });
});
