import { describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/types.js';
import { cli, NO_KCC, project } from '../cli/run.js';

const LONG = 'Kijk op http://voorbeeldstad.example/Afval/Aanvragen_Pas.aspx.\n';
const rulesOf = (stdout: string) =>
  Object.fromEntries((JSON.parse(stdout) as JsonReport).files.map((f) => [f.path, f.findings.map((x) => `${x.rule} ${x.severity}`)]));

describe('config overrides: rule settings per path (ESLint files blocks)', () => {
  it('applies to the files its globs match (relative to the config), later entries win', async () => {
    const dir = project({
      'brieflint.config.json': JSON.stringify({
        domains: ['voorbeeldstad.example'],
        rules: NO_KCC,
        overrides: [
          { files: ['brieven/archief/**'], rules: { 'pretty-url': 'off' } },
          { files: ['brieven/archief/2027/**'], rules: { 'pretty-url': 'warn' } },
          { files: 'brieven/mail/*.txt', rules: { 'pretty-url': ['error', { maxLength: 80, maxSegments: 5 }] } },
        ],
      }),
      'brieven/nieuw.md': LONG,
      'brieven/archief/2026/oud.md': LONG,
      'brieven/archief/2027/oud.md': LONG,
      'brieven/mail/bevestiging.txt': LONG,
    });
    // Run from a subfolder: globs are relative to the config file, not to the working folder.
    const { stdout } = await cli(['check', '.', '--offline', '--format', 'json', '--config', '../brieflint.config.json'], `${dir}/brieven`);
    expect(rulesOf(stdout)).toEqual({
      'archief/2026/oud.md': [],
      'archief/2027/oud.md': ['pretty-url warning'],
      'mail/bevestiging.txt': ['pretty-url error'],
      'nieuw.md': ['pretty-url error'],
    });
    const messages = (JSON.parse(stdout) as JsonReport).files.map((f) => [f.path, f.findings[0]?.message ?? '']);
    // The options of the override apply: the length is allowed there, the rest is still said.
    const mail = messages.find(([p]) => p === 'mail/bevestiging.txt')?.[1] ?? '';
    expect(mail).toContain('onveilig http://');
    expect(mail).not.toContain('te lang');
    expect(messages.find(([p]) => p === 'nieuw.md')?.[1]).toContain('te lang');
  });

  it('a severity alone keeps the options set before it', async () => {
    const dir = project({
      'brieflint.config.json': JSON.stringify({
        domains: ['voorbeeldstad.example'],
        rules: { ...NO_KCC, 'pretty-url': ['error', { maxLength: 80, maxSegments: 5 }] },
        overrides: [{ files: ['*.md'], rules: { 'pretty-url': 'warn' } }],
      }),
      'a.md': LONG,
    });
    const report = JSON.parse((await cli(['check', '--offline', '--format', 'json'], dir)).stdout) as JsonReport;
    expect(report.files[0].findings).toHaveLength(1);
    expect(report.files[0].findings[0].severity).toBe('warning');
    expect(report.files[0].findings[0].message).not.toContain('te lang');
  });

  it('a rule switched on only in an override still needs its facts: --offline names it as skipped', async () => {
    const dir = project({
      'brieflint.config.json': JSON.stringify({
        domains: ['voorbeeldstad.example'],
        rules: { ...NO_KCC, 'dead-url': 'off' },
        overrides: [{ files: ['brieven/**'], rules: { 'dead-url': 'error' } }],
      }),
      'brieven/a.md': 'Kijk op voorbeeldstad.example/afval.\n',
    });
    const report = JSON.parse((await cli(['check', '--offline', '--format', 'json'], dir)).stdout) as JsonReport;
    expect(report.summary.skippedRules).toContain('dead-url');
  });

  it('is validated like rules: an unknown rule or a bad option names its place', async () => {
    const bad = project({
      'brieflint.config.json': JSON.stringify({ overrides: [{ files: ['a/**'], rules: { 'pretty-urls': 'off' } }] }),
      'a.md': LONG,
    });
    const unknown = await cli(['check', '--offline'], bad);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('onbekende regel "pretty-urls" (sleutel "overrides[0].rules.pretty-urls")');
    const option = project({
      'brieflint.config.json': JSON.stringify({ overrides: [{ files: ['a/**'], rules: { 'pretty-url': ['error', { maxLength: 'lang' }] } }] }),
      'a.md': LONG,
    });
    const wrong = await cli(['check', '--offline', '--lang', 'en'], option);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('overrides[0].rules.pretty-url[1].maxLength');
    const noFiles = project({ 'brieflint.config.json': JSON.stringify({ overrides: [{ rules: { 'pretty-url': 'off' } }] }), 'a.md': LONG });
    const missing = await cli(['check', '--offline', '--lang', 'en'], noFiles);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('overrides[0]');
  });
});
