import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { page, testCerts, type Routes, type SiteServer } from '../../fixtures/site/server.mjs';
import { checkSite, type SiteOptions, type UrlResult } from '../../src/facts/site/index.js';
import { noDns, optionsFor, startServer } from './helpers.js';

const V = 'https://voorbeeldstad.example';

const routes: Routes = {
  // Plain HTTP redirects to HTTPS; www redirects to the bare domain (exceptions below).
  'http://voorbeeldstad.example/alleen-http': { title: 'Alleen http' },
  'http://*': (req) => ({ status: 301, redirect: `https://${req.host}${req.path}` }),
  'https://www.voorbeeldstad.example/parkeren': { title: 'Parkeren' },
  'https://www.voorbeeldstad.example/geen-www': { status: 404 },
  'https://www.voorbeeldstad.example*': (req) => ({ status: 301, redirect: `${V}${req.path}` }),

  'https://voorbeeldstad.example/': { body: page('Gemeente Voorbeeldstad', '<p>Welkom bij de gemeente Voorbeeldstad.</p>') },
  'https://voorbeeldstad.example/afval': { body: page('Afval en recycling', '<p>Alles over afval.</p>') },
  'https://voorbeeldstad.example/alleen-http': { title: 'Alleen http' },
  'https://voorbeeldstad.example/geen-www': { title: 'Geen www' },
  'https://voorbeeldstad.example/pagina/*': (req) => ({ body: page(`Pagina ${req.path}`, '<p>Inhoud.</p>') }),
  // Redirect chains.
  '/keten': { status: 301, redirect: '/keten-2' },
  '/keten-2': { status: 302, redirect: '/keten-3' },
  '/keten-3': { status: 307, redirect: `${V}/keten-4` },
  '/keten-4': { status: 308, redirect: '/afval' },
  '/lus-a': { status: 302, redirect: '/lus-b' },
  '/lus-b': { status: 302, redirect: '/lus-a' },
  '/te-veel/*': (req) => ({ status: 302, redirect: `/te-veel/${Number(req.path.split('/')[2]) + 1}` }),
  // Errors.
  '/lokaal': { title: 'Lokaal' },
  '/weg': { status: 404 },
  '/verwijderd': { status: 410 },
  '/storing-kort': { title: 'Hersteld', flaky: { times: 1, status: 500 } },
  '/storing': { status: 503 },
  '/druk': { title: 'Weer rustig', flaky: { times: 1, status: 429, headers: { 'retry-after': '1' } } },
  '/druk-datum': (req) =>
    req.n === 1 ? { status: 429, headers: { 'retry-after': new Date(Date.now() + 1000).toUTCString() } } : { title: 'Weer rustig' },
  '/altijd-druk': { status: 429, headers: { 'retry-after': '0' } },
  '/traag': { title: 'Traag', delayMs: 5_000 },
  '/reset': { reset: true },
  '/groot': { bodyBytes: 50_000_000, title: 'Groot document' },
  // Soft 404s.
  '/verhuisd': { body: page('Pagina niet gevonden - Gemeente Voorbeeldstad', '<p>Sorry.</p>') },
  '/oeps': { body: page('Gemeente Voorbeeldstad', '<p>Sorry.</p>', { h1: 'Oeps, deze pagina bestaat niet (meer)' }) },
  '/lost': { body: page('Page not found | City of Voorbeeldstad') },
  '/naar-home': { status: 302, redirect: '/' },
  '/naar-404': { status: 302, redirect: '/404' },
  '/404': { body: page('Oeps', '<p>Er ging iets mis.</p>') },
  'https://kcc.voorbeeldstad.example/echt': { body: page('Kennisbank: afval', '<p>Wat het KCC over afval weet.</p>') },
  'https://kcc.voorbeeldstad.example/*': {
    body: page('Kennisbank', '<p>Helaas hebben we voor dit onderwerp nog geen artikel in de kennisbank staan. Zoek opnieuw of bel 14 020.</p>'),
  },
  // Login walls.
  '/mijn': { status: 302, redirect: 'https://digid.nl/inloggen?dienst=voorbeeldstad' },
  '/mijn-saml': { status: 302, redirect: 'https://was.digid.nl/saml/idp/request_authentication?SAMLRequest=abc' },
  '/ondernemers': { status: 302, redirect: 'https://eherkenning.broker.example/login?id=1' },
  '/oidc': { status: 302, redirect: 'https://login.voorbeeldstad.example/oauth2/authorize?client_id=brieven&response_type=code' },
  '/intern': { status: 401, headers: { location: '/inloggen?returnUrl=%2Fintern' } },
  '/bezwaar': {
    body:
      '<html><head><title>Doorsturen</title></head><body onload="document.forms[0].submit()">' +
      '<form method="post" action="https://was.digid.nl/saml/idp/request_authentication">' +
      '<input type="hidden" name="SAMLRequest" value="PHNhbWw+"></form></body></html>',
  },
  // Bot walls.
  '/bot': { status: 403, headers: { 'cf-mitigated': 'challenge' }, title: 'Just a moment...' },
  '/linkedin': { status: 999 },
  // Elsewhere.
  '/elders': { status: 301, redirect: 'https://www.regelhulp.example/energietoeslag' },
  'https://www.regelhulp.example/*': (req) => ({ body: page(`Regelhulp ${req.path}`, '<p>Regelhulp van de overheid.</p>') }),
  'digid.nl*': { title: 'DigiD' },
  'was.digid.nl*': { title: 'DigiD' },
};

let server: SiteServer;
beforeAll(async () => {
  server = await startServer(routes);
});
afterAll(async () => {
  await server?.close();
});

/** Checks without typed variants (domains: []) unless `extra.domains` says otherwise. */
async function check(hrefs: string[], extra: Partial<SiteOptions> = {}) {
  return checkSite(hrefs, optionsFor(server, { probe: false, domains: [], ...extra }));
}
const OWN = { domains: ['voorbeeldstad.example'] };
async function one(href: string, extra: Partial<SiteOptions> = {}): Promise<UrlResult> {
  const facts = await check([href], extra);
  return facts.urls[href];
}

describe('checkSite: answers', () => {
  it('200: ok, with title, h1 and a small body kept', async () => {
    const r = await one(`${V}/afval`);
    expect(r).toMatchObject({ kind: 'ok', status: 200, finalUrl: `${V}/afval`, title: 'Afval en recycling', h1: 'Afval en recycling' });
    expect(r.chain).toEqual([{ url: `${V}/afval`, status: 200 }]);
    expect(r.body).toContain('<h1>Afval en recycling</h1>');
    expect(r.fromCache).toBe(false);
  });

  it('names brieflint and its version in the User-Agent', async () => {
    server.reset();
    await one(`${V}/afval`);
    expect(server.requests[0].userAgent).toMatch(/^brieflint\/\d+\.\d+\.\d+ \(\+https:\/\//);
  });

  it('follows 301, 302, 307, 308 by hand and records the chain', async () => {
    const r = await one(`${V}/keten`);
    expect(r.kind).toBe('ok');
    expect(r.finalUrl).toBe(`${V}/afval`);
    expect(r.chain).toEqual([
      { url: `${V}/keten`, status: 301, location: '/keten-2' },
      { url: `${V}/keten-2`, status: 302, location: '/keten-3' },
      { url: `${V}/keten-3`, status: 307, location: `${V}/keten-4` },
      { url: `${V}/keten-4`, status: 308, location: '/afval' },
      { url: `${V}/afval`, status: 200 },
    ]);
  });

  it('a redirect loop and too many redirects are unreachable', async () => {
    expect(await one(`${V}/lus-a`)).toMatchObject({ kind: 'unreachable', error: 'redirect-loop' });
    const r = await one(`${V}/te-veel/1`);
    expect(r).toMatchObject({ kind: 'unreachable', error: 'too-many-redirects' });
    expect(r.chain).toHaveLength(11);
  });

  it('404 and 410 are dead', async () => {
    expect(await one(`${V}/weg`)).toMatchObject({ kind: 'dead', reason: 'not-found', status: 404 });
    expect(await one(`${V}/verwijderd`)).toMatchObject({ kind: 'dead', reason: 'gone', status: 410 });
  });

  it('a 500 that recovers on retry is ok', async () => {
    server.reset();
    const r = await one(`${V}/storing-kort`, { retries: 2 });
    expect(r).toMatchObject({ kind: 'ok', status: 200, title: 'Hersteld' });
    expect(server.count({ path: '/storing-kort', scheme: 'https' })).toBe(2);
  });

  it('a 503 that never recovers is dead after the retries', async () => {
    server.reset();
    const r = await one(`${V}/storing`, { retries: 2 });
    expect(r).toMatchObject({ kind: 'dead', reason: 'server-error', status: 503 });
    expect(server.count({ path: '/storing', scheme: 'https', host: 'voorbeeldstad.example' })).toBe(3);
  });

  it('429 with Retry-After (seconds and HTTP date) is waited out', async () => {
    server.reset();
    expect(await one(`${V}/druk`)).toMatchObject({ kind: 'ok', title: 'Weer rustig' });
    expect(server.count({ path: '/druk', scheme: 'https' })).toBe(2);
    expect(await one(`${V}/druk-datum`)).toMatchObject({ kind: 'ok', title: 'Weer rustig' });
  });

  it('a 429 that never clears is unverifiable', async () => {
    server.reset();
    const r = await one(`${V}/altijd-druk`, { retries: 1 });
    expect(r).toMatchObject({ kind: 'unverifiable', reason: 'rate-limited', status: 429 });
    expect(server.count({ path: '/altijd-druk', scheme: 'https' })).toBe(2);
  });

  it('a slow answer times out (after retries)', async () => {
    server.reset();
    const r = await one(`${V}/traag`, { timeoutMs: 200, retries: 1 });
    expect(r).toMatchObject({ kind: 'unreachable', error: 'timeout' });
    expect(server.count({ path: '/traag', scheme: 'https' })).toBe(2);
  });

  it('a dropped connection is a reset (after retries)', async () => {
    server.reset();
    const r = await one(`${V}/reset`, { retries: 1 });
    expect(r).toMatchObject({ kind: 'unreachable', error: 'reset' });
    expect(server.count({ path: '/reset', scheme: 'https' })).toBe(2);
  });

  it('reads a huge body only up to maxBodyBytes', async () => {
    server.reset();
    const r = await one(`${V}/groot`, { maxBodyBytes: 64 * 1024 });
    expect(r).toMatchObject({ kind: 'ok', title: 'Groot document' });
    const sent = server.requests.find((q) => q.path === '/groot')?.bytesSent ?? 0;
    expect(sent).toBeLessThan(20_000_000);
    expect(r.body!.length).toBeLessThanOrEqual(16 * 1024);
  });
});

describe('checkSite: soft 404', () => {
  it('recognizes "not found" titles and headings (NL and EN)', async () => {
    const facts = await check([`${V}/verhuisd`, `${V}/oeps`, `${V}/lost`]);
    expect(facts.urls[`${V}/verhuisd`]).toMatchObject({ kind: 'soft-404', reason: 'not-found-title', status: 200 });
    expect(facts.urls[`${V}/oeps`]).toMatchObject({ kind: 'soft-404', reason: 'not-found-title' });
    expect(facts.urls[`${V}/lost`]).toMatchObject({ kind: 'soft-404', reason: 'not-found-title' });
  });

  it('a redirect to the home page or to /404 is a soft 404', async () => {
    expect(await one(`${V}/naar-home`)).toMatchObject({ kind: 'soft-404', reason: 'redirect-home', finalUrl: `${V}/` });
    expect(await one(`${V}/naar-404`)).toMatchObject({ kind: 'soft-404', reason: 'redirect-404' });
  });

  it('a page like the host answer for a random path is a soft 404; one probe per host', async () => {
    server.reset();
    const K = 'https://kcc.voorbeeldstad.example';
    const facts = await check([`${K}/bestaat-niet`, `${K}/ook-niet`, `${K}/echt`], { probe: true });
    expect(facts.urls[`${K}/bestaat-niet`]).toMatchObject({ kind: 'soft-404', reason: 'probe-match' });
    expect(facts.urls[`${K}/ook-niet`]).toMatchObject({ kind: 'soft-404', reason: 'probe-match' });
    expect(facts.urls[`${K}/echt`]).toMatchObject({ kind: 'ok', title: 'Kennisbank: afval' });
    const probes = server.requests.filter((q) => q.host === 'kcc.voorbeeldstad.example' && q.scheme === 'https' && q.path.startsWith('/brieflint-'));
    expect(probes).toHaveLength(1);
  });

  it('a real page on a host with a proper 404 stays ok with the probe on', async () => {
    expect(await one(`${V}/afval`, { probe: true })).toMatchObject({ kind: 'ok' });
  });
});

describe('checkSite: login walls are live, never followed', () => {
  it('a redirect to DigiD is protected; digid.nl is never requested', async () => {
    server.reset();
    const facts = await check([`${V}/mijn`, `${V}/mijn-saml`]);
    expect(facts.urls[`${V}/mijn`]).toMatchObject({
      kind: 'protected',
      status: 302,
      finalUrl: `${V}/mijn`,
      login: { provider: 'digid', url: 'https://digid.nl/inloggen?dienst=voorbeeldstad' },
      offsite: false,
    });
    expect(facts.urls[`${V}/mijn-saml`]).toMatchObject({ kind: 'protected', login: { provider: 'digid' } });
    expect(server.count({ host: 'digid.nl' }) + server.count({ host: 'was.digid.nl' })).toBe(0);
  });

  it('eHerkenning, OIDC /authorize and a 401 with a login Location are protected', async () => {
    server.reset();
    const facts = await check([`${V}/ondernemers`, `${V}/oidc`, `${V}/intern`]);
    expect(facts.urls[`${V}/ondernemers`]).toMatchObject({ kind: 'protected', login: { provider: 'eherkenning' } });
    expect(facts.urls[`${V}/oidc`]).toMatchObject({ kind: 'protected', login: { provider: 'oidc' } });
    expect(facts.urls[`${V}/intern`]).toMatchObject({ kind: 'protected', status: 401, login: { provider: 'login' } });
    expect(server.count({ host: 'eherkenning.broker.example' }) + server.count({ host: 'login.voorbeeldstad.example' })).toBe(0);
  });

  it('a 200 page with an auto-POST SAMLRequest form is protected', async () => {
    server.reset();
    const r = await one(`${V}/bezwaar`);
    expect(r).toMatchObject({ kind: 'protected', status: 200, login: { provider: 'digid', url: 'https://was.digid.nl/saml/idp/request_authentication' } });
    expect(server.count({ host: 'was.digid.nl' })).toBe(0);
  });
});

describe('checkSite: bot walls', () => {
  it('403 with cf-mitigated and 999 are unverifiable, without retries', async () => {
    server.reset();
    const facts = await check([`${V}/bot`, `${V}/linkedin`]);
    expect(facts.urls[`${V}/bot`]).toMatchObject({ kind: 'unverifiable', reason: 'bot-wall', status: 403 });
    expect(facts.urls[`${V}/linkedin`]).toMatchObject({ kind: 'unverifiable', reason: 'bot-wall', status: 999 });
    expect(server.count({ path: '/bot', scheme: 'https' })).toBe(1);
  });
});

describe('checkSite: typed variants and off-site redirects', () => {
  it('checks https, www and http variants of own-domain URLs', async () => {
    const r = await one(`${V}/afval`, OWN);
    expect(r.ownDomain).toBe(true);
    expect(r.variants.map((v) => [v.variant, v.url, v.kind, v.problem])).toEqual([
      ['www', 'https://www.voorbeeldstad.example/afval', 'ok', undefined],
      ['http', 'http://voorbeeldstad.example/afval', 'ok', undefined],
    ]);
    expect(r.variants[1].chain[0]).toEqual({ url: 'http://voorbeeldstad.example/afval', status: 301, location: `${V}/afval` });
  });

  it('a printed http:// URL gets an https variant', async () => {
    const r = await one('http://voorbeeldstad.example/afval', OWN);
    expect(r.variants.map((v) => v.variant)).toEqual(['https', 'www', 'http']);
    expect(r.variants.every((v) => v.problem === undefined)).toBe(true);
  });

  it('reports a variant that fails, and http:// that does not go to HTTPS', async () => {
    const facts = await check([`${V}/geen-www`, `${V}/alleen-http`], OWN);
    expect(facts.urls[`${V}/geen-www`].variants.find((v) => v.variant === 'www')).toMatchObject({ kind: 'dead', problem: 'not-live' });
    expect(facts.urls[`${V}/alleen-http`].variants.find((v) => v.variant === 'http')).toMatchObject({ kind: 'ok', problem: 'no-https' });
  });

  it('a page only reachable with www: printed URL dead, www variant live', async () => {
    const r = await one(`${V}/parkeren`, OWN);
    expect(r.kind).toBe('dead');
    expect(r.variants.find((v) => v.variant === 'www')).toMatchObject({ kind: 'ok', title: 'Parkeren' });
  });

  it('other domains are checked as printed only', async () => {
    const r = await one('https://www.regelhulp.example/energietoeslag', OWN);
    expect(r).toMatchObject({ kind: 'ok', ownDomain: false, variants: [] });
  });

  it('a redirect off the own domain is flagged offsite', async () => {
    const r = await one(`${V}/elders`, OWN);
    expect(r).toMatchObject({ kind: 'ok', offsite: true, finalUrl: 'https://www.regelhulp.example/energietoeslag' });
    expect((await one(`${V}/keten`, OWN)).offsite).toBe(false);
  });

  it('remap: fetches the rewritten URL, reports under the printed one', async () => {
    server.reset();
    const href = `${V}/oud/afval`;
    const facts = await check([href], { remap: [{ pattern: '^https://voorbeeldstad\\.example/oud/(.*)$', replacement: 'https://voorbeeldstad.example/$1' }] });
    expect(facts.urls[href]).toMatchObject({ url: href, fetchedUrl: `${V}/afval`, kind: 'ok' });
    expect(server.count({ path: '/oud/afval' })).toBe(0);
  });

  it('remap to another host does not count as off-site', async () => {
    const href = `${V}/acc/energietoeslag`;
    const facts = await check([href], { ...OWN, remap: [{ pattern: '^https://voorbeeldstad\\.example/acc/', replacement: 'https://www.regelhulp.example/' }] });
    expect(facts.urls[href]).toMatchObject({ kind: 'ok', offsite: false });
  });
});

describe('checkSite: connections', () => {
  it('a certificate for another host is a TLS error', async () => {
    const wrong = await startServer({ '/': { title: 'Verkeerd' } }, testCerts.wrongHost);
    try {
      const r = await checkSite([`${V}/`], {
        domains: [],
        connectTo: wrong.connectTo(['voorbeeldstad.example']),
        ca: [testCerts.ca],
        lookup: noDns,
        retries: 0,
      });
      expect(r.urls[`${V}/`]).toMatchObject({ kind: 'unreachable', error: 'tls' });
      expect(r.urls[`${V}/`].detail).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
    } finally {
      await wrong.close();
    }
  });

  it('a certificate from an untrusted CA is a TLS error (ca not given)', async () => {
    const r = await one(`${V}/afval`, { ca: [] });
    expect(r).toMatchObject({ kind: 'unreachable', error: 'tls' });
  });

  it('an unknown host is a DNS error; a closed port is refused', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const port = (s.address() as { port: number }).port;
        s.close(() => resolve(port));
      });
    });
    const facts = await checkSite(['https://nergens.voorbeeldstad.example/', 'https://voorbeeldstad.example/'], {
      domains: [],
      connectTo: [`voorbeeldstad.example:443:127.0.0.1:${closed}`],
      lookup: noDns,
      retries: 0,
    });
    expect(facts.urls['https://nergens.voorbeeldstad.example/']).toMatchObject({ kind: 'unreachable', error: 'dns' });
    expect(facts.urls['https://voorbeeldstad.example/']).toMatchObject({ kind: 'unreachable', error: 'refused' });
  });

  it('refuses loopback addresses without connectTo or allowPrivate', async () => {
    server.reset();
    const byIp = `http://127.0.0.1:${server.httpPort}/lokaal`;
    const byName = `http://localhost:${server.httpPort}/lokaal`;
    const facts = await checkSite([byIp, byName], { domains: [], lookup: noDns, retries: 0 });
    expect(facts.urls[byIp]).toMatchObject({ kind: 'unreachable', error: 'private-address' });
    expect(facts.urls[byName]).toMatchObject({ kind: 'unreachable', error: 'private-address' });
    expect(server.requests).toHaveLength(0);
    const allowed = await checkSite([byIp], { domains: [], lookup: noDns, retries: 0, allowPrivate: true, probe: false });
    expect(allowed.urls[byIp]).toMatchObject({ kind: 'ok', title: 'Lokaal' });
    expect(server.requests).toHaveLength(1);
  });

  it('keeps at most perHost requests in flight per host', async () => {
    server.reset();
    const slow: string[] = [];
    for (let i = 0; i < 8; i++) slow.push(`https://www.regelhulp.example/traag-${i}`);
    const local = await startServer({ '*': { title: 'Traag', delayMs: 30 } });
    try {
      await checkSite(slow, { ...optionsFor(local), perHost: 2, probe: false });
      expect(local.requests).toHaveLength(8);
      expect(local.maxInFlight).toBeLessThanOrEqual(2);
    } finally {
      await local.close();
    }
  });
});

describe('checkSite: dedup, progress and cache', () => {
  it('300 letters printing the same 5 URLs: only the variant requests for 5 URLs', async () => {
    server.reset();
    const five = ['a', 'b', 'c', 'd', 'e'].map((x) => `${V}/pagina/${x}`);
    const hrefs: string[] = [];
    for (let letter = 0; letter < 300; letter++) hrefs.push(...five);
    const progress: Array<[number, number]> = [];
    const facts = await checkSite(hrefs, optionsFor(server, { onProgress: (done, total) => progress.push([done, total]) }));
    expect(Object.keys(facts.urls)).toEqual(five);
    for (const href of five) {
      expect(facts.urls[href]).toMatchObject({ kind: 'ok' });
      expect(facts.urls[href].variants.map((v) => v.problem)).toEqual([undefined, undefined]);
      const path = new URL(href).pathname;
      expect(server.count({ path, scheme: 'https', host: 'voorbeeldstad.example' })).toBe(1);
      expect(server.count({ path, scheme: 'https', host: 'www.voorbeeldstad.example' })).toBe(1);
      expect(server.count({ path, scheme: 'http', host: 'voorbeeldstad.example' })).toBe(1);
    }
    const probes = server.requests.filter((q) => q.path.startsWith('/brieflint-'));
    expect(probes).toHaveLength(1); // one soft-404 probe for https://voorbeeldstad.example
    expect(server.requests).toHaveLength(5 * 3 + 1);
    expect(facts.stats).toMatchObject({ urls: 5, requests: 16, cacheHits: 0 });
    expect(progress[0]).toEqual([0, 5]);
    expect(progress.at(-1)).toEqual([5, 5]);
  });

  it('fetches URLs that differ only in their fragment once', async () => {
    server.reset();
    const facts = await check([`${V}/afval#kop`, `${V}/afval#andere-kop`, `${V}/afval`]);
    expect(Object.keys(facts.urls)).toHaveLength(3);
    expect(facts.urls[`${V}/afval#kop`]).toMatchObject({ kind: 'ok', fetchedUrl: `${V}/afval` });
    expect(server.count({ path: '/afval' })).toBe(1);
  });

  it('stops when the signal aborts', async () => {
    const controller = new AbortController();
    const run = check([`${V}/traag`], { signal: controller.signal, timeoutMs: 10_000 });
    setTimeout(() => controller.abort(new Error('gestopt')), 50);
    await expect(run).rejects.toThrow('gestopt');
  });

  it('a second run within the TTL makes no request; failures are not cached', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brieflint-cache-'));
    try {
      const cache = { path: join(dir, 'sub', 'cache.json'), ttlSeconds: 3600 };
      const good = [`${V}/afval`, `${V}/mijn`, `${V}/keten`];
      let clock = Date.now();
      const now = () => clock;
      server.reset();
      const first = await checkSite(good, optionsFor(server, { cache, now }));
      expect(server.requests.length).toBeGreaterThan(0);
      expect(first.urls[`${V}/afval`].fromCache).toBe(false);
      const file = JSON.parse(await readFile(cache.path, 'utf8'));
      expect(file).toMatchObject({ version: 2, tool: 'brieflint' });

      server.reset();
      const second = await checkSite(good, optionsFor(server, { cache, now }));
      expect(server.requests).toHaveLength(0);
      expect(second.stats.requests).toBe(0);
      expect(second.urls[`${V}/afval`]).toMatchObject({ kind: 'ok', fromCache: true, title: 'Afval en recycling' });
      expect(second.urls[`${V}/mijn`]).toMatchObject({ kind: 'protected', fromCache: true });
      expect(second.urls[`${V}/afval`].variants.map((v) => v.kind)).toEqual(['ok', 'ok']);

      // A 404 is not cached: asked again on every run.
      server.reset();
      await checkSite([`${V}/weg`], optionsFor(server, { cache, now, probe: false }));
      await checkSite([`${V}/weg`], optionsFor(server, { cache, now, probe: false }));
      expect(server.count({ path: '/weg', scheme: 'https', host: 'voorbeeldstad.example' })).toBe(2);

      // After the TTL the good ones are fetched again.
      clock += 3601 * 1000;
      server.reset();
      await checkSite([`${V}/afval`], optionsFor(server, { cache, now, probe: false }));
      expect(server.count({ path: '/afval', scheme: 'https', host: 'voorbeeldstad.example' })).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
