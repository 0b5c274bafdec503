import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'placeholder-url',
    defaultSeverity: 'error',
    description: {
      nl: 'Een placeholder mag niet op de plek van een webadres of in een webadres staan.',
      en: 'A placeholder must not stand where a web address belongs, nor inside one.',
    },
    defaultOptions: {},
  },
  check({ refs }) {
    return refs.placeholders
      .filter((p) => p.inUrl)
      .map((p) => ({
        message: {
          nl: `Placeholder ${p.printed} staat waar een webadres hoort: vul het echte adres in voordat de brief verstuurd wordt.`,
          en: `Placeholder ${p.printed} stands where a web address belongs: fill in the real address before the letter is mailed.`,
        },
        location: p.location,
      }));
  },
});
