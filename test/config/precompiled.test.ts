// The built CLI validates configs with the validator `npm run build` precompiled
// (scripts/compile-config-validator.js). These tests use dist/, which `npm test` builds first.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ConfigValidator } from '../../src/config/validate.js';

const dist = (path: string) => new URL(`../../dist/${path}`, import.meta.url).href;
const { AJV_OPTIONS, configValidator } = (await import(dist('src/config/validate.js'))) as typeof import('../../src/config/validate.js');
const { buildConfigSchema } = (await import(dist('src/config/schema.js'))) as typeof import('../../src/config/schema.js');
const { configSections } = (await import(dist('src/config/sections.js'))) as typeof import('../../src/config/sections.js');
const { allRules } = (await import(dist('rules/index.js'))) as typeof import('../../rules/index.js');
const generated = (await import(dist('src/config/validator.generated.js'))) as { hash: string; default: ConfigValidator };

const schema = buildConfigSchema(allRules, configSections);

const CONFIGS: unknown[] = [
  {},
  { domains: ['voorbeeldstad.nl'], rules: { 'pretty-url': ['error', { maxLength: 30 }] } },
  { domains: ['Niet Een Domein'] },
  { rules: { 'pretty-url': 'loud', 'geen-regel': 'error' } },
  { rules: { 'pretty-url': ['warn', { maxLength: 'lang' }] } },
  { site: { perHost: 0, timeoutMs: 'snel' }, kcc: { adapter: 'nergens' }, onbekend: true },
  { manifest: [{ files: 'brieven/*.md', mailingDate: '1-3-2027', recipients: -4 }] },
  { lang: 'de', ignore: 'brieven/' },
];

describe('precompiled config validator', () => {
  it('is the one the built code uses for the schema it builds', async () => {
    expect(await configValidator(schema)).toBe(generated.default);
  });

  it('is not used for another schema (a config validated from other rules compiles its own)', async () => {
    const other = buildConfigSchema(allRules.slice(1), configSections);
    const validate = await configValidator(other);
    expect(validate).not.toBe(generated.default);
    expect(validate({ rules: { [allRules[0].meta.id]: 'error' } })).toBe(false);
  });

  it.each(CONFIGS.map((c) => [JSON.stringify(c), c]))('gives the same verdict and errors as ajv at run time: %s', (_, config) => {
    const runtime = new Ajv(AJV_OPTIONS).compile(schema);
    const ok = runtime(config);
    expect(generated.default(config)).toBe(ok);
    expect(generated.default.errors ?? null).toEqual(runtime.errors ?? null);
  });
});
