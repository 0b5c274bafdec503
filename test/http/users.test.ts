/**
 * The three users of the HTTP client (live site, forms API, KCC adapters) take the proxy from
 * the environment and the trusted CAs from the top-level `ca` key. Servers, proxy and mocks on
 * 127.0.0.1; the proxy connects to 127.0.0.1 whatever host it is asked for.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSiteServer, testCerts, page, type SiteServer } from '../../fixtures/site/server.mjs';
import { formJson, openFormsApi, openFormsEmbed } from '../../fixtures/forms/openforms.mjs';
import { checkSite, siteOptionsFromConfig } from '../../src/facts/site/index.js';
import { checkForms } from '../../src/facts/forms/index.js';
import { loadKcc } from '../../src/facts/kcc/index.js';
import { loadConfig } from '../../src/config/index.js';
import { configSections } from '../../src/config/sections.js';
import { allRules } from '../../rules/index.js';
import { buildProgram } from '../../src/cli.js';
import type { JsonReport } from '../../src/report/types.js';
import { startObjectsApi, type ObjectsApiMock } from '../kcc/mock-objects-api.js';
import { urlResult } from '../site/helpers.js';
import { closeAll, fakeDns, startProxy, type TestProxy } from './servers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SITE_CA = join(ROOT, 'fixtures/site/certs/ca.pem');
const KCC_CA = join(ROOT, 'fixtures/kcc/certs/ca.pem');
const VAC = 'https://objecttypen.example/api/v2/objecttypes/0b3c-vac';
const TOKEN = 'tok-proxy-5d2b';
const letters = [{ path: 'brieven/kwijtschelding-2027.md', meta: { id: 'kwijtschelding-2027', mailingDate: '2027-02-01' } }];

const started: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
  await closeAll();
});

async function site(): Promise<SiteServer> {
  const s = await startSiteServer({ routes: {}, https: testCerts.server });
  started.push(s);
  return s;
}

async function objectsApi(tls = false): Promise<ObjectsApiMock> {
  const m = await startObjectsApi({
    objects: [{ uuid: 'a1', type: VAC, records: [{ startAt: '2026-01-01', data: { vraag: 'Kwijtschelding', status: 'actief', trefwoorden: [{ trefwoord: 'kwijtschelding-2027' }] } }] }],
    tokens: { [TOKEN]: [VAC] },
    today: '2027-01-10',
    ...(tls ? { tls: { cert: readFileSync(join(ROOT, 'fixtures/kcc/certs/server.pem'), 'utf8'), key: readFileSync(join(ROOT, 'fixtures/kcc/certs/server-key.pem'), 'utf8') } } : {}),
  });
  started.push(m);
  return m;
}

describe('HTTPS_PROXY and HTTP_PROXY from the environment', () => {
  const saved = { ...process.env };
  let proxy: TestProxy;
  beforeEach(async () => {
    proxy = await startProxy();
    process.env.HTTPS_PROXY = proxy.url;
    process.env.HTTP_PROXY = proxy.url;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
  });
  afterEach(() => {
    for (const k of ['HTTPS_PROXY', 'HTTP_PROXY', 'https_proxy', 'http_proxy', 'NO_PROXY', 'no_proxy']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('the live check reaches a site the local DNS does not know, through the proxy', async () => {
    const s = await site();
    const url = `https://voorbeeldstad.example:${s.httpsPort}/afval`;
    const facts = await checkSite([url], { domains: [], ca: [testCerts.ca], lookup: fakeDns(), retries: 0, probe: false, timeoutMs: 3_000 });
    expect(facts.urls[url]).toMatchObject({ kind: 'dead', status: 404 });
    expect(proxy.seen).toEqual([{ method: 'CONNECT', target: `voorbeeldstad.example:${s.httpsPort}` }]);
    expect(s.requests.map((r) => [r.host, r.path])).toEqual([['voorbeeldstad.example', '/afval']]);
  });

  it('the forms lookup asks Open Formulieren through the proxy', async () => {
    const server = await startSiteServer({ routes: openFormsApi({ host: 'forms.voorbeeldstad.example', forms: { afvalpas: formJson('afvalpas') } }), https: testCerts.server });
    started.push(server);
    const api = `https://forms.voorbeeldstad.example:${server.httpsPort}/api/v2/`;
    // The landing page as the live check left it: an Open Formulieren embed.
    const pageUrl = 'https://www.voorbeeldstad.example/afvalpas';
    const siteFacts = { urls: { [pageUrl]: urlResult(pageUrl, { contentType: 'text/html', body: page('Afvalpas', openFormsEmbed('afvalpas', api)) }) }, stats: { urls: 1, requests: 0, cacheHits: 0 } };
    const forms = await checkForms(siteFacts, { openFormsHosts: [], formHosts: [], ca: [testCerts.ca], lookup: fakeDns(), retries: 0, timeoutMs: 3_000 });
    expect(forms.urls[pageUrl]).toMatchObject({ platform: 'open-formulieren', state: 'open' });
    expect(proxy.seen).toEqual([{ method: 'CONNECT', target: `forms.voorbeeldstad.example:${server.httpsPort}` }]);
  });

  it('the KCC adapters read the knowledge base through the proxy', async () => {
    const m = await objectsApi();
    const url = m.api.replace('127.0.0.1', 'objecten.example');
    const facts = await loadKcc({ adapter: 'objects-api', url, objecttype: VAC, tokenEnv: 'OBJECTS_TOKEN', timeout: 3_000, retries: 0 }, ROOT, letters, { env: { ...process.env, OBJECTS_TOKEN: TOKEN } });
    expect(facts.briefings.map((b) => b.id)).toEqual(['a1']);
    expect(proxy.seen.length).toBe(m.seen.length);
    expect(proxy.seen.every((r) => r.method === 'GET' && r.target.startsWith(`http://objecten.example:${new URL(m.api).port}/api/v2/objects`))).toBe(true);
    // The token went to the knowledge base, not to the proxy as a proxy credential.
    expect(m.seen.every((r) => r.authorization === `Token ${TOKEN}`)).toBe(true);
    expect(proxy.seen.every((r) => r.proxyAuthorization === undefined)).toBe(true);
  });
});

describe('a malformed proxy variable', () => {
  it('stops a live run with exit code 2 and a message naming it, never its password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brieflint-proxy-'));
    mkdirSync(join(dir, 'brieven'));
    mkdirSync(join(dir, 'kcc'));
    writeFileSync(join(dir, 'brieven/brief.md'), '---\nid: brief-1\n---\n# Brief\n\nZie https://voorbeeldstad.example/afval.\n');
    writeFileSync(join(dir, 'brieflint.config.json'), JSON.stringify({ domains: ['voorbeeldstad.example'], site: { cache: false } }));
    const before = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = 'http://gebruiker:GEHEIM@';
    const out = { stdout: '', stderr: '', code: -1 };
    try {
      for (const args of [['--lang', 'en'], ['--offline']]) {
        out.stdout = '';
        out.stderr = '';
        const program = buildProgram({ stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), cwd: dir, isTTY: false, env: {} }, (c) => (out.code = c));
        await program.parseAsync(['node', 'brieflint', 'check', 'brieven', ...args]);
        if (args[0] === '--offline') {
          // No outside call, so the proxy does not matter.
          expect(out.stderr).toBe('');
          expect(out.code).not.toBe(2);
        } else {
          expect(out.code).toBe(2);
          expect(out.stderr).toMatch(/HTTPS_PROXY: ".*" is not a proxy URL/);
          expect(out.stderr + out.stdout).not.toContain('GEHEIM');
        }
      }
    } finally {
      if (before === undefined) delete process.env.HTTPS_PROXY;
      else process.env.HTTPS_PROXY = before;
    }
  });
});

describe('the top-level ca key: trusted for every outside call', () => {
  it('is a config key (a file or a list of files), kept as given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'brieflint-ca-'));
    writeFileSync(join(dir, 'brieflint.config.json'), JSON.stringify({ ca: 'certs/gemeente-ca.pem' }));
    expect((await loadConfig(dir, allRules, configSections)).ca).toEqual(['certs/gemeente-ca.pem']);
    writeFileSync(join(dir, 'brieflint.config.json'), JSON.stringify({ ca: ['a.pem', 'b.pem'] }));
    expect((await loadConfig(dir, allRules, configSections)).ca).toEqual(['a.pem', 'b.pem']);
    writeFileSync(join(dir, 'brieflint.config.json'), JSON.stringify({ ca: [] }));
    await expect(loadConfig(dir, allRules, configSections)).rejects.toThrow(/: ca: a PEM file .*\(you wrote \[\]\)/);
  });

  it('the live check trusts it next to site.ca (files relative to the config root)', () => {
    const o = siteOptionsFromConfig({ ca: 'certs/ca.pem' }, join(ROOT, 'fixtures/kcc'), [], join(ROOT, 'fixtures/site/certs/ca.pem'));
    expect(o.ca).toEqual([readFileSync(SITE_CA, 'utf8'), readFileSync(KCC_CA, 'utf8')]);
    expect(() => siteOptionsFromConfig({}, ROOT, [], ['missing.pem'])).toThrow(/^ca\[0\]: cannot read .*missing\.pem: ENOENT$/);
  });

  it('the KCC adapters trust it without kcc.ca', async () => {
    const m = await objectsApi(true);
    const config = { adapter: 'objects-api', url: m.api, objecttype: VAC, tokenEnv: 'OBJECTS_TOKEN', timeout: 2_000, retries: 0 };
    const env = { OBJECTS_TOKEN: TOKEN };
    const facts = await loadKcc(config, join(ROOT, 'fixtures/kcc'), letters, { env, ca: ['certs/ca.pem'] });
    expect(facts.briefings.map((b) => b.id)).toEqual(['a1']);
    const bad = await loadKcc(config, ROOT, letters, { env, ca: ['fixtures/kcc/certs/make-certs.sh'] }).catch((e: unknown) => e);
    expect((bad as { reason: { en: string } }).reason.en).toBe('ca: not a PEM certificate (-----BEGIN CERTIFICATE-----)');
  });

  it('one run: the site and the knowledge base behind two CAs, both named in the top-level ca', async () => {
    const s = await startSiteServer({ routes: { '/afval': { title: 'Afval' } }, https: testCerts.server });
    started.push(s);
    const m = await objectsApi(true);
    const dir = mkdtempSync(join(tmpdir(), 'brieflint-ca-run-'));
    mkdirSync(join(dir, 'brieven'));
    writeFileSync(join(dir, 'brieven/kwijtschelding-2027.md'), '---\nid: kwijtschelding-2027\nmailingDate: 2027-02-01\n---\n# Kwijtschelding\n\nLees https://voorbeeldstad.example/afval voor meer.\n');
    writeFileSync(
      join(dir, 'brieflint.config.json'),
      JSON.stringify({
        domains: ['voorbeeldstad.example'],
        ca: [SITE_CA, KCC_CA],
        site: { connectTo: s.connectTo(), cache: false, timeout: 3_000 },
        kcc: { adapter: 'objects-api', url: m.api, objecttype: VAC, tokenEnv: 'BRIEFLINT_TEST_OBJECTS_TOKEN', timeout: 3_000, retries: 0 },
      }),
    );
    process.env.BRIEFLINT_TEST_OBJECTS_TOKEN = TOKEN;
    let stdout = '';
    let stderr = '';
    let code = -1;
    try {
      const program = buildProgram({ stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd: dir, isTTY: false, env: {} }, (c) => (code = c));
      await program.parseAsync(['node', 'brieflint', 'check', 'brieven', '--format', 'json', '--today', '2027-01-10']);
    } finally {
      delete process.env.BRIEFLINT_TEST_OBJECTS_TOKEN;
    }
    expect(stderr).toBe('');
    expect(code).not.toBe(2);
    const report = JSON.parse(stdout) as JsonReport;
    const url = report.files[0].references.urls.find((u) => u.href === 'https://voorbeeldstad.example/afval');
    expect(url?.result).toMatchObject({ kind: 'ok', status: 200 });
    expect(m.seen.length).toBeGreaterThan(0);
  });
});
