import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, findConfigFile, DEFAULT_ALLOWED_DOMAINS } from '../../src/config/index.js';
import { configSections } from '../../src/config/sections.js';
import { allRules } from '../../rules/index.js';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'brieflint-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const load = (cwd: string, explicit?: string) => loadConfig(cwd, allRules, configSections, explicit);

describe('config', () => {
  it('uses defaults without a config file', async () => {
    const dir = project({});
    const cfg = await load(dir);
    expect(cfg.file).toBeUndefined();
    expect(cfg.domains).toEqual([]);
    expect(cfg.allowedDomains).toEqual(DEFAULT_ALLOWED_DOMAINS);
    expect(cfg.rules['pretty-url']).toEqual({ severity: 'error', options: { maxLength: 40, maxSegments: 2, requireSchemeless: false, shorteners: [] } });
  });

  it('finds the nearest config upward and reads YAML with ESLint-style rule settings', async () => {
    const dir = project({
      'brieflint.config.yaml': 'domains: [voorbeeldstad.example]\nallowedDomains: [zorgkantoor.example]\nrules:\n  pretty-url: [warn, { maxLength: 40 }]\n  missing-url: "off"\n',
      'brieven/sub/.keep': '',
    });
    expect(findConfigFile(join(dir, 'brieven/sub'))).toBe(join(dir, 'brieflint.config.yaml'));
    const cfg = await load(join(dir, 'brieven/sub'));
    expect(cfg.root).toBe(dir);
    expect(cfg.domains).toEqual(['voorbeeldstad.example']);
    expect(cfg.allowedDomains).toContain('zorgkantoor.example');
    expect(cfg.rules['pretty-url']).toEqual({ severity: 'warn', options: { maxLength: 40, maxSegments: 2, requireSchemeless: false, shorteners: [] } });
    expect(cfg.rules['missing-url'].severity).toBe('off');
  });

  it.each([
    ['{"domain": ["x.nl"]}', 'unknown key "domain"'],
    ['{"rules": {"pretty-urls": "error"}}', 'unknown rule "pretty-urls" (key "rules.pretty-urls")'],
    ['{"rules": {"pretty-url": ["error", {"maxLength": "35"}]}}', 'key "rules.pretty-url[1].maxLength" must be integer'],
    ['{"rules": {"pretty-url": ["error", {"maxLenght": 35}]}}', 'unknown key "rules.pretty-url[1].maxLenght"'],
    ['{"rules": {"pretty-url": "fatal"}}', 'key "rules.pretty-url" must be one of "off", "warn", "error"'],
    ['{"domains": "x.nl"}', 'key "domains" must be array'],
    ['{"manifest": [{"id": "a"}]}', `key "manifest[0]" must have required property 'files'`],
    ['{"domains": [', 'not valid JSON'],
  ])('rejects %s naming the key and the file', async (text, message) => {
    const dir = project({ 'brieflint.config.json': text });
    const error = await load(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(join(dir, 'brieflint.config.json'));
    expect((error as Error).message).toContain(message);
  });

  it('reports a YAML syntax error with its line, and a missing --config file', async () => {
    const dir = project({ 'brieflint.config.yml': 'domains:\n  - a.nl\n bad: [\n' });
    await expect(load(dir)).rejects.toThrow(/brieflint\.config\.yml: not valid YAML \(line \d\)/);
    await expect(load(dir, 'elders.json')).rejects.toThrow(/elders\.json: config file not found/);
  });
});
