import { describe, expect, it } from 'vitest';
import { displayUrl, domainName, hostForMessage, hostnameOf, hostPart, parseUrl, parseWebUrl, redactUrl, withoutCredentials, withoutHttps, withoutScheme, withoutWww } from '../../src/model/url.js';

describe('src/model/url.ts', () => {
  it('parseUrl: a URL, relative to a base, or undefined for text that is none', () => {
    expect(parseUrl('https://x.nl/a')?.pathname).toBe('/a');
    expect(parseUrl('../b', 'https://x.nl/a/c')?.href).toBe('https://x.nl/b');
    expect(parseUrl('x.nl/a')).toBeUndefined();
    expect(parseUrl('https://')).toBeUndefined();
  });

  it('parseWebUrl: http(s) only', () => {
    expect(parseWebUrl('http://x.nl')?.host).toBe('x.nl');
    expect(parseWebUrl('mailto:a@x.nl')).toBeUndefined();
    expect(parseWebUrl('ftp://x.nl/')).toBeUndefined();
  });

  it('the two hosts: one to compare (lower case, no port), one to name in a message (port kept, bad text as written)', () => {
    expect(hostnameOf('https://WWW.X.nl:8443/a')).toBe('www.x.nl');
    expect(hostnameOf('geen url')).toBeUndefined();
    expect(hostForMessage('https://x.nl:8443/a')).toBe('x.nl:8443');
    expect(hostForMessage('geen url')).toBe('geen url');
  });

  it('withoutScheme drops any scheme and its //, withoutWww a leading www. only, hostPart the host of either form', () => {
    expect(withoutScheme('HTTPS://x.nl/a')).toBe('x.nl/a');
    expect(withoutScheme('ftp://x.nl')).toBe('x.nl');
    expect(withoutScheme('x.nl/https://y')).toBe('x.nl/https://y');
    expect(withoutScheme('mailto:a@x.nl')).toBe('mailto:a@x.nl');
    expect(withoutWww('www.x.nl')).toBe('x.nl');
    expect(withoutWww('WWW.x.nl')).toBe('x.nl');
    expect(withoutWww('wwwx.nl')).toBe('wwwx.nl');
    expect(withoutWww('a.www.x.nl')).toBe('a.www.x.nl');
    expect(hostPart('https://user@www.x.nl:8443/a?b')).toBe('www.x.nl');
    expect(hostPart('x.nl/a')).toBe('x.nl');
  });

  it('shown to a resident: without https://, a bare host without its slash', () => {
    expect(withoutHttps('https://x.nl/')).toBe('x.nl/');
    expect(displayUrl('https://x.nl/')).toBe('x.nl');
    expect(displayUrl('HTTPS://x.nl/a/')).toBe('x.nl/a/');
    expect(displayUrl('http://x.nl/')).toBe('http://x.nl/');
  });

  it('redactUrl: no user name or password, in a URL or in text that is none', () => {
    expect(redactUrl('https://user:geheim@x.nl/a')).toBe('https://x.nl/a');
    expect(redactUrl('http://proxy.x.nl:8080')).toBe('http://proxy.x.nl:8080/');
    expect(redactUrl('http://user:geheim@[bad')).toBe('http://[bad');
    // As written for the verbose log: nothing else changes.
    expect(withoutCredentials('HTTPS://user:geheim@X.nl')).toBe('HTTPS://X.nl');
    expect(withoutCredentials('https://x.nl/a@b')).toBe('https://x.nl/a@b');
  });

  it('domainName: what a domain setting stands for', () => {
    expect(domainName('https://www.Lindendal.nl/afval')).toBe('lindendal.nl');
    expect(domainName('lindendal.nl.')).toBe('lindendal.nl');
    expect(domainName('lindendal')).toBeUndefined();
  });
});
