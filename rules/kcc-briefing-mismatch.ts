import { defineRule } from '../src/rule.js';
import type { Message, Report, UrlRef } from '../src/types.js';
import {
  briefingLabel,
  briefingPhones,
  briefingUrlKeys,
  choiceNote,
  coveringBriefings,
  hasPlaceholder,
  letterForms,
  letterUrlKey,
  referenceDate,
  selectBriefing,
} from '../src/facts/kcc/match.js';
import { normalizePhone } from '../src/extract/phones.js';
import { urlKey } from '../src/extract/urls.js';

export default defineRule({
  meta: {
    id: 'kcc-briefing-mismatch',
    defaultSeverity: 'error',
    description: {
      nl: 'De KCC-briefing noemt elke URL, elk formulier en elk telefoonnummer uit de brief, met hetzelfde adres.',
      en: 'The KCC briefing names every URL, form and phone number the letter prints, with the same address.',
    },
    needs: ['kcc'],
    defaultOptions: {},
  },
  check({ letter, refs, facts }) {
    const kcc = facts.kcc;
    if (!kcc) return [];
    const covering = coveringBriefings(letter, kcc);
    const chosen = selectBriefing(covering, referenceDate(letter, facts.today).date);
    if (!chosen) return []; // kcc-briefing-missing reports it
    const b = chosen.briefing;
    const label = briefingLabel(b);
    const note = choiceNote(covering, chosen);
    const folder = b.source === 'folder';
    const keys = briefingUrlKeys(b);
    // The letterhead (header, footer) and a bare home page are not what the letter sends people to.
    const printed = refs.urls.filter((u) => u.visible && !hasPlaceholder(u) && !isLetterhead(u));
    const letterKeys = new Set(printed.map(letterUrlKey));
    const formKeys = new Set(b.forms.flatMap((f) => (f.url ? [urlKey(f.url)] : [])));
    // Briefing forms whose URL the letter does not print: the letter must mean another address.
    const unmatchedForms = b.forms.filter((f) => f.url && !letterKeys.has(urlKey(f.url)));
    const out: Report[] = [];
    const done = new Set<string>();
    const say = (m: Message): Message => ({ nl: m.nl + note.nl, en: m.en + note.en });

    let formWithoutUrl = false;
    for (const f of letterForms(refs)) {
      if (!f.url) {
        if (!formWithoutUrl && b.forms.length === 0 && !/formulier|\bform\b/i.test(b.body)) {
          formWithoutUrl = true;
          out.push({
            message: say({
              nl: `De brief noemt een formulier (“${f.mention.text}”), maar de KCC-briefing ${label.nl} noemt geen enkel formulier.`,
              en: `The letter mentions a form (“${f.mention.text}”), but the KCC briefing ${label.en} names no form at all.`,
            }),
            location: f.mention.location,
            hint: folder
              ? { nl: 'Zet het formulier in forms: van de briefing.', en: "Add the form to the briefing's forms:." }
              : { nl: 'Noem het formulier in de briefing.', en: 'Name the form in the briefing.' },
          });
        }
        continue;
      }
      const k = letterUrlKey(f.url);
      if (done.has(k) || formKeys.has(k)) continue;
      const shown = f.url.visible ? f.url.printed : f.url.href;
      if (unmatchedForms.length === 1) {
        const other = unmatchedForms[0];
        const name = other.name ? ` (“${other.name}”)` : '';
        done.add(k);
        out.push({
          message: say({
            nl: `Voor het formulier (“${f.mention.text}”) noemt de brief ${shown}, maar de KCC-briefing ${label.nl} noemt ${other.url}${name}: het KCC stuurt bellers dan naar een ander adres.`,
            en: `For the form (“${f.mention.text}”) the letter prints ${shown}, but the KCC briefing ${label.en} names ${other.url}${name}: the contact centre would send callers to another address.`,
          }),
          location: f.url.location,
          url: f.url.href,
          hint:
            f.url.visible && urlKey(f.url.href) === urlKey(other.url!)
              ? {
                  nl: `De link in de brief gaat wel naar ${other.url}, maar op papier staat ${shown} en dat typen inwoners over. Maak brief en briefing gelijk.`,
                  en: `The letter's link does go to ${other.url}, but the paper shows ${shown} and that is what residents type. Make letter and briefing agree.`,
                }
              : {
                  nl: 'Maak brief en briefing gelijk: hetzelfde adres voor hetzelfde formulier.',
                  en: 'Make letter and briefing agree: one address for one form.',
                },
        });
        continue;
      }
      if (keys.has(k)) continue; // named as a URL, not as a form: good enough
      done.add(k);
      const others = unmatchedForms.map((o) => o.url).join(', ');
      out.push({
        message: say({
          nl: `De brief stuurt lezers naar het formulier op ${shown} (“${f.mention.text}”), maar de KCC-briefing ${label.nl} noemt dat formulier niet.`,
          en: `The letter sends readers to the form at ${shown} (“${f.mention.text}”), but the KCC briefing ${label.en} does not name that form.`,
        }),
        location: f.url.location,
        url: f.url.href,
        hint: others
          ? { nl: `De briefing noemt andere formulieren: ${others}.`, en: `The briefing names other forms: ${others}.` }
          : folder
            ? { nl: `Zet ${shown} in forms: van de briefing.`, en: `Add ${shown} to the briefing's forms:.` }
            : { nl: `Noem ${shown} in de briefing.`, en: `Name ${shown} in the briefing.` },
      });
    }

    for (const u of printed) {
      const k = letterUrlKey(u);
      if (done.has(k)) continue;
      done.add(k);
      if (keys.has(k)) continue;
      let hint: Message;
      const host = k.split(/[/?#]/)[0];
      const sameHost = [...b.urls, ...b.forms.flatMap((f) => (f.url ? [f.url] : []))].filter(
        (x) => urlKey(x).split(/[/?#]/)[0] === host,
      );
      if (keys.has(urlKey(u.href))) {
        hint = {
          nl: `De briefing noemt wel het linkdoel ${u.href}, maar inwoners lezen ${u.printed}.`,
          en: `The briefing names the link target ${u.href}, but residents read ${u.printed}.`,
        };
      } else if (sameHost.length > 0) {
        const list = [...new Set(sameHost)].join(', ');
        hint = { nl: `De briefing noemt wel ${list}.`, en: `The briefing names ${list} instead.` };
      } else {
        hint = folder
          ? { nl: `Zet ${u.printed} in urls: van de briefing.`, en: `Add ${u.printed} to the briefing's urls:.` }
          : { nl: `Noem ${u.printed} in de briefing.`, en: `Name ${u.printed} in the briefing.` };
      }
      out.push({
        message: say({
          nl: `De brief noemt ${u.printed}, maar de KCC-briefing ${label.nl} niet: het KCC weet niet dat inwoners naar deze pagina gaan.`,
          en: `The letter prints ${u.printed}, but the KCC briefing ${label.en} does not name it: the contact centre does not know residents go to this page.`,
        }),
        location: u.location,
        url: u.href,
        hint,
      });
    }

    const phones = briefingPhones(b);
    const seen = new Set<string>();
    for (const p of refs.phones) {
      const n = normalizePhone(p.normalized || p.printed);
      if (seen.has(n)) continue;
      seen.add(n);
      if (phones.has(n)) continue;
      out.push({
        message: say({
          nl: `De brief noemt telefoonnummer ${p.printed}, maar de KCC-briefing ${label.nl} niet: bellers op dat nummer krijgen een KCC dat van niets weet.`,
          en: `The letter prints phone number ${p.printed}, but the KCC briefing ${label.en} does not: callers on that number reach a contact centre that knows nothing.`,
        }),
        location: p.location,
        hint: folder
          ? { nl: `Zet ${p.printed} in phone: van de briefing.`, en: `Add ${p.printed} to the briefing's phone:.` }
          : { nl: `Noem ${p.printed} in de briefing.`, en: `Name ${p.printed} in the briefing.` },
      });
    }
    return out;
  },
});

/** A URL in the letter's header or footer, or a site's home page: stationery, not a destination. */
function isLetterhead(u: UrlRef): boolean {
  if (u.location.part === 'header' || u.location.part === 'footer') return true;
  try {
    return new URL(u.href).pathname.replace(/\/+$/, '') === '';
  } catch {
    return false;
  }
}
