/**
 * site.exclude and .brieflintignore: URL patterns that are not fetched. Against a real site on
 * 127.0.0.1 (every host mapped there with connectTo), so a request that should not be made shows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/types.js';
import { page, startSiteServer, testCerts, type SiteServer } from '../../fixtures/site/server.mjs';
import { cli, NO_KCC, project } from '../cli/run.js';

const CA = fileURLToPath(new URL('../../fixtures/site/certs/ca.pem', import.meta.url));
const LETTER =
  '---\nid: afval\n---\n\nKijk op voorbeeldstad.example/afval.\n\nOf op https://kcc.voorbeeldstad.example/intern en voorbeeldstad.example/oud-beleid.\n';

describe('site.exclude and .brieflintignore', () => {
  let server: SiteServer;
  let dir: string;

  beforeAll(async () => {
    server = await startSiteServer({
      routes: { '/afval': { body: page('Afval') }, 'http://*/afval': { redirect: 'https://voorbeeldstad.example/afval' } },
      https: testCerts.server,
    });
    dir = project({
      'brieflint.config.json': JSON.stringify({
        domains: ['voorbeeldstad.example'],
        rules: NO_KCC,
        site: { ca: CA, connectTo: server.connectTo(), timeout: 3000, cache: false, exclude: ['^https://kcc\\.'] },
      }),
      '.brieflintignore': '# URLs we do not check (as .lycheeignore)\n\nvoorbeeldstad\\.example/oud-beleid\n',
      'brieven/afval.md': LETTER,
    });
  });
  afterAll(() => server.close());
  beforeEach(() => server.reset());

  it('does not fetch what they match; the report says why instead of a result, and live rules say nothing', async () => {
    const { code, stdout } = await cli(['check', 'brieven', '--format', 'json'], dir);
    expect(code).toBe(0);
    const hosts = server.requests.map((r) => `${r.host}${r.path}`);
    expect(hosts.some((h) => h.startsWith('kcc.'))).toBe(false);
    expect(hosts.some((h) => h.includes('oud-beleid'))).toBe(false);
    expect(hosts).toContain('voorbeeldstad.example/afval');
    const urls = (JSON.parse(stdout) as JsonReport).files[0].references.urls;
    const byHref = Object.fromEntries(urls.map((u) => [u.href, u]));
    expect(byHref['https://voorbeeldstad.example/afval'].result?.kind).toBe('ok');
    expect(byHref['https://kcc.voorbeeldstad.example/intern']).toMatchObject({ excluded: { by: 'site.exclude', pattern: '^https://kcc\\.' } });
    expect(byHref['https://kcc.voorbeeldstad.example/intern'].result).toBeUndefined();
    expect(byHref['https://voorbeeldstad.example/oud-beleid']).toMatchObject({
      excluded: { by: '.brieflintignore', pattern: 'voorbeeldstad\\.example/oud-beleid', line: 3 },
    });
    expect((JSON.parse(stdout) as JsonReport).files[0].findings).toEqual([]);
  });

  it('says so per address in the terminal and on the KCC page', async () => {
    const nl = await cli(['check', 'brieven'], dir);
    expect(nl.stdout).toContain('https://kcc.voorbeeldstad.example/intern (uitgesloten door site.exclude)');
    expect(nl.stdout).toContain('voorbeeldstad.example/oud-beleid (uitgesloten door .brieflintignore)');
    const en = await cli(['check', 'brieven', '--lang', 'en', '--format', 'html'], dir);
    expect(en.stdout).toContain('Excluded by site.exclude');
  });

  it('without them, the same addresses are fetched and reported dead', async () => {
    const open = project({
      'brieflint.config.json': JSON.stringify({
        domains: ['voorbeeldstad.example'],
        rules: NO_KCC,
        site: { ca: CA, connectTo: server.connectTo(), timeout: 3000, cache: false },
      }),
      'brieven/afval.md': LETTER,
    });
    const { code, stdout } = await cli(['check', 'brieven', '--format', 'json'], open);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as JsonReport).files[0].findings.map((f) => `${f.rule} ${f.url}`)).toEqual([
      'dead-url https://kcc.voorbeeldstad.example/intern',
      'dead-url https://voorbeeldstad.example/oud-beleid',
    ]);
  });

  it('a pattern that is no regular expression stops the run with its place', async () => {
    writeFileSync(join(dir, '.brieflintignore'), 'goed\n(kapot\n');
    const { code, stderr } = await cli(['check', 'brieven', '--lang', 'en'], dir);
    writeFileSync(join(dir, '.brieflintignore'), '# URLs we do not check (as .lycheeignore)\n\nvoorbeeldstad\\.example/oud-beleid\n');
    expect(code).toBe(2);
    expect(stderr).toContain('.brieflintignore:2');
  });
});
