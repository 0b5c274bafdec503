/**
 * `check --cache`: the letter cache serves a letter only when its path and bytes, the effective
 * configuration and brieflint's version are all unchanged. To see whether an entry was served,
 * the tests plant a marker address in the stored references: it shows in the report exactly when
 * the entry is used. Real files in temporary folders, the real CLI and engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, NO_KCC, project, ROOT } from '../hardening/helpers.js';
import { LetterCache } from '../../src/cache/letters.js';
import { check } from '../../src/check.js';
import { loadConfig } from '../../src/config/index.js';
import { configSections } from '../../src/config/sections.js';
import { allRules } from '../../rules/index.js';
import type { JsonReport } from '../../src/report/types.js';
import { qrPng } from '../qr/make.js';

const CACHE = '.brieflint-letters-cache.json';
const MARK = 'https://marker.example/uit-de-cache';
const LETTER = '---\nid: afval\n---\n\n# Afval\n\nVraag het aan op voorbeeldstad.example/afval. Bel 14 0123.\n\n| wat | waar |\n|---|---|\n| grofvuil | voorbeeldstad.example/grofvuil |\n';
const config = (extra: Record<string, unknown> = {}) => JSON.stringify({ domains: ['voorbeeldstad.example'], rules: { ...NO_KCC }, ...extra });

function newProject(files: Record<string, string | Buffer> = {}): string {
  return project({
    'brieflint.config.json': config(),
    'brieven/afval.md': LETTER,
    'brieven/kwijtschelding.docx': readFileSync(join(ROOT, 'fixtures/docx/kwijtschelding.docx')),
    ...files,
  });
}

async function run(dir: string, ...flags: string[]) {
  const r = await cli(['check', 'brieven', '--offline', '--format', 'json', '--verbose', ...flags], dir);
  const report = JSON.parse(r.stdout) as JsonReport;
  return { ...r, report, hrefs: (path: string) => report.files.find((f) => f.path === path)!.references!.urls.map((u) => u.href) };
}

/** Put the marker address into every stored letter's references (a valid entry: only its contents differ). */
async function plantMarker(dir: string, file = join(dir, CACHE)): Promise<void> {
  const data = JSON.parse(await readFile(file, 'utf8'));
  let planted = 0;
  for (const entries of Object.values<Record<string, { refs: { urls: Array<Record<string, unknown>> } }>>(data.configs)) {
    for (const entry of Object.values(entries)) {
      entry.refs.urls.push({ ...entry.refs.urls[0], printed: 'marker.example/uit-de-cache', href: MARK });
      planted++;
    }
  }
  expect(planted).toBeGreaterThan(0);
  await writeFile(file, JSON.stringify(data));
}

/** Strip what differs between two runs by design (none of it comes from reading the letters). */
const stable = (report: JsonReport) => JSON.stringify({ ...report, summary: { ...report.summary, durationMs: undefined } });

describe('check --cache', () => {
  it('a second run over unchanged letters reads none of them and reports exactly the same', async () => {
    const dir = newProject();
    const cold = await cli(['check', 'brieven', '--offline', '--format', 'json', '--no-cache'], dir);
    const first = await run(dir, '--cache');
    expect(first.stderr).toContain('briefcache: 0 brieven uit de cache, 2 gelezen');
    expect(existsSync(join(dir, CACHE))).toBe(true);
    const second = await run(dir, '--cache');
    expect(second.stderr).toContain('briefcache: 2 brieven uit de cache, 0 gelezen');
    expect(second.code).toBe(first.code);
    expect(stable(second.report)).toBe(stable(JSON.parse(cold.stdout)));
    expect(stable(first.report)).toBe(stable(JSON.parse(cold.stdout)));
  });

  it('serves a stored entry when nothing changed (the marker shows), and never without --cache or with --no-cache', async () => {
    const dir = newProject();
    await run(dir, '--cache');
    await plantMarker(dir);
    expect((await run(dir, '--cache')).hrefs('brieven/afval.md')).toContain(MARK);
    expect((await run(dir)).hrefs('brieven/afval.md')).not.toContain(MARK);
    expect((await run(dir, '--cache', '--no-cache')).hrefs('brieven/afval.md')).not.toContain(MARK);
  });

  it('a changed letter is read again; the unchanged one still comes from the cache', async () => {
    const dir = newProject();
    await run(dir, '--cache');
    await plantMarker(dir);
    await writeFile(join(dir, 'brieven/afval.md'), LETTER.replace('voorbeeldstad.example/afval', 'voorbeeldstad.example/afval-nieuw'));
    const after = await run(dir, '--cache');
    expect(after.hrefs('brieven/afval.md')).not.toContain(MARK);
    expect(after.hrefs('brieven/afval.md')).toContain('https://voorbeeldstad.example/afval-nieuw');
    expect(after.hrefs('brieven/kwijtschelding.docx')).toContain(MARK);
    expect(after.stderr).toContain('briefcache: 1 brief uit de cache, 1 gelezen');
  });

  it('a changed configuration or rule option is never served from the cache', async () => {
    const dir = newProject();
    await run(dir, '--cache');
    await plantMarker(dir);
    expect((await run(dir, '--cache')).hrefs('brieven/afval.md')).toContain(MARK);
    // A rule option (pretty-url's maxLength), which reading a letter does not even use.
    await writeFile(join(dir, 'brieflint.config.json'), config({ rules: { ...NO_KCC, 'pretty-url': ['warn', { maxLength: 30 }] } }));
    const option = await run(dir, '--cache');
    expect(option.hrefs('brieven/afval.md')).not.toContain(MARK);
    expect(option.stderr).toContain('0 brieven uit de cache, 2 gelezen');
    // Another key of the config.
    await writeFile(join(dir, 'brieflint.config.json'), config({ manifest: [{ files: 'brieven/*.md', owner: 'Team Afval' }] }));
    const other = await run(dir, '--cache');
    expect(other.hrefs('brieven/afval.md')).not.toContain(MARK);
    expect(other.report.files.find((f) => f.path === 'brieven/afval.md')!.letter!.owner).toBe('Team Afval');
  });

  it('another brieflint version is never served from the cache', async () => {
    const dir = newProject();
    const config = await loadConfig(dir, allRules, configSections);
    const runWith = async (version: string) => {
      const cache = await LetterCache.open(join(dir, CACHE), config, version);
      const result = await check({ paths: ['brieven'], cwd: dir, config, rules: allRules, lang: 'en', offline: true, letterCache: cache });
      await cache.save();
      return { cache, hrefs: result.files.find((f) => f.path === 'brieven/afval.md')!.refs!.urls.map((u) => u.href) };
    };
    await runWith('1.0.0');
    await plantMarker(dir);
    const same = await runWith('1.0.0');
    expect(same.hrefs).toContain(MARK);
    expect(same.cache.hits).toBe(2);
    const next = await runWith('1.0.1');
    expect(next.hrefs).not.toContain(MARK);
    expect(next.cache).toMatchObject({ hits: 0, misses: 2 });
  });

  it('an entry of the wrong shape is ignored and the letter read again; a file that is not a letter cache is neither used nor overwritten', async () => {
    const dir = newProject();
    const cold = await run(dir, '--no-cache');
    await run(dir, '--cache');
    const data = JSON.parse(await readFile(join(dir, CACHE), 'utf8'));
    const entries = Object.values<Record<string, Record<string, unknown>>>(data.configs)[0];
    const [md, docx] = Object.keys(entries).sort((a, b) => (a.endsWith('.md') ? -1 : b.endsWith('.md') ? 1 : 0));
    (entries[md].refs as Record<string, unknown>).urls = 'https://marker.example/';
    entries[docx].letter = { path: 'brieven/kwijtschelding.docx' };
    await writeFile(join(dir, CACHE), JSON.stringify(data));
    const after = await run(dir, '--cache');
    expect(after.stderr).toContain('0 brieven uit de cache, 2 gelezen');
    expect(stable(after.report)).toBe(stable(cold.report));

    await writeFile(join(dir, CACHE), 'geen json {');
    const corrupt = await run(dir, '--cache');
    expect(corrupt.code).toBe(cold.code);
    expect(corrupt.stderr).toMatch(/waarschuwing: .*geen briefcache van brieflint/);
    expect(stable(corrupt.report)).toBe(stable(cold.report));
    expect(await readFile(join(dir, CACHE), 'utf8')).toBe('geen json {');
  });

  it('--cache-location names the file (and turns the cache on)', async () => {
    const dir = newProject();
    await run(dir, '--cache-location', 'ci/letters.json');
    expect(existsSync(join(dir, 'ci/letters.json'))).toBe(true);
    expect(existsSync(join(dir, CACHE))).toBe(false);
    await plantMarker(dir, join(dir, 'ci/letters.json'));
    expect((await run(dir, '--cache-location', 'ci/letters.json')).hrefs('brieven/afval.md')).toContain(MARK);
  });

  it('lives next to the live-site cache when site.cache names another file', async () => {
    const dir = newProject({ 'brieflint.config.json': config({ site: { cache: 'ci/urls.json' } }) });
    await run(dir, '--cache');
    expect(existsSync(join(dir, 'ci', CACHE))).toBe(true);
    expect(existsSync(join(dir, CACHE))).toBe(false);
    expect((await run(dir, '--cache')).stderr).toContain('briefcache: 2 brieven uit de cache, 0 gelezen');
  });

  it('a Markdown letter whose picture is a file of its own is not cached: a new picture is read', async () => {
    const dir = newProject({
      'brieven/qr.md': '---\nid: qr\n---\n\nScan de code:\n\n![QR](qr.png)\n',
      'brieven/qr.png': await qrPng('https://voorbeeldstad.example/eerst'),
    });
    const first = await run(dir, '--cache');
    expect(first.report.files.find((f) => f.path === 'brieven/qr.md')!.references!.qr!.map((q) => q.payload)).toEqual(['https://voorbeeldstad.example/eerst']);
    await writeFile(join(dir, 'brieven/qr.png'), await qrPng('https://voorbeeldstad.example/daarna'));
    const second = await run(dir, '--cache');
    expect(second.report.files.find((f) => f.path === 'brieven/qr.md')!.references!.qr!.map((q) => q.payload)).toEqual(['https://voorbeeldstad.example/daarna']);
    expect(second.stderr).toContain('2 brieven uit de cache, 1 gelezen');
  });

  it('runs that save at the same time keep each other’s entries', async () => {
    const letters: Record<string, string> = {};
    for (let i = 0; i < 6; i++) letters[`brieven/b${i}.md`] = LETTER.replace('afval', `afval-${i}`);
    const dir = project({ 'brieflint.config.json': config(), ...letters });
    const config0 = await loadConfig(dir, allRules, configSections);
    // Six runs, each over one letter, saving together.
    const caches = await Promise.all(Object.keys(letters).map(() => LetterCache.open(join(dir, CACHE), config0, '1.0.0')));
    await Promise.all(
      Object.keys(letters).map(async (path, i) => {
        await check({ paths: [path], cwd: dir, config: config0, rules: allRules, lang: 'en', offline: true, letterCache: caches[i] });
        await caches[i].save();
      }),
    );
    for (const c of caches) expect(c.warnings).toEqual([]);
    const all = await LetterCache.open(join(dir, CACHE), config0, '1.0.0');
    await check({ paths: ['brieven'], cwd: dir, config: config0, rules: allRules, lang: 'en', offline: true, letterCache: all });
    expect(all).toMatchObject({ hits: 6, misses: 0 });
  });
});
