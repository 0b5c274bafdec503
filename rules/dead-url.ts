import { defineRule } from '../src/rule.js';
import type { Report } from '../src/types.js';
import { liveVariant, notLiveCause, perCause, siteResults } from '../src/model/site-results.js';

export interface DeadUrlOptions {
  /** Also report soft 404s: a "page not found" served as 200, a redirect to the home page or to /404. */
  softNotFound: boolean;
}

/**
 * A printed URL that leads nowhere: 404, 410, another 4xx, a 5xx that persists after retries, or
 * a soft 404. When a typed variant (www., no www., http://) does work, typed-url-variant reports it.
 */
export default defineRule<DeadUrlOptions>({
  meta: {
    id: 'dead-url',
    defaultSeverity: 'error',
    description: {
      nl: 'Een afgedrukt webadres leidt naar een pagina die niet bestaat (404, 410, serverfout of verborgen 404).',
      en: 'A printed URL leads to a page that does not exist (404, 410, server error or soft 404).',
    },
    needs: ['site'],
    defaultOptions: { softNotFound: true },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { softNotFound: { type: 'boolean', default: true } },
    },
  },
  check({ refs, facts, options, about }) {
    const reports: Report[] = [];
    const failing = perCause(siteResults(refs, facts, about?.addresses), ({ result }) => {
      if (result.kind !== 'dead' && !(result.kind === 'soft-404' && options.softNotFound !== false)) return undefined;
      return liveVariant(result) ? undefined : notLiveCause(result);
    });
    for (const { label, cause, first, all } of failing) {
      const both = all.length > 1;
      reports.push({
        message: {
          nl: `${label.nl} ${both ? 'werken' : 'werkt'} niet: ${cause.nl}.`,
          en: `${label.en} ${both ? 'do' : 'does'} not work: ${cause.en}.`,
        },
        location: first.ref.location,
        url: first.href,
        hint: {
          nl: 'Zet de pagina (weer) online of laat het oude adres doorverwijzen, of pas het adres in de brief aan.',
          en: 'Put the page (back) online or redirect the old address, or change the address in the letter.',
        },
      });
    }
    return reports;
  },
});
