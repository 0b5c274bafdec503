import { testCerts, type SiteServer } from '../../fixtures/site/server.mjs';
import { noDns } from '../site/helpers.js';
import type { SiteOptions } from '../../src/facts/site/index.js';
import { parseHostEntry, type FormsOptions } from '../../src/facts/forms/index.js';

/** Every host the forms tests use: all of them are mapped to the local test server. */
export const HOSTS = [
  'voorbeeldstad.example',
  'www.voorbeeldstad.example',
  'forms.voorbeeldstad.example',
  'loket.voorbeeldstad.example',
  'www.regelhulp.example',
  'digid.nl',
];

export { noDns, startServer } from '../site/helpers.js';

/** Site options pointing every host at the server (no typed variants, no soft-404 probe). */
export function siteOptionsFor(server: SiteServer, extra: Partial<SiteOptions> = {}): SiteOptions {
  return {
    domains: [],
    connectTo: [...server.connectTo(HOSTS), ...server.connectTo()],
    ca: [testCerts.ca],
    lookup: noDns,
    timeoutMs: 3_000,
    retries: 1,
    retryBaseMs: 5,
    maxRetryWaitMs: 200,
    probe: false,
    ...extra,
  };
}

export function formsOptionsFor(server: SiteServer, extra: Partial<FormsOptions> = {}): FormsOptions {
  return {
    openFormsHosts: [parseHostEntry('forms.voorbeeldstad.example')],
    formHosts: [parseHostEntry('loket.voorbeeldstad.example')],
    connectTo: [...server.connectTo(HOSTS), ...server.connectTo()],
    ca: [testCerts.ca],
    lookup: noDns,
    timeoutMs: 2_000,
    retries: 1,
    retryBaseMs: 5,
    maxRetryWaitMs: 200,
    ...extra,
  };
}
