import { defineRule } from '../src/rule.js';
import type { Report } from '../src/types.js';
import { liveVariant, siteResults, unreachableCause } from '../src/facts/site/results.js';

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
  check({ refs, facts }) {
    const reports: Report[] = [];
    for (const { ref, result } of siteResults(refs, facts)) {
      if (result.kind !== 'unreachable' || liveVariant(result)) continue;
      const cause = unreachableCause(result);
      reports.push({
        message: {
          nl: `${ref.printed} is niet bereikbaar: ${cause.nl}.`,
          en: `${ref.printed} cannot be reached: ${cause.en}.`,
        },
        location: ref.location,
        url: ref.href,
        hint:
          result.error === 'tls'
            ? { nl: 'Laat de beheerder van de site het certificaat vernieuwen of corrigeren.', en: 'Ask the site administrator to renew or fix the certificate.' }
            : { nl: 'Controleer het adres en vraag de beheerder van de site of die online is.', en: 'Check the address and ask the site administrator whether it is online.' },
      });
    }
    return reports;
  },
});
