import { describe, expect, it } from 'vitest';
import { cli, project } from './run.js';
import { allRules } from '../../rules/index.js';

const CONFIG = {
  domains: ['voorbeeldstad.example'],
  ignore: ['concepten/**'],
  rules: { 'pretty-url': ['error', { maxLength: 35 }], 'missing-url': 'warn' },
  overrides: [
    { files: ['brieven/archief/**'], rules: { 'pretty-url': 'off', 'missing-url': 'off' } },
    { files: ['brieven/archief/2027/**'], rules: { 'pretty-url': 'warn' } },
  ],
  manifest: [{ files: 'brieven/archief/**/*.docx', kenmerk: 'ARCH/1' }],
  site: { exclude: ['^https://intranet\\.'], timeout: 5000, connectTo: ['voorbeeldstad.example:443:10.1.2.3:8443'] },
  forms: { tokenEnv: 'BRIEFLINT_OPENFORMS_TOKEN' },
  kcc: { folder: 'briefings' },
};

describe('brieflint check --print-config <file>', () => {
  it('prints the config that applies to that file: rules after overrides, domains, site/forms/kcc with defaults', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify(CONFIG), '.brieflintignore': '# oud\nvoorbeeldstad\\.example/oud\n' });
    const { code, stdout, stderr } = await cli(['check', '--print-config', 'brieven/archief/2027/brief.docx'], dir, { BRIEFLINT_OPENFORMS_TOKEN: 'geheim-token' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed).toMatchObject({
      file: 'brieven/archief/2027/brief.docx',
      config: 'brieflint.config.json',
      ignored: false,
      lang: 'nl',
      domains: ['voorbeeldstad.example'],
      overrides: [0, 1],
      metadata: { kenmerk: 'ARCH/1' },
    });
    expect(printed.allowedDomains).toContain('digid.nl');
    // The second override sets the severity only: the options of the top-level rules stay.
    expect(printed.rules['pretty-url']).toEqual(['warn', { maxLength: 35, maxSegments: 2, requireSchemeless: false, shorteners: [] }]);
    expect(printed.rules['missing-url'][0]).toBe('off');
    expect(printed.rules['dead-url'][0]).toBe('error');
    expect(Object.keys(printed.rules)).toHaveLength(allRules.length);
    expect(printed.site).toMatchObject({
      exclude: [
        { pattern: '^https://intranet\\.', by: 'site.exclude' },
        { pattern: 'voorbeeldstad\\.example/oud', by: '.brieflintignore', line: 2 },
      ],
      connectTo: ['voorbeeldstad.example:443:10.1.2.3:8443'],
      timeout: 5000,
      retries: 2,
      concurrency: 16,
      perHost: 6,
      ownPerHost: 10,
      maxBodyBytes: 524288,
      allowPrivate: false,
      cache: '.brieflint-cache.json',
      cacheTtl: 86400,
    });
    expect(printed.forms).toEqual({ openFormsHosts: [], formHosts: [], tokenEnv: 'BRIEFLINT_OPENFORMS_TOKEN', timeout: 5000, retries: 2 });
    expect(printed.kcc).toMatchObject({ adapter: 'folder', folder: 'briefings' });
    // No secrets: the name of the variable, never its value.
    expect(stdout).not.toContain('geheim-token');
  });

  it('a file outside the overrides gets the top-level rules; an ignored file says so', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify(CONFIG) });
    const plain = JSON.parse((await cli(['check', '--print-config', 'brieven/nieuw.md'], dir)).stdout);
    expect(plain.overrides).toEqual([]);
    expect(plain.rules['pretty-url']).toEqual(['error', { maxLength: 35, maxSegments: 2, requireSchemeless: false, shorteners: [] }]);
    expect(plain.rules['missing-url']).toEqual(['warn', expect.any(Object)]);
    expect(JSON.parse((await cli(['check', '--print-config', 'concepten/x.md'], dir)).stdout).ignored).toBe(true);
    expect(JSON.parse((await cli(['check', '--print-config', 'briefings/x.md'], dir)).stdout).ignored).toBe(true);
  });

  it('without a config file: the defaults', async () => {
    const dir = project({});
    const { code, stdout } = await cli(['--print-config', 'brief.md'], dir);
    expect(code).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed.config).toBeNull();
    expect(printed.rules['pretty-url']).toEqual(['error', { maxLength: 40, maxSegments: 2, requireSchemeless: false, shorteners: [] }]);
    expect(printed.site.cache).toBe('.brieflint-cache.json');
    expect(printed.kcc.folder).toBe('kcc');
  });
});
