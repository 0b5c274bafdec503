import { defineRule } from '../src/rule.js';
import type { Report } from '../src/types.js';
import { onlineFormUrls } from '../src/model/form-results.js';

/**
 * The letter asks the reader to fill in a form online at a URL ("vul het formulier in op …"), but
 * the page that URL lands on holds no form and no link to one.
 */
export default defineRule({
  meta: {
    id: 'form-not-found-on-page',
    defaultSeverity: 'warn',
    description: {
      nl: 'De brief vraagt een formulier in te vullen op een webadres, maar op die pagina staat geen formulier en geen link naar een formulier.',
      en: 'The letter asks the reader to fill in a form at a URL, but that page holds no form and no link to one.',
    },
    needs: ['site', 'forms'],
    defaultOptions: {},
  },
  check({ letter, refs, facts, config }) {
    const site = facts.site;
    const forms = facts.forms;
    if (!site || !forms) return [];
    const reports: Report[] = [];
    const done = new Set<string>();
    for (const { mention, url } of onlineFormUrls(letter, refs, config.domains)) {
      if (done.has(url.href)) continue;
      const page = site.urls[url.href];
      const form = forms.urls[url.href];
      // Only a page that was seen: dead, unreachable and login-walled pages are other rules' business.
      if (!page || page.kind !== 'ok' || form?.state !== 'none') continue;
      done.add(url.href);
      const said = mention.text.replace(/\s+/g, ' ');
      const shown = url.visible ? url.printed : url.href;
      reports.push({
        message: {
          nl: `De brief vraagt een formulier in te vullen (“${said}”), maar op ${shown} staat geen formulier en geen link naar een formulier.`,
          en: `The letter asks the reader to fill in a form (“${said}”), but ${shown} holds no form and no link to one.`,
        },
        location: url.location,
        url: url.href,
        hint: {
          nl: 'Verwijs naar de pagina met het formulier, of zet het formulier (of een link ernaar) op deze pagina. Staat het formulier op een aparte formulierensite, noem die dan in forms.openFormsHosts of forms.formHosts.',
          en: 'Point at the page with the form, or put the form (or a link to it) on this page. If forms live on a separate forms site, name it in forms.openFormsHosts or forms.formHosts.',
        },
      });
    }
    return reports;
  },
});
