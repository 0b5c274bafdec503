/**
 * check --verbose against the demo site on 127.0.0.1: each request with the connectTo rule that
 * took it there, redirect chains, the remap rule that rewrote an address, cache hits, exclusions,
 * the forms API — and no secret (a password in a URL, the forms token).
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer, testCerts, type SiteServer } from '../../fixtures/site/server.mjs';
import { demoHosts, demoRoutes } from '../../fixtures/site/demo-routes.mjs';
import { cli, NO_KCC } from '../cli/run.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN_ENV = 'BRIEFLINT_VERBOSE_TEST_TOKEN';
const TOKEN = 'tok-zeer-geheim-4711';
const LETTER = `---
id: verbose
---

Vul het formulier in op voorbeeldstad.example/hondenbelasting.

Kijk ook op voorbeeldstad.example/oud/afval en in [Mijn Loket](https://jan:wachtwoord-geheim@voorbeeldstad.example/mijn).

Voor medewerkers: https://kcc.voorbeeldstad.example/intern.
`;

describe('check --verbose', () => {
  let server: SiteServer;
  let dir: string;

  beforeAll(async () => {
    server = await startSiteServer({ routes: demoRoutes, https: testCerts.server });
    dir = mkdtempSync(join(tmpdir(), 'brieflint-verbose-'));
    cpSync(join(ROOT, 'fixtures/site/certs/ca.pem'), join(dir, 'ca.pem'));
    writeFileSync(
      join(dir, 'brieflint.config.json'),
      JSON.stringify({
        domains: ['voorbeeldstad.example'],
        rules: NO_KCC,
        site: {
          ca: 'ca.pem',
          connectTo: server.connectTo(demoHosts),
          remap: [{ pattern: '^https://voorbeeldstad\\.example/oud/', replacement: 'https://voorbeeldstad.example/' }],
          exclude: ['^https://kcc\\.'],
          timeout: 3000,
        },
        forms: { openFormsHosts: ['forms.voorbeeldstad.example'], tokenEnv: TOKEN_ENV },
      }),
    );
    writeFileSync(join(dir, 'brief.md'), LETTER);
    process.env[TOKEN_ENV] = TOKEN;
  });
  afterAll(async () => {
    delete process.env[TOKEN_ENV];
    await server.close();
  });

  it('shows each request, its redirect chain, connectTo, remap, exclusions and the forms API — without secrets', async () => {
    const quiet = await cli(['check', 'brief.md', '--no-cache'], dir);
    expect(quiet.stderr).toBe('');
    server.reset();
    const { stderr } = await cli(['check', 'brief.md', '--no-cache', '--verbose'], dir);
    const port = server.httpsPort;
    // Every request the site got is on stderr, with the connectTo rule that sent it there.
    expect(server.requests.length).toBeGreaterThan(3);
    for (const r of server.requests) expect(stderr).toContain(`GET ${r.scheme}://${r.host}${r.path} → `);
    expect(stderr).toContain(`GET https://voorbeeldstad.example/hondenbelasting → 200  [connectTo voorbeeldstad.example:443:127.0.0.1:${port}; `);
    // A redirect: the request line names where it points, the address its chain.
    expect(stderr).toMatch(/GET http:\/\/voorbeeldstad\.example\/hondenbelasting → 301 → https:\/\/voorbeeldstad\.example\/hondenbelasting {2}\[connectTo voorbeeldstad\.example:80:127\.0\.0\.1:\d+; \d+ ms\]/);
    expect(stderr).toMatch(/^adres https:\/\/voorbeeldstad\.example\/hondenbelasting: ok 200; keten: https:\/\/voorbeeldstad\.example\/hondenbelasting 200; varianten: www ok 200, http ok 200$/m);
    expect(stderr).toMatch(/^adres https:\/\/voorbeeldstad\.example\/mijn: protected 302; keten: https:\/\/voorbeeldstad\.example\/mijn 302 → https:\/\/digid\.nl\//m);
    // The remap rule that rewrote an address, and where it sent it.
    expect(stderr).toContain(
      'adres https://voorbeeldstad.example/oud/afval: ok 200; remap site.remap[0] (^https://voorbeeldstad\\.example/oud/) → https://voorbeeldstad.example/afval',
    );
    expect(stderr).toContain('niet opgehaald: https://kcc.voorbeeldstad.example/intern — uitgesloten door site.exclude (^https://kcc\\.)');
    // The forms API (with the token, which is never shown).
    expect(stderr).toContain('GET https://forms.voorbeeldstad.example/api/v2/forms/hondenbelasting → 200');
    expect(stderr).not.toContain(TOKEN);
    expect(stderr).not.toContain('wachtwoord-geheim');
    expect(stderr).not.toContain('jan:');
  });

  it('names cache hits, and English with --lang en', async () => {
    await cli(['check', 'brief.md'], dir); // fills the cache
    server.reset();
    const { stderr } = await cli(['check', 'brief.md', '--verbose', '--lang', 'en'], dir);
    expect(stderr).toMatch(/^cache: https:\/\/voorbeeldstad\.example\/hondenbelasting \(checked \d{4}-\d\d-\d\dT/m);
    expect(stderr).toContain('address https://voorbeeldstad.example/hondenbelasting: ok 200 (from the cache)');
    expect(stderr).not.toContain('GET https://voorbeeldstad.example/hondenbelasting →');
    expect(stderr).toContain('not fetched: https://kcc.voorbeeldstad.example/intern — excluded by site.exclude');
  });
});
