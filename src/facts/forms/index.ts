/**
 * The online-forms check: for every printed URL the live-site check reached, find the
 * form on its landing page and ask Open Formulieren whether it is open. Runs after checkSite() on
 * its SiteFacts (the landing pages are not fetched again); every distinct Open Formulieren form is
 * asked about once per run.
 */
import { isLive } from '../../model/site-results.js';
import { openConnection } from '../site/index.js';
import type { SiteFacts, UrlResult } from '../site/types.js';
import { OpenFormsClient } from './api.js';
import { detectForms, type DetectedForm } from './detect.js';
import type { FormResult, FormsFacts, FormsOptions } from './types.js';

export type * from './types.js';
export { formsConfigSchema, formsOptionsFromConfig, parseHostEntry } from './config.js';
export { detectForms, htmlForms, standaloneForm, normalizeApiBase, matchHost, apiBaseOf, isUuid } from './detect.js';
export type { DetectedForm, DetectHosts } from './detect.js';
export { formAnswerFromJson, formDetailUrl, publicFormsUrl, problemSummary, listedForms } from './api.js';
export * from '../../model/form-results.js';

export const FORMS_DEFAULTS = {
  concurrency: 8,
  perHost: 4,
  maxBodyBytes: 512 * 1024,
  maxRedirects: 5,
} as const;

const HTML_TYPE = /html|xml/i;

/** The form found for one site result before the API is asked (undefined: nothing to say). */
function landingForm(result: UrlResult, options: FormsOptions): { detected?: DetectedForm; none?: FormResult } | undefined {
  if (!isLive(result.kind)) return undefined;
  const hosts = { openFormsHosts: options.openFormsHosts, formHosts: options.formHosts };
  const type = result.contentType ?? '';
  const html = result.body !== undefined && (type === '' || HTML_TYPE.test(type)) ? result.body : undefined;
  const [best] = detectForms(html, result.finalUrl, hosts);
  if (best) return { detected: best };
  // Behind a login wall the page itself is not seen: nothing can be said about a form on it.
  if (result.kind === 'protected') return undefined;
  if (type && !HTML_TYPE.test(type)) return { none: { state: 'none', reason: `not an HTML page (${type.split(';')[0].trim()})` } };
  if (html === undefined) return { none: { state: 'unknown', reason: 'no HTML of the landing page was kept' } };
  return { none: { state: 'none' } };
}

/**
 * Find the form behind every live printed URL in `site` and ask Open Formulieren about each
 * distinct one. Results are keyed like `site.urls`; a URL whose page could not be seen (dead,
 * unreachable, a login wall without a known form) has no entry.
 */
export async function checkForms(site: SiteFacts, options: FormsOptions): Promise<FormsFacts> {
  const http = openConnection(options, FORMS_DEFAULTS, {
    headers: { accept: 'application/json, application/problem+json;q=0.9, */*;q=0.1', 'accept-language': 'nl,en;q=0.7' },
    ...(options.onAttempt ? { onAttempt: options.onAttempt } : {}),
  });
  const client = new OpenFormsClient({
    client: http,
    maxBodyBytes: options.maxBodyBytes ?? FORMS_DEFAULTS.maxBodyBytes,
    token: options.token,
    tokenOrigins: new Set(options.openFormsHosts.map((h) => h.origin)),
    tokenEnv: options.tokenEnv,
  });

  const urls: Record<string, FormResult> = {};
  let pages = 0;
  let failed = false;
  try {
    await Promise.all(
      Object.entries(site.urls).map(async ([href, result]) => {
        const found = landingForm(result, options);
        if (!found) return;
        pages++;
        if (found.none) {
          urls[href] = found.none;
          return;
        }
        const d = found.detected as DetectedForm;
        const base: FormResult = {
          platform: d.platform,
          state: d.state ?? 'unknown',
          source: d.source,
          ...(d.slug ? { slug: d.slug } : {}),
          ...(d.uuid ? { uuid: d.uuid } : {}),
          ...(d.formUrl ? { formUrl: d.formUrl } : {}),
          ...(d.reason ? { reason: d.reason } : {}),
        };
        if (d.platform !== 'open-formulieren' || d.state || !d.apiBase) {
          urls[href] = base;
          return;
        }
        const answer = await client.form(d.apiBase, (d.uuid ?? d.slug) as string);
        const merged: FormResult = { ...base, ...answer };
        // The page's identifier wins; the API fills in the other one.
        if (d.slug) merged.slug = d.slug;
        if (d.uuid) merged.uuid = d.uuid;
        urls[href] = merged;
      }),
    );
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    await (failed ? http.destroy() : http.close()).catch(() => undefined);
  }
  // Stable order: as in site.urls.
  const ordered: Record<string, FormResult> = {};
  for (const href of Object.keys(site.urls)) if (urls[href]) ordered[href] = urls[href];
  return { urls: ordered, stats: { pages, forms: client.formsAsked, requests: client.requests } };
}
