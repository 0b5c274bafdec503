/**
 * A credential-bearing URL anywhere in the config is refused with its key
 * named, and the secret is never repeated — online and under --offline, JSON and YAML.
 */
import { describe, expect, it } from 'vitest';
import { cli, NO_KCC, project } from './helpers.js';
import { findCredentials, hasCredentials, redactCredentials } from '../../src/secrets.js';

const SECRET = 'GEHEIM';
/** No URL: even if the config were taken, nothing would be fetched. */
const LETTER = '---\nid: brief\n---\n\nBel ons op 14 0123.\n';

function configWith(extra: Record<string, unknown>): string {
  return JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC, ...extra });
}

const CASES: Array<[string, Record<string, unknown>, string]> = [
  ['forms.openFormsHosts (URL)', { forms: { openFormsHosts: [`https://user:${SECRET}@formulieren.example/`] } }, 'forms.openFormsHosts[0]'],
  ['forms.formHosts (host without scheme)', { forms: { formHosts: ['loket.example', `user:${SECRET}@loket2.example`] } }, 'forms.formHosts[1]'],
  ['site.remap replacement', { site: { remap: [{ pattern: '^https://voorbeeldstad\\.example/', replacement: `https://acc:${SECRET}@acc.voorbeeldstad.example/` }] } }, 'site.remap[0].replacement'],
  ['kcc.url', { kcc: { adapter: 'kiss', url: `https://kcc:${SECRET}@kiss.example/` } }, 'kcc.url'],
  ['a manifest value', { manifest: [{ files: 'x.md', owner: `zie https://ik:${SECRET}@intranet.example/` }] }, 'manifest[0].owner'],
];

describe('credentials in the config', () => {
  for (const [name, extra, key] of CASES) {
    for (const offline of [false, true]) {
      it(`${name}${offline ? ', --offline' : ''}: refused with the key named, the secret not repeated`, async () => {
        const dir = project({ 'brieflint.config.json': configWith(extra), 'goed.md': LETTER });
        const args = ['check', 'goed.md', ...(offline ? ['--offline'] : [])];
        const nl = await cli(args, dir);
        expect(nl.code).toBe(2);
        expect(nl.stdout + nl.stderr).not.toContain(SECRET);
        expect(nl.stderr).toContain(`"${key}"`);
        expect(nl.stderr).toContain('gebruikersnaam of wachtwoord');
        const en = await cli([...args, '--lang', 'en'], dir);
        expect(en.code).toBe(2);
        expect(en.stdout + en.stderr).not.toContain(SECRET);
        expect(en.stderr).toContain(`"${key}"`);
        expect(en.stderr).toContain('user name or password');
      });
    }
  }

  it('a YAML config is checked the same way', async () => {
    const yaml = `domains: [voorbeeldstad.example]\nforms:\n  openFormsHosts:\n    - https://user:${SECRET}@formulieren.example/\n`;
    const dir = project({ 'brieflint.config.yml': yaml, 'goed.md': LETTER });
    const run = await cli(['check', 'goed.md', '--offline'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"forms.openFormsHosts[0]"');
    expect(run.stderr).not.toContain(SECRET);
  });

  it('a config that does not parse does not repeat a secret in the parse error', async () => {
    const dir = project({ 'brieflint.config.yml': `forms:\n  openFormsHosts: ["https://user:${SECRET}@formulieren.example/"\n x: [\n`, 'goed.md': LETTER });
    const run = await cli(['check', 'goed.md', '--offline'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(SECRET);
  });
});

describe('the credential helper', () => {
  it('finds userinfo in URLs and user:password@host entries, not in e-mail addresses', () => {
    expect(hasCredentials('https://user:pw@host.example/')).toBe(true);
    expect(hasCredentials('https://user@host.example/')).toBe(true);
    expect(hasCredentials('zie HTTP://a:b@host.example')).toBe(true);
    expect(hasCredentials('user:pw@host.example')).toBe(true);
    expect(hasCredentials('https://host.example/@team')).toBe(false);
    expect(hasCredentials('https://host.example/?mail=a@b.example')).toBe(false);
    expect(hasCredentials('team@voorbeeldstad.example')).toBe(false);
    expect(hasCredentials('mailto:team@voorbeeldstad.example')).toBe(false);
    expect(hasCredentials('formulieren.example:8443')).toBe(false);
    expect(hasCredentials('Let op:info@voorbeeldstad.example')).toBe(false);
    expect(hasCredentials('voorbeeldstad.nl:443:10.1.2.3:8443')).toBe(false);
  });
  it('names the first key that holds one', () => {
    expect(findCredentials({ a: ['x', { b: 'https://u:p@h.example' }] })).toBe('a[1].b');
    expect(findCredentials({ a: ['https://h.example'] })).toBeUndefined();
  });
  it('redacts every credential in a text', () => {
    expect(redactCredentials('"https://user:pw@h.example/x" and http://a@b.example')).toBe('"https://***@h.example/x" and http://***@b.example');
    expect(redactCredentials('user:pw@h.example')).toBe('***@h.example');
  });
});
