import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedConfig } from '../../src/config/types.js';
import type { Facts } from '../../src/facts/types.js';
import type { UrlResult, VariantResult } from '../../src/facts/site/types.js';
import { checkSite } from '../../src/facts/site/index.js';
import type { Rule } from '../../src/rule.js';
import type { Letter, References, Report, UrlRef } from '../../src/types.js';
import deadUrl from '../../rules/dead-url.js';
import unreachableUrl from '../../rules/unreachable-url.js';
import typedUrlVariant from '../../rules/typed-url-variant.js';
import offsiteRedirect from '../../rules/offsite-redirect.js';
import unverifiableUrl from '../../rules/unverifiable-url.js';
import { startSiteServer, testCerts, type SiteServer } from '../../fixtures/site/server.mjs';
import { demoDomains, demoHosts, demoRoutes } from '../../fixtures/site/demo-routes.mjs';
import { noDns, urlResult } from './helpers.js';

const V = 'https://voorbeeldstad.example';

const letter: Letter = { path: 'brieven/aanslag.md', format: 'markdown', meta: { id: 'aanslag' }, blocks: [], links: [], directives: [] };
const config: ResolvedConfig = {
  root: '/tmp',
  domains: ['voorbeeldstad.example'],
  allowedDomains: [],
  rules: {},
  ignore: [],
  manifest: [],
  site: {},
  kcc: {},
  forms: {},
};

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

function run<O>(rule: Rule<O>, refs: UrlRef[], facts: Facts, options: Partial<O> = {}): Report[] {
  return rule.check({ letter, refs: refsOf(refs), facts, options: { ...rule.meta.defaultOptions, ...options }, config });
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

  it('all stay silent without site facts (--offline)', () => {
    const facts: Facts = { offline: true, today: '2026-01-01' };
    for (const rule of [deadUrl, unreachableUrl, typedUrlVariant, offsiteRedirect, unverifiableUrl] as Rule[]) {
      expect(run(rule, [ref(`${V}/weg`)], facts)).toEqual([]);
    }
  });
});

describe('dead-url', () => {
  it('reports 404 and 410 at the reference, naming the status', () => {
    const facts = factsOf([
      result(`${V}/weg`, { kind: 'dead', reason: 'not-found', status: 404 }),
      result(`${V}/verwijderd`, { kind: 'dead', reason: 'gone', status: 410 }),
      result(`${V}/afval`),
    ]);
    const reports = run(deadUrl, [ref(`${V}/weg`, 3), ref(`${V}/verwijderd`, 7), ref(`${V}/afval`, 9)], facts);
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatchObject({ url: `${V}/weg`, location: { line: 3, column: 5 } });
    expect(reports[0].message.nl).toBe('voorbeeldstad.example/weg werkt niet: de pagina bestaat niet (404).');
    expect(reports[0].message.en).toBe('voorbeeldstad.example/weg does not work: the page does not exist (404).');
    expect(reports[1].message.nl).toContain('verwijderd (410)');
  });

  it('reports a lasting server error and soft 404s (unless softNotFound is off)', () => {
    const facts = factsOf([
      result(`${V}/storing`, { kind: 'dead', reason: 'server-error', status: 503 }),
      result(`${V}/verhuisd`, { kind: 'soft-404', reason: 'not-found-title', title: 'Pagina niet gevonden' }),
      result(`${V}/subsidie`, { kind: 'soft-404', reason: 'redirect-home', finalUrl: `${V}/` }),
    ]);
    const refs = [ref(`${V}/storing`), ref(`${V}/verhuisd`), ref(`${V}/subsidie`)];
    const reports = run(deadUrl, refs, facts);
    expect(reports.map((r) => r.message.nl)).toEqual([
      'voorbeeldstad.example/storing werkt niet: de site geeft steeds een serverfout (503).',
      'voorbeeldstad.example/verhuisd werkt niet: de site toont een pagina ‘Pagina niet gevonden’ (een verborgen 404: de pagina bestaat niet).',
      'voorbeeldstad.example/subsidie werkt niet: de site stuurt door naar de homepage, de pagina zelf bestaat niet meer.',
    ]);
    expect(run(deadUrl, refs, facts, { softNotFound: false })).toHaveLength(1);
  });

  it('leaves a URL that works in another typed variant to typed-url-variant', () => {
    const facts = factsOf([
      result(`${V}/parkeren`, {
        kind: 'dead',
        reason: 'not-found',
        status: 404,
        variants: [variant('www', 'https://www.voorbeeldstad.example/parkeren'), variant('http', 'http://voorbeeldstad.example/parkeren', { kind: 'dead', status: 404 })],
      }),
    ]);
    expect(run(deadUrl, [ref(`${V}/parkeren`)], facts)).toEqual([]);
    const typed = run(typedUrlVariant, [ref(`${V}/parkeren`)], facts);
    expect(typed).toHaveLength(1);
    expect(typed[0].message.nl).toBe(
      'voorbeeldstad.example/parkeren werkt alleen met www. (www.voorbeeldstad.example/parkeren); zoals afgedrukt: de pagina bestaat niet (404).',
    );
  });

  it('skips references that are neither visible nor linked, and non-http hrefs', () => {
    const facts = factsOf([result(`${V}/weg`, { kind: 'dead', reason: 'not-found', status: 404 })]);
    expect(run(deadUrl, [ref(`${V}/weg`, 3, { visible: false, linked: false })], facts)).toEqual([]);
    expect(run(deadUrl, [ref('mailto:info@voorbeeldstad.example')], facts)).toEqual([]);
    expect(run(deadUrl, [ref(`${V}/weg`, 3, { visible: false, linked: true, printed: 'Lees meer' })], facts)).toHaveLength(1);
  });
});

describe('unreachable-url', () => {
  it.each([
    ['dns', 'de domeinnaam nergens.example bestaat niet of is onbekend (DNS)'],
    ['refused', 'de server van nergens.example weigert de verbinding'],
    ['tls', 'het beveiligingscertificaat van nergens.example klopt niet (TLS)'],
    ['timeout', 'nergens.example antwoordt niet op tijd (time-out), ook niet na nieuwe pogingen'],
    ['reset', 'nergens.example verbreekt steeds de verbinding'],
    ['private-address', 'nergens.example wijst naar een intern netwerkadres, dat inwoners niet kunnen bereiken'],
    ['redirect-loop', 'de site stuurt eindeloos in een kringetje door'],
  ] as const)('names the cause: %s', (error, cause) => {
    const href = 'https://nergens.example/pagina';
    const facts = factsOf([result(href, { kind: 'unreachable', error, status: undefined, chain: [], ownDomain: false })]);
    const reports = run(unreachableUrl, [ref(href)], facts);
    expect(reports).toHaveLength(1);
    expect(reports[0].message.nl).toBe(`nergens.example/pagina is niet bereikbaar: ${cause}.`);
    expect(reports[0].message.en).toMatch(/^nergens\.example\/pagina cannot be reached: .+\.$/);
  });

  it('is silent for other kinds', () => {
    const facts = factsOf([result(`${V}/weg`, { kind: 'dead', status: 404 })]);
    expect(run(unreachableUrl, [ref(`${V}/weg`)], facts)).toEqual([]);
  });
});

describe('typed-url-variant', () => {
  const printed = `${V}/afval`;
  const failing = result(printed, {
    variants: [
      variant('www', 'https://www.voorbeeldstad.example/afval', { kind: 'unreachable', error: 'dns', status: undefined, chain: [], problem: 'not-live' }),
      variant('http', 'http://voorbeeldstad.example/afval', { problem: 'no-https' }),
    ],
  });

  it('names each variant that fails, in one report', () => {
    const reports = run(typedUrlVariant, [ref(printed)], factsOf([failing]));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ url: printed, location: { line: 3 } });
    expect(reports[0].message.nl).toBe(
      'voorbeeldstad.example/afval werkt niet zoals een inwoner het kan typen: met www. werkt het niet, want de domeinnaam www.voorbeeldstad.example bestaat niet of is onbekend (DNS); ' +
        'http://voorbeeldstad.example/afval stuurt niet door naar https:// (de verbinding blijft onbeveiligd).',
    );
  });

  it('checks only the variants named in the options', () => {
    const reports = run(typedUrlVariant, [ref(printed)], factsOf([failing]), { variants: ['http'] });
    expect(reports).toHaveLength(1);
    expect(reports[0].message.nl).not.toContain('www.');
    expect(run(typedUrlVariant, [ref(printed)], factsOf([failing]), { variants: ['https'] })).toEqual([]);
  });

  it('reports a page on another address and an http-only site', () => {
    const other = result(printed, { variants: [variant('www', 'https://www.voorbeeldstad.example/afval', { finalUrl: `${V}/`, problem: 'other-page' })] });
    expect(run(typedUrlVariant, [ref(printed)], factsOf([other]))[0].message.nl).toContain('met www. komt de lezer op een andere pagina (voorbeeldstad.example)');
    const httpOnly = result(printed, {
      kind: 'unreachable',
      error: 'refused',
      variants: [variant('http', 'http://voorbeeldstad.example/afval')],
    });
    expect(run(typedUrlVariant, [ref(printed)], factsOf([httpOnly]))[0].message.nl).toBe(
      'voorbeeldstad.example/afval werkt alleen via onbeveiligd http:// (http://voorbeeldstad.example/afval), niet via https://: de server van voorbeeldstad.example weigert de verbinding.',
    );
    expect(run(unreachableUrl, [ref(printed)], factsOf([httpOnly]))).toEqual([]);
  });

  it('is silent when all variants work', () => {
    const fine = result(printed, { variants: [variant('www', 'https://www.voorbeeldstad.example/afval'), variant('http', 'http://voorbeeldstad.example/afval')] });
    expect(run(typedUrlVariant, [ref(printed)], factsOf([fine]))).toEqual([]);
  });
});

describe('offsite-redirect', () => {
  const href = `${V}/energietoeslag`;
  const facts = factsOf([result(href, { offsite: true, finalUrl: 'https://www.regelhulp.example/energietoeslag' })]);

  it('warns when an own-domain URL lands on another domain', () => {
    const reports = run(offsiteRedirect, [ref(href)], facts);
    expect(reports).toHaveLength(1);
    expect(reports[0].message.nl).toBe('voorbeeldstad.example/energietoeslag stuurt door naar een ander domein: www.regelhulp.example/energietoeslag.');
  });

  it('allows listed domains', () => {
    expect(run(offsiteRedirect, [ref(href)], facts, { allow: ['regelhulp.example'] })).toEqual([]);
  });
});

describe('unverifiable-url', () => {
  it('warns about a bot wall or a lasting rate limit', () => {
    const facts = factsOf([
      result(`${V}/vergunningen`, { kind: 'unverifiable', reason: 'bot-wall', status: 403 }),
      result(`${V}/druk`, { kind: 'unverifiable', reason: 'rate-limited', status: 429 }),
    ]);
    const reports = run(unverifiableUrl, [ref(`${V}/vergunningen`), ref(`${V}/druk`)], facts);
    expect(reports.map((r) => r.message.nl)).toEqual([
      'voorbeeldstad.example/vergunningen kon niet worden gecontroleerd: een botbeveiliging van voorbeeldstad.example houdt de controle tegen (403).',
      'voorbeeldstad.example/druk kon niet worden gecontroleerd: voorbeeldstad.example blijft ‘te veel verzoeken’ antwoorden (429).',
    ]);
  });
});

describe('the demo site, checked live and linted', () => {
  let server: SiteServer;
  beforeAll(async () => {
    server = await startSiteServer({ routes: demoRoutes, https: testCerts.server });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('each rule fires on the pages meant for it, and only there', async () => {
    const paths = ['/kwijtschelding', '/afval', '/parkeren', '/oude-pagina', '/verhuizen', '/subsidie', '/mijn', '/energietoeslag', '/vergunningen', '/afvalwijzer'];
    const hrefs = [...paths.map((p) => `${V}${p}`), 'https://www.voorbeeldstad.example/parkeren', 'https://forms.voorbeeldstad.example/bezwaar'];
    const site = await checkSite(hrefs, {
      domains: demoDomains,
      connectTo: [...server.connectTo(demoHosts), ...server.connectTo()],
      ca: [testCerts.ca],
      lookup: noDns,
      retries: 0,
    });
    const facts: Facts = { offline: false, today: '2026-01-01', site };
    const refs = hrefs.map((h, i) => ref(h, i + 1));
    const fired = (rule: Rule) => run(rule, refs, facts).map((r) => r.url!.replace(/^https:\/\//, ''));
    expect(fired(deadUrl)).toEqual(['voorbeeldstad.example/oude-pagina', 'voorbeeldstad.example/verhuizen', 'voorbeeldstad.example/subsidie']);
    expect(fired(unreachableUrl)).toEqual([]);
    expect(fired(typedUrlVariant)).toEqual(['voorbeeldstad.example/parkeren', 'voorbeeldstad.example/afvalwijzer', 'www.voorbeeldstad.example/parkeren']);
    expect(fired(offsiteRedirect)).toEqual(['voorbeeldstad.example/energietoeslag']);
    expect(fired(unverifiableUrl)).toEqual(['voorbeeldstad.example/vergunningen']);
    expect(site.urls[`${V}/mijn`]).toMatchObject({ kind: 'protected', login: { provider: 'digid' } });
    expect(site.urls['https://forms.voorbeeldstad.example/bezwaar']).toMatchObject({ kind: 'protected' });
    expect(server.count({ host: 'digid.nl' }) + server.count({ host: 'was.digid.nl' })).toBe(0);
  });
});

describe('the printed address of a hyperlink is checked too', () => {
  it('checkableUrls yields the printed address before a link target that differs from it', async () => {
    const { checkableUrls } = await import('../../src/facts/site/results.js');
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
