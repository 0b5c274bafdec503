/**
 * Requests in flight per host: the gemeente's own hosts (`domains`) get `ownPerHost` (default 10),
 * other hosts `perHost` (default 6); a config that sets only `perHost` keeps it for every host.
 * Counted by a real server on 127.0.0.1 that holds each answer for a while.
 */
import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite, type SiteOptions } from '../../src/facts/site/index.js';
import { page, startSiteServer, type SiteServer } from '../../fixtures/site/server.mjs';

let server: SiteServer;
beforeAll(async () => {
  const routes: Record<string, { body: string; delayMs: number }> = {};
  for (let i = 0; i < 24; i++) routes[`/pagina-${i}`] = { body: page('Pagina', '<p>Tekst.</p>'), delayMs: 150 };
  server = await startSiteServer({ routes });
});
afterAll(() => server.close());

/** Every name is 127.0.0.1 (nothing leaves the machine). */
const loopback = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (options?.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}) as unknown as LookupFunction;

/** The most requests the server had in flight while brieflint checked 24 addresses on one host. */
async function inFlight(host: string, extra: Partial<SiteOptions> = {}): Promise<number> {
  server.reset();
  // An explicit port: no typed variants, so every request goes to this one host.
  const hrefs = Array.from({ length: 24 }, (_, i) => `http://${host}:${server.httpPort}/pagina-${i}`);
  const facts = await checkSite(hrefs, { domains: ['voorbeeldstad.example'], allowPrivate: true, lookup: loopback, probe: false, retries: 0, concurrency: 64, ...extra });
  expect(Object.values(facts.urls).every((r) => r.kind === 'ok')).toBe(true);
  return server.maxInFlight;
}

describe('requests in flight per host', () => {
  it('defaults: 10 to an own host, 6 to another', async () => {
    expect(await inFlight('forms.voorbeeldstad.example')).toBe(10);
    expect(await inFlight('127.0.0.1')).toBe(6);
  });

  it('perHost alone holds for every host, as before ownPerHost existed; ownPerHost sets the own hosts', async () => {
    expect(await inFlight('forms.voorbeeldstad.example', { perHost: 3 })).toBe(3);
    expect(await inFlight('127.0.0.1', { perHost: 3 })).toBe(3);
    expect(await inFlight('forms.voorbeeldstad.example', { perHost: 3, ownPerHost: 12 })).toBe(12);
    expect(await inFlight('127.0.0.1', { perHost: 3, ownPerHost: 12 })).toBe(3);
  });
});
