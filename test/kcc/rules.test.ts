import { describe, expect, it } from 'vitest';
import missing from '../../rules/kcc-briefing-missing.js';
import outdated from '../../rules/kcc-briefing-outdated.js';
import mismatch from '../../rules/kcc-briefing-mismatch.js';
import type { Rule } from '../../src/rule.js';
import type { Briefing, KccFacts } from '../../src/facts/kcc/types.js';
import type { Facts } from '../../src/facts/types.js';
import type { FormMention, Letter, LetterMeta, PhoneRef, References, UrlRef } from '../../src/types.js';
import { contains, ruleTester } from '../rule-tester.js';

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

/** The facts of a run with this knowledge base (none: the KCC check did not run). */
const kb = (k: KccFacts | undefined, today = '2027-01-10'): Partial<Facts> => ({ offline: false, today, ...(k ? { kcc: k } : {}) });
/** The KCC rules read no config: an empty one. */
const tester = <O>(rule: Rule<O>) => ruleTester(rule, { config: {} });

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
});

describe('stays silent without kcc facts (the engine reports the rule as skipped)', () => {
  for (const rule of [missing, outdated, mismatch] as Rule[]) tester(rule).run({ valid: [{ letter: letter(), refs: refs(), facts: kb(undefined) }] });
});

const parkeren = briefing({ id: 'parkeren-algemeen', covers: { ids: ['parkeren-2026'], kenmerken: [], paths: [] }, urls: ['www.voorbeeldstad.example/parkeren'] });
const vac = briefing({ id: 'u1', source: 'objects-api', title: 'Parkeren', covers: { ids: ['x'], kenmerken: [], paths: [] }, urls: ['https://voorbeeldstad.example/parkeren'] });

tester(missing).run({
  valid: [
    { name: 'a letter covered by id', letter: letter(), refs: refs(), facts: kb(kcc([briefing({ id: 'a' })])) },
    { name: 'a letter covered by kenmerk (any case)', letter: letter(), refs: refs(), facts: kb(kcc([briefing({ id: 'b', covers: { ids: [], kenmerken: ['bel/2027/0142'], paths: [] } })])) },
    {
      name: 'a letter covered by path glob',
      letter: letter({ id: 'x', kenmerk: undefined }),
      refs: refs(),
      facts: kb(kcc([briefing({ id: 'c', covers: { ids: [], kenmerken: [], paths: ['brieven/kwijt*.md'] } })])),
    },
  ],
  invalid: [
    {
      name: 'reports a letter no briefing covers, naming id and kenmerk, in Dutch first',
      letter: letter(),
      refs: refs(),
      facts: kb(kcc([briefing({ id: 'other', covers: { ids: ['afvalpas-2027'], kenmerken: [], paths: [] } })])),
      errors: [
        {
          nl: 'Er is geen KCC-briefing voor deze brief (id “kwijtschelding-2027”, kenmerk “BEL/2027/0142”) in kcc/: het klantcontactcentrum weet niet wat inwoners in deze brief lezen.',
          en: contains('No KCC briefing covers this letter'),
          hint: { en: 'Write one with: brieflint briefing brieven/kwijtschelding.md' },
        },
      ],
    },
    {
      name: 'does not count a briefing that merely mentions the letter URL, but says so in the hint',
      letter: letter({ id: 'parkeervergunning-2027', kenmerk: undefined }),
      refs: refs({ urls: [bare('voorbeeldstad.example/parkeren', 4)] }),
      facts: kb(kcc([parkeren])),
      errors: [
        {
          en: contains('(id “parkeervergunning-2027”)'),
          hint: {
            en: 'Briefing kcc/parkeren-algemeen.md mentions voorbeeldstad.example/parkeren but not this letter. Does it belong to this letter? Put “parkeervergunning-2027” in that briefing\'s letters:.',
            nl: contains('noemt voorbeeldstad.example/parkeren maar niet deze brief'),
          },
        },
      ],
    },
    {
      name: 'gives advice that fits the source: a VAC trefwoord',
      letter: letter(),
      refs: refs(),
      facts: kb(kcc([], { source: 'objects-api', location: 'https://objecten.example/api/v2/objects' })),
      errors: [{ hint: { nl: 'Voeg “kwijtschelding-2027” toe als trefwoord van de VAC.' } }],
    },
    {
      name: 'gives advice that fits the source: a VAC that mentions the URL',
      letter: letter(),
      refs: refs({ urls: [bare('voorbeeldstad.example/parkeren')] }),
      facts: kb(kcc([vac], { source: 'objects-api', location: 'https://o.example' })),
      errors: [{ hint: { en: contains('Briefing VAC “Parkeren” mentions voorbeeldstad.example/parkeren but not this letter') } }],
    },
  ],
});

const afval = letter({ id: 'afvalpas-2027', kenmerk: 'AFV/2027/0007', mailingDate: '2027-01-15' });
const afvalShort = kcc([briefing({ id: 'afvalpas', covers: { ids: ['afvalpas-2027'], kenmerken: [], paths: [] }, validFrom: '2027-01-10', validUntil: '2027-01-31' })]);
const old = briefing({ id: 'kwijtschelding-2026', validFrom: '2026-01-01', validUntil: '2026-12-31' });

tester(outdated).run({
  valid: [
    { name: 'a briefing valid on the mailing date and 42 days after', letter: letter(), refs: refs(), facts: kb(kcc([briefing({ id: 'a', validUntil: '2027-03-15' })])) },
    { name: 'a briefing without end date', letter: letter(), refs: refs(), facts: kb(kcc([briefing({ id: 'a', validUntil: undefined })])) },
    { name: 'the option changes N', letter: afval, refs: refs(), facts: kb(afvalShort), options: { minDaysAfterMailing: 14 } },
    {
      name: 'with several briefings picks the best current one',
      letter: letter(),
      refs: refs(),
      facts: kb(kcc([old, briefing({ id: 'kwijtschelding-2027', validFrom: '2027-01-25', validUntil: '2027-04-30' })])),
    },
  ],
  invalid: [
    {
      name: 'reports a briefing that expired before the mailing date',
      letter: letter(),
      refs: refs(),
      facts: kb(kcc([briefing({ id: 'oud', validFrom: '2026-01-01', validUntil: '2027-01-31' })])),
      errors: [
        {
          nl: 'De KCC-briefing kcc/oud.md is verlopen op 31 januari 2027, vóór de verzenddatum 1 februari 2027.',
          en: 'The KCC briefing kcc/oud.md expired on 31 January 2027, before the mailing date 1 February 2027.',
          hint: { en: 'Update the briefing and set validUntil to 2027-03-15 or later.' },
        },
      ],
    },
    {
      name: 'reports a briefing that ends less than N days after mailing',
      letter: afval,
      refs: refs(),
      facts: kb(afvalShort),
      errors: [
        {
          en: 'The KCC briefing kcc/afvalpas.md ends on 31 January 2027, 16 days after the mailing date 15 January 2027; residents call for weeks after a mailing, so it must stay valid for at least 42 days (until 26 February 2027).',
          nl: contains('loopt af op 31 januari 2027, 16 dagen na de verzenddatum 15 januari 2027'),
          hint: { nl: 'Zet validUntil op 2027-02-26 of later.' },
        },
      ],
    },
    {
      name: 'reports a briefing that only starts after the mailing date',
      letter: letter(),
      refs: refs(),
      facts: kb(kcc([briefing({ id: 'laat', validFrom: '2027-02-10' })])),
      errors: [{ en: contains('only applies from 10 February 2027, but the contact centre must know about the letter on the mailing date 1 February 2027') }],
    },
    {
      name: 'checks a letter without mailing date against today, and says so',
      letter: letter({ mailingDate: undefined }),
      refs: refs(),
      facts: kb(kcc([briefing({ id: 'a', validFrom: '2026-12-01', validUntil: '2027-01-31' })]), '2027-01-10'),
      errors: [
        {
          en: 'The KCC briefing kcc/a.md ends on 31 January 2027, 21 days after today (10 January 2027); residents call for weeks after a mailing, so it must stay valid for at least 42 days (until 21 February 2027). The letter has no mailing date, so it was checked against today.',
          nl: contains('De brief heeft geen verzenddatum, dus is gekeken naar vandaag.'),
        },
      ],
    },
    {
      name: 'with several briefings picks the best current one and names it',
      letter: letter(),
      refs: refs(),
      facts: kb(kcc([old, briefing({ id: 'kort', validFrom: '2027-01-25', validUntil: '2027-02-20' })])),
      errors: [
        {
          en: contains('The KCC briefing kcc/kort.md ends on 20 February 2027', '(chosen from 2 briefings for this letter; also: kcc/kwijtschelding-2026.md)'),
          nl: contains('(gekozen uit 2 briefings voor deze brief; ook: kcc/kwijtschelding-2026.md)'),
        },
      ],
    },
    {
      name: 'says "end date" instead of validUntil for an HTTP source',
      letter: letter(),
      refs: refs(),
      facts: kb(kcc([briefing({ id: 'u', source: 'objects-api', title: 'Kwijtschelding', validUntil: '2027-01-01' })], { source: 'objects-api' })),
      errors: [{ en: contains('The KCC briefing VAC “Kwijtschelding” expired on 1 January 2027'), hint: { en: 'Update the briefing and set the end date to 2027-03-15 or later.' } }],
    },
  ],
});

const printed = refs({
  urls: [bare('voorbeeldstad.example/kwijtschelding', 5, 30)],
  phones: [phone('14 0123', '140123', 9)],
  forms: [form('vraag het aan op', 5, 10, 'online-application')],
});
const belastingen = briefing({ id: 'a', urls: ['voorbeeldstad.example/belastingen'] });
const paperForms = refs({ forms: [form('het formulier bij deze brief', 17, 31, 'paper-form'), form('retourenvelop', 18, 1, 'paper-form')] });

tester(mismatch).run({
  valid: [
    {
      name: 'passes when the briefing names every URL, form and phone number (scheme, www., slash, host case ignored)',
      letter: letter(),
      refs: printed,
      facts: kb(
        kcc([
          briefing({
            id: 'a',
            urls: ['HTTPS://WWW.Voorbeeldstad.Example/kwijtschelding/'],
            forms: [{ name: 'Aanvraag', url: 'voorbeeldstad.example/kwijtschelding' }],
            phone: ['140123'],
          }),
        ]),
      ),
    },
    {
      name: 'accepts URLs and phone numbers named only in the briefing text',
      letter: letter(),
      refs: printed,
      facts: kb(kcc([briefing({ id: 'a', body: 'Verwijs naar www.voorbeeldstad.example/kwijtschelding of bel 14 0123.' })])),
    },
    { name: 'a paper form passes when the briefing names some form', letter: letter(), refs: paperForms, facts: kb(kcc([briefing({ id: 'a', forms: [{ name: 'Verlengingsformulier' }] })])) },
    { name: 'says nothing when no briefing covers the letter (kcc-briefing-missing does)', letter: letter(), refs: printed, facts: kb(kcc([])) },
  ],
  invalid: [
    {
      name: 'reports a form and a phone number the briefing does not name, where the letter prints them',
      letter: letter(),
      refs: printed,
      facts: kb(kcc([belastingen])),
      errors: [
        {
          en: 'The letter sends readers to the form at voorbeeldstad.example/kwijtschelding (“vraag het aan op”), but the KCC briefing kcc/a.md does not name that form.',
          location: at(5, 30),
          url: 'https://voorbeeldstad.example/kwijtschelding',
        },
        {
          en: 'The letter prints phone number 14 0123, but the KCC briefing kcc/a.md does not: callers on that number reach a contact centre that knows nothing.',
          location: at(9),
          hint: { nl: 'Zet 14 0123 in phone: van de briefing.' },
        },
      ],
    },
    {
      name: 'reports a URL the briefing does not name',
      letter: letter(),
      refs: refs({ urls: printed.urls }),
      facts: kb(kcc([belastingen])),
      errors: [
        {
          nl: 'De brief noemt voorbeeldstad.example/kwijtschelding, maar de KCC-briefing kcc/a.md niet: het KCC weet niet dat inwoners naar deze pagina gaan.',
          hint: { en: 'The briefing names voorbeeldstad.example/belastingen instead.' },
        },
      ],
    },
    {
      name: 'reports a briefing that names a different URL for the same form',
      letter: letter({ id: 'subsidie-zonnepanelen-2027', kenmerk: 'DUU/2027/0033', mailingDate: '2027-03-01' }),
      refs: refs({
        urls: [{ ...bare('voorbeeldstad.example/zonnepanelen', 12, 2), href: 'https://www.voorbeeldstad.example/subsidie-zon', linked: true, linkText: 'voorbeeldstad.example/zonnepanelen' }],
        forms: [form('Vul het formulier in op', 11, 60)],
      }),
      facts: kb(
        kcc([
          briefing({
            id: 'subsidie-zonnepanelen-2027',
            covers: { ids: ['subsidie-zonnepanelen-2027'], kenmerken: [], paths: [] },
            validUntil: '2027-06-30',
            urls: ['voorbeeldstad.example/subsidie-zon'],
            forms: [{ name: 'Aanvraag subsidie zonnepanelen', url: 'voorbeeldstad.example/subsidie-zon' }],
          }),
        ]),
      ),
      errors: [
        {
          nl: 'Voor het formulier (“Vul het formulier in op”) noemt de brief voorbeeldstad.example/zonnepanelen, maar de KCC-briefing kcc/subsidie-zonnepanelen-2027.md noemt voorbeeldstad.example/subsidie-zon (“Aanvraag subsidie zonnepanelen”): het KCC stuurt bellers dan naar een ander adres.',
          location: at(12, 2),
          hint: { en: contains("The letter's link does go to voorbeeldstad.example/subsidie-zon, but the paper shows voorbeeldstad.example/zonnepanelen") },
        },
      ],
    },
    {
      name: 'reports a paper form when the briefing names no form at all, once',
      letter: letter(),
      refs: paperForms,
      facts: kb(kcc([briefing({ id: 'a' })])),
      errors: [{ en: 'The letter mentions a form (“het formulier bij deze brief”), but the KCC briefing kcc/a.md names no form at all.' }],
    },
    {
      name: 'hints at the link target when the briefing names it but residents read another address',
      letter: letter(),
      refs: refs({ urls: [{ ...bare('voorbeeldstad.example/afval', 3), href: 'https://andere.example/x', linked: true }] }),
      facts: kb(kcc([briefing({ id: 'a', urls: ['andere.example/x'] })])),
      errors: [{ hint: { en: 'The briefing names the link target https://andere.example/x, but residents read voorbeeldstad.example/afval.' } }],
    },
    {
      name: 'ignores link-only targets, placeholders, and repeats',
      letter: letter(),
      refs: refs({
        urls: [
          { ...bare('klik hier'), href: 'https://x.example/verborgen', linked: true, visible: false },
          bare('{{ status_url }}'),
          bare('voorbeeldstad.example/a', 1),
          bare('www.voorbeeldstad.example/a/', 8),
        ],
        phones: [phone('14 0123', '140123', 2), phone('140123', '140123', 7)],
      }),
      facts: kb(kcc([briefing({ id: 'a' })])),
      errors: [{ line: 1 }, { line: 2 }],
    },
    {
      name: 'with several briefings checks the best current one and names it',
      letter: letter(),
      refs: refs({ urls: [bare('voorbeeldstad.example/kwijtschelding')] }),
      facts: kb(
        kcc([
          briefing({ id: 'oud', validUntil: '2026-12-31', urls: ['voorbeeldstad.example/kwijtschelding'], phone: ['14 0123'] }),
          briefing({ id: 'nieuw', urls: [], phone: ['14 0123'] }),
        ]),
      ),
      errors: [
        {
          en: 'The letter prints voorbeeldstad.example/kwijtschelding, but the KCC briefing kcc/nieuw.md does not name it: the contact centre does not know residents go to this page. (chosen from 2 briefings for this letter; also: kcc/oud.md)',
        },
      ],
    },
  ],
});
