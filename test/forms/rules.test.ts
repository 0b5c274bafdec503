import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/letters/markdown.js';
import { extractReferences } from '../../src/extract/index.js';
import type { Facts } from '../../src/facts/types.js';
import type { UrlResult } from '../../src/facts/site/types.js';
import type { FormResult } from '../../src/facts/forms/types.js';
import { blockAt, mentionedFormUrl } from '../../src/model/form-results.js';
import type { Rule } from '../../src/rule.js';
import type { Letter, References } from '../../src/types.js';
import formUnavailable from '../../rules/form-unavailable.js';
import formNotFound from '../../rules/form-not-found-on-page.js';
import formLogin from '../../rules/form-login-mismatch.js';
import { urlResult } from '../site/helpers.js';
import { ruleTester } from '../rule-tester.js';

const V = 'https://voorbeeldstad.example';
const rules = [formUnavailable, formNotFound, formLogin] as Rule[];

function markdown(body: string): { letter: Letter; refs: References } {
  const letter = readMarkdown('brieven/test.md', Buffer.from(`---\nid: test\n---\n\n${body}\n`));
  return { letter, refs: extractReferences(letter) };
}

/** A live HTML page (the forms rules read its body). */
function page(url: string, partial: Partial<UrlResult> = {}): UrlResult {
  return urlResult(url, {
    checkedAt: '2027-01-10T00:00:00.000Z',
    contentType: 'text/html; charset=utf-8',
    body: '<html><body><main><p>Tekst</p></main></body></html>',
    ...partial,
  });
}

function factsOf(entries: Array<[string, Partial<UrlResult>, FormResult | undefined]>): Facts {
  return {
    offline: false,
    today: '2027-01-10',
    site: { urls: Object.fromEntries(entries.map(([u, p]) => [u, page(u, p)])), stats: { urls: entries.length, requests: 0, cacheHits: 0 } },
    forms: {
      urls: Object.fromEntries(entries.flatMap(([u, , f]) => (f ? [[u, f]] : []))),
      stats: { pages: entries.length, forms: 0, requests: 0 },
    },
  };
}

const OF = (state: FormResult['state'], extra: Partial<FormResult> = {}): FormResult => ({
  platform: 'open-formulieren',
  source: 'embed',
  state,
  slug: 'hondenbelasting',
  apiUrl: 'https://forms.voorbeeldstad.example/api/v2/forms/hondenbelasting',
  ...extra,
});

/** A Markdown letter as the tests write it: front matter (id), then `body` from line 5. */
const md = (body: string) => `---\nid: test\n---\n\n${body}\n`;

describe('rule metadata', () => {
  it.each([
    [formUnavailable, 'form-unavailable', 'error'],
    [formNotFound, 'form-not-found-on-page', 'warn'],
    [formLogin, 'form-login-mismatch', 'warn'],
  ] as const)('%#: id, severity, needs site and forms', (rule, id, severity) => {
    expect(rule.meta).toMatchObject({ id, defaultSeverity: severity, needs: ['site', 'forms'] });
    expect(rule.meta.description.nl).not.toBe(rule.meta.description.en);
  });
});

describe('rules stay silent without forms facts', () => {
  const facts: Facts = { ...factsOf([[`${V}/x`, {}, OF('maintenance')]]), forms: undefined };
  for (const rule of rules) ruleTester(rule).run({ valid: [{ text: md('Vul het formulier in op voorbeeldstad.example/x.'), facts }] });
});

const H = `${V}/hondenbelasting`;
const hondenbelasting = md('Vul het formulier in op voorbeeldstad.example/hondenbelasting.');

ruleTester(formUnavailable).run({
  valid: [OF('open'), OF('unknown', { reason: 'malformed answer' }), { state: 'none' } as FormResult, { platform: 'html', source: 'form', state: 'open' } as FormResult].map(
    (form, i) => ({ name: `${i}: silent for usable, unknown or absent forms`, text: hondenbelasting, facts: factsOf([[H, {}, form]]) }),
  ),
  invalid: [
    ...(
      [
        [OF('maintenance', { name: 'Hondenbelasting aangeven' }), 'Het formulier “Hondenbelasting aangeven” op voorbeeldstad.example/hondenbelasting is in onderhoud: inwoners zien alleen een onderhoudsmelding.'],
        [OF('inactive', { listChecked: true }), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting staat uit in Open Formulieren: inwoners kunnen het niet invullen.'],
        [OF('missing', { listChecked: true }), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting bestaat niet meer in Open Formulieren.'],
        [OF('missing'), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting is niet beschikbaar: Open Formulieren kent het niet (uitgeschakeld of verwijderd).'],
        [OF('closed', { submissionAllowed: 'no_without_overview' }), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting neemt geen inzendingen aan: inwoners kunnen het invullen, maar niet versturen.'],
        [OF('closed', { submissionAllowed: 'no_with_overview' }), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting neemt geen inzendingen aan: inwoners kunnen het invullen en het overzicht zien, maar niet versturen.'],
        [OF('limit-reached'), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting is vol: het maximale aantal inzendingen is bereikt.'],
        [OF('inactive', { source: 'link', formUrl: 'https://forms.voorbeeldstad.example/hondenbelasting/' }), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting (forms.voorbeeldstad.example/hondenbelasting/) staat uit in Open Formulieren: inwoners kunnen het niet invullen.'],
      ] as const
    ).map(([form, message], i) => ({ name: `${i}: says which`, text: hondenbelasting, facts: factsOf([[H, {}, form]]), errors: [{ line: 5, nl: message, url: H }] })),
    {
      name: 'in English',
      text: hondenbelasting,
      facts: factsOf([[H, {}, OF('maintenance')]]),
      errors: [{ en: 'The form “hondenbelasting” at voorbeeldstad.example/hondenbelasting is in maintenance: residents only see a maintenance notice.' }],
    },
  ],
});

const noForm = factsOf([[`${V}/honden`, {}, { state: 'none' }]]);
const honden = md('Vul het formulier in op voorbeeldstad.example/honden.');
const infoAndForm = factsOf([
  [`${V}/info`, {}, { state: 'none' }],
  [`${V}/aanvraag`, {}, { platform: 'html', source: 'form', state: 'open' }],
]);
const infoWithoutForm = factsOf([[`${V}/info`, {}, { state: 'none' }]]);

ruleTester(formNotFound).run({
  valid: [
    { name: 'silent when the page has a form', text: honden, facts: factsOf([[`${V}/honden`, {}, { platform: 'html', source: 'form', state: 'open' }]]) },
    { name: 'silent when the page links to a form', text: honden, facts: factsOf([[`${V}/honden`, {}, { platform: 'link', source: 'link', state: 'unknown' }]]) },
    { name: 'silent when the page is dead', text: honden, facts: factsOf([[`${V}/honden`, { kind: 'dead', status: 404 }, undefined]]) },
    { name: 'silent when the page is behind a login', text: honden, facts: factsOf([[`${V}/honden`, { kind: 'protected', login: { provider: 'digid' } }, undefined]]) },
    { name: 'website mentions do not count', text: md('Meer informatie vindt u op onze website: voorbeeldstad.example/honden.'), facts: noForm },
    // The form is on /aanvraag (after the mention); /info (before it) has none: fine.
    { name: 'the nearest URL after the mention in the same paragraph', text: md('Lees voorbeeldstad.example/info en vul dan het formulier in op voorbeeldstad.example/aanvraag.'), facts: infoAndForm },
    // A mention without a URL in its paragraph; two own-domain URLs elsewhere: no guess.
    { name: 'not a URL in another paragraph: no guess', text: md('Gebruik het online formulier.\n\nZie voorbeeldstad.example/info.\n\nOf voorbeeldstad.example/aanvraag.'), facts: infoAndForm },
  ],
  invalid: [
    {
      name: 'the letter asks to fill in a form at a page without one',
      text: md('Geef uw hond aan. Vul het formulier in op voorbeeldstad.example/honden.'),
      facts: noForm,
      errors: [
        {
          line: 5,
          nl: 'De brief vraagt een formulier in te vullen (“Vul het formulier in op”), maar op voorbeeldstad.example/honden staat geen formulier en geen link naar een formulier.',
          url: `${V}/honden`,
        },
      ],
    },
    { name: 'online applications count', text: md('U kunt de vergunning online aanvragen via voorbeeldstad.example/honden.'), facts: noForm, errors: 1 },
    {
      name: 'else the letter’s only own-domain URL',
      text: md('Gebruik het online formulier.\n\nMeer weten? Kijk op voorbeeldstad.example/info.'),
      facts: infoWithoutForm,
      errors: [{ line: 7, url: `${V}/info` }],
    },
    { name: 'a URL before the mention in the same paragraph', text: md('Op voorbeeldstad.example/info staat het digitale formulier.'), facts: infoWithoutForm, errors: 1 },
  ],
});

const needsDigid = factsOf([[H, {}, OF('open', { loginRequired: true, loginOptions: ['digid'] })]]);
const digidOrEherkenning = factsOf([[H, {}, OF('open', { loginRequired: true, loginOptions: ['digid_oidc', 'eherkenning_oidc'] })]]);
const noLogin = factsOf([[H, {}, OF('open', { loginRequired: false, loginOptions: [] })]]);
const html = { platform: 'html', source: 'form', state: 'open' } as FormResult;
const meldingDigid = md('Vul het formulier in op voorbeeldstad.example/melding. U logt in met DigiD.');

ruleTester(formLogin).run({
  valid: [
    { name: 'the letter says the form requires DigiD', text: md('Vul het formulier in op voorbeeldstad.example/hondenbelasting. U logt in met DigiD.'), facts: needsDigid },
    { name: 'DigiD or eHerkenning: either mention tells the reader', text: md('Vul het formulier in op voorbeeldstad.example/hondenbelasting. Log in met eHerkenning.'), facts: digidOrEherkenning },
    {
      name: 'optional DigiD log-in is fine',
      text: md('Vul het formulier in op voorbeeldstad.example/hondenbelasting. Met DigiD gaat het sneller.'),
      facts: factsOf([[H, {}, OF('open', { loginRequired: false, loginOptions: ['digid'] })]]),
    },
    { name: 'unknown log-in options say nothing', text: md('Vul het formulier in op voorbeeldstad.example/hondenbelasting met DigiD.'), facts: factsOf([[H, {}, OF('open')]]) },
    {
      name: 'a plain HTML form on a page that mentions DigiD',
      text: meldingDigid,
      facts: factsOf([[`${V}/melding`, { body: '<main><a href="/login">Inloggen met DigiD</a><form><input name="x"></form></main>' }, html]]),
    },
  ],
  invalid: [
    {
      name: 'the form requires DigiD and the letter does not say so',
      text: hondenbelasting,
      facts: needsDigid,
      errors: [{ line: 5, nl: 'Voor het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting moet de lezer inloggen met DigiD, maar dat staat niet in de brief.', url: H }],
    },
    { name: 'DigiD or eHerkenning: the letter says neither', text: hondenbelasting, facts: digidOrEherkenning, errors: [{ nl: /inloggen met DigiD of eHerkenning, maar/ }] },
    {
      name: 'a form page behind a DigiD login wall',
      text: md('Vul het formulier in op voorbeeldstad.example/mijn.'),
      facts: factsOf([[`${V}/mijn`, { kind: 'protected', login: { provider: 'digid', url: 'https://digid.nl/x' } }, undefined]]),
      errors: [{ nl: 'Voor het formulier op voorbeeldstad.example/mijn moet de lezer inloggen met DigiD, maar dat staat niet in de brief.' }],
    },
    {
      name: 'the letter mentions DigiD but the form asks for no log-in',
      text: md('Vul het formulier in op voorbeeldstad.example/hondenbelasting. U logt in met uw DigiD.'),
      facts: noLogin,
      errors: [{ line: 5, nl: 'De brief noemt DigiD, maar het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting vraagt niet om in te loggen.', url: H }],
    },
    {
      // The letter says DigiD: the form requires eHerkenning (not told), and does not offer DigiD.
      name: 'the form offers eHerkenning, not DigiD',
      text: md('Vul het formulier in op voorbeeldstad.example/hondenbelasting met DigiD.'),
      facts: factsOf([[H, {}, OF('open', { loginRequired: true, loginOptions: ['eherkenning'] })]]),
      errors: [
        { nl: 'Voor het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting moet de lezer inloggen met eHerkenning, maar dat staat niet in de brief.' },
        { nl: 'De brief noemt DigiD, maar het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting vraagt om eHerkenning, niet om DigiD.' },
      ],
    },
    { name: 'a plain HTML form on a page that says nothing about DigiD', text: meldingDigid, facts: factsOf([[`${V}/melding`, {}, html]]), errors: 1 },
    {
      name: 'a DigiD mention in another paragraph is about the letter’s only form',
      text: md('Vul het formulier in op voorbeeldstad.example/hondenbelasting.\n\nHeeft u geen DigiD? Bel ons.'),
      facts: factsOf([[H, {}, OF('open', { loginOptions: [] })]]),
      errors: [{ line: 7 }],
    },
  ],
});

describe('helpers', () => {
  it('blockAt finds the block of a location', () => {
    const { letter, refs } = markdown('Eerste alinea.\n\nTweede alinea met voorbeeldstad.example/x\nover twee regels.');
    expect(blockAt(letter, refs.urls[0].location)).toBe(1);
    expect(blockAt(letter, { line: 99, column: 1, part: 'body' })).toBeUndefined();
  });

  it('mentionedFormUrl prefers the same paragraph, then the only own URL (home pages and foreign URLs left out)', () => {
    const { letter, refs } = markdown('Gebruik het online formulier.\n\nZie voorbeeldstad.example en www.rijksoverheid.nl/x en voorbeeldstad.example/aanvraag.');
    expect(mentionedFormUrl(letter, refs, refs.forms[0], ['voorbeeldstad.example'])?.href).toBe(`${V}/aanvraag`);
  });
});
