import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facts } from '../../src/facts/types.js';
import type { UrlResult, VariantResult } from '../../src/facts/site/types.js';
import { checkSite } from '../../src/facts/site/index.js';
import type { Rule } from '../../src/rule.js';
import type { References, UrlRef } from '../../src/types.js';
import deadUrl from '../../rules/dead-url.js';
import unreachableUrl from '../../rules/unreachable-url.js';
import typedUrlVariant from '../../rules/typed-url-variant.js';
import offsiteRedirect from '../../rules/offsite-redirect.js';
import unverifiableUrl from '../../rules/unverifiable-url.js';
import { startSiteServer, testCerts, type SiteServer } from '../../fixtures/site/server.mjs';
import { demoDomains, demoHosts, demoRoutes } from '../../fixtures/site/demo-routes.mjs';
import { noDns, urlResult } from './helpers.js';
import { contains, excludes, ruleTester } from '../rule-tester.js';

const V = 'https://voorbeeldstad.example';

function ref(href: string, line = 3, extra: Partial<UrlRef> = {}): UrlRef {
  return { printed: href.replace(/^https:\/\//, ''), href, location: { line, column: 5, part: 'body' }, linked: false, visible: true, ...extra };
}

function refsOf(urls: UrlRef[]): References {
  return { urls, forms: [], phones: [], emails: [], logins: [], placeholders: [] };
}

const result = urlResult;

function variant(v: VariantResult['variant'], url: string, partial: Partial<VariantResult> = {}): VariantResult {
  return { variant: v, url, fetchedUrl: url, kind: 'ok', finalUrl: url, status: 200, chain: [{ url, status: 200 }], ...partial };
}

function factsOf(results: UrlResult[]): Facts {
  return {
    offline: false,
    today: '2026-01-01',
    site: { urls: Object.fromEntries(results.map((r) => [r.url, r])), stats: { urls: results.length, requests: 0, cacheHits: 0 } },
  };
}


describe('rule metadata', () => {
  it.each([
    [deadUrl, 'dead-url', 'error'],
    [unreachableUrl, 'unreachable-url', 'error'],
    [typedUrlVariant, 'typed-url-variant', 'error'],
    [offsiteRedirect, 'offsite-redirect', 'warn'],
    [unverifiableUrl, 'unverifiable-url', 'warn'],
  ] as const)('%#: id, severity, needs site', (rule, id, severity) => {
    expect(rule.meta).toMatchObject({ id, defaultSeverity: severity, needs: ['site'] });
    expect(rule.meta.description.nl).toBeTruthy();
    expect(rule.meta.description.en).toBeTruthy();
  });
});

describe('all stay silent without site facts (--offline)', () => {
  for (const rule of [deadUrl, unreachableUrl, typedUrlVariant, offsiteRedirect, unverifiableUrl] as Rule[]) {
    ruleTester(rule).run({ valid: [{ name: 'no site facts', refs: refsOf([ref(`${V}/weg`)]), facts: { offline: true, today: '2026-01-01' } }] });
  }
});

const deadFacts = factsOf([
  result(`${V}/weg`, { kind: 'dead', reason: 'not-found', status: 404 }),
  result(`${V}/verwijderd`, { kind: 'dead', reason: 'gone', status: 410 }),
  result(`${V}/afval`),
]);
const serverErrorFacts = factsOf([
  result(`${V}/storing`, { kind: 'dead', reason: 'server-error', status: 503 }),
  result(`${V}/verhuisd`, { kind: 'soft-404', reason: 'not-found-title', title: 'Pagina niet gevonden' }),
  result(`${V}/subsidie`, { kind: 'soft-404', reason: 'redirect-home', finalUrl: `${V}/` }),
]);
const serverErrorRefs = refsOf([ref(`${V}/storing`), ref(`${V}/verhuisd`), ref(`${V}/subsidie`)]);
const onlyWww = factsOf([
  result(`${V}/parkeren`, {
    kind: 'dead',
    reason: 'not-found',
    status: 404,
    variants: [variant('www', 'https://www.voorbeeldstad.example/parkeren'), variant('http', 'http://voorbeeldstad.example/parkeren', { kind: 'dead', status: 404 })],
  }),
]);
const weg = factsOf([result(`${V}/weg`, { kind: 'dead', reason: 'not-found', status: 404 })]);

ruleTester(deadUrl).run({
  valid: [
    { name: 'leaves a URL that works in another typed variant to typed-url-variant', refs: refsOf([ref(`${V}/parkeren`)]), facts: onlyWww },
    { name: 'skips references that are neither visible nor linked', refs: refsOf([ref(`${V}/weg`, 3, { visible: false, linked: false })]), facts: weg },
    { name: 'skips non-http hrefs', refs: refsOf([ref('mailto:info@voorbeeldstad.example')]), facts: weg },
  ],
  invalid: [
    {
      name: 'reports 404 and 410 at the reference, naming the status',
      refs: refsOf([ref(`${V}/weg`, 3), ref(`${V}/verwijderd`, 7), ref(`${V}/afval`, 9)]),
      facts: deadFacts,
      errors: [
        {
          url: `${V}/weg`,
          line: 3,
          column: 5,
          nl: 'voorbeeldstad.example/weg werkt niet: de pagina bestaat niet (404).',
          en: 'voorbeeldstad.example/weg does not work: the page does not exist (404).',
        },
        { nl: contains('verwijderd (410)') },
      ],
    },
    {
      name: 'reports a lasting server error and soft 404s',
      refs: serverErrorRefs,
      facts: serverErrorFacts,
      errors: [
        { nl: 'voorbeeldstad.example/storing werkt niet: de site geeft steeds een serverfout (503).' },
        { nl: 'voorbeeldstad.example/verhuisd werkt niet: de site toont een pagina ‘Pagina niet gevonden’ (een verborgen 404: de pagina bestaat niet).' },
        { nl: 'voorbeeldstad.example/subsidie werkt niet: de site stuurt door naar de homepage, de pagina zelf bestaat niet meer.' },
      ],
    },
    { name: 'with softNotFound off, only the server error', refs: serverErrorRefs, facts: serverErrorFacts, options: { softNotFound: false }, errors: 1 },
    { name: 'a hyperlink whose text is no address is still checked', refs: refsOf([ref(`${V}/weg`, 3, { visible: false, linked: true, printed: 'Lees meer' })]), facts: weg, errors: 1 },
  ],
});

const unreachable = (error: NonNullable<UrlResult['error']>) =>
  factsOf([result('https://nergens.example/pagina', { kind: 'unreachable', error, status: undefined, chain: [], ownDomain: false })]);
const printed = `${V}/afval`;
const failing = result(printed, {
  variants: [
    variant('www', 'https://www.voorbeeldstad.example/afval', { kind: 'unreachable', error: 'dns', status: undefined, chain: [], problem: 'not-live' }),
    variant('http', 'http://voorbeeldstad.example/afval', { problem: 'no-https' }),
  ],
});
const httpOnly = factsOf([
  result(printed, {
    kind: 'unreachable',
    error: 'refused',
    variants: [variant('http', 'http://voorbeeldstad.example/afval')],
  }),
]);

ruleTester(unreachableUrl).run({
  valid: [
    { name: 'is silent for other kinds', refs: refsOf([ref(`${V}/weg`)]), facts: factsOf([result(`${V}/weg`, { kind: 'dead', status: 404 })]) },
    { name: 'leaves an http-only site to typed-url-variant', refs: refsOf([ref(printed)]), facts: httpOnly },
  ],
  invalid: (
    [
      ['dns', 'de domeinnaam nergens.example bestaat niet of is onbekend (DNS)'],
      ['refused', 'de server van nergens.example weigert de verbinding'],
      ['tls', 'het beveiligingscertificaat van nergens.example klopt niet (TLS)'],
      ['timeout', 'nergens.example antwoordt niet op tijd (time-out), ook niet na nieuwe pogingen'],
      ['reset', 'nergens.example verbreekt steeds de verbinding'],
      ['private-address', 'nergens.example wijst naar een intern netwerkadres, dat inwoners niet kunnen bereiken'],
      ['redirect-loop', 'de site stuurt eindeloos in een kringetje door'],
    ] as const
  ).map(([error, cause]) => ({
    name: `names the cause: ${error}`,
    refs: refsOf([ref('https://nergens.example/pagina')]),
    facts: unreachable(error),
    errors: [{ nl: `nergens.example/pagina is niet bereikbaar: ${cause}.`, en: /^nergens\.example\/pagina cannot be reached: .+\.$/ }],
  })),
});

ruleTester(typedUrlVariant).run({
  valid: [
    { name: 'checks only the variants named in the options', refs: refsOf([ref(printed)]), facts: factsOf([failing]), options: { variants: ['https'] } },
    {
      name: 'is silent when all variants work',
      refs: refsOf([ref(printed)]),
      facts: factsOf([result(printed, { variants: [variant('www', 'https://www.voorbeeldstad.example/afval'), variant('http', 'http://voorbeeldstad.example/afval')] })]),
    },
  ],
  invalid: [
    {
      name: 'names each variant that fails, in one report',
      refs: refsOf([ref(printed)]),
      facts: factsOf([failing]),
      errors: [
        {
          url: printed,
          line: 3,
          nl:
            'voorbeeldstad.example/afval werkt niet zoals een inwoner het kan typen: met www. werkt het niet, want de domeinnaam www.voorbeeldstad.example bestaat niet of is onbekend (DNS); ' +
            'http://voorbeeldstad.example/afval stuurt niet door naar https:// (de verbinding blijft onbeveiligd).',
        },
      ],
    },
    { name: 'checks only the variants named in the options: http', refs: refsOf([ref(printed)]), facts: factsOf([failing]), options: { variants: ['http'] }, errors: [{ nl: excludes('www.') }] },
    {
      name: 'reports a page on another address',
      refs: refsOf([ref(printed)]),
      facts: factsOf([result(printed, { variants: [variant('www', 'https://www.voorbeeldstad.example/afval', { finalUrl: `${V}/`, problem: 'other-page' })] })]),
      errors: [{ nl: contains('met www. komt de lezer op een andere pagina (voorbeeldstad.example)') }],
    },
    {
      name: 'reports an http-only site',
      refs: refsOf([ref(printed)]),
      facts: httpOnly,
      errors: [
        {
          nl: 'voorbeeldstad.example/afval werkt alleen via onbeveiligd http:// (http://voorbeeldstad.example/afval), niet via https://: de server van voorbeeldstad.example weigert de verbinding.',
        },
      ],
    },
    {
      name: 'reports a URL that only works in another typed variant (dead-url leaves it here)',
      refs: refsOf([ref(`${V}/parkeren`)]),
      facts: onlyWww,
      errors: [{ nl: 'voorbeeldstad.example/parkeren werkt alleen met www. (www.voorbeeldstad.example/parkeren); zoals afgedrukt: de pagina bestaat niet (404).' }],
    },
  ],
});

const energietoeslag = `${V}/energietoeslag`;
const offsiteFacts = factsOf([result(energietoeslag, { offsite: true, finalUrl: 'https://www.regelhulp.example/energietoeslag' })]);

ruleTester(offsiteRedirect).run({
  valid: [{ name: 'allows listed domains', refs: refsOf([ref(energietoeslag)]), facts: offsiteFacts, options: { allow: ['regelhulp.example'] } }],
  invalid: [
    {
      name: 'warns when an own-domain URL lands on another domain',
      refs: refsOf([ref(energietoeslag)]),
      facts: offsiteFacts,
      errors: [{ nl: 'voorbeeldstad.example/energietoeslag stuurt door naar een ander domein: www.regelhulp.example/energietoeslag.' }],
    },
  ],
});

ruleTester(unverifiableUrl).run({
  valid: [{ name: 'a page that answered', refs: refsOf([ref(`${V}/afval`)]), facts: factsOf([result(`${V}/afval`)]) }],
  invalid: [
    {
      name: 'warns about a bot wall or a lasting rate limit',
      refs: refsOf([ref(`${V}/vergunningen`), ref(`${V}/druk`)]),
      facts: factsOf([
        result(`${V}/vergunningen`, { kind: 'unverifiable', reason: 'bot-wall', status: 403 }),
        result(`${V}/druk`, { kind: 'unverifiable', reason: 'rate-limited', status: 429 }),
      ]),
      errors: [
        { nl: 'voorbeeldstad.example/vergunningen kon niet worden gecontroleerd: een botbeveiliging van voorbeeldstad.example houdt de controle tegen (403).' },
        { nl: 'voorbeeldstad.example/druk kon niet worden gecontroleerd: voorbeeldstad.example blijft ‘te veel verzoeken’ antwoorden (429).' },
      ],
    },
  ],
});

describe('the demo site, checked live and linted: each rule fires on the pages meant for it, and only there', () => {
  let server: SiteServer;
  let facts: Facts;
  const paths = ['/kwijtschelding', '/afval', '/parkeren', '/oude-pagina', '/verhuizen', '/subsidie', '/mijn', '/energietoeslag', '/vergunningen', '/afvalwijzer'];
  const hrefs = [...paths.map((p) => `${V}${p}`), 'https://www.voorbeeldstad.example/parkeren', 'https://forms.voorbeeldstad.example/bezwaar'];
  const refs = refsOf(hrefs.map((h, i) => ref(h, i + 1)));
  const liveFacts = () => facts;
  const at = (...urls: string[]) => urls.map((url) => ({ url: `https://${url}` }));

  beforeAll(async () => {
    server = await startSiteServer({ routes: demoRoutes, https: testCerts.server });
    const site = await checkSite(hrefs, {
      domains: demoDomains,
      connectTo: [...server.connectTo(demoHosts), ...server.connectTo()],
      ca: [testCerts.ca],
      lookup: noDns,
      retries: 0,
    });
    facts = { offline: false, today: '2026-01-01', site };
  });
  afterAll(async () => {
    await server?.close();
  });

  ruleTester(deadUrl).run('demo site', { invalid: [{ refs, facts: liveFacts, errors: at('voorbeeldstad.example/oude-pagina', 'voorbeeldstad.example/verhuizen', 'voorbeeldstad.example/subsidie') }] });
  ruleTester(unreachableUrl).run('demo site', { valid: [{ refs, facts: liveFacts }] });
  ruleTester(typedUrlVariant).run('demo site', {
    invalid: [{ refs, facts: liveFacts, errors: at('voorbeeldstad.example/parkeren', 'voorbeeldstad.example/afvalwijzer', 'www.voorbeeldstad.example/parkeren') }],
  });
  ruleTester(offsiteRedirect).run('demo site', { invalid: [{ refs, facts: liveFacts, errors: at('voorbeeldstad.example/energietoeslag') }] });
  ruleTester(unverifiableUrl).run('demo site', { invalid: [{ refs, facts: liveFacts, errors: at('voorbeeldstad.example/vergunningen') }] });

  it('login walls are protected, and never followed', () => {
    expect(facts.site?.urls[`${V}/mijn`]).toMatchObject({ kind: 'protected', login: { provider: 'digid' } });
    expect(facts.site?.urls['https://forms.voorbeeldstad.example/bezwaar']).toMatchObject({ kind: 'protected' });
    expect(server.count({ host: 'digid.nl' }) + server.count({ host: 'was.digid.nl' })).toBe(0);
  });
});

describe('the printed address of a hyperlink is checked too', () => {
  it('checkableUrls yields the printed address before a link target that differs from it', async () => {
    const { checkableUrls } = await import('../../src/model/site-results.js');
    const ref = { printed: 'voorbeeldstad.example/zonnepanelen', href: 'https://www.voorbeeldstad.example/subsidie-zon', linkText: 'voorbeeldstad.example/zonnepanelen', linked: true, visible: true, location: { line: 3, column: 5 } };
    const same = { ...ref, printed: 'voorbeeldstad.example/subsidie-zon', linkText: 'voorbeeldstad.example/subsidie-zon' };
    const urls = checkableUrls({ urls: [ref, same], forms: [], phones: [], emails: [], logins: [], placeholders: [] });
    expect(urls.map((u) => [u.href, u.linked])).toEqual([
      ['https://voorbeeldstad.example/zonnepanelen', false],
      ['https://www.voorbeeldstad.example/subsidie-zon', true],
      ['https://www.voorbeeldstad.example/subsidie-zon', true],
    ]);
  });
});

describe('verdicts per address: what is printed and where the link goes are judged apart', () => {
  const text = 'voorbeeldstad.example/containerpas';
  const target = `${V}/Afval/Containerpas_Aanvragen.aspx`;
  const link = (): UrlRef => ({ printed: text, href: target, linkText: text, linked: true, visible: true, location: { line: 4, column: 48, part: 'body' } });
  const typed = `${V}/containerpas`;
  const dead = (url: string) => result(url, { kind: 'dead', status: 404, reason: 'not-found', chain: [{ url, status: 404 }] });
  const dns = (url: string) => result(url, { kind: 'unreachable', error: 'dns', status: undefined, chain: [] });

  ruleTester(deadUrl).run('link text ≠ target', {
    valid: [{ name: 'both sides work', refs: refsOf([link()]), facts: factsOf([result(typed), result(target)]) }],
    invalid: [
      {
        name: 'the target is dead, the printed address works: the link is blamed, not the printed address',
        refs: refsOf([link()]),
        facts: factsOf([result(typed), dead(target)]),
        errors: [
          {
            nl: `De link achter ${text} (voorbeeldstad.example/Afval/Containerpas_Aanvragen.aspx) werkt niet: de pagina bestaat niet (404).`,
            en: `The link behind ${text} (voorbeeldstad.example/Afval/Containerpas_Aanvragen.aspx) does not work: the page does not exist (404).`,
            url: target,
          },
        ],
      },
      {
        name: 'the printed address is dead, the target works: the printed address is blamed',
        refs: refsOf([link()]),
        facts: factsOf([dead(typed), result(target)]),
        errors: [{ nl: `${text} werkt niet: de pagina bestaat niet (404).`, url: typed }],
      },
      {
        name: 'both dead for the same cause: one finding naming both',
        refs: refsOf([link()]),
        facts: factsOf([dead(typed), dead(target)]),
        errors: [{ nl: `${text} en de link erachter (voorbeeldstad.example/Afval/Containerpas_Aanvragen.aspx) werken niet: de pagina bestaat niet (404).` }],
      },
    ],
  });

  ruleTester(unreachableUrl).run('no network: one line, not two near-identical ones', {
    invalid: [
      {
        refs: refsOf([link()]),
        facts: factsOf([dns(typed), dns(target)]),
        errors: [{ en: contains(`${text} and the link behind it`, 'cannot be reached', 'does not resolve (DNS)') }],
      },
    ],
  });

  ruleTester(unreachableUrl).run('a link whose text is no address', {
    invalid: [
      {
        refs: refsOf([{ printed: target, href: target, linkText: 'klik hier', linked: true, visible: false, location: { line: 2, column: 1, part: 'body' } }]),
        facts: factsOf([dns(target)]),
        errors: [{ nl: contains('De link “klik hier” (voorbeeldstad.example/Afval/Containerpas_Aanvragen.aspx) is niet bereikbaar') }],
      },
    ],
  });

  ruleTester(typedUrlVariant).run('typed variants are about what a reader types, not where a link goes', {
    valid: [
      {
        refs: refsOf([link()]),
        facts: factsOf([result(typed), result(target, { variants: [variant('www', `${V.replace('//', '//www.')}/Afval/Containerpas_Aanvragen.aspx`, { kind: 'dead', problem: 'not-live', status: 404 })] })]),
      },
    ],
  });
});
