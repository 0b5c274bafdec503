import { defineRule } from '../src/rule.js';

export default defineRule({
  meta: {
    id: 'tracked-changes',
    defaultSeverity: 'warn',
    description: {
      nl: 'Een Word-brief met niet-verwerkte wijzigingen (Wijzigingen bijhouden) is nog geen eindversie.',
      en: 'A Word letter with tracked changes that were not accepted or rejected is not a final version.',
    },
    defaultOptions: {},
  },
  check({ letter }) {
    const changes = letter.trackedChanges;
    if (!changes) return [];
    const { insertions, deletions } = changes;
    const total = insertions + deletions;
    return [
      {
        message: {
          nl: `Het document bevat ${total} niet-verwerkte ${total === 1 ? 'wijziging' : 'wijzigingen'} (${insertions} toegevoegd, ${deletions} verwijderd). brieflint heeft de tekst gelezen alsof alles is geaccepteerd; wat verstuurd wordt kan anders zijn.`,
          en: `The document holds ${total} tracked ${total === 1 ? 'change' : 'changes'} (${insertions} inserted, ${deletions} deleted). brieflint read the text as if all were accepted; what is mailed may differ.`,
        },
        hint: {
          nl: 'Accepteer of weiger alle wijzigingen (Controleren › Accepteren › Alle wijzigingen accepteren) en controleer de brief opnieuw.',
          en: 'Accept or reject every change (Review › Accept › Accept All Changes) and check the letter again.',
        },
      },
    ];
  },
});
