/**
 * The whole pipeline live: the demo letters checked by the CLI against the demo site served on
 * 127.0.0.1. Every host (and any host on ports 80/443) is mapped to the local server with
 * site.connectTo, so nothing can reach the internet.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/types.js';
import { startSiteServer, testCerts, type SiteServer } from '../../fixtures/site/server.mjs';
import { demoHosts, demoRoutes } from '../../fixtures/site/demo-routes.mjs';
import { cli } from './run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('brieflint check, live against the demo site on 127.0.0.1', () => {
  let server: SiteServer;
  let dir: string;

  beforeAll(async () => {
    server = await startSiteServer({ routes: demoRoutes, https: testCerts.server });
    dir = mkdtempSync(join(tmpdir(), 'brieflint-live-'));
    cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
    const config = JSON.parse(readFileSync(join(dir, 'brieflint.config.json'), 'utf8'));
    config.site = { ca: [join(ROOT, 'fixtures/site/certs/ca.pem')], connectTo: [...server.connectTo(demoHosts), ...server.connectTo()], timeout: 3000 };
    writeFileSync(join(dir, 'brieflint.config.json'), JSON.stringify(config));
  });
  afterAll(() => server.close());

  it('reports live findings per letter and line, with the result per URL in the JSON', async () => {
    const { code, stdout } = await cli(['check', 'brieven', '--format', 'json', '--today', '2027-01-10'], dir);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    const file = (p: string) => report.files.find((f) => f.path === p)!;
    const parkeren = file('brieven/parkeervergunning-2027.md');
    expect(parkeren.findings.map((f) => [f.rule, f.line, f.column])).toEqual([
      ['kcc-briefing-missing', 0, 0],
      ['typed-url-variant', 12, 14],
      ['dead-url', 15, 1],
      ['pretty-url', 15, 1],
    ]);
    const [www, tarieven] = parkeren.references.urls;
    expect(www.result).toMatchObject({ kind: 'ok', status: 200, finalUrl: 'https://www.voorbeeldstad.example/parkeren' });
    expect(www.result?.variants).toContainEqual(expect.objectContaining({ variant: 'no-www', kind: 'dead', problem: 'not-live' }));
    expect(tarieven.result).toMatchObject({ kind: 'dead', status: 404 });
    expect(tarieven.result?.chain[0]).toMatchObject({ url: 'http://www.voorbeeldstad.example/Parkeren/Tarieven_2027.aspx?zone=3', status: 301 });
    expect(file('brieven/kwijtschelding-2027.md').references.urls[0].result).toMatchObject({ kind: 'ok', status: 200 });
    expect(report.summary.skippedRules).toBeUndefined();
  });

  it('a second run within the cache TTL makes no request; --no-cache does', async () => {
    expect(existsSync(join(dir, '.brieflint-cache.json'))).toBe(true);
    server.reset();
    const cached = await cli(['check', 'brieven/kwijtschelding-2027.md', '--format', 'json', '--today', '2027-01-10'], dir);
    expect(cached.code).toBe(0);
    expect(server.requests).toHaveLength(0);
    await cli(['check', 'brieven/kwijtschelding-2027.md', '--format', 'json', '--no-cache', '--today', '2027-01-10'], dir);
    expect(server.requests.length).toBeGreaterThan(0);
  });

  it('--offline makes no request and names the skipped rules', async () => {
    server.reset();
    const { stdout } = await cli(['check', 'brieven', '--offline', '--lang', 'en'], dir);
    expect(server.requests).toHaveLength(0);
    expect(stdout).toContain('Not checked (facts not gathered, e.g. --offline): dead-url, unreachable-url, typed-url-variant, offsite-redirect, unverifiable-url');
  });
});

describe('brieflint briefing', () => {
  it('writes a briefing the folder adapter accepts, refuses to overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brieflint-briefing-'));
    cpSync(join(ROOT, 'fixtures/demo'), dir, { recursive: true });
    const first = await cli(['briefing', 'brieven/parkeervergunning-2027.md', '--today', '2027-01-10'], dir);
    expect(first).toMatchObject({ code: 0, stdout: 'Briefing geschreven: kcc/parkeervergunning-2027.md\n' });
    const text = readFileSync(join(dir, 'kcc/parkeervergunning-2027.md'), 'utf8');
    expect(text).toContain('www.voorbeeldstad.example/parkeren');
    expect(text).toContain('PRK/2027/0311');

    const again = await cli(['briefing', 'brieven/parkeervergunning-2027.md'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('kcc/parkeervergunning-2027.md bestaat al; gebruik --force');
    expect((await cli(['briefing', 'brieven/parkeervergunning-2027.md', '--force'], dir)).code).toBe(0);

    // Freshly written, the briefing is a draft: it covers the letter but its TODOs are not filled in.
    const check = async () => {
      const { stdout } = await cli(['check', 'brieven/parkeervergunning-2027.md', '--offline', '--format', 'json', '--today', '2027-01-10'], dir);
      return (JSON.parse(stdout) as JsonReport).files[0].findings.filter((f) => f.rule.startsWith('kcc-'));
    };
    const draft = await check();
    expect(draft.map((f) => f.rule)).toEqual(['kcc-briefing-missing']);
    expect(draft[0].message).toContain('kcc/parkeervergunning-2027.md is nog een concept');
    // Once the KCC lead has filled it in, the letter is covered, and the briefing names what it prints.
    const briefing = join(dir, 'kcc/parkeervergunning-2027.md');
    writeFileSync(briefing, readFileSync(briefing, 'utf8').replace(/TODO:?/g, 'Ingevuld:'));
    expect(await check()).toEqual([]);
  });
});
