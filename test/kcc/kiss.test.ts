/**
 * The kiss adapter against a KISS backend on 127.0.0.1 that behaves as Kiss.Bff's source does
 * (test/kcc/mock-kiss.ts names the files it copies), and `brieflint check` against it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeBaseError, loadKcc, type KccFacts } from '../../src/facts/kcc/index.js';
import type { JsonReport } from '../../src/report/types.js';
import outdated from '../../rules/kcc-briefing-outdated.js';
import missing from '../../rules/kcc-briefing-missing.js';
import { resolveConfig } from '../../src/config/index.js';
import type { Letter } from '../../src/types.js';
import { startKiss, type KissMock, type KissMockOptions, type MockBericht } from './mock-kiss.js';
import { cli } from '../cli/run.js';

const REDACTEUR = 'sessie-redacteur-9f3a';
const KCM = 'sessie-kcm-77b1';
const NOW = new Date('2027-01-10T10:00:00+01:00');
const TODAY = '2027-01-10';
const fast = { timeout: 2000, retries: 1, backoff: 5 };

const mocks: KissMock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

async function kiss(berichten: MockBericht[], extra: Partial<KissMockOptions> = {}): Promise<KissMock> {
  const m = await startKiss({ berichten, sessions: { [REDACTEUR]: ['redacteur'], [KCM]: ['kcm'] }, now: NOW, ...extra });
  mocks.push(m);
  return m;
}
const config = (m: KissMock, extra: Record<string, unknown> = {}) => ({ adapter: 'kiss', url: m.base, authEnv: 'KISS_COOKIE', authHeader: 'Cookie', ...fast, ...extra });
const session = (value: string) => ({ KISS_COOKIE: `.AspNetCore.Cookies=${value}` });

const bericht = (id: number, partial: Partial<MockBericht>): MockBericht => ({
  id,
  titel: `Bericht ${id}`,
  inhoud: '<p>Geen brief.</p>',
  type: 'Werkinstructie',
  publicatieDatum: '2026-12-01T09:00:00+01:00',
  dateCreated: '2026-11-20T09:00:00+01:00',
  ...partial,
});

/** Scheduled: KISS publishes it on the mailing date, so its published search does not show it today. */
const SCHEDULED = bericht(7, {
  titel: 'Brief kwijtschelding 2027',
  inhoud: '<p>Brief BEL/2027/0142 gaat op 1 februari de deur uit. Verwijs naar <a href="https://voorbeeldstad.example/kwijtschelding">de aanvraagpagina</a>.</p>',
  publicatieDatum: '2027-02-01T07:00:00+01:00',
  publicatieEinddatum: '2027-06-30T17:00:00+02:00',
});
/** Published now, but it ends nine days after the afvalpas mailing. */
const ENDS_SOON = bericht(8, {
  titel: 'Nieuwe afvalpassen',
  inhoud: '<p>Over brief afvalpas-2027: bellers verwijzen naar de milieustraat.</p>',
  publicatieEinddatum: '2027-01-24T18:00:00+01:00',
  dateUpdated: '2027-01-05T12:00:00+01:00',
});
const NEWS = bericht(9, { type: 'Nieuws', titel: 'Nieuws over afvalpas-2027' });
const AT_MIDNIGHT = bericht(11, { titel: 'Parkeren', inhoud: '<p>parkeren-2027</p>', publicatieEinddatum: '2027-03-15T00:00:00+01:00' });
const ALL = [SCHEDULED, ENDS_SOON, NEWS, AT_MIDNIGHT];

type TestLetter = { path: string; meta: { id: string; kenmerk?: string; mailingDate?: string } };
const LETTERS: TestLetter[] = [
  { path: 'brieven/kwijtschelding-2027.md', meta: { id: 'kwijtschelding-2027', kenmerk: 'BEL/2027/0142', mailingDate: '2027-02-01' } },
  { path: 'brieven/afvalpas-2027.md', meta: { id: 'afvalpas-2027', mailingDate: '2027-01-15' } },
  { path: 'brieven/parkeren-2027.md', meta: { id: 'parkeren-2027', mailingDate: '2027-02-01' } },
];

function rulesOn(facts: KccFacts) {
  const cfg = resolveConfig({}, '/tmp', []);
  const refs = { urls: [], forms: [], phones: [], emails: [], logins: [], placeholders: [] };
  return LETTERS.flatMap((t) => {
    const l: Letter = { ...t, format: 'markdown', blocks: [], links: [], directives: [] };
    return [missing, outdated].flatMap((rule) =>
      rule.check({ letter: l, refs, facts: { offline: false, today: TODAY, kcc: facts }, options: rule.meta.defaultOptions as never, config: cfg }).map((r) => `${t.meta.id} ${rule.meta.id}`),
    );
  });
}

describe('kiss: the editors\' endpoints (Kiss.Bff/…/Features/BerichtenController.cs)', () => {
  it('reads GET /api/berichten, then each werkinstructie\'s detail: scheduled ones are seen, the publication window is the validity', async () => {
    const m = await kiss(ALL);
    const facts = await loadKcc(config(m), '/tmp', LETTERS, { env: session(REDACTEUR) });
    // The list, then the werkinstructies' details (not the news item 9), concurrently.
    expect(m.seen[0].url).toBe('/api/berichten');
    expect(m.seen.map((s) => s.url).slice(1).sort()).toEqual(['/api/berichten/11', '/api/berichten/7', '/api/berichten/8']);
    for (const s of m.seen) {
      expect(s.cookie).toBe(`.AspNetCore.Cookies=${REDACTEUR}`);
      expect(s.isApi).toBe(true);
    }
    expect(facts.notes).toBeUndefined();
    expect(facts.briefings.map((b) => [b.id, b.covers.ids, b.validFrom, b.validUntil])).toEqual([
      ['7', ['BEL/2027/0142'], '2027-02-01', '2027-06-30'],
      ['8', ['afvalpas-2027'], '2026-12-01', '2027-01-24'],
      // Ends at midnight: gone that whole day.
      ['11', ['parkeren-2027'], '2026-12-01', '2027-03-14'],
    ]);
    expect(facts.briefings[0]).toMatchObject({ location: `${m.base}/api/berichten/7`, title: 'Brief kwijtschelding 2027', urls: ['https://voorbeeldstad.example/kwijtschelding'] });
    expect(facts.briefings[1].lastUpdated).toBe('2027-01-05');
    // Scheduled for the mailing date: no missing briefing. Ends too soon: outdated.
    expect(rulesOn(facts)).toEqual(['afvalpas-2027 kcc-briefing-outdated', 'parkeren-2027 kcc-briefing-outdated']);
  });

  it('a kcm session reads them too in KISS 3.0 and later (PermissionConfiguration.cs: kcm has berichtenread)', async () => {
    const m = await kiss(ALL);
    const facts = await loadKcc(config(m), '/tmp', LETTERS, { env: session(KCM) });
    expect(facts.notes).toBeUndefined();
    expect(facts.briefings.map((b) => b.id)).toEqual(['7', '8', '11']);
  });

  it('a werkinstructie deleted between the list and its detail (404) is left out', async () => {
    // BerichtenController.cs GetBericht: NotFound() for an id that is gone.
    const m = await kiss(ALL, { deletedAfterList: [bericht(12, { inhoud: '<p>afvalpas-2027</p>' })] });
    const facts = await loadKcc(config(m, { url: `${m.base}/` }), '/tmp', LETTERS, { env: session(REDACTEUR) });
    expect(m.seen.map((s) => s.url)).toContain('/api/berichten/12');
    expect(facts.briefings.map((b) => b.id)).toEqual(['7', '8', '11']);
  });
});

describe('kiss: the published search as fallback (Kiss.Bff/…/Features/SearchBerichtenController.cs)', () => {
  it('403 on the list (a kcm session in KISS before 3.0): the published search, which hides the scheduled werkinstructie; the note says validity was not checked', async () => {
    const m = await kiss(ALL, { kcmReadsBerichten: false });
    const facts = await loadKcc(config(m), '/tmp', LETTERS, { env: session(KCM) });
    expect(m.seen[0].url).toBe('/api/berichten');
    expect(m.seen.slice(1).map((s) => s.url).sort()).toEqual([
      '/api/berichten/published?type=Werkinstructie&search=BEL%2F2027%2F0142',
      '/api/berichten/published?type=Werkinstructie&search=afvalpas-2027',
      '/api/berichten/published?type=Werkinstructie&search=kwijtschelding-2027',
      '/api/berichten/published?type=Werkinstructie&search=parkeren-2027',
    ]);
    // The published answer has no publicatieEinddatum: no validUntil.
    expect(facts.briefings.map((b) => [b.id, b.validUntil])).toEqual([
      ['8', undefined],
      ['11', undefined],
    ]);
    expect(facts.notes).toHaveLength(1);
    expect(facts.notes![0].en).toContain(`${m.base}/api/berichten → HTTP 403`);
    expect(facts.notes![0].en).toContain('validity (publicatieEinddatum) was not checked, so kcc-briefing-outdated cannot fire');
    expect(facts.notes![0].nl).toContain('de geldigheid (publicatieEinddatum) is niet gecontroleerd');
    expect(rulesOn(facts)).toEqual(['kwijtschelding-2027 kcc-briefing-missing']);
  });

  it('pages through X-Total-Pages (15 a page, as upstream)', async () => {
    // SearchBerichtenController.cs: pageSize 15 by default, X-Total-Pages = ceil(total / pageSize).
    const many = Array.from({ length: 32 }, (_, i) => bericht(100 + i, { titel: `Afvalpas ${i}`, inhoud: '<p>afvalpas-2027</p>' }));
    const m = await kiss(many, { kcmReadsBerichten: false });
    const facts = await loadKcc(config(m), '/tmp', [LETTERS[1]], { env: session(KCM) });
    expect(facts.briefings).toHaveLength(32);
    expect(m.seen.slice(1).map((s) => new URL(s.url, m.base).searchParams.get('page'))).toEqual([null, '2', '3']);
  });

  it('logged out: KISS answers 401 (is-api), a clear error naming the env var; no redirect to a login page', async () => {
    // Kiss.Bff/Config/AuthenticationSetup.cs HandleLoggedOut: 401 for a request with is-api.
    const m = await kiss(ALL);
    let error: unknown;
    await loadKcc(config(m), '/tmp', LETTERS, { env: session('verlopen') }).catch((e: unknown) => (error = e));
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    expect((error as KnowledgeBaseError).reason.en).toContain('access denied (HTTP 401) — check that KISS_COOKIE holds a valid key or session');
    expect((error as KnowledgeBaseError).status).toBe(401);
  });
});

describe('brieflint check against KISS', () => {
  function project(m: KissMock): string {
    const dir = mkdtempSync(join(tmpdir(), 'brieflint-kiss-'));
    mkdirSync(join(dir, 'brieven'));
    writeFileSync(join(dir, 'brieflint.config.json'), JSON.stringify({ domains: ['voorbeeldstad.example'], kcc: { adapter: 'kiss', url: m.base, authEnv: 'BRIEFLINT_TEST_KISS_SESSION', authHeader: 'Cookie', ...fast } }));
    for (const l of LETTERS) {
      const fm = [`id: ${l.meta.id}`, ...(l.meta.kenmerk ? [`kenmerk: ${l.meta.kenmerk}`] : []), `mailingDate: ${l.meta.mailingDate}`];
      writeFileSync(join(dir, l.path), `---\n${fm.join('\n')}\n---\n\nGeachte heer, mevrouw,\n\nDit is een brief.\n`);
    }
    return dir;
  }

  const kccFindings = (stdout: string) =>
    (JSON.parse(stdout) as JsonReport).files.flatMap((f) => f.findings.filter((x) => x.rule.startsWith('kcc-')).map((x) => `${f.letter?.id} ${x.rule}`));

  it('a werkinstructie scheduled for the mailing date: no missing briefing; one that ends too soon: kcc-briefing-outdated', async () => {
    // BerichtenController.cs (editors' endpoints) first; then SearchBerichtenController.cs as the fallback of a KISS before 3.0.
    const m = await kiss(ALL);
    const dir = project(m);
    process.env.BRIEFLINT_TEST_KISS_SESSION = `.AspNetCore.Cookies=${REDACTEUR}`;
    try {
      const { code, stdout, stderr } = await cli(['check', '--format', 'json', '--today', TODAY], dir);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      expect(kccFindings(stdout)).toEqual(['afvalpas-2027 kcc-briefing-outdated', 'parkeren-2027 kcc-briefing-outdated']);

      process.env.BRIEFLINT_TEST_KISS_SESSION = `.AspNetCore.Cookies=${KCM}`;
      await m.close();
      const old = await kiss(ALL, { kcmReadsBerichten: false });
      writeFileSync(join(dir, 'brieflint.config.json'), JSON.stringify({ domains: ['voorbeeldstad.example'], kcc: { adapter: 'kiss', url: old.base, authEnv: 'BRIEFLINT_TEST_KISS_SESSION', authHeader: 'Cookie', ...fast } }));
      const fallback = await cli(['check', '--format', 'json', '--today', TODAY, '--lang', 'en'], dir);
      expect(fallback.stderr).toContain('brieflint: KISS: this session may only search published work instructions');
      expect(fallback.stderr).toContain('validity (publicatieEinddatum) was not checked');
      expect(kccFindings(fallback.stdout)).toEqual(['kwijtschelding-2027 kcc-briefing-missing']);
    } finally {
      delete process.env.BRIEFLINT_TEST_KISS_SESSION;
    }
  });
});
