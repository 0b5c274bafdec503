/**
 * The live-site cache cannot lie. Entries are validated when read, the file
 * holds a format version and a fingerprint of the settings, concurrent writers merge under a lock,
 * and a cache that cannot be read or written is one warning. Against a real site on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite } from '../../src/facts/site/index.js';
import { cacheFingerprint, SiteCache, type CacheEntry } from '../../src/facts/site/cache.js';
import { page } from '../../fixtures/site/server.mjs';
import type { SiteServer } from '../../fixtures/site/server.mjs';
import { HOSTS, optionsFor, startServer } from '../site/helpers.js';
import { cli, NO_KCC, project, ROOT } from './helpers.js';
import type { JsonReport } from '../../src/report/types.js';

const V = 'https://voorbeeldstad.example';
const OTHER = 'https://www.regelhulp.example';

let server: SiteServer;
beforeAll(async () => {
  server = await startServer({
    '/afval': { body: page('Afval en recycling') },
    '/weg': { status: 404 },
    'http://voorbeeldstad.example/afval': { redirect: `${V}/afval` },
    'http://www.voorbeeldstad.example/afval': { redirect: `${V}/afval` },
  });
});
afterAll(() => server.close());

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'brieflint-cache-hard-'));
}

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describe('a cache entry of the wrong shape', () => {
  it('is dropped and its URL fetched again, with one warning', async () => {
    const cache = { path: join(await tempDir(), 'cache.json'), ttlSeconds: 3600 };
    const hrefs = [`${V}/afval`, `${OTHER}/weg`];
    const first = await checkSite(hrefs, optionsFor(server, { cache, probe: false }));
    expect(first.urls[`${OTHER}/weg`].kind).toBe('dead');
    const file = await readJson(cache.path);
    expect(file).toMatchObject({ version: 2, tool: 'brieflint' });
    const [fingerprint] = Object.keys(file.configs);
    const at = Date.now();
    // What a hand-edited or hostile cache might hold: a live-looking entry without its parts, and
    // a dead URL passed off as something else.
    file.configs[fingerprint][`${V}/afval`] = { at, outcome: { kind: 'ok' } };
    file.configs[fingerprint][`${OTHER}/weg`] = { at, outcome: { kind: 'gehackt', finalUrl: `${OTHER}/weg`, chain: [], result: {} } };
    await writeFile(cache.path, JSON.stringify(file));

    server.reset();
    const second = await checkSite(hrefs, optionsFor(server, { cache, probe: false }));
    expect(second.urls[`${V}/afval`]).toMatchObject({ kind: 'ok', fromCache: false, title: 'Afval en recycling' });
    expect(second.urls[`${OTHER}/weg`]).toMatchObject({ kind: 'dead', status: 404, fromCache: false });
    expect(server.count({ path: '/afval', scheme: 'https', host: 'voorbeeldstad.example' })).toBe(1);
    expect(server.count({ path: '/weg', host: 'www.regelhulp.example' })).toBe(1);
    expect(second.stats.cacheWarnings?.map((w) => w.en)).toEqual([
      `2 entries in the cache file ${cache.path} had an invalid shape; those URLs are fetched again`,
    ]);
    // The rewritten file holds the good entry again, never the bad ones.
    const after = await readJson(cache.path);
    expect(after.configs[fingerprint][`${V}/afval`].outcome).toMatchObject({ kind: 'ok', finalUrl: `${V}/afval` });
    expect(after.configs[fingerprint][`${OTHER}/weg`]).toBeUndefined();
  });

  it('through the CLI: an old-format cache claiming a dead URL is fine does not hide it, and a broken own-domain entry does not crash the run', async () => {
    const dir = project({
      'brieflint.config.json': JSON.stringify({
        domains: ['voorbeeldstad.example'],
        rules: { ...NO_KCC, 'pretty-url': 'off' },
        site: { ca: [join(ROOT, 'fixtures/site/certs/ca.pem')], connectTo: [...server.connectTo(HOSTS), ...server.connectTo()], timeout: 3000 },
      }),
      'brief.md': `Zie ${V}/afval en ${OTHER}/weg.\n`,
      '.brieflint-cache.json': JSON.stringify({
        version: 1,
        entries: {
          [`${V}/afval`]: { at: Date.now(), outcome: { kind: 'ok' } },
          [`${OTHER}/weg`]: { at: Date.now(), outcome: { kind: 'gehackt', result: {} } },
        },
      }),
    });
    const run = await cli(['check', 'brief.md', '--format', 'json'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files[0].findings.map((f) => [f.rule, f.url])).toContainEqual(['dead-url', `${OTHER}/weg`]);
  });
});

describe('the settings fingerprint', () => {
  it('entries fetched with other settings are not used, and are kept for those settings', async () => {
    const cache = { path: join(await tempDir(), 'cache.json'), ttlSeconds: 3600 };
    const hrefs = [`${OTHER}/afval`];
    server.reset();
    await checkSite(hrefs, optionsFor(server, { cache, probe: false }));
    expect(server.count({ path: '/afval' })).toBe(1);

    server.reset();
    const other = await checkSite(hrefs, optionsFor(server, { cache, probe: false, timeoutMs: 2_500 }));
    expect(other.stats.cacheHits).toBe(0);
    expect(server.count({ path: '/afval' })).toBe(1);
    expect(Object.keys((await readJson(cache.path)).configs)).toHaveLength(2);

    server.reset();
    const remapped = await checkSite(hrefs, optionsFor(server, { cache, probe: false, remap: [{ pattern: '/afval$', replacement: '/afval?acc=1' }] }));
    expect(remapped.stats.cacheHits).toBe(0);

    server.reset();
    const again = await checkSite(hrefs, optionsFor(server, { cache, probe: false }));
    expect(again.stats.cacheHits).toBe(1);
    expect(server.requests).toHaveLength(0);
  });
});

const entry = (url: string, at: number): CacheEntry => ({ at, outcome: { kind: 'ok', finalUrl: url, status: 200, chain: [{ url, status: 200 }] } });

describe('concurrent writers', () => {
  it('two saves at once keep both runs’ entries', async () => {
    const path = join(await tempDir(), 'cache.json');
    const fp = cacheFingerprint({ test: 1 });
    const now = Date.now();
    const a = new SiteCache(path, 3_600_000, () => now, fp);
    const b = new SiteCache(path, 3_600_000, () => now, fp);
    await Promise.all([a.load(), b.load()]);
    a.set(`${V}/a`, entry(`${V}/a`, now).outcome, now);
    b.set(`${V}/b`, entry(`${V}/b`, now).outcome, now);
    await Promise.all([a.save(), b.save()]);
    expect(Object.keys((await readJson(path)).configs[fp]).sort()).toEqual([`${V}/a`, `${V}/b`]);
    expect([...a.warnings, ...b.warnings]).toEqual([]);
  });

  it('keeps an entry another run fetched a moment after this run read its clock, not one from far ahead', async () => {
    const path = join(await tempDir(), 'cache.json');
    const fp = cacheFingerprint({ test: 2 });
    const now = Date.now();
    const later = new SiteCache(path, 3_600_000, () => now + 2_000, fp);
    await later.load();
    later.set(`${V}/later`, entry(`${V}/later`, now + 2_000).outcome, now + 2_000);
    await later.save();
    // An entry dated a day ahead would stay 'fresh' for a day and more: not trusted.
    const file = await readJson(path);
    file.configs[fp][`${V}/bogus`] = entry(`${V}/bogus`, now + 86_400_000);
    await writeFile(path, JSON.stringify(file));
    const self = new SiteCache(path, 3_600_000, () => now, fp);
    await self.load();
    self.set(`${V}/self`, entry(`${V}/self`, now).outcome, now);
    await self.save();
    expect(Object.keys((await readJson(path)).configs[fp]).sort()).toEqual([`${V}/later`, `${V}/self`]);
    expect(self.get(`${V}/later`)).toBeDefined();
    expect(self.get(`${V}/bogus`)).toBeUndefined();
  });

  it(
    'two processes saving 15 times each at the same time lose nothing',
    async () => {
      const path = join(await tempDir(), 'cache.json');
      const script = `
        import { SiteCache } from ${JSON.stringify(join(ROOT, 'dist/src/facts/site/cache.js'))};
        const [path, who] = process.argv.slice(1); // node -e: no script path in argv
        for (let i = 0; i < 15; i++) {
          const now = Date.now();
          const cache = new SiteCache(path, 3_600_000, () => now, 'gedeeld');
          await cache.load();
          const url = 'https://voorbeeldstad.example/' + who + '/' + i;
          cache.set(url, { kind: 'ok', finalUrl: url, status: 200, chain: [{ url, status: 200 }] }, now);
          await cache.save();
          if (cache.warnings.length) throw new Error(JSON.stringify(cache.warnings));
        }`;
      const runOne = (who: string) =>
        new Promise<number>((resolve) => {
          const child = spawn(process.execPath, ['--input-type=module', '-e', script, path, who], { stdio: 'inherit' });
          child.on('exit', (code) => resolve(code ?? -1));
        });
      expect(await Promise.all([runOne('a'), runOne('b')])).toEqual([0, 0]);
      const urls = Object.keys((await readJson(path)).configs.gedeeld);
      expect(urls).toHaveLength(30);
    },
    60_000,
  );
});

describe('the installed bin (the bundle)', () => {
  it('writes the cache under its lock and answers a second run from it', async () => {
    const dir = project({
      'brieflint.config.json': JSON.stringify({
        domains: ['voorbeeldstad.example'],
        rules: { ...NO_KCC, 'pretty-url': 'off' },
        site: { ca: [join(ROOT, 'fixtures/site/certs/ca.pem')], connectTo: [...server.connectTo(HOSTS), ...server.connectTo()], timeout: 3000 },
      }),
      'brief.md': `Zie ${OTHER}/afval.\n`,
    });
    const runBin = () =>
      new Promise<{ code: number; stderr: string }>((resolve) => {
        // Asynchronous: the site answers from this process.
        const child = spawn(process.execPath, [join(ROOT, 'bin/brieflint.js'), 'check', 'brief.md'], { cwd: dir });
        let stderr = '';
        child.stderr.on('data', (d) => (stderr += d));
        child.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
      });
    server.reset();
    expect(await runBin()).toEqual({ code: 0, stderr: '' });
    expect(server.count({ path: '/afval' })).toBe(1);
    const file = await readJson(join(dir, '.brieflint-cache.json'));
    expect(file).toMatchObject({ version: 2, tool: 'brieflint' });
    server.reset();
    expect(await runBin()).toEqual({ code: 0, stderr: '' });
    expect(server.requests).toHaveLength(0);
  }, 60_000);
});

describe('a cache file that cannot be used', () => {
  const config = (cachePath: string) =>
    JSON.stringify({
      domains: ['voorbeeldstad.example'],
      rules: { ...NO_KCC, 'pretty-url': 'off' },
      site: { ca: [join(ROOT, 'fixtures/site/certs/ca.pem')], connectTo: [...server.connectTo(HOSTS), ...server.connectTo()], timeout: 3000, cache: cachePath },
    });

  it('a path that cannot be written: one warning line, the run goes on', async () => {
    // The parent is a file: not writable, even for root.
    const dir = project({ 'brieflint.config.json': config('brieflint.config.json/cache.json'), 'brief.md': `Zie ${OTHER}/afval.\n` });
    const run = await cli(['check', 'brief.md'], dir);
    expect(run.code).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^brieflint: waarschuwing: kan het cachebestand .*brieflint\.config\.json\/cache\.json niet bijwerken \(E[A-Z]+\); de resultaten van deze run worden niet bewaard$/);
    const en = await cli(['check', 'brief.md', '--lang', 'en'], dir);
    expect(en.stderr).toMatch(/^brieflint: warning: cannot update the cache file .* \(E[A-Z]+\); the results of this run are not kept\n$/);
  });

  it('a file that is not a brieflint cache: one warning, not used, not overwritten', async () => {
    const dir = project({ 'brieflint.config.json': config('notities.json'), 'notities.json': 'Dit is geen JSON.\n', 'brief.md': `Zie ${OTHER}/afval.\n` });
    const run = await cli(['check', 'brief.md', '--lang', 'en'], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^brieflint: warning: \S+notities\.json is not a brieflint cache .*; it is not used and not overwritten — delete it or point site\.cache at another file\n$/);
    expect(await readFile(join(dir, 'notities.json'), 'utf8')).toBe('Dit is geen JSON.\n');
  });
});
