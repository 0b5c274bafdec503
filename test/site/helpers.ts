import type { LookupFunction } from 'node:net';
import { startSiteServer, testCerts, type Routes, type SiteServer } from '../../fixtures/site/server.mjs';
import type { SiteOptions, UrlResult } from '../../src/facts/site/index.js';

/** Every host the tests use: all of them are mapped to the local test server. */
export const HOSTS = [
  'voorbeeldstad.example',
  'www.voorbeeldstad.example',
  'forms.voorbeeldstad.example',
  'kcc.voorbeeldstad.example',
  'login.voorbeeldstad.example',
  'www.regelhulp.example',
  'digid.nl',
  'was.digid.nl',
  'eherkenning.broker.example',
];

/** DNS that knows nothing (and `localhost`): an unmapped host can never reach the internet. */
export const noDns: LookupFunction = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (hostname === 'localhost') {
    if (options?.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
    return;
  }
  callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }));
}) as unknown as LookupFunction;

export async function startServer(routes: Routes, cert = testCerts.server): Promise<SiteServer> {
  return startSiteServer({ routes, https: cert });
}

/** Options pointing every host (named ones, and any host on 80/443) at the server. */
export function optionsFor(server: SiteServer, extra: Partial<SiteOptions> = {}): SiteOptions {
  return {
    domains: ['voorbeeldstad.example'],
    connectTo: [...server.connectTo(HOSTS), ...server.connectTo()],
    ca: [testCerts.ca],
    lookup: noDns,
    timeoutMs: 3_000,
    retries: 2,
    retryBaseMs: 5,
    maxRetryWaitMs: 2_000,
    ...extra,
  };
}

/** A site result for `url`: a live 200 page on an own domain, changed by `partial`. */
export function urlResult(url: string, partial: Partial<UrlResult> = {}): UrlResult {
  return {
    url,
    fetchedUrl: url,
    kind: 'ok',
    finalUrl: url,
    status: 200,
    chain: [{ url, status: 200 }],
    offsite: false,
    ownDomain: true,
    variants: [],
    fromCache: false,
    checkedAt: '2026-01-01T00:00:00.000Z',
    ...partial,
  };
}
