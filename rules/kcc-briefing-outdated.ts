import { defineRule } from '../src/rule.js';
import type { Message } from '../src/types.js';
import { briefingLabel, choiceNote } from '../src/model/briefing-match.js';
import { briefingFacts } from '../src/model/letter-facts.js';
import { dateEn, dateNl, daysBetween } from '../src/model/date.js';

export interface KccBriefingOutdatedOptions {
  /** Days after the mailing date the briefing must still be valid (residents call for weeks). */
  minDaysAfterMailing: number;
}

export default defineRule<KccBriefingOutdatedOptions>({
  meta: {
    id: 'kcc-briefing-outdated',
    defaultSeverity: 'error',
    description: {
      nl: 'De KCC-briefing geldt op de verzenddatum en nog minstens zes weken daarna.',
      en: 'The KCC briefing is valid on the mailing date and for at least six weeks after it.',
    },
    needs: ['kcc'],
    defaultOptions: { minDaysAfterMailing: 42 },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        minDaysAfterMailing: {
          description: 'Days after the mailing date the briefing must still be valid (default 42).',
          type: 'integer',
          minimum: 0,
        },
      },
    },
  },
  check({ letter, refs, facts, options, about }) {
    const kcc = facts.kcc;
    if (!kcc) return [];
    const days = options.minDaysAfterMailing ?? 42;
    // The facts use the option from the config; a rule run on its own with other options works them out again.
    const known = about?.briefing && about.briefing.minDays === days ? about.briefing : briefingFacts(letter, refs, kcc, facts.today, days);
    const { chosen, date, fromToday, mustRunUntil: until } = known;
    if (!chosen) return []; // kcc-briefing-missing reports it
    const b = chosen.briefing;
    const label = briefingLabel(b);
    const note = choiceNote(known.covering, chosen);
    const ref: Message = fromToday
      ? { nl: `vandaag (${dateNl(date)})`, en: `today (${dateEn(date)})` }
      : { nl: `de verzenddatum ${dateNl(date)}`, en: `the mailing date ${dateEn(date)}` };
    const noDate: Message = fromToday
      ? {
          nl: ' De brief heeft geen verzenddatum, dus is gekeken naar vandaag.',
          en: ' The letter has no mailing date, so it was checked against today.',
        }
      : { nl: '', en: '' };

    const folder = b.source === 'folder';
    const fromField: Message = folder ? { nl: 'validFrom', en: 'validFrom' } : { nl: 'de begindatum', en: 'the start date' };
    const untilField: Message = folder ? { nl: 'validUntil', en: 'validUntil' } : { nl: 'de einddatum', en: 'the end date' };

    let message: Message | undefined;
    let hint: Message | undefined;
    if (b.validFrom && b.validFrom > date) {
      message = {
        nl: `De KCC-briefing ${label.nl} geldt pas vanaf ${dateNl(b.validFrom)}, maar op ${ref.nl} moet het KCC al weten wat er in de brief staat.`,
        en: `The KCC briefing ${label.en} only applies from ${dateEn(b.validFrom)}, but the contact centre must know about the letter on ${ref.en}.`,
      };
      hint = { nl: `Zet ${fromField.nl} op ${date} of eerder.`, en: `Set ${fromField.en} to ${date} or earlier.` };
    } else if (b.validUntil && b.validUntil < date) {
      message = {
        nl: `De KCC-briefing ${label.nl} is verlopen op ${dateNl(b.validUntil)}, vóór ${ref.nl}.`,
        en: `The KCC briefing ${label.en} expired on ${dateEn(b.validUntil)}, before ${ref.en}.`,
      };
      hint = {
        nl: `Werk de briefing bij en zet ${untilField.nl} op ${until} of later.`,
        en: `Update the briefing and set ${untilField.en} to ${until} or later.`,
      };
    } else if (b.validUntil && b.validUntil < until) {
      const left = daysBetween(date, b.validUntil);
      message = {
        nl: `De KCC-briefing ${label.nl} loopt af op ${dateNl(b.validUntil)}, ${left} ${left === 1 ? 'dag' : 'dagen'} na ${ref.nl}; inwoners bellen nog weken na verzending, dus de briefing moet minstens ${days} dagen blijven gelden (tot ${dateNl(until)}).`,
        en: `The KCC briefing ${label.en} ends on ${dateEn(b.validUntil)}, ${left} ${left === 1 ? 'day' : 'days'} after ${ref.en}; residents call for weeks after a mailing, so it must stay valid for at least ${days} days (until ${dateEn(until)}).`,
      };
      hint = { nl: `Zet ${untilField.nl} op ${until} of later.`, en: `Set ${untilField.en} to ${until} or later.` };
    }
    if (!message) return [];
    return [
      {
        message: { nl: message.nl + note.nl + noDate.nl, en: message.en + note.en + noDate.en },
        ...(hint ? { hint } : {}),
      },
    ];
  },
});
