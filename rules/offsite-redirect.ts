import { defineRule } from '../src/rule.js';
import { displayUrl, hostnameOf, onDomain } from '../src/model/url.js';
import type { Report } from '../src/types.js';
import { addressLabel, siteResults } from '../src/model/site-results.js';

export interface OffsiteRedirectOptions {
  /** Domains a redirect may end on without a warning (subdomains included). */
  allow: string[];
}

/** A URL on the gemeente's own domain that redirects to another domain. */
export default defineRule<OffsiteRedirectOptions>({
  meta: {
    id: 'offsite-redirect',
    defaultSeverity: 'warn',
    description: {
      nl: 'Een afgedrukt adres op het eigen domein stuurt door naar een ander domein.',
      en: "A printed URL on the gemeente's own domain redirects to another domain.",
    },
    needs: ['site'],
    defaultOptions: { allow: [] },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { allow: { type: 'array', items: { type: 'string' }, default: [] } },
    },
  },
  check({ refs, facts, options, about }) {
    const allow = (options.allow ?? []).map((d) => d.toLowerCase());
    const reports: Report[] = [];
    for (const a of siteResults(refs, facts, about?.addresses)) {
      const { ref, result } = a;
      const label = addressLabel(a);
      if (!result.offsite || (result.kind !== 'ok' && result.kind !== 'protected')) continue;
      const host = hostnameOf(result.finalUrl) ?? '';
      if (onDomain(host, allow)) continue;
      const to = displayUrl(result.finalUrl);
      reports.push({
        message: {
          nl: `${label.nl} stuurt door naar een ander domein: ${to}.`,
          en: `${label.en} redirects to another domain: ${to}.`,
        },
        location: ref.location,
        url: a.href,
        hint: {
          nl: `Druk het adres af waar de lezer echt uitkomt, of voeg ${host} toe aan de optie allow als dit zo hoort.`,
          en: `Print the address the reader really lands on, or add ${host} to the allow option if this is intended.`,
        },
      });
    }
    return reports;
  },
});
