import { defineRule } from '../src/rule.js';
import type { Report } from '../src/types.js';
import { liveVariant, perCause, siteResults, unreachableCause } from '../src/model/site-results.js';

/**
 * A printed URL that gives no answer at all: the domain does not exist (DNS), the connection is
 * refused, the certificate is wrong (TLS), it times out after retries, the connection is dropped,
 * it points into an internal network, or it redirects in a loop.
 */
export default defineRule<Record<string, never>>({
  meta: {
    id: 'unreachable-url',
    defaultSeverity: 'error',
    description: {
      nl: 'Een afgedrukt webadres is niet bereikbaar (DNS, verbinding geweigerd, certificaat, time-out).',
      en: 'A printed URL cannot be reached (DNS, connection refused, certificate, timeout).',
    },
    needs: ['site'],
    defaultOptions: {},
  },
  check({ refs, facts, about }) {
    const reports: Report[] = [];
    const failing = perCause(siteResults(refs, facts, about?.addresses), ({ result }) =>
      result.kind !== 'unreachable' || liveVariant(result) ? undefined : unreachableCause(result),
    );
    for (const { label, cause, first, all } of failing) {
      const both = all.length > 1;
      reports.push({
        message: {
          nl: `${label.nl} ${both ? 'zijn' : 'is'} niet bereikbaar: ${cause.nl}.`,
          en: `${label.en} cannot be reached: ${cause.en}.`,
        },
        location: first.ref.location,
        url: first.href,
        hint:
          first.result.error === 'tls'
            ? { nl: 'Laat de beheerder van de site het certificaat vernieuwen of corrigeren.', en: 'Ask the site administrator to renew or fix the certificate.' }
            : { nl: 'Controleer het adres en vraag de beheerder van de site of die online is.', en: 'Check the address and ask the site administrator whether it is online.' },
      });
    }
    return reports;
  },
});
