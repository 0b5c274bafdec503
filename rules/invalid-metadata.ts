import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'invalid-metadata',
    defaultSeverity: 'warn',
    description: {
      nl: 'De verzenddatum en het aantal ontvangers in de metadata van de brief moeten leesbaar zijn.',
      en: "The mailing date and number of recipients in the letter's metadata must be readable.",
    },
    defaultOptions: {},
  },
  check({ letter }) {
    return (letter.meta.invalid ?? []).map(({ key, value, expected }) => ({
      message:
        expected === 'date'
          ? {
              nl: `${key} “${value}” is geen datum die brieflint kan lezen: schrijf JJJJ-MM-DD (bijv. 2027-03-01). Zonder verzenddatum wordt de KCC-briefing aan vandaag getoetst.`,
              en: `${key} “${value}” is not a date brieflint can read: write YYYY-MM-DD (e.g. 2027-03-01). Without a mailing date the KCC briefing is checked against today.`,
            }
          : {
              nl: `${key} “${value}” is geen aantal: schrijf een getal, bijv. 1250.`,
              en: `${key} “${value}” is not a count: write a number, e.g. 1250.`,
            },
    }));
  },
});
