/**
 * qr-mismatch on prebuilt references and site facts (the rule tester), and the acceptance-host
 * patterns. The real readers and the live site are in read.test.ts and live.test.ts.
 */
import { describe, expect, it } from 'vitest';
import qrMismatch, { isAcceptanceHost } from '../../rules/qr-mismatch.js';
import type { Facts } from '../../src/facts/types.js';
import type { UrlResult } from '../../src/facts/site/types.js';
import type { QrRef, References, UrlRef } from '../../src/types.js';
import { urlResult } from '../site/helpers.js';
import { contains, ruleTester } from '../rule-tester.js';

const V = 'https://voorbeeldstad.example';

function printed(href: string, line = 4): UrlRef {
  return { printed: href.replace(/^https:\/\//, ''), href, location: { line, column: 10, part: 'body' }, linked: false, visible: true };
}

function code(href: string, url?: number, line = 4): QrRef {
  return { payload: href, kind: 'url', href, location: { line, column: 40, part: 'body' }, image: 'word/media/image1.png', region: { x: 0, y: 0, width: 100, height: 100 }, ...(url !== undefined ? { url } : {}) };
}

function refsOf(urls: UrlRef[], qr: QrRef[]): References {
  return { urls, forms: [], phones: [], emails: [], logins: [], placeholders: [], qr };
}

function live(results: UrlResult[]): Facts {
  return { offline: false, today: '2027-01-10', site: { urls: Object.fromEntries(results.map((r) => [r.url, r])), stats: { urls: results.length, requests: 0, cacheHits: 0 } } };
}

describe('acceptance and test hosts', () => {
  it.each([
    'acc.voorbeeldstad.nl',
    'www.acc.voorbeeldstad.nl',
    'acceptatie.voorbeeldstad.nl',
    'test.voorbeeldstad.nl',
    'tst.voorbeeldstad.nl',
    'staging.voorbeeldstad.nl',
    'ontw.voorbeeldstad.nl',
    'dev.voorbeeldstad.nl',
    'acc2.voorbeeldstad.nl',
    'www-acc.voorbeeldstad.nl',
    'acc-www.voorbeeldstad.nl',
    'formulieren-test.voorbeeldstad.nl',
    'voorbeeldstad-acc.nl',
    'voorbeeldstad-tst.nl',
    'uat.loket.voorbeeldstad.nl',
  ])('%s is one', (host) => expect(isAcceptanceHost(host)).toBe(true));

  it.each(['voorbeeldstad.nl', 'www.voorbeeldstad.nl', 'contest.voorbeeldstad.nl', 'accountant.nl', 'corona-test.nl', 'testament.voorbeeldstad.nl', 'developer.mozilla.org', 'mijn.overheid.nl'])(
    '%s is not',
    (host) => expect(isAcceptanceHost(host)).toBe(false),
  );

  it('takes more hosts from the option (subdomains too)', () => {
    expect(isAcceptanceHost('preview.voorbeeldstad.nl')).toBe(false);
    expect(isAcceptanceHost('nieuw.preview.voorbeeldstad.nl', ['preview.voorbeeldstad.nl'])).toBe(true);
  });
});

ruleTester(qrMismatch).run({
  valid: [
    { name: 'the same address, offline', refs: refsOf([printed(`${V}/afval`)], [code(`${V}/afval`, 0)]) },
    {
      name: 'the same page: scheme, www., trailing slash, fragment and tracking parameters differ',
      refs: refsOf([printed(`${V}/afval`)], [code(`http://www.voorbeeldstad.example/afval/?utm_source=brief&utm_medium=qr&mtm_campaign=x#aanvragen`, 0)]),
    },
    {
      name: 'live: other addresses that land on the same final page',
      refs: refsOf([printed(`${V}/afval`)], [code(`${V}/qr-afval`, 0)]),
      facts: live([urlResult(`${V}/afval`, { finalUrl: `${V}/afval-en-recycling` }), urlResult(`${V}/qr-afval`, { finalUrl: `${V}/afval-en-recycling` })]),
    },
    {
      name: 'live: a dead code is dead-url’s to report, not a mismatch',
      refs: refsOf([printed(`${V}/afval`)], [code(`${V}/oud`, 0)]),
      facts: live([urlResult(`${V}/afval`), urlResult(`${V}/oud`, { kind: 'dead', status: 404 })]),
    },
    { name: 'no address next to it, own domain', refs: refsOf([], [code(`${V}/afval`)]) },
    { name: 'no address next to it, an allowed government domain', refs: refsOf([], [code('https://www.digid.nl/inloggen')]) },
    { name: 'no own domains configured: nothing to compare with', refs: refsOf([], [code('https://bit.ly/x')]), config: { domains: [] } },
    {
      name: 'a payment code is not checked',
      refs: refsOf([], [{ ...code('x'), kind: 'epc', payload: 'BCD\n002\n1\nSCT', href: undefined }]),
    },
  ],
  invalid: [
    {
      name: 'offline: the addresses differ, and the message says it was compared without the live check',
      refs: refsOf([printed(`${V}/afval`)], [code(`${V}/afval-2026`, 0)]),
      errors: [
        {
          line: 4,
          column: 40,
          url: `${V}/afval-2026`,
          nl: 'De QR-code (voorbeeldstad.example/afval-2026) leidt naar een ander adres dan voorbeeldstad.example/afval, dat ernaast staat (vergeleken zonder de live controle: de adressen zelf verschillen).',
          en: contains('compared without the live check'),
        },
      ],
    },
    {
      name: 'live: the final pages differ',
      refs: refsOf([printed(`${V}/afval`)], [code(`${V}/qr`, 0)]),
      facts: live([urlResult(`${V}/afval`), urlResult(`${V}/qr`, { finalUrl: `${V}/campagne-2025` })]),
      errors: [
        {
          en: 'The QR code (voorbeeldstad.example/qr) leads to another page than voorbeeldstad.example/afval, printed next to it: scanning it lands on voorbeeldstad.example/campagne-2025, typing the address on voorbeeldstad.example/afval.',
        },
      ],
    },
    {
      name: 'an acceptance host, whatever is printed next to it',
      refs: refsOf([printed('https://acc.voorbeeldstad.example/afval')], [code('https://acc.voorbeeldstad.example/afval', 0)]),
      errors: [{ nl: 'De QR-code leidt naar een acceptatie- of testomgeving: acc.voorbeeldstad.example. Inwoners die hem scannen komen niet op de echte site.' }],
    },
    {
      name: 'live: a code that redirects to a test host',
      refs: refsOf([printed(`${V}/afval`)], [code(`${V}/kort`, 0)]),
      facts: live([urlResult(`${V}/afval`), urlResult(`${V}/kort`, { finalUrl: 'https://test.voorbeeldstad.example/afval' })]),
      errors: [{ en: 'The QR code leads to an acceptance or test site: test.voorbeeldstad.example (via voorbeeldstad.example/kort). Residents who scan it do not reach the live site.' }],
    },
    {
      name: 'a host named in acceptanceHosts',
      refs: refsOf([], [code('https://preview.voorbeeldstad.example/afval')]),
      options: { acceptanceHosts: ['preview.voorbeeldstad.example'] },
      errors: [{ en: contains('acceptance or test site: preview.voorbeeldstad.example') }],
    },
    {
      name: 'no address next to it, and a domain neither own nor allowed',
      refs: refsOf([], [code('https://bit.ly/afval')]),
      errors: [
        {
          en: 'The QR code leads to bit.ly/afval, not to an own or allowed domain, and no address is printed next to it: readers cannot see where it goes.',
          hint: { en: 'Make the QR code lead to a page on voorbeeldstad.example and print that address next to it; add bit.ly to allowedDomains if this domain belongs.' },
        },
      ],
    },
  ],
});
