import { defineRule } from '../src/rule.js';
import type { Message, Report } from '../src/types.js';
import { formLabel, formResults, formWhere } from '../src/model/form-results.js';
import { addressLabel } from '../src/model/site-results.js';
import type { FormResult } from '../src/facts/forms/types.js';

/**
 * What is wrong with the form, as a predicate ("is in onderhoud: …"), and what to do about it;
 * undefined when it can be used.
 */
function problem(form: FormResult): { what: Message; hint: Message } | undefined {
  switch (form.state) {
    case 'missing':
      return form.listChecked
        ? {
            what: { nl: 'bestaat niet meer in Open Formulieren', en: 'no longer exists in Open Formulieren' },
            hint: { nl: 'Zet het formulier terug of verwijs in de brief naar het formulier dat ervoor in de plaats kwam.', en: 'Restore the form or point the letter at the form that replaced it.' },
          }
        : {
            what: {
              nl: 'is niet beschikbaar: Open Formulieren kent het niet (uitgeschakeld of verwijderd)',
              en: 'is not available: Open Formulieren does not know it (switched off or deleted)',
            },
            hint: {
              nl: 'Zet het formulier aan of verwijs naar het juiste formulier. Met een API-token (forms.tokenEnv) ziet brieflint of het uitstaat of weg is.',
              en: 'Switch the form on or point at the right form. With an API token (forms.tokenEnv) brieflint can tell switched off from deleted.',
            },
          };
    case 'inactive':
      return {
        what: { nl: 'staat uit in Open Formulieren: inwoners kunnen het niet invullen', en: 'is switched off in Open Formulieren: residents cannot fill it in' },
        hint: { nl: 'Zet het formulier aan (actief) vóór de brief de deur uitgaat.', en: 'Switch the form on (active) before the letter goes out.' },
      };
    case 'maintenance':
      return {
        what: { nl: 'is in onderhoud: inwoners zien alleen een onderhoudsmelding', en: 'is in maintenance: residents only see a maintenance notice' },
        hint: { nl: 'Haal het formulier uit onderhoudsmodus vóór de brief de deur uitgaat.', en: 'Take the form out of maintenance mode before the letter goes out.' },
      };
    case 'closed':
      return {
        what:
          form.submissionAllowed === 'no_with_overview'
            ? {
                nl: 'neemt geen inzendingen aan: inwoners kunnen het invullen en het overzicht zien, maar niet versturen',
                en: 'does not accept submissions: residents can fill it in and see the overview, but not send it',
              }
            : { nl: 'neemt geen inzendingen aan: inwoners kunnen het invullen, maar niet versturen', en: 'does not accept submissions: residents can fill it in, but not send it' },
        hint: { nl: 'Zet “inzendingen toestaan” op ja.', en: 'Set “submission allowed” to yes.' },
      };
    case 'limit-reached':
      return {
        what: { nl: 'is vol: het maximale aantal inzendingen is bereikt', en: 'is full: its maximum number of submissions has been reached' },
        hint: { nl: 'Verhoog of verwijder de limiet, of verwijs naar een ander formulier.', en: 'Raise or remove the limit, or point at another form.' },
      };
    default:
      return undefined;
  }
}

/**
 * The form behind a printed URL cannot be used: missing, switched off, in maintenance, not
 * accepting submissions, or at its submission limit — while the page around it may still answer 200.
 */
export default defineRule({
  meta: {
    id: 'form-unavailable',
    defaultSeverity: 'error',
    description: {
      nl: 'Het formulier achter een afgedrukt webadres is er niet, staat uit, is in onderhoud, neemt geen inzendingen aan of is vol.',
      en: 'The form behind a printed URL is missing, switched off, in maintenance, not accepting submissions, or full.',
    },
    needs: ['site', 'forms'],
    defaultOptions: {},
  },
  check({ refs, facts, about }) {
    const reports: Report[] = [];
    for (const a of formResults(refs, facts, about?.addresses)) {
      const { ref, form } = a;
      const found = problem(form);
      if (!found) continue;
      const { what, hint } = found;
      const label = formLabel(form);
      const where = formWhere(form);
      const at = a.side === 'link' || a.side === 'qr' ? lower(addressLabel(a)) : { nl: ref.printed, en: ref.printed };
      // A QR code is scanned, not visited: the form is behind it.
      const on = a.side === 'qr' ? { nl: 'achter', en: 'behind' } : { nl: 'op', en: 'at' };
      reports.push({
        message: {
          nl: `${cap(label.nl)} ${on.nl} ${at.nl}${where.nl} ${what.nl}.`,
          en: `${cap(label.en)} ${on.en} ${at.en}${where.en} ${what.en}.`,
        },
        location: ref.location,
        url: a.href,
        hint,
      });
    }
    return reports;
  },
});

/** "De link achter X (Y)" in the middle of a sentence. */
function lower(m: Message): Message {
  return { nl: m.nl.charAt(0).toLowerCase() + m.nl.slice(1), en: m.en.charAt(0).toLowerCase() + m.en.slice(1) };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
