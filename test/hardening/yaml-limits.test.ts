/**
 * Every YAML brieflint reads (a letter's front matter, a KCC briefing, the
 * config) has the same alias and size limits, and breaking them is a clear error naming the file
 * and the line — never a 164 MB report, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, cli, GOOD_LETTER, NO_KCC, project } from './helpers.js';
import { loadYaml, parseYamlDocument, YAML_LIMITS, YamlError } from '../../src/yaml.js';
import type { JsonReport } from '../../src/report/types.js';

/** Nine levels of nine aliases: 9^9 = 387 million strings from a few hundred bytes. */
function laughs(indent = ''): string {
  const lines = [`${indent}a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1];
    lines.push(`${indent}${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n');
}

const CONFIG = JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC });

describe('YAML aliases and size: letters', () => {
  it('a billion-laughs front matter makes that letter unreadable (file, line); the other letters are checked', async () => {
    const bomb = `---\nid: bom\n${laughs()}\n---\n\nBel 14 0123.\n`;
    expect(bomb.length).toBeLessThan(600);
    const dir = project({ 'brieflint.config.json': CONFIG, 'bom.md': bomb, 'goed.md': GOOD_LETTER });
    const run = await cli(['check', '--offline', '--format', 'json'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBeLessThan(20_000);
    const report = JSON.parse(run.stdout) as JsonReport;
    const bad = report.files.find((f) => f.path === 'bom.md');
    expect(bad?.error).toMatch(/^regel 4: ongeldige YAML front matter: te veel aliassen/);
    expect(report.files.find((f) => f.path === 'goed.md')?.letter?.id).toBe('goed');
    const en = await cli(['check', 'bom.md', '--offline', '--lang', 'en'], dir);
    expect(en.stdout).toMatch(/line 4: invalid YAML front matter: too many aliases/);
  });

  it('the bundled CLI stays small and fast on it too', () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'bom.md': `---\n${laughs()}\n---\n\nBel 14 0123.\n` });
    const run = spawnSync(process.execPath, [BIN, 'check', '--offline', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('');
    expect(run.stdout.length).toBeLessThan(20_000);
  });

  it('a front matter larger than the limit is refused, naming the line', async () => {
    const big = `---\nid: groot\nx-notes: "${'a'.repeat(YAML_LIMITS.maxBytes)}"\n---\n\nBel 14 0123.\n`;
    const dir = project({ 'brieflint.config.json': CONFIG, 'groot.md': big });
    const report = JSON.parse((await cli(['check', '--offline', '--format', 'json'], dir)).stdout) as JsonReport;
    expect(report.files[0].error).toMatch(/^regel 1: ongeldige YAML front matter: groter dan 256 KiB/);
  });
});

describe('YAML aliases and size: KCC briefings', () => {
  it('a billion-laughs briefing is an error on that file naming the line, no stack trace; the letter is still checked', async () => {
    const dir = project({
      'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'] }),
      'goed.md': GOOD_LETTER,
      'kcc/bom.md': `---\nletters: [goed]\n${laughs()}\n---\nTekst.\n`,
    });
    const run = await cli(['check', 'goed.md', '--offline'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/kcc\/bom\.md\n {2}fout {2}ongeldige KCC-briefing: regel 4: front matter is geen geldige YAML \(te veel aliassen/);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    const bundled = spawnSync(process.execPath, [BIN, 'check', 'goed.md', '--offline', '--lang', 'en', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
    expect(bundled.status).toBe(2);
    const report = JSON.parse(bundled.stdout) as JsonReport;
    expect(report.files.map((f) => f.path)).toEqual(['goed.md', 'kcc/bom.md']);
    const bom = report.files.find((f) => f.path === 'kcc/bom.md')!;
    expect(bom.kind).toBe('briefing');
    expect(bom.error).toMatch(/^line 4: front matter is not valid YAML \(too many aliases/);
    expect(bundled.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('YAML aliases and size: the config', () => {
  it('a billion-laughs config names the file and the line', async () => {
    const dir = project({ 'brieflint.config.yml': `domains: [voorbeeldstad.example]\n${laughs('x')}\n`, 'goed.md': GOOD_LETTER });
    const run = await cli(['check', 'goed.md', '--offline'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/brieflint\.config\.yml: geen geldige YAML \(regel 3\): te veel aliassen/);
  });

  it('a config larger than the limit is refused', async () => {
    const dir = project({ 'brieflint.config.yml': `domains: [voorbeeldstad.example]\n# ${'x'.repeat(YAML_LIMITS.maxBytes)}\n`, 'goed.md': GOOD_LETTER });
    const run = await cli(['check', 'goed.md', '--offline', '--lang', 'en'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/brieflint\.config\.yml: not valid YAML: larger than 256 KiB/);
  });
});

describe('the YAML helpers', () => {
  it('accept aliases that expand modestly, and large documents without aliases', () => {
    expect(loadYaml('a: &x [1, 2]\nb: *x\n')).toEqual({ a: [1, 2], b: [1, 2] });
    const list = `[${Array(110_000).fill('1').join(',')}]`; // more values than the alias budget, no alias
    expect((loadYaml(list) as unknown[]).length).toBe(110_000);
    expect((parseYamlDocument(list).value as unknown[]).length).toBe(110_000);
  });
  it('give the line of the first alias when expansion is too large, both parsers', () => {
    for (const parse of [loadYaml, (t: string) => parseYamlDocument(t).value]) {
      try {
        parse(`id: x\n${laughs()}\n`);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(YamlError);
        expect((e as YamlError).line).toBe(3);
        expect((e as YamlError).detail.en).toMatch(/^too many aliases/);
      }
    }
  });
});
