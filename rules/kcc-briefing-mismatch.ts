import { defineRule } from '../src/rule.js';
import type { Message, Report } from '../src/types.js';
import { briefingLabel, choiceNote } from '../src/model/briefing-match.js';
import { briefingFacts } from '../src/model/letter-facts.js';
import { urlKey, withoutHttps } from '../src/model/url.js';

export default defineRule({
  meta: {
    id: 'kcc-briefing-mismatch',
    defaultSeverity: 'error',
    description: {
      nl: 'De KCC-briefing noemt elke URL, elk formulier, elk telefoonnummer en het adres van elke QR-code uit de brief, met hetzelfde adres.',
      en: "The KCC briefing names every URL, form and phone number the letter prints, and every QR code's address, with the same address.",
    },
    needs: ['kcc'],
    defaultOptions: {},
  },
  check({ letter, refs, facts, about }) {
    const kcc = facts.kcc;
    if (!kcc) return [];
    const known = about?.briefing ?? briefingFacts(letter, refs, kcc, facts.today);
    const chosen = known.chosen;
    if (!chosen) return []; // kcc-briefing-missing reports it
    const b = chosen.briefing;
    const label = briefingLabel(b);
    const note = choiceNote(known.covering, chosen);
    const folder = b.source === 'folder';
    const say = (m: Message): Message => ({ nl: m.nl + note.nl, en: m.en + note.en });
    return known.mismatches.map((m): Report => {
      switch (m.kind) {
        case 'form-none-named':
          return {
            message: say({
              nl: `De brief noemt een formulier (“${m.mention.text}”), maar de KCC-briefing ${label.nl} noemt geen enkel formulier.`,
              en: `The letter mentions a form (“${m.mention.text}”), but the KCC briefing ${label.en} names no form at all.`,
            }),
            location: m.mention.location,
            hint: folder
              ? { nl: 'Zet het formulier in forms: van de briefing.', en: "Add the form to the briefing's forms:." }
              : { nl: 'Noem het formulier in de briefing.', en: 'Name the form in the briefing.' },
          };
        case 'form-other-url': {
          const shown = m.url.visible ? m.url.printed : m.url.href;
          const other = m.other;
          const name = other.name ? ` (“${other.name}”)` : '';
          return {
            message: say({
              nl: `Voor het formulier (“${m.mention.text}”) noemt de brief ${shown}, maar de KCC-briefing ${label.nl} noemt ${other.url}${name}: het KCC stuurt bellers dan naar een ander adres.`,
              en: `For the form (“${m.mention.text}”) the letter prints ${shown}, but the KCC briefing ${label.en} names ${other.url}${name}: the contact centre would send callers to another address.`,
            }),
            location: m.url.location,
            url: m.url.href,
            hint:
              m.url.visible && urlKey(m.url.href) === urlKey(other.url!)
                ? {
                    nl: `De link in de brief gaat wel naar ${other.url}, maar op papier staat ${shown} en dat typen inwoners over. Maak brief en briefing gelijk.`,
                    en: `The letter's link does go to ${other.url}, but the paper shows ${shown} and that is what residents type. Make letter and briefing agree.`,
                  }
                : {
                    nl: 'Maak brief en briefing gelijk: hetzelfde adres voor hetzelfde formulier.',
                    en: 'Make letter and briefing agree: one address for one form.',
                  },
          };
        }
        case 'form-not-named': {
          const shown = m.url.visible ? m.url.printed : m.url.href;
          const others = m.others.join(', ');
          return {
            message: say({
              nl: `De brief stuurt lezers naar het formulier op ${shown} (“${m.mention.text}”), maar de KCC-briefing ${label.nl} noemt dat formulier niet.`,
              en: `The letter sends readers to the form at ${shown} (“${m.mention.text}”), but the KCC briefing ${label.en} does not name that form.`,
            }),
            location: m.url.location,
            url: m.url.href,
            hint: others
              ? { nl: `De briefing noemt andere formulieren: ${others}.`, en: `The briefing names other forms: ${others}.` }
              : folder
                ? { nl: `Zet ${shown} in forms: van de briefing.`, en: `Add ${shown} to the briefing's forms:.` }
                : { nl: `Noem ${shown} in de briefing.`, en: `Name ${shown} in the briefing.` },
          };
        }
        case 'url-not-named': {
          const u = m.url;
          let hint: Message;
          if (m.targetNamed) {
            hint = {
              nl: `De briefing noemt wel het linkdoel ${u.href}, maar inwoners lezen ${u.printed}.`,
              en: `The briefing names the link target ${u.href}, but residents read ${u.printed}.`,
            };
          } else if (m.sameHost.length > 0) {
            const list = m.sameHost.join(', ');
            hint = { nl: `De briefing noemt wel ${list}.`, en: `The briefing names ${list} instead.` };
          } else {
            hint = folder
              ? { nl: `Zet ${u.printed} in urls: van de briefing.`, en: `Add ${u.printed} to the briefing's urls:.` }
              : { nl: `Noem ${u.printed} in de briefing.`, en: `Name ${u.printed} in the briefing.` };
          }
          return {
            message: say({
              nl: `De brief noemt ${u.printed}, maar de KCC-briefing ${label.nl} niet: het KCC weet niet dat inwoners naar deze pagina gaan.`,
              en: `The letter prints ${u.printed}, but the KCC briefing ${label.en} does not name it: the contact centre does not know residents go to this page.`,
            }),
            location: u.location,
            url: u.href,
            hint,
          };
        }
        case 'qr-not-named': {
          const to = withoutHttps(m.qr.href!);
          return {
            message: say({
              nl: `De brief heeft een QR-code naar ${to}, maar de KCC-briefing ${label.nl} noemt dat adres niet: het KCC weet niet waar inwoners uitkomen die hem scannen.`,
              en: `The letter has a QR code to ${to}, but the KCC briefing ${label.en} does not name that address: the contact centre does not know where residents who scan it land.`,
            }),
            location: m.qr.location,
            url: m.qr.href!,
            hint:
              m.sameHost.length > 0
                ? { nl: `De briefing noemt wel ${m.sameHost.join(', ')}.`, en: `The briefing names ${m.sameHost.join(', ')} instead.` }
                : folder
                  ? { nl: `Zet ${to} in urls: van de briefing.`, en: `Add ${to} to the briefing's urls:.` }
                  : { nl: `Noem ${to} in de briefing.`, en: `Name ${to} in the briefing.` },
          };
        }
        case 'phone-not-named': {
          const p = m.phone;
          return {
            message: say({
              nl: `De brief noemt telefoonnummer ${p.printed}, maar de KCC-briefing ${label.nl} niet: bellers op dat nummer krijgen een KCC dat van niets weet.`,
              en: `The letter prints phone number ${p.printed}, but the KCC briefing ${label.en} does not: callers on that number reach a contact centre that knows nothing.`,
            }),
            location: p.location,
            hint: folder
              ? { nl: `Zet ${p.printed} in phone: van de briefing.`, en: `Add ${p.printed} to the briefing's phone:.` }
              : { nl: `Noem ${p.printed} in de briefing.`, en: `Name ${p.printed} in the briefing.` },
          };
        }
      }
    });
  },
});
