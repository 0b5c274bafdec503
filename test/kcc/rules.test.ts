import { describe, expect, it } from 'vitest';
import missing from '../../rules/kcc-briefing-missing.js';
import outdated from '../../rules/kcc-briefing-outdated.js';
import mismatch from '../../rules/kcc-briefing-mismatch.js';
import type { Rule } from '../../src/rule.js';
import type { Briefing, KccFacts } from '../../src/facts/kcc/types.js';
import type { Facts } from '../../src/facts/types.js';
import type { FormMention, Letter, LetterMeta, PhoneRef, References, Report, UrlRef } from '../../src/types.js';
import { resolveConfig } from '../../src/config/index.js';

const at = (line: number, column = 1) => ({ line, column, part: 'body' as const });

function letter(meta: Partial<LetterMeta> = {}, path = 'brieven/kwijtschelding.md'): Letter {
  return {
    path,
    format: 'markdown',
    meta: { id: 'kwijtschelding-2027', kenmerk: 'BEL/2027/0142', mailingDate: '2027-02-01', ...meta },
    blocks: [],
    links: [],
    directives: [],
  };
}

function refs(partial: Partial<References> = {}): References {
  return { urls: [], forms: [], phones: [], emails: [], logins: [], placeholders: [], ...partial };
}

const bare = (printed: string, line = 1, column = 1): UrlRef => ({
  printed,
  href: /^[a-z]+:\/\//i.test(printed) ? printed : `https://${printed}`,
  location: at(line, column),
  linked: false,
  visible: true,
});
const phone = (printed: string, normalized: string, line = 1): PhoneRef => ({ printed, normalized, location: at(line) });
const form = (text: string, line: number, column = 1, kind: FormMention['kind'] = 'online-form'): FormMention => ({ kind, text, location: at(line, column) });

function briefing(partial: Partial<Briefing> & { id: string }): Briefing {
  return {
    source: 'folder',
    location: `kcc/${partial.id}.md`,
    covers: { ids: ['kwijtschelding-2027'], kenmerken: [], paths: [] },
    validFrom: '2027-01-25',
    validUntil: '2027-04-30',
    urls: [],
    forms: [],
    phone: [],
    body: '',
    ...partial,
  };
}

const kcc = (briefings: Briefing[], extra: Partial<KccFacts> = {}): KccFacts => ({ source: 'folder', location: 'kcc', briefings, ...extra });

function run<O>(rule: Rule<O>, l: Letter, r: References, k: KccFacts | undefined, options: Partial<O> = {}, today = '2027-01-10'): Report[] {
  const facts: Facts = { offline: false, today, ...(k ? { kcc: k } : {}) };
  return rule.check({ letter: l, refs: r, facts, options: { ...rule.meta.defaultOptions, ...options }, config: resolveConfig({}, '/tmp', []) });
}
const en = (rs: Report[]) => rs.map((r) => r.message.en);

describe('rule metadata', () => {
  it('needs kcc facts, defaults to error, documents nl and en', () => {
    for (const rule of [missing, outdated, mismatch] as Rule[]) {
      expect(rule.meta.needs).toEqual(['kcc']);
      expect(rule.meta.defaultSeverity).toBe('error');
      expect(rule.meta.description.nl).toBeTruthy();
      expect(rule.meta.description.en).toBeTruthy();
    }
    expect(outdated.meta.defaultOptions).toEqual({ minDaysAfterMailing: 42 });
  });
  it('stays silent without kcc facts (the engine reports the rule as skipped)', () => {
    for (const rule of [missing, outdated, mismatch] as Rule[]) expect(run(rule, letter(), refs(), undefined)).toEqual([]);
  });
});

describe('kcc-briefing-missing', () => {
  it('reports a letter no briefing covers, naming id and kenmerk, in Dutch first', () => {
    const [r, ...rest] = run(missing, letter(), refs(), kcc([briefing({ id: 'other', covers: { ids: ['afvalpas-2027'], kenmerken: [], paths: [] } })]));
    expect(rest).toEqual([]);
    expect(r.message.nl).toBe(
      'Er is geen KCC-briefing voor deze brief (id “kwijtschelding-2027”, kenmerk “BEL/2027/0142”) in kcc/: het klantcontactcentrum weet niet wat inwoners in deze brief lezen.',
    );
    expect(r.message.en).toContain('No KCC briefing covers this letter');
    expect(r.hint?.en).toBe('Write one with: brieflint briefing brieven/kwijtschelding.md');
  });

  it('passes a letter covered by id, by kenmerk (any case) or by path glob', () => {
    expect(run(missing, letter(), refs(), kcc([briefing({ id: 'a' })]))).toEqual([]);
    expect(run(missing, letter(), refs(), kcc([briefing({ id: 'b', covers: { ids: [], kenmerken: ['bel/2027/0142'], paths: [] } })]))).toEqual([]);
    const glob = briefing({ id: 'c', covers: { ids: [], kenmerken: [], paths: ['brieven/kwijt*.md'] } });
    expect(run(missing, letter({ id: 'x', kenmerk: undefined }), refs(), kcc([glob]))).toEqual([]);
  });

  it('does not count a briefing that merely mentions the letter URL, but says so in the hint', () => {
    const parkeren = briefing({ id: 'parkeren-algemeen', covers: { ids: ['parkeren-2026'], kenmerken: [], paths: [] }, urls: ['www.voorbeeldstad.example/parkeren'] });
    const [r] = run(missing, letter({ id: 'parkeervergunning-2027', kenmerk: undefined }), refs({ urls: [bare('voorbeeldstad.example/parkeren', 4)] }), kcc([parkeren]));
    expect(r.message.en).toContain('(id “parkeervergunning-2027”)');
    expect(r.hint?.en).toBe(
      'Briefing kcc/parkeren-algemeen.md mentions voorbeeldstad.example/parkeren but not this letter. Does it belong to this letter? Put “parkeervergunning-2027” in that briefing\'s letters:.',
    );
    expect(r.hint?.nl).toContain('noemt voorbeeldstad.example/parkeren maar niet deze brief');
  });

  it('gives advice that fits the source', () => {
    const k = kcc([], { source: 'objects-api', location: 'https://objecten.example/api/v2/objects' });
    expect(run(missing, letter(), refs(), k)[0].hint?.nl).toBe('Voeg “kwijtschelding-2027” toe als trefwoord van de VAC.');
    const vac = briefing({ id: 'u1', source: 'objects-api', title: 'Parkeren', covers: { ids: ['x'], kenmerken: [], paths: [] }, urls: ['https://voorbeeldstad.example/parkeren'] });
    const [r] = run(missing, letter(), refs({ urls: [bare('voorbeeldstad.example/parkeren')] }), kcc([vac], { source: 'objects-api', location: 'https://o.example' }));
    expect(r.hint?.en).toContain('Briefing VAC “Parkeren” mentions voorbeeldstad.example/parkeren but not this letter');
  });
});

describe('kcc-briefing-outdated', () => {
  it('passes a briefing valid on the mailing date and 42 days after', () => {
    expect(run(outdated, letter(), refs(), kcc([briefing({ id: 'a', validUntil: '2027-03-15' })]))).toEqual([]);
    expect(run(outdated, letter(), refs(), kcc([briefing({ id: 'a', validUntil: undefined })]))).toEqual([]);
  });

  it('reports a briefing that expired before the mailing date', () => {
    const [r] = run(outdated, letter(), refs(), kcc([briefing({ id: 'oud', validFrom: '2026-01-01', validUntil: '2027-01-31' })]));
    expect(r.message.nl).toBe('De KCC-briefing kcc/oud.md is verlopen op 31 januari 2027, vóór de verzenddatum 1 februari 2027.');
    expect(r.message.en).toBe('The KCC briefing kcc/oud.md expired on 31 January 2027, before the mailing date 1 February 2027.');
    expect(r.hint?.en).toBe('Update the briefing and set validUntil to 2027-03-15 or later.');
  });

  it('reports a briefing that ends less than N days after mailing; the option changes N', () => {
    const afval = letter({ id: 'afvalpas-2027', kenmerk: 'AFV/2027/0007', mailingDate: '2027-01-15' });
    const k = kcc([briefing({ id: 'afvalpas', covers: { ids: ['afvalpas-2027'], kenmerken: [], paths: [] }, validFrom: '2027-01-10', validUntil: '2027-01-31' })]);
    const [r] = run(outdated, afval, refs(), k);
    expect(r.message.en).toBe(
      'The KCC briefing kcc/afvalpas.md ends on 31 January 2027, 16 days after the mailing date 15 January 2027; residents call for weeks after a mailing, so it must stay valid for at least 42 days (until 26 February 2027).',
    );
    expect(r.message.nl).toContain('loopt af op 31 januari 2027, 16 dagen na de verzenddatum 15 januari 2027');
    expect(r.hint?.nl).toBe('Zet validUntil op 2027-02-26 of later.');
    expect(run(outdated, afval, refs(), k, { minDaysAfterMailing: 14 })).toEqual([]);
  });

  it('reports a briefing that only starts after the mailing date', () => {
    const [r] = run(outdated, letter(), refs(), kcc([briefing({ id: 'laat', validFrom: '2027-02-10' })]));
    expect(r.message.en).toContain('only applies from 10 February 2027, but the contact centre must know about the letter on the mailing date 1 February 2027');
  });

  it('checks a letter without mailing date against today, and says so', () => {
    const [r] = run(outdated, letter({ mailingDate: undefined }), refs(), kcc([briefing({ id: 'a', validFrom: '2026-12-01', validUntil: '2027-01-31' })]), {}, '2027-01-10');
    expect(r.message.en).toBe(
      'The KCC briefing kcc/a.md ends on 31 January 2027, 21 days after today (10 January 2027); residents call for weeks after a mailing, so it must stay valid for at least 42 days (until 21 February 2027). The letter has no mailing date, so it was checked against today.',
    );
    expect(r.message.nl).toContain('De brief heeft geen verzenddatum, dus is gekeken naar vandaag.');
  });

  it('with several briefings picks the best current one and names it', () => {
    const old = briefing({ id: 'kwijtschelding-2026', validFrom: '2026-01-01', validUntil: '2026-12-31' });
    const cur = briefing({ id: 'kwijtschelding-2027', validFrom: '2027-01-25', validUntil: '2027-04-30' });
    expect(run(outdated, letter(), refs(), kcc([old, cur]))).toEqual([]);
    const short = briefing({ id: 'kort', validFrom: '2027-01-25', validUntil: '2027-02-20' });
    const [r] = run(outdated, letter(), refs(), kcc([old, short]));
    expect(r.message.en).toContain('The KCC briefing kcc/kort.md ends on 20 February 2027');
    expect(r.message.en).toContain('(chosen from 2 briefings for this letter; also: kcc/kwijtschelding-2026.md)');
    expect(r.message.nl).toContain('(gekozen uit 2 briefings voor deze brief; ook: kcc/kwijtschelding-2026.md)');
  });

  it('says "end date" instead of validUntil for an HTTP source', () => {
    const vac = briefing({ id: 'u', source: 'objects-api', title: 'Kwijtschelding', validUntil: '2027-01-01' });
    const [r] = run(outdated, letter(), refs(), kcc([vac], { source: 'objects-api' }));
    expect(r.message.en).toContain('The KCC briefing VAC “Kwijtschelding” expired on 1 January 2027');
    expect(r.hint?.en).toBe('Update the briefing and set the end date to 2027-03-15 or later.');
  });
});

describe('kcc-briefing-mismatch', () => {
  const printed = refs({
    urls: [bare('voorbeeldstad.example/kwijtschelding', 5, 30)],
    phones: [phone('14 0123', '140123', 9)],
    forms: [form('vraag het aan op', 5, 10, 'online-application')],
  });

  it('passes when the briefing names every URL, form and phone number (scheme, www., slash, host case ignored)', () => {
    const b = briefing({
      id: 'a',
      urls: ['HTTPS://WWW.Voorbeeldstad.Example/kwijtschelding/'],
      forms: [{ name: 'Aanvraag', url: 'voorbeeldstad.example/kwijtschelding' }],
      phone: ['140123'],
    });
    expect(run(mismatch, letter(), printed, kcc([b]))).toEqual([]);
  });

  it('accepts URLs and phone numbers named only in the briefing text', () => {
    const b = briefing({ id: 'a', body: 'Verwijs naar www.voorbeeldstad.example/kwijtschelding of bel 14 0123.' });
    expect(run(mismatch, letter(), printed, kcc([b]))).toEqual([]);
  });

  it('reports a URL and a phone number the briefing does not name, where the letter prints them', () => {
    const b = briefing({ id: 'a', urls: ['voorbeeldstad.example/belastingen'] });
    const rs = run(mismatch, letter(), printed, kcc([b]));
    expect(en(rs)).toEqual([
      'The letter sends readers to the form at voorbeeldstad.example/kwijtschelding (“vraag het aan op”), but the KCC briefing kcc/a.md does not name that form.',
      'The letter prints phone number 14 0123, but the KCC briefing kcc/a.md does not: callers on that number reach a contact centre that knows nothing.',
    ]);
    expect(rs[0].location).toEqual(at(5, 30));
    expect(rs[0].url).toBe('https://voorbeeldstad.example/kwijtschelding');
    expect(rs[1].location).toEqual(at(9));
    expect(rs[1].hint?.nl).toBe('Zet 14 0123 in phone: van de briefing.');

    const noForm = refs({ urls: printed.urls });
    const [u] = run(mismatch, letter(), noForm, kcc([b]));
    expect(u.message.nl).toBe(
      'De brief noemt voorbeeldstad.example/kwijtschelding, maar de KCC-briefing kcc/a.md niet: het KCC weet niet dat inwoners naar deze pagina gaan.',
    );
    expect(u.hint?.en).toBe('The briefing names voorbeeldstad.example/belastingen instead.');
  });

  it('reports a briefing that names a different URL for the same form', () => {
    const zon = letter({ id: 'subsidie-zonnepanelen-2027', kenmerk: 'DUU/2027/0033', mailingDate: '2027-03-01' });
    const r = refs({
      urls: [{ ...bare('voorbeeldstad.example/zonnepanelen', 12, 2), href: 'https://www.voorbeeldstad.example/subsidie-zon', linked: true, linkText: 'voorbeeldstad.example/zonnepanelen' }],
      forms: [form('Vul het formulier in op', 11, 60)],
    });
    const b = briefing({
      id: 'subsidie-zonnepanelen-2027',
      covers: { ids: ['subsidie-zonnepanelen-2027'], kenmerken: [], paths: [] },
      validUntil: '2027-06-30',
      urls: ['voorbeeldstad.example/subsidie-zon'],
      forms: [{ name: 'Aanvraag subsidie zonnepanelen', url: 'voorbeeldstad.example/subsidie-zon' }],
    });
    const [m, ...rest] = run(mismatch, zon, r, kcc([b]));
    expect(rest).toEqual([]);
    expect(m.message.nl).toBe(
      'Voor het formulier (“Vul het formulier in op”) noemt de brief voorbeeldstad.example/zonnepanelen, maar de KCC-briefing kcc/subsidie-zonnepanelen-2027.md noemt voorbeeldstad.example/subsidie-zon (“Aanvraag subsidie zonnepanelen”): het KCC stuurt bellers dan naar een ander adres.',
    );
    expect(m.location).toEqual(at(12, 2));
    expect(m.hint?.en).toContain('The letter\'s link does go to voorbeeldstad.example/subsidie-zon, but the paper shows voorbeeldstad.example/zonnepanelen');
  });

  it('reports a paper form when the briefing names no form at all, once', () => {
    const r = refs({ forms: [form('het formulier bij deze brief', 17, 31, 'paper-form'), form('retourenvelop', 18, 1, 'paper-form')] });
    const rs = run(mismatch, letter(), r, kcc([briefing({ id: 'a' })]));
    expect(en(rs)).toEqual(['The letter mentions a form (“het formulier bij deze brief”), but the KCC briefing kcc/a.md names no form at all.']);
    expect(run(mismatch, letter(), r, kcc([briefing({ id: 'a', forms: [{ name: 'Verlengingsformulier' }] })]))).toEqual([]);
  });

  it('hints at the link target when the briefing names it but residents read another address', () => {
    const r = refs({ urls: [{ ...bare('voorbeeldstad.example/afval', 3), href: 'https://andere.example/x', linked: true }] });
    const [m] = run(mismatch, letter(), r, kcc([briefing({ id: 'a', urls: ['andere.example/x'] })]));
    expect(m.hint?.en).toBe('The briefing names the link target https://andere.example/x, but residents read voorbeeldstad.example/afval.');
  });

  it('ignores link-only targets, placeholders, and repeats', () => {
    const r = refs({
      urls: [
        { ...bare('klik hier'), href: 'https://x.example/verborgen', linked: true, visible: false },
        bare('{{ status_url }}'),
        bare('voorbeeldstad.example/a', 1),
        bare('www.voorbeeldstad.example/a/', 8),
      ],
      phones: [phone('14 0123', '140123', 2), phone('140123', '140123', 7)],
    });
    const rs = run(mismatch, letter(), r, kcc([briefing({ id: 'a' })]));
    expect(rs.map((x) => x.location?.line)).toEqual([1, 2]);
  });

  it('with several briefings checks the best current one and names it', () => {
    const old = briefing({ id: 'oud', validUntil: '2026-12-31', urls: ['voorbeeldstad.example/kwijtschelding'], phone: ['14 0123'] });
    const cur = briefing({ id: 'nieuw', urls: [], phone: ['14 0123'] });
    const [m] = run(mismatch, letter(), refs({ urls: [bare('voorbeeldstad.example/kwijtschelding')] }), kcc([old, cur]));
    expect(m.message.en).toBe(
      'The letter prints voorbeeldstad.example/kwijtschelding, but the KCC briefing kcc/nieuw.md does not name it: the contact centre does not know residents go to this page. (chosen from 2 briefings for this letter; also: kcc/oud.md)',
    );
  });

  it('says nothing when no briefing covers the letter (kcc-briefing-missing does)', () => {
    expect(run(mismatch, letter(), printed, kcc([]))).toEqual([]);
  });
});
