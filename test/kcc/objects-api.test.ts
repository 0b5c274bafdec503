/**
 * The objects-api adapter against an Objects API on 127.0.0.1 that behaves as
 * maykinmedia/objects-api's source does (test/kcc/mock-objects-api.ts names the files it copies).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KnowledgeBaseError, loadKcc, type KccFacts } from '../../src/facts/kcc/index.js';
import outdated from '../../rules/kcc-briefing-outdated.js';
import missing from '../../rules/kcc-briefing-missing.js';
import { resolveConfig } from '../../src/config/index.js';
import type { Letter } from '../../src/types.js';
import { likeRegex, startObjectsApi, type MockObject, type ObjectsApiMock, type ObjectsApiMockOptions } from './mock-objects-api.js';

const VAC = 'https://objecttypen.example/api/v2/objecttypes/0b3c-vac';
const OTHER = 'https://objecttypen.example/api/v2/objecttypes/77aa-melding';
const TOKEN = 'tok-3f9a-geheim';
const NO_RIGHTS = 'tok-zonder-rechten';
const env = { OBJECTS_TOKEN: TOKEN };
const TODAY = '2027-01-10';
const fast = { timeout: 2000, retries: 1, backoff: 5 };

const mocks: ObjectsApiMock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

async function api(objects: MockObject[], extra: Partial<ObjectsApiMockOptions> = {}): Promise<ObjectsApiMock> {
  const m = await startObjectsApi({ objects, types: [VAC, OTHER], tokens: { [TOKEN]: [VAC], [NO_RIGHTS]: [OTHER] }, today: TODAY, ...extra });
  mocks.push(m);
  return m;
}

const config = (m: ObjectsApiMock, extra: Record<string, unknown> = {}) => ({ adapter: 'objects-api', url: m.api, objecttype: VAC, tokenEnv: 'OBJECTS_TOKEN', ...fast, ...extra });

const vacData = (trefwoorden: string[], extra: Record<string, unknown> = {}) => ({
  vraag: `Vraag over ${trefwoorden[0] ?? 'iets'}`,
  antwoord: '<p>Zie <a href="https://voorbeeldstad.example/kwijtschelding">voorbeeldstad.example/kwijtschelding</a>.</p>',
  status: 'actief',
  doelgroep: 'eu-burger',
  trefwoorden: trefwoorden.map((trefwoord) => ({ trefwoord })),
  ...extra,
});
const vac = (uuid: string, trefwoorden: string[], startAt = '2026-01-01', extra: Record<string, unknown> = {}): MockObject => ({
  uuid,
  type: VAC,
  records: [{ startAt, data: vacData(trefwoorden, extra) }],
});

type TestLetter = { path: string; meta: { id: string; kenmerk?: string; mailingDate?: string } };
const letter = (id: string, kenmerk?: string, mailingDate?: string): TestLetter => ({
  path: `brieven/${id}.md`,
  meta: { id, ...(kenmerk ? { kenmerk } : {}), ...(mailingDate ? { mailingDate } : {}) },
});

async function kbError(p: Promise<unknown>): Promise<KnowledgeBaseError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(KnowledgeBaseError);
    const err = e as KnowledgeBaseError;
    expect(`${err.message} ${err.reason.nl} ${err.reason.en}`).not.toContain(TOKEN);
    return err;
  }
  throw new Error('expected a KnowledgeBaseError');
}

const searches = (m: ObjectsApiMock) => m.seen.map((s) => new URL(s.url, m.base)).filter((u) => u.pathname === '/api/v2/objects' && u.searchParams.has('data_icontains'));

describe('objects-api: a token without permission on the object type (src/objects/core/query.py filter_for_token)', () => {
  it('the API answers 200 with no objects; brieflint stops (exit 2) after one probe instead of "briefing missing" per letter', async () => {
    const m = await api([vac('a1', ['kwijtschelding-2027'])]);
    const e = await kbError(loadKcc(config(m), '/tmp', [letter('kwijtschelding-2027', 'BEL/2027/0142')], { env: { OBJECTS_TOKEN: NO_RIGHTS }, today: TODAY }));
    expect(e.reason.nl).toContain('het token heeft geen toegang tot dit objecttype (of het objecttype is leeg)');
    expect(e.reason.en).toContain('the token has no access to this object type (or the object type is empty)');
    expect(e.reason.en).toContain('OBJECTS_TOKEN');
    expect(e.reason.en).toContain(VAC);
    expect(m.seen).toHaveLength(1);
    expect(new URL(m.seen[0].url, m.base).searchParams.toString()).toBe(new URLSearchParams({ type: VAC, registrationDate: '9999-12-31', pageSize: '1' }).toString());
    expect(m.seen[0].authorization).toBe(`Token ${NO_RIGHTS}`);
  });

  it('an empty object type says the same; a token with permission reads the VACs', async () => {
    const empty = await api([], { types: [VAC] });
    const e = await kbError(loadKcc(config(empty), '/tmp', [letter('kwijtschelding-2027')], { env, today: TODAY }));
    expect(e.reason.nl).toContain('het token heeft geen toegang tot dit objecttype (of het objecttype is leeg)');

    const m = await api([vac('a1', ['kwijtschelding-2027'])]);
    const facts = await loadKcc(config(m), '/tmp', [letter('kwijtschelding-2027')], { env, today: TODAY });
    expect(facts.briefings.map((b) => b.id)).toEqual(['a1']);
  });
});

describe('objects-api: data_icontains is a regular expression on the server (src/objects/api/v2/filters.py filter_data_icontains)', () => {
  it('the mock behaves like the server: an unescaped ( or " is a 500, a balanced (2) silently matches something else', () => {
    expect(() => likeRegex('ZAAK-12(a')).toThrow(/invalid regular expression/);
    expect(() => likeRegex('zie "brief"')).toThrow(/jsonpath/);
    expect(likeRegex('BEL/2027(2)').test('BEL/2027(2)')).toBe(false);
    // What brieflint sends for it (regex escape, then jsonpath string escape) finds it.
    expect(likeRegex('BEL/2027\\\\(2\\\\)').test('bel/2027(2)')).toBe(true);
  });

  it('search terms with ( [ " and . are escaped, so each letter finds its VAC', async () => {
    const m = await api([
      vac('a1', ['BEL/2027(2)']),
      vac('a2', ['ZAAK-12(a']),
      vac('a3', ['bezwaar-[woz]-2027']),
      vac('a4', ['brief "zwerfafval" 2027']),
      vac('a5', ['afval.pas-2027']),
      vac('a6', ['afvalXpas-2027']),
    ]);
    const letters = [
      letter('kwijtschelding-2027', 'BEL/2027(2)'),
      letter('zaak-2027', 'ZAAK-12(a'),
      letter('bezwaar-[woz]-2027'),
      letter('brief "zwerfafval" 2027'),
      letter('afval.pas-2027'),
    ];
    const facts = await loadKcc(config(m), '/tmp', letters, { env, today: TODAY });
    // a6 would be found too if "." were sent as a regex wildcard.
    expect(facts.briefings.map((b) => b.id)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
    expect(m.seen.every((s) => !s.url.includes('%3C%2Fh1'))).toBe(true);
    const sent = searches(m).map((u) => u.searchParams.get('data_icontains'));
    expect(sent).toContain('BEL/2027\\\\(2\\\\)');
    expect(sent).toContain('brief \\"zwerfafval\\" 2027');
  });
});

describe('objects-api: date=<mailing date> (src/objects/api/v2/views.py ObjectViewSet.filter_queryset)', () => {
  it('a VAC whose record starts on the mailing date is found; each mailing date is asked, today for a letter without one', async () => {
    const m = await api([vac('a1', ['kwijtschelding-2027'], '2027-02-01'), vac('a2', ['afvalpas-2027'], '2027-01-15'), vac('a3', ['parkeren-2027'], '2026-06-01')]);
    const letters = [letter('kwijtschelding-2027', undefined, '2027-02-01'), letter('afvalpas-2027', undefined, '2027-01-15'), letter('parkeren-2027')];
    const facts = await loadKcc(config(m), '/tmp', letters, { env, today: TODAY });
    expect(facts.briefings.map((b) => [b.id, b.validFrom])).toEqual([
      ['a1', '2027-02-01'],
      ['a2', '2027-01-15'],
      ['a3', '2026-06-01'],
    ]);
    expect(searches(m).map((u) => `${u.searchParams.get('data_icontains')} ${u.searchParams.get('date')}`).sort()).toEqual([
      'afvalpas-2027 2027-01-15',
      'kwijtschelding-2027 2027-02-01',
      `parkeren-2027 ${TODAY}`,
    ]);
    // The documented query, in this order.
    const first = searches(m).find((u) => u.searchParams.get('data_icontains') === 'kwijtschelding-2027')!;
    expect(first.search).toBe(`?${new URLSearchParams({ type: VAC, data_attr: 'status__exact__actief', data_icontains: 'kwijtschelding-2027', date: '2027-02-01' }).toString()}`);
  });

  it('kcc.search terms are asked on every mailing date of the run', async () => {
    const m = await api([vac('a1', ['kwijtschelding-2027'], '2027-02-01')]);
    await loadKcc(config(m, { search: ['kwijtschelding'] }), '/tmp', [letter('a', undefined, '2027-02-01'), letter('b', undefined, '2027-03-01'), letter('c', undefined, '2027-02-01')], { env, today: TODAY });
    expect(searches(m).map((u) => u.searchParams.get('date')).sort()).toEqual(['2027-02-01', '2027-03-01']);
  });
});

describe('objects-api: the minimum version, 2.5.0 (data_attr; src/objects/api/v2/filters.py, vng_api_common/middleware.py)', () => {
  it('a server that ignores data_attr (before 2.5.0) stops the run with a clear message', async () => {
    const m = await api([vac('a1', ['kwijtschelding-2027'])], { apiVersion: '2.4.4', dataAttr: false });
    const e = await kbError(loadKcc(config(m), '/tmp', [letter('kwijtschelding-2027')], { env, today: TODAY }));
    expect(e.reason.en).toBe('this Objects API ignores the data_attr filter, so it is older than version 2.5.0 (API-version 2.4.4); brieflint needs Objects API 2.5.0 or newer — upgrade the Objects API');
    expect(e.reason.nl).toContain('ouder dan versie 2.5.0');
    expect(searches(m)).toHaveLength(0);
  });

  it('releases 3.0–3.3 say API-version 2.4.3 but have data_attr: checked by behaviour, accepted', async () => {
    const m = await api([vac('a1', ['kwijtschelding-2027'])], { apiVersion: '2.4.3' });
    const facts = await loadKcc(config(m), '/tmp', [letter('kwijtschelding-2027')], { env, today: TODAY });
    expect(facts.briefings.map((b) => b.id)).toEqual(['a1']);
    expect(m.seen.some((s) => s.url.includes('brieflint-versiecontrole'))).toBe(true);
  });

  it('API-version 2.5.0 or newer needs no second probe', async () => {
    const m = await api([vac('a1', ['kwijtschelding-2027'])], { apiVersion: '2.7.0' });
    await loadKcc(config(m), '/tmp', [letter('kwijtschelding-2027')], { env, today: TODAY });
    expect(m.seen.map((s) => s.url).filter((u) => u.includes('brieflint-versiecontrole'))).toEqual([]);
    expect(m.seen).toHaveLength(2);
  });
});

describe('objects-api: paging through `next` (vng_api_common/pagination.py)', () => {
  it('follows absolute `next` links page by page', async () => {
    const m = await api(['b1', 'b2', 'b3', 'b4', 'b5'].map((id) => vac(id, ['afvalpas-2027'])));
    const facts = await loadKcc(config(m, { pageSize: 2 }), '/tmp', [letter('afvalpas-2027')], { env, today: TODAY });
    expect(facts.briefings.map((b) => b.id)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
    expect(searches(m).map((u) => u.searchParams.get('page'))).toEqual([null, '2', '3']);
  });
});

describe('objects-api: a VAC record with endAt (src/objects/core/models.py ObjectRecord.save)', () => {
  const lateLetter = letter('kwijtschelding-2027', 'BEL/2027/0142', '2027-02-01');

  function rulesOn(facts: KccFacts) {
    const l: Letter = { ...lateLetter, format: 'markdown', blocks: [], links: [], directives: [] };
    const f = { offline: false, today: TODAY, kcc: facts };
    const refs = { urls: [], forms: [], phones: [], emails: [], logins: [], placeholders: [] };
    const cfg = resolveConfig({}, '/tmp', []);
    return [missing, outdated].flatMap((rule) =>
      rule.check({ letter: l, refs, facts: f, options: rule.meta.defaultOptions as never, config: cfg }).map((r) => `${rule.meta.id}: ${r.message.en}`),
    );
  }

  it('a KCC lead who ends the VAC (a later record with status non-actief) ends the briefing the day before: kcc-briefing-outdated', async () => {
    const m = await api([
      {
        uuid: 'a1',
        type: VAC,
        records: [
          { startAt: '2026-11-01', data: vacData(['kwijtschelding-2027']) },
          { startAt: '2027-02-20', data: vacData(['kwijtschelding-2027'], { status: 'non-actief' }) },
        ],
      },
    ]);
    const facts = await loadKcc(config(m), '/tmp', [lateLetter], { env, today: TODAY });
    expect(facts.briefings).toHaveLength(1);
    expect(facts.briefings[0]).toMatchObject({ id: 'a1', validFrom: '2026-11-01', validUntil: '2027-02-19' });
    expect(m.seen.map((s) => s.url)).toContain('/api/v2/objects/a1?date=2027-02-20');
    expect(rulesOn(facts)).toEqual([
      'kcc-briefing-outdated: The KCC briefing VAC “Vraag over kwijtschelding-2027” ends on 19 February 2027, 18 days after the mailing date 1 February 2027; residents call for weeks after a mailing, so it must stay valid for at least 42 days (until 15 March 2027).',
    ]);
  });

  it('a later record that keeps the VAC active and naming the letter carries it on: no end', async () => {
    const m = await api([
      {
        uuid: 'a1',
        type: VAC,
        records: [
          { startAt: '2026-11-01', data: vacData(['kwijtschelding-2027']) },
          { startAt: '2027-02-20', data: vacData(['kwijtschelding-2027'], { antwoord: 'Nieuwe tekst.' }) },
        ],
      },
    ]);
    const facts = await loadKcc(config(m), '/tmp', [lateLetter], { env, today: TODAY });
    expect(facts.briefings[0].validUntil).toBeUndefined();
    expect(rulesOn(facts)).toEqual([]);
  });

  it('a later record that drops the letter from its trefwoorden ends the briefing too', async () => {
    const m = await api([
      {
        uuid: 'a1',
        type: VAC,
        records: [
          { startAt: '2026-11-01', data: vacData(['kwijtschelding-2027']) },
          { startAt: '2027-03-01', data: vacData(['kwijtschelding-2028']) },
          { startAt: '2027-06-01', data: vacData(['kwijtschelding-2027']) },
        ],
      },
    ]);
    const facts = await loadKcc(config(m), '/tmp', [lateLetter], { env, today: TODAY });
    expect(facts.briefings[0].validUntil).toBe('2027-02-28');
  });

  it('mapped fields (kcc.fields) count, and the record end wins when it is earlier', async () => {
    const m = await api([
      {
        uuid: 'a1',
        type: VAC,
        records: [
          { startAt: '2026-11-01', data: vacData(['kwijtschelding-2027'], { geldigheid: { van: '2027-01-15', tot: '2027-12-31' } }) },
          { startAt: '2027-04-01', data: vacData(['kwijtschelding-2027'], { status: 'te-verwijderen' }) },
        ],
      },
      vac('a2', ['kwijtschelding-2027'], '2026-11-01', { geldigheid: { van: '2027-01-20', tot: '2027-03-31' } }),
    ]);
    const facts = await loadKcc(config(m, { fields: { validFrom: 'geldigheid.van', validUntil: 'geldigheid.tot' } }), '/tmp', [lateLetter], { env, today: TODAY });
    expect(facts.briefings.map((b) => [b.id, b.validFrom, b.validUntil])).toEqual([
      ['a1', '2027-01-15', '2027-03-31'],
      ['a2', '2027-01-20', '2027-03-31'],
    ]);
  });

  it('a VAC that starts after the mailing date is not valid on it: the record seen on the mailing date counts', async () => {
    const m = await api([
      {
        uuid: 'a1',
        type: VAC,
        records: [
          { startAt: '2026-11-01', data: vacData(['iets-anders']) },
          { startAt: '2027-02-10', data: vacData(['kwijtschelding-2027']) },
        ],
      },
    ]);
    const facts = await loadKcc(config(m), '/tmp', [lateLetter], { env, today: TODAY });
    // On 1 February the VAC does not name the letter yet: the search does not find it.
    expect(facts.briefings).toEqual([]);
    expect(searches(m).map((u) => u.searchParams.get('date'))).toEqual(['2027-02-01', '2027-02-01']);
    expect(rulesOn(facts)[0]).toMatch(/^kcc-briefing-missing: /);
  });
});
