import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { classifyError, isPrivateAddress, matchConnectTo, parseConnectTo } from '../../src/http/index.js';
import { parseRetryAfter } from '../../src/retry.js';
import { htmlH1, htmlTitle, samlPostForm, saysNotFound } from '../../src/facts/site/html.js';
import { loginWallOf } from '../../src/facts/site/login.js';
import { siteConfigSchema, siteOptionsFromConfig, variantUrls } from '../../src/facts/site/index.js';

describe('connectTo', () => {
  it('parses curl --connect-to strings', () => {
    expect(parseConnectTo('voorbeeldstad.example:443:127.0.0.1:8443')).toEqual({
      host: 'voorbeeldstad.example',
      port: '443',
      toHost: '127.0.0.1',
      toPort: '8443',
    });
    expect(parseConnectTo('::127.0.0.1:')).toEqual({ host: '', port: '', toHost: '127.0.0.1', toPort: '' });
    expect(parseConnectTo('[::1]:80:[::1]:8080')).toEqual({ host: '::1', port: '80', toHost: '::1', toPort: '8080' });
    expect(() => parseConnectTo('voorbeeldstad.example:443')).toThrow(/host:port:addr:port/);
    expect(() => parseConnectTo('a:https:b:1')).toThrow(/not a port/);
  });

  it('matches host and port; empty means any', () => {
    const rules = ['www.voorbeeldstad.example:443:10.0.0.1:', ':80:127.0.0.1:8080'].map(parseConnectTo);
    expect(matchConnectTo(rules, 'WWW.voorbeeldstad.example', '443')?.toHost).toBe('10.0.0.1');
    expect(matchConnectTo(rules, 'voorbeeldstad.example', '443')).toBeUndefined();
    expect(matchConnectTo(rules, 'voorbeeldstad.example', '80')?.toPort).toBe('8080');
  });
});

describe('private addresses', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd12::1', '::ffff:127.0.0.1', '[::1]'])(
    '%s is private',
    (a) => expect(isPrivateAddress(a)).toBe(true),
  );
  it.each(['8.8.8.8', '172.32.0.1', '145.21.1.1', '2a00:1450::1'])('%s is public', (a) => expect(isPrivateAddress(a)).toBe(false));
});

describe('html', () => {
  it('reads title and h1', () => {
    const html = '<html><head><title> Afval &amp; recycling\n</title></head><body><h1 class="x">Afval <em>scheiden</em></h1></body></html>';
    expect(htmlTitle(html)).toBe('Afval & recycling');
    expect(htmlH1(html)).toBe('Afval scheiden');
  });

  it.each([
    'Pagina niet gevonden',
    'Pagina niet gevonden - Gemeente Voorbeeldstad',
    'Oeps! Deze pagina bestaat niet',
    'Deze pagina bestaat niet meer',
    'De pagina kan niet worden gevonden',
    'Foutmelding 404',
    '404 - Pagina niet gevonden',
    'Error 404',
    'Page not found',
    'Sorry, this page does not exist',
    "We couldn't find that page",
  ])('"%s" says not found', (t) => expect(saysNotFound(t)).toBe(true));

  it.each(['Gevonden voorwerpen', 'Afval en recycling', 'Kwijtschelding gemeentelijke belastingen', 'Bestemmingsplan 2404', 'Niet-Nederlanders: werken in Nederland'])(
    '"%s" does not',
    (t) => expect(saysNotFound(t)).toBe(false),
  );

  it('finds an auto-POST SAMLRequest form and its action', () => {
    const html = '<body onload="document.forms[0].submit()"><form method="post" action="https://was.digid.nl/saml/idp/request_authentication"><input type="hidden" name="SAMLRequest" value="x"></form>';
    expect(samlPostForm(html)).toBe('https://was.digid.nl/saml/idp/request_authentication');
    expect(samlPostForm('<form><input name="q"></form>')).toBeUndefined();
  });
});

describe('login walls', () => {
  it.each([
    ['https://digid.nl/inloggen', 'digid'],
    ['https://was.digid.nl/saml/idp/request_authentication', 'digid'],
    ['https://eherkenning.broker.example/login', 'eherkenning'],
    ['https://login.eidas.example/', 'eidas'],
    ['https://idp.example/sso?SAMLRequest=abc', 'saml'],
    ['https://login.example/oauth2/authorize?client_id=x&response_type=code', 'oidc'],
    ['https://auth.example/realms/g/protocol/openid-connect/auth?client_id=x&response_type=code', 'oidc'],
  ])('%s → %s', (url, provider) => expect(loginWallOf(new URL(url))).toBe(provider));

  it('an ordinary redirect is not a login wall; a login path counts only for 401/403', () => {
    expect(loginWallOf(new URL('https://voorbeeldstad.example/afval'))).toBeUndefined();
    expect(loginWallOf(new URL('https://voorbeeldstad.example/inloggen?returnUrl=/x'))).toBeUndefined();
    expect(loginWallOf(new URL('https://voorbeeldstad.example/inloggen?returnUrl=/x'), true)).toBe('login');
  });
});

describe('retries and errors', () => {
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000 + 5_000).toUTCString(), 10_000)).toBe(5000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.now())).toBe(0);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });

  it('classifies connection errors', () => {
    const err = (code: string) => Object.assign(new Error(code), { code });
    expect(classifyError(err('ENOTFOUND')).code).toBe('dns');
    expect(classifyError(err('ECONNREFUSED')).code).toBe('refused');
    expect(classifyError(err('CERT_HAS_EXPIRED')).code).toBe('tls');
    expect(classifyError(err('UND_ERR_CONNECT_TIMEOUT')).code).toBe('timeout');
    expect(classifyError(new Error('x', { cause: err('ECONNRESET') })).code).toBe('reset');
    expect(classifyError(err('EHOSTUNREACH')).code).toBe('network');
  });
});

describe('variants', () => {
  const domains = ['voorbeeldstad.example'];
  it('apex: www and http; www host: no-www and http; http printed: https too', () => {
    expect(variantUrls('https://voorbeeldstad.example/afval', domains)).toEqual([
      { variant: 'www', url: 'https://www.voorbeeldstad.example/afval' },
      { variant: 'http', url: 'http://voorbeeldstad.example/afval' },
    ]);
    expect(variantUrls('https://www.voorbeeldstad.example/afval', domains)).toEqual([
      { variant: 'no-www', url: 'https://voorbeeldstad.example/afval' },
      { variant: 'http', url: 'http://www.voorbeeldstad.example/afval' },
    ]);
    expect(variantUrls('http://voorbeeldstad.example/afval', domains).map((v) => v.variant)).toEqual(['https', 'www', 'http']);
    expect(variantUrls('https://forms.voorbeeldstad.example/x', domains).map((v) => v.variant)).toEqual(['http']);
  });
});

describe('config section site', () => {
  it('the schema fragment accepts a full section and rejects unknown keys', () => {
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(siteConfigSchema);
    const good = {
      remap: [{ pattern: '^https://voorbeeldstad\\.example/', replacement: 'https://acc.voorbeeldstad.example/' }],
      connectTo: ['voorbeeldstad.example:443:127.0.0.1:8443', '::10.0.0.5:'],
      ca: ['certs/ca.pem'],
      allowPrivate: false,
      timeout: 5000,
      retries: 1,
      concurrency: 8,
      perHost: 2,
      maxBodyBytes: 100000,
      cache: '.cache/urls.json',
      cacheTtl: '12h',
    };
    expect(validate(good)).toBe(true);
    expect(validate({ timeout: '5s' })).toBe(false);
    expect(validate({ connectTo: ['voorbeeldstad.example:443'] })).toBe(false);
    expect(validate({ retrys: 1 })).toBe(false);
    expect(validate({ cache: false, cacheTtl: 600 })).toBe(true);
  });

  it('turns the section into SiteOptions, reading CA files relative to root', async () => {
    const root = await mkdtemp(join(tmpdir(), 'brieflint-site-'));
    try {
      await writeFile(join(root, 'ca.pem'), '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
      const o = siteOptionsFromConfig({ ca: 'ca.pem', timeout: 5000, retries: 1, connectTo: ['::127.0.0.1:8080'], cacheTtl: '2h' }, root, ['voorbeeldstad.example']);
      expect(o).toMatchObject({
        domains: ['voorbeeldstad.example'],
        timeoutMs: 5000,
        retries: 1,
        connectTo: ['::127.0.0.1:8080'],
        cache: { path: join(root, '.brieflint-cache.json'), ttlSeconds: 7200 },
      });
      expect(o.ca?.[0]).toContain('BEGIN CERTIFICATE');
      expect(siteOptionsFromConfig({ cache: false }, root, []).cache).toBeUndefined();
      expect(() => siteOptionsFromConfig({ ca: ['missing.pem'] }, root, [])).toThrow(/site\.ca\[0\]: cannot read .*missing\.pem: ENOENT/);
      expect(() => siteOptionsFromConfig({ remap: [{ pattern: '(', replacement: '' }] }, root, [])).toThrow(/site\.remap\[0\]\.pattern/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
