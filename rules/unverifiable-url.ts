import { defineRule } from '../src/rule.js';
import type { Report } from '../src/types.js';
import { perCause, siteResults, unverifiableCause } from '../src/model/site-results.js';

/** A bot wall or a lasting rate limit kept the answer from brieflint: check this URL by hand. */
export default defineRule<Record<string, never>>({
  meta: {
    id: 'unverifiable-url',
    defaultSeverity: 'warn',
    description: {
      nl: 'Een afgedrukt adres kon niet worden gecontroleerd: een botbeveiliging of limiet hield brieflint tegen.',
      en: 'A printed URL could not be checked: a bot wall or rate limit kept brieflint out.',
    },
    needs: ['site'],
    defaultOptions: {},
  },
  check({ refs, facts, about }) {
    const reports: Report[] = [];
    const blocked = perCause(siteResults(refs, facts, about?.addresses), ({ result }) => (result.kind === 'unverifiable' ? unverifiableCause(result) : undefined));
    for (const { label, cause, first } of blocked) {
      reports.push({
        message: {
          nl: `${label.nl} kon niet worden gecontroleerd: ${cause.nl}.`,
          en: `${label.en} could not be checked: ${cause.en}.`,
        },
        location: first.ref.location,
        url: first.href,
        hint: {
          nl: 'Open het adres zelf in een browser; laat brieflint eventueel toe in de botbeveiliging.',
          en: 'Open the address in a browser yourself; consider allowing brieflint through the bot protection.',
        },
      });
    }
    return reports;
  },
});
