// The built code validates the config, the kcc section and briefing front matter with validators
// `npm run build` precompiled (scripts/compile-validators.js). These tests use dist/, which
// `npm test` builds first.
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { PrecompiledName, Validator } from '../src/validators.js';

const dist = (path: string) => new URL(`../dist/${path}`, import.meta.url).href;
const { AJV_OPTIONS, validatorFor } = (await import(dist('src/validators.js'))) as typeof import('../src/validators.js');
const { buildConfigSchema } = (await import(dist('src/config/schema.js'))) as typeof import('../src/config/schema.js');
const { configSections } = (await import(dist('src/config/sections.js'))) as typeof import('../src/config/sections.js');
const { kccConfigSchema } = (await import(dist('src/facts/kcc/config.js'))) as typeof import('../src/facts/kcc/config.js');
const { briefingFrontMatterSchema } = (await import(dist('src/facts/kcc/front-matter.js'))) as typeof import('../src/facts/kcc/front-matter.js');
const { cacheEntrySchema } = (await import(dist('src/facts/site/cache.js'))) as typeof import('../src/facts/site/cache.js');
const { jsonReportSchema, sarifStructureSchema } = (await import(dist('src/report/schema.js'))) as typeof import('../src/report/schema.js');
const { allRules } = (await import(dist('rules/index.js'))) as typeof import('../rules/index.js');
const generated = createRequire(import.meta.url)('../dist/src/validators.generated.cjs') as {
  hashes: Record<PrecompiledName, string>;
  validators: Record<PrecompiledName, Validator>;
};

const SCHEMAS: Record<PrecompiledName, Record<string, unknown>> = {
  config: buildConfigSchema(allRules, configSections),
  kccConfig: kccConfigSchema,
  briefingFrontMatter: briefingFrontMatterSchema,
  siteCacheEntry: cacheEntrySchema,
  jsonReport: jsonReportSchema,
  sarifStructure: sarifStructureSchema,
};

const CASES: Array<[PrecompiledName, unknown]> = [
  ['config', {}],
  ['config', { domains: ['voorbeeldstad.nl'], rules: { 'pretty-url': ['error', { maxLength: 30 }] } }],
  ['config', { domains: ['Niet Een Domein'] }],
  ['config', { rules: { 'pretty-url': 'loud', 'geen-regel': 'error' } }],
  ['config', { rules: { 'pretty-url': ['warn', { maxLength: 'lang' }] } }],
  ['config', { site: { perHost: 0, timeoutMs: 'snel' }, kcc: { adapter: 'nergens' }, onbekend: true }],
  ['config', { manifest: [{ files: 'brieven/*.md', mailingDate: '1-3-2027', recipients: -4 }] }],
  ['config', { lang: 'de', ignore: 'brieven/' }],
  ['kccConfig', { adapter: 'folder', folder: 'kcc' }],
  ['kccConfig', { adapter: 'objects-api', url: 'https://objecten.example/api/v2' }],
  ['kccConfig', { adapter: 'kiss', url: 'ftp://x', concurrency: 99 }],
  ['briefingFrontMatter', { letters: ['brief-1'], urls: ['voorbeeldstad.nl/afval'], validFrom: '2027-01-01' }],
  ['briefingFrontMatter', { letters: 'brief-1', forms: [{ naam: 'x' }], 'x-eigen': 1 }],
  ['briefingFrontMatter', { lettrs: ['brief-1'], phone: [14, 'a'] }],
];

describe('precompiled validators', () => {
  it.each(Object.keys(SCHEMAS) as PrecompiledName[])('%s: the built code uses the precompiled one for its own schema', (name) => {
    expect(validatorFor(name, SCHEMAS[name])).toBe(generated.validators[name]);
  });

  it('are not used for another schema (it is compiled instead)', () => {
    const other = buildConfigSchema(allRules.slice(1), configSections);
    const validate = validatorFor('config', other);
    expect(validate).not.toBe(generated.validators.config);
    expect(validate({ rules: { [allRules[0].meta.id]: 'error' } })).toBe(false);
  });

  it.each(CASES.map(([name, data]) => [name, JSON.stringify(data), data] as const))(
    '%s gives the same verdict and errors as ajv at run time: %s',
    (name, _, data) => {
      const runtime = new Ajv(AJV_OPTIONS).compile(SCHEMAS[name]);
      const ok = runtime(data);
      const pre = generated.validators[name];
      expect(pre(data)).toBe(ok);
      expect(pre.errors ?? null).toEqual(runtime.errors ?? null);
    },
  );
});
