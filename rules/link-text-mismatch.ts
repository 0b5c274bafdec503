import { defineRule } from '../src/rule.js';
import { looksLikeUrl } from '../src/extract/urls.js';
import { sameUrl } from '../src/model/url.js';

export default defineRule({
  meta: {
    id: 'link-text-mismatch',
    defaultSeverity: 'error',
    description: {
      nl: 'Een link waarvan de tekst een webadres is, moet naar dat adres gaan.',
      en: 'A link whose text is a web address must point to that address.',
    },
    defaultOptions: {},
  },
  check({ refs }) {
    return refs.urls
      .filter((ref) => ref.linked && ref.linkText && looksLikeUrl(ref.linkText) && !sameUrl(ref.linkText, ref.href))
      .map((ref) => ({
        message: {
          nl: `De linktekst ${ref.linkText} verwijst naar een ander adres: ${ref.href}. Wie de brief op papier leest, typt ${ref.linkText}.`,
          en: `The link text ${ref.linkText} points to a different address: ${ref.href}. A reader of the printed letter types ${ref.linkText}.`,
        },
        location: ref.location,
        url: ref.href,
      }));
  },
});
