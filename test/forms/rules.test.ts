import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/letters/markdown.js';
import { extractReferences } from '../../src/extract/index.js';
import { resolveConfig } from '../../src/config/index.js';
import { runRules } from '../../src/engine.js';
import type { Facts } from '../../src/facts/types.js';
import type { UrlResult } from '../../src/facts/site/types.js';
import type { FormResult } from '../../src/facts/forms/types.js';
import { blockAt, mentionedFormUrl } from '../../src/facts/forms/results.js';
import type { Rule } from '../../src/rule.js';
import type { Letter, References } from '../../src/types.js';
import formUnavailable from '../../rules/form-unavailable.js';
import formNotFound from '../../rules/form-not-found-on-page.js';
import formLogin from '../../rules/form-login-mismatch.js';
import { urlResult } from '../site/helpers.js';

const V = 'https://voorbeeldstad.example';
const rules = [formUnavailable, formNotFound, formLogin] as Rule[];
const config = resolveConfig({ domains: ['voorbeeldstad.example'] }, '/tmp', rules);

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

function run(rule: Rule, body: string, facts: Facts, lang: 'nl' | 'en' = 'nl') {
  const { letter, refs } = markdown(body);
  return runRules(letter, refs, facts, config, [rule], lang).map((f) => ({ line: f.location?.line, message: f.message, url: f.url }));
}

describe('rule metadata', () => {
  it.each([
    [formUnavailable, 'form-unavailable', 'error'],
    [formNotFound, 'form-not-found-on-page', 'warn'],
    [formLogin, 'form-login-mismatch', 'warn'],
  ] as const)('%#: id, severity, needs site and forms', (rule, id, severity) => {
    expect(rule.meta).toMatchObject({ id, defaultSeverity: severity, needs: ['site', 'forms'] });
    expect(rule.meta.description.nl).not.toBe(rule.meta.description.en);
  });

  it('rules stay silent without forms facts', () => {
    const facts: Facts = { ...factsOf([[`${V}/x`, {}, OF('maintenance')]]), forms: undefined };
    for (const rule of rules) {
      const { letter, refs } = markdown('Vul het formulier in op voorbeeldstad.example/x.');
      expect(rule.check({ letter, refs, facts, options: {}, config })).toEqual([]);
    }
  });
});

describe('form-unavailable', () => {
  const letterText = 'Vul het formulier in op voorbeeldstad.example/hondenbelasting.';
  const H = `${V}/hondenbelasting`;

  it.each([
    [OF('maintenance', { name: 'Hondenbelasting aangeven' }), 'Het formulier “Hondenbelasting aangeven” op voorbeeldstad.example/hondenbelasting is in onderhoud: inwoners zien alleen een onderhoudsmelding.'],
    [OF('inactive', { listChecked: true }), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting staat uit in Open Formulieren: inwoners kunnen het niet invullen.'],
    [OF('missing', { listChecked: true }), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting bestaat niet meer in Open Formulieren.'],
    [OF('missing'), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting is niet beschikbaar: Open Formulieren kent het niet (uitgeschakeld of verwijderd).'],
    [OF('closed', { submissionAllowed: 'no_without_overview' }), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting neemt geen inzendingen aan: inwoners kunnen het invullen, maar niet versturen.'],
    [OF('closed', { submissionAllowed: 'no_with_overview' }), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting neemt geen inzendingen aan: inwoners kunnen het invullen en het overzicht zien, maar niet versturen.'],
    [OF('limit-reached'), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting is vol: het maximale aantal inzendingen is bereikt.'],
    [OF('inactive', { source: 'link', formUrl: 'https://forms.voorbeeldstad.example/hondenbelasting/' }), 'Het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting (forms.voorbeeldstad.example/hondenbelasting/) staat uit in Open Formulieren: inwoners kunnen het niet invullen.'],
  ])('%#: says which', (form, message) => {
    expect(run(formUnavailable, letterText, factsOf([[H, {}, form]]))).toEqual([{ line: 5, message, url: H }]);
  });

  it('in English', () => {
    expect(run(formUnavailable, letterText, factsOf([[H, {}, OF('maintenance')]]), 'en')[0].message).toBe(
      'The form “hondenbelasting” at voorbeeldstad.example/hondenbelasting is in maintenance: residents only see a maintenance notice.',
    );
  });

  it.each([OF('open'), OF('unknown', { reason: 'malformed answer' }), { state: 'none' } as FormResult, { platform: 'html', source: 'form', state: 'open' } as FormResult])(
    '%#: silent for usable, unknown or absent forms',
    (form) => {
      expect(run(formUnavailable, letterText, factsOf([[H, {}, form]]))).toEqual([]);
    },
  );
});

describe('form-not-found-on-page', () => {
  it('the letter asks to fill in a form at a page without one', () => {
    const out = run(formNotFound, 'Geef uw hond aan. Vul het formulier in op voorbeeldstad.example/honden.', factsOf([[`${V}/honden`, {}, { state: 'none' }]]));
    expect(out).toEqual([
      {
        line: 5,
        message: 'De brief vraagt een formulier in te vullen (“Vul het formulier in op”), maar op voorbeeldstad.example/honden staat geen formulier en geen link naar een formulier.',
        url: `${V}/honden`,
      },
    ]);
  });

  it('silent when the page has a form or a link to one, or could not be seen', () => {
    const text = 'Vul het formulier in op voorbeeldstad.example/honden.';
    expect(run(formNotFound, text, factsOf([[`${V}/honden`, {}, { platform: 'html', source: 'form', state: 'open' }]]))).toEqual([]);
    expect(run(formNotFound, text, factsOf([[`${V}/honden`, {}, { platform: 'link', source: 'link', state: 'unknown' }]]))).toEqual([]);
    expect(run(formNotFound, text, factsOf([[`${V}/honden`, { kind: 'dead', status: 404 }, undefined]]))).toEqual([]);
    expect(run(formNotFound, text, factsOf([[`${V}/honden`, { kind: 'protected', login: { provider: 'digid' } }, undefined]]))).toEqual([]);
  });

  it('online applications count; website mentions do not', () => {
    const facts = factsOf([[`${V}/honden`, {}, { state: 'none' }]]);
    expect(run(formNotFound, 'U kunt de vergunning online aanvragen via voorbeeldstad.example/honden.', facts)).toHaveLength(1);
    expect(run(formNotFound, 'Meer informatie vindt u op onze website: voorbeeldstad.example/honden.', facts)).toEqual([]);
  });

  it('the nearest URL after the mention in the same paragraph, not one in another paragraph', () => {
    const facts = factsOf([
      [`${V}/info`, {}, { state: 'none' }],
      [`${V}/aanvraag`, {}, { platform: 'html', source: 'form', state: 'open' }],
    ]);
    // The form is on /aanvraag (after the mention); /info (before it) has none: fine.
    expect(run(formNotFound, 'Lees voorbeeldstad.example/info en vul dan het formulier in op voorbeeldstad.example/aanvraag.', facts)).toEqual([]);
    // A mention without a URL in its paragraph; two own-domain URLs elsewhere: no guess.
    expect(run(formNotFound, 'Gebruik het online formulier.\n\nZie voorbeeldstad.example/info.\n\nOf voorbeeldstad.example/aanvraag.', facts)).toEqual([]);
  });

  it('else the letter’s only own-domain URL', () => {
    const facts = factsOf([[`${V}/info`, {}, { state: 'none' }]]);
    const out = run(formNotFound, 'Gebruik het online formulier.\n\nMeer weten? Kijk op voorbeeldstad.example/info.', facts);
    expect(out.map((f) => [f.line, f.url])).toEqual([[7, `${V}/info`]]);
  });

  it('a URL before the mention in the same paragraph', () => {
    const facts = factsOf([[`${V}/info`, {}, { state: 'none' }]]);
    expect(run(formNotFound, 'Op voorbeeldstad.example/info staat het digitale formulier.', facts)).toHaveLength(1);
  });
});

describe('form-login-mismatch', () => {
  const H = `${V}/hondenbelasting`;

  it('the form requires DigiD and the letter does not say so', () => {
    const facts = factsOf([[H, {}, OF('open', { loginRequired: true, loginOptions: ['digid'] })]]);
    expect(run(formLogin, 'Vul het formulier in op voorbeeldstad.example/hondenbelasting.', facts)).toEqual([
      {
        line: 5,
        message: 'Voor het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting moet de lezer inloggen met DigiD, maar dat staat niet in de brief.',
        url: H,
      },
    ]);
    expect(run(formLogin, 'Vul het formulier in op voorbeeldstad.example/hondenbelasting. U logt in met DigiD.', facts)).toEqual([]);
  });

  it('DigiD or eHerkenning: either mention tells the reader', () => {
    const facts = factsOf([[H, {}, OF('open', { loginRequired: true, loginOptions: ['digid_oidc', 'eherkenning_oidc'] })]]);
    expect(run(formLogin, 'Vul het formulier in op voorbeeldstad.example/hondenbelasting.', facts)[0].message).toMatch(/inloggen met DigiD of eHerkenning, maar/);
    expect(run(formLogin, 'Vul het formulier in op voorbeeldstad.example/hondenbelasting. Log in met eHerkenning.', facts)).toEqual([]);
  });

  it('a form page behind a DigiD login wall', () => {
    const facts = factsOf([[`${V}/mijn`, { kind: 'protected', login: { provider: 'digid', url: 'https://digid.nl/x' } }, undefined]]);
    expect(run(formLogin, 'Vul het formulier in op voorbeeldstad.example/mijn.', facts)[0].message).toBe(
      'Voor het formulier op voorbeeldstad.example/mijn moet de lezer inloggen met DigiD, maar dat staat niet in de brief.',
    );
  });

  it('the letter mentions DigiD but the form asks for no log-in', () => {
    const facts = factsOf([[H, {}, OF('open', { loginRequired: false, loginOptions: [] })]]);
    const out = run(formLogin, 'Vul het formulier in op voorbeeldstad.example/hondenbelasting. U logt in met uw DigiD.', facts);
    expect(out).toEqual([{ line: 5, message: 'De brief noemt DigiD, maar het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting vraagt niet om in te loggen.', url: H }]);
  });

  it('the form offers eHerkenning, not DigiD', () => {
    const facts = factsOf([[H, {}, OF('open', { loginRequired: true, loginOptions: ['eherkenning'] })]]);
    const out = run(formLogin, 'Vul het formulier in op voorbeeldstad.example/hondenbelasting met DigiD.', facts);
    // The letter says DigiD: the form requires eHerkenning (not told), and does not offer DigiD.
    expect(out.map((f) => f.message)).toEqual([
      'Voor het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting moet de lezer inloggen met eHerkenning, maar dat staat niet in de brief.',
      'De brief noemt DigiD, maar het formulier “hondenbelasting” op voorbeeldstad.example/hondenbelasting vraagt om eHerkenning, niet om DigiD.',
    ]);
  });

  it('optional DigiD log-in is fine; unknown log-in options say nothing', () => {
    expect(run(formLogin, 'Vul het formulier in op voorbeeldstad.example/hondenbelasting. Met DigiD gaat het sneller.', factsOf([[H, {}, OF('open', { loginRequired: false, loginOptions: ['digid'] })]]))).toEqual([]);
    expect(run(formLogin, 'Vul het formulier in op voorbeeldstad.example/hondenbelasting met DigiD.', factsOf([[H, {}, OF('open')]]))).toEqual([]);
  });

  it('a plain HTML form on a page that says nothing about DigiD', () => {
    const html = { platform: 'html', source: 'form', state: 'open' } as FormResult;
    const text = 'Vul het formulier in op voorbeeldstad.example/melding. U logt in met DigiD.';
    expect(run(formLogin, text, factsOf([[`${V}/melding`, {}, html]]))).toHaveLength(1);
    expect(run(formLogin, text, factsOf([[`${V}/melding`, { body: '<main><a href="/login">Inloggen met DigiD</a><form><input name="x"></form></main>' }, html]]))).toEqual([]);
  });

  it('a DigiD mention in another paragraph is about the letter’s only form', () => {
    const facts = factsOf([[H, {}, OF('open', { loginOptions: [] })]]);
    expect(run(formLogin, 'Vul het formulier in op voorbeeldstad.example/hondenbelasting.\n\nHeeft u geen DigiD? Bel ons.', facts).map((f) => f.line)).toEqual([7]);
  });
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
