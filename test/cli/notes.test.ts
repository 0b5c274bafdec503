/**
 * The summary says what a run could not check: without `domains` the own-domain checks are off
 * (and named); when every host fails DNS (no network, or a proxy needed) one line suggests
 * HTTPS_PROXY or --offline, besides the "domeinnaam bestaat niet" findings. Every host name
 * here fails in a resolver that knows none, so nothing leaves the machine.
 */
import dns from 'node:dns';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonReport } from '../../src/report/types.js';
import type { CheckRun } from '../../src/check.js';
import type { UrlResult } from '../../src/facts/site/types.js';
import { resolveConfig } from '../../src/config/index.js';
import { allRules } from '../../rules/index.js';
import { runNotes } from '../../src/commands/notes.js';
import { noDns } from '../site/helpers.js';
import { cli, project } from './run.js';

const NO_KCC = { 'kcc-briefing-missing': 'off', 'kcc-briefing-outdated': 'off', 'kcc-briefing-mismatch': 'off' };
const LETTER = 'Vraag de pas aan op voorbeeldstad.example/afvalpas. Lees meer op www.afvalinfo.example/pas.\n';
const SITE = { cache: false, timeout: 2000, retries: 0 };

describe('without domains in the config', () => {
  it('the summary names the checks that are off', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify({ rules: NO_KCC }), 'a.md': LETTER });
    const { stdout } = await cli(['check', '--offline'], dir);
    expect(stdout).toContain(
      'Geen domains in de configuratie, dus niet gecontroleerd: of een adres op het eigen domein staat (pretty-url), overgetypte varianten met en zonder www. en http:// (typed-url-variant) en doorverwijzingen naar een ander domein (offsite-redirect). Zet het eigen domein in brieflint.config.json, bijv. "domains": ["lindendal.nl"].',
    );
    const json = await cli(['check', '--offline', '--format', 'json', '--lang', 'en'], dir);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.summary.notes).toEqual([
      {
        id: 'no-domains',
        message:
          'No domains in the config, so not checked: whether an address is on the own domain (pretty-url), typed variants with and without www. and http:// (typed-url-variant) and redirects to another domain (offsite-redirect). Put the own domain in brieflint.config.json, e.g. "domains": ["lindendal.nl"].',
      },
    ]);
    expect(json.stderr).toContain('brieflint: No domains in the config');
  });

  it('names only the checks that are on; no note with domains', async () => {
    const some = project({ 'brieflint.config.json': JSON.stringify({ rules: { ...NO_KCC, 'typed-url-variant': 'off', 'offsite-redirect': 'off' } }), 'a.md': LETTER });
    expect((await cli(['check', '--offline'], some)).stdout).toContain('dus niet gecontroleerd: of een adres op het eigen domein staat (pretty-url). Zet');
    const configured = project({ 'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC }), 'a.md': LETTER });
    const report = JSON.parse((await cli(['check', '--offline', '-f', 'json'], configured)).stdout) as JsonReport;
    expect(report.summary.notes).toBeUndefined();
  });
});

describe('when every host fails DNS', () => {
  beforeAll(() => {
    vi.spyOn(dns, 'lookup').mockImplementation(noDns as unknown as typeof dns.lookup);
  });
  afterAll(() => vi.restoreAllMocks());

  it('one line suggests HTTPS_PROXY or --offline, next to the findings', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC, site: SITE }), 'a.md': LETTER, 'b.md': 'Kijk op voorbeeldstad.example/afval.\n' });
    const { code, stdout } = await cli(['check'], dir);
    expect(code).toBe(1);
    expect(stdout).toContain('bestaat niet of is onbekend (DNS)');
    expect(stdout).toContain(
      'Geen enkele domeinnaam gevonden (DNS) voor alle 2 hosts in de brieven: is er geen netwerk, of is er een proxy nodig? Zet dan HTTPS_PROXY (bijv. HTTPS_PROXY=http://proxy.gemeente.nl:8080), of controleer zonder netwerk met --offline.',
    );
    expect(stdout.match(/Geen enkele domeinnaam/g)).toHaveLength(1);
    const json = await cli(['check', '-f', 'json', '--lang', 'en'], dir);
    expect((JSON.parse(json.stdout) as JsonReport).summary.notes?.map((n) => n.id)).toEqual(['dns']);
    expect(json.stderr).toContain('brieflint: No domain name could be found (DNS) for all 2 hosts in the letters: is there no network, or is a proxy needed?');
  });

  it('one unknown foreign host is a typo in a letter, not the network: no note', async () => {
    const dir = project({ 'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC, site: SITE }), 'a.md': 'Kijk op www.afvalinfo.example/pas.\n' });
    const report = JSON.parse((await cli(['check', '-f', 'json'], dir)).stdout) as JsonReport;
    expect(report.files[0].findings.map((f) => f.rule)).toContain('unreachable-url');
    expect(report.summary.notes).toBeUndefined();
  });
});

describe('runNotes', () => {
  const result = (url: string, kind: UrlResult['kind'], error?: UrlResult['error']): UrlResult =>
    ({ url, fetchedUrl: url, kind, ...(error ? { error } : {}), finalUrl: url, chain: [], offsite: false, ownDomain: false, variants: [], fromCache: false, checkedAt: '' }) as UrlResult;
  const run = (results: UrlResult[]): CheckRun =>
    ({
      files: [{ path: 'a.md', findings: [], letter: {} }],
      facts: { offline: false, today: '2027-01-10', site: { urls: Object.fromEntries(results.map((r) => [r.url, r])), stats: { urls: results.length, requests: 0, cacheHits: 0 } } },
      skipped: [],
      ignored: [],
    }) as unknown as CheckRun;
  const config = resolveConfig({ domains: ['voorbeeldstad.example'] }, '/tmp', allRules);

  it('names the proxy variable (never its value) when one is set', () => {
    const notes = runNotes(run([result('https://voorbeeldstad.example/a', 'unreachable', 'dns')]), config, { HTTPS_PROXY: 'http://jan:geheim@proxy:8080' });
    expect(notes).toEqual([
      {
        id: 'dns',
        message: {
          nl: 'Geen enkele domeinnaam gevonden (DNS), ook niet via de proxy (HTTPS_PROXY), voor de host in de brieven: controleer de proxy, of controleer zonder netwerk met --offline.',
          en: 'No domain name could be found (DNS), not even through the proxy (HTTPS_PROXY), for the host in the letters: check the proxy, or check without the network with --offline.',
        },
      },
    ]);
  });

  it('says nothing when one host answers', () => {
    expect(runNotes(run([result('https://voorbeeldstad.example/a', 'unreachable', 'dns'), result('https://www.afvalinfo.example/b', 'ok')]), config, {})).toEqual([]);
    expect(runNotes(run([result('https://voorbeeldstad.example/a', 'unreachable', 'refused'), result('https://www.afvalinfo.example/b', 'unreachable', 'dns')]), config, {})).toEqual([]);
  });
});
