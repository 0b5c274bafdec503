import { defineRule } from '../src/rule.js';
import type { Message } from '../src/types.js';
import { briefingLabel, brokenCovering, hasPlaceholder, mentioningBriefings } from '../src/model/briefing-match.js';
import { briefingFacts } from '../src/model/letter-facts.js';

export default defineRule({
  meta: {
    id: 'kcc-briefing-missing',
    defaultSeverity: 'error',
    description: {
      nl: 'Voor elke brief is er een KCC-briefing, zodat het klantcontactcentrum weet wat inwoners lezen.',
      en: 'Every letter has a KCC briefing, so the contact centre knows what residents read.',
    },
    needs: ['kcc'],
    defaultOptions: {},
  },
  check({ letter, refs, facts, about }) {
    const kcc = facts.kcc;
    if (!kcc) return [];
    // No knowledge base at all (a first run): said once for the run, not once per letter.
    if (kcc.missing) return kcc.missing.reportOn === letter.path ? [noKnowledgeBase(kcc.missing.shown, letter.path)] : [];
    const known = about?.briefing ?? briefingFacts(letter, refs, kcc, facts.today);
    if (known.state !== 'missing') {
      // A briefing written by `brieflint briefing` and never completed tells the KCC nothing yet.
      const chosen = known.chosen;
      if (!chosen || known.state !== 'draft') return [];
      const label = briefingLabel(chosen.briefing);
      return [
        {
          message: {
            nl: `De KCC-briefing ${label.nl} is nog een concept: er staan TODO's in. Het klantcontactcentrum weet nog niet wat het bellers moet vertellen.`,
            en: `The KCC briefing ${label.en} is still a draft: it holds TODOs. The contact centre does not yet know what to tell callers.`,
          },
          hint: { nl: 'Vul elke TODO in voordat de brief verstuurd wordt.', en: 'Fill in every TODO before the letter is mailed.' },
        },
      ];
    }
    const { id, kenmerk } = letter.meta;
    const where = kcc.source === 'folder' ? `${kcc.location}/` : kcc.location;
    const names = kenmerk ? `id “${id}”, kenmerk “${kenmerk}”` : `id “${id}”`;
    const urls = refs.urls.filter((u) => !hasPlaceholder(u));
    const mentions = mentioningBriefings(urls, kcc.briefings);
    const broken = brokenCovering(letter, kcc);
    let hint: Message;
    if (broken.length > 0) {
      // A briefing that could not be read may be the one: say so, rather than "write one".
      const b = broken[0];
      const more = broken.length > 1 ? { nl: ` (en nog ${broken.length - 1})`, en: ` (and ${broken.length - 1} more)` } : { nl: '', en: '' };
      hint = {
        nl: `De briefing ${b.location}${more.nl} hoort misschien bij deze brief, maar kan niet gelezen worden: ${b.reason.nl}. Herstel die briefing.`,
        en: `The briefing ${b.location}${more.en} may belong to this letter, but cannot be read: ${b.reason.en}. Fix that briefing.`,
      };
    } else if (mentions.length > 0) {
      const m = mentions[0];
      const label = briefingLabel(m.briefing);
      const how = addHow(m.briefing.source, id);
      const more = mentions.length > 1 ? { nl: ` (en nog ${mentions.length - 1})`, en: ` (and ${mentions.length - 1} more)` } : { nl: '', en: '' };
      hint = {
        nl: `Briefing ${label.nl}${more.nl} noemt ${m.url.printed} maar niet deze brief. Hoort hij bij deze brief? ${how.nl}`,
        en: `Briefing ${label.en}${more.en} mentions ${m.url.printed} but not this letter. Does it belong to this letter? ${how.en}`,
      };
    } else if (kcc.source === 'folder') {
      hint = {
        nl: `Schrijf er een met: brieflint briefing ${letter.path}`,
        en: `Write one with: brieflint briefing ${letter.path}`,
      };
    } else {
      hint = addHow(kcc.source, id);
    }
    return [
      {
        message: {
          nl: `Er is geen KCC-briefing voor deze brief (${names}) in ${where}: het klantcontactcentrum weet niet wat inwoners in deze brief lezen.`,
          en: `No KCC briefing covers this letter (${names}) in ${where}: the contact centre does not know what residents read in it.`,
        },
        hint,
      },
    ];
  },
});

/** The folder of briefings does not exist: no letter of the run can be covered. */
function noKnowledgeBase(folder: string, letterPath: string) {
  return {
    message: {
      nl: `Geen KCC-kennisbank: de map ${folder}/ met KCC-briefings bestaat niet, dus bij geen enkele brief is nagegaan of het klantcontactcentrum weet wat inwoners lezen.`,
      en: `No KCC knowledge base: the folder ${folder}/ of KCC briefings does not exist, so no letter was checked for a KCC briefing.`,
    },
    hint: {
      nl: `Maak hem aan met: brieflint init — en schrijf per brief een briefing met: brieflint briefing ${letterPath}. Staan de briefings ergens anders, zet dan kcc.folder of kcc.adapter in de configuratie.`,
      en: `Create it with: brieflint init — then write a briefing per letter with: brieflint briefing ${letterPath}. If the briefings live elsewhere, set kcc.folder or kcc.adapter in the config.`,
    },
  };
}

function addHow(source: string, id: string): Message {
  switch (source) {
    case 'objects-api':
      return { nl: `Voeg “${id}” toe als trefwoord van de VAC.`, en: `Add “${id}” as a trefwoord of the VAC.` };
    case 'kiss':
      return { nl: `Noem “${id}” in de werkinstructie.`, en: `Name “${id}” in the work instruction.` };
    default:
      return { nl: `Zet “${id}” in letters: van die briefing.`, en: `Put “${id}” in that briefing's letters:.` };
  }
}
