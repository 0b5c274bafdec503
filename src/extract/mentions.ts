/**
 * Mentions of where a resident is sent without (or besides) an address: online forms, online
 * applications, "the website", portals ("Mijn Loket"), paper forms in the envelope; and the
 * log-in means (DigiD, eHerkenning, eIDAS). Dutch first, English equivalents too.
 *
 * A phrase list, matched case-insensitively on word boundaries (white space may include line
 * breaks). Mentions of different kinds may overlap ("via het formulier op onze website" is an
 * online-form and a website mention); one kind never reports overlapping mentions twice.
 */
import type { FormMentionKind, LoginMention } from '../types.js';

export interface FormMentionMatch {
  start: number;
  end: number;
  kind: FormMentionKind;
  /** The words that matched, as printed. */
  text: string;
}

export interface LoginMatch {
  start: number;
  end: number;
  kind: LoginMention['kind'];
  text: string;
}

const E = String.raw`(?![\p{L}\p{N}])`;
const S = String.raw`\s+`;
const W = String.raw`[\p{L}\p{N}'-]+`; // one word
const FORM = String.raw`\p{L}*formulier(?:en)?`;

// The start-of-word check is done in code (wordStart): a leading look-behind makes V8 try every
// position the slow way (about 5× slower on letter text).
function phrases(alternatives: string[], flags = 'giu'): RegExp {
  return new RegExp(`(?:${alternatives.join('|')})${E}`, flags);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ARTICLE_BEFORE_RE = /(?<![\p{L}\p{N}])(?:het|dit|de|dat)\s+$/iu;

/** Whether offset i starts a word (the character before it is no letter or digit). */
function wordStart(text: string, i: number): boolean {
  return i === 0 || !LETTER_OR_DIGIT.test(text[i - 1]);
}

/**
 * `re` is tried at every offset, so each alternative starts with a literal word; a pattern marked
 * extendBack starts at "formulier" and is widened in code over a compound prefix ("aanvraag…")
 * and an article before it ("het …") — a leading `\p{L}*` would make the scan quadratic.
 */
const PATTERNS: ReadonlyArray<{ kind: FormMentionKind; re: RegExp; extendBack?: boolean }> = [
  {
    kind: 'online-form',
    re: phrases([
      String.raw`vul${S}(?:het|dit|een|ons|uw)${S}(?:${W}${S}){0,2}?formulier${S}(?:online${S}|digitaal${S})?in${S}op`,
      String.raw`vul${S}(?:het|dit|een|ons)${S}(?:${W}${S}){0,2}?formulier${S}(?:online|digitaal)${S}in`,
      String.raw`via${S}(?:het|dit|ons|een)${S}(?:${W}${S})?${FORM}${S}op`,
      String.raw`online[\s-]?${FORM}`,
      String.raw`digita(?:le|al)${S}${FORM}`,
      String.raw`(?:web|internet|e-|contact)formulier(?:en)?`,
      // en
      String.raw`fill${S}(?:in|out)${S}(?:the|our|this|an|a)${S}(?:${W}${S}){0,2}?form${S}(?:on|at)`,
      String.raw`(?:via|using|through)${S}the${S}(?:${W}${S})?form${S}(?:on|at)`,
      String.raw`(?:online|digital)${S}(?:${W}${S})?forms?`,
      String.raw`(?:web|contact)[\s-]?forms?`,
    ]),
  },
  {
    kind: 'online-application',
    re: phrases([
      String.raw`(?:digitaal|online)${S}aan(?:${S}te${S}|te)?vragen`,
      String.raw`vraag(?:t)?${S}(?:${W}${S}){0,6}?(?:digitaal|online)${S}aan`,
      String.raw`aan(?:te)?vragen${S}via`,
      // "Vraag kwijtschelding aan op voorbeeldstad.nl/…": applying at an address is applying online.
      String.raw`vraag(?:t)?${S}(?:${W}${S}){1,5}?aan${S}(?:op|via)`,
      String.raw`(?:online|digitale?)${S}aanvra(?:ag|gen)`,
      String.raw`aanvraag${S}(?:${W}${S}){0,2}?(?:online|digitaal)${S}(?:indienen|in${S}dienen|doen)`,
      String.raw`(?:online|digitaal)${S}(?:indienen|regelen)`,
      String.raw`op${S}digitale${S}wijze`,
      String.raw`(?:dat|dit|het)${S}kan${S}(?:u${S})?(?:ook${S})?(?:online|digitaal)`,
      // en
      String.raw`apply${S}(?:${W}${S}){0,4}?online`,
      String.raw`online${S}applications?`,
      String.raw`apply${S}(?:for${S}(?:${W}${S}){0,4}?)?(?:via|through)`,
      String.raw`request${S}(?:${W}${S}){0,4}?online`,
    ]),
  },
  {
    kind: 'website',
    re: phrases([
      String.raw`(?:via|op)${S}(?:de|onze|uw|deze|die|het)${S}(?:gemeentelijke${S}|eigen${S}|volgende${S})?(?:website|webpagina|internetsite|internetpagina|site)`,
      String.raw`gemeentelijke${S}website`,
      String.raw`onderstaande${S}(?:website|webpagina|link)`,
      String.raw`kijk${S}(?:dan${S}|ook${S}|voor${S}meer${S}informatie${S})*op`,
      String.raw`(?:op|via)${S}internet`,
      // en
      String.raw`(?:on|via|visit|see|at)${S}(?:our|the|this)${S}website`,
    ]),
  },
  {
    kind: 'portal',
    re: phrases([
      String.raw`mijn${S}?loket`,
      String.raw`mijn${S}?overheid`,
      String.raw`mijngemeente`,
      String.raw`mijn\.[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*`,
      String.raw`(?:ons|het|uw|onze)${S}(?:digitale?|online|elektronische?)${S}(?:loket|balie|portaal)`,
      String.raw`digitaal${S}loket`,
      String.raw`e-loket`,
      String.raw`omgevingsloket`,
      String.raw`(?:klant|burger|inwoner)s?portaal`,
      String.raw`(?:online|digitale?)${S}portaal`,
      // en
      String.raw`(?:customer|resident|citizen|online|digital)${S}portal`,
    ]),
  },
  // "Mijn Belastingen", "MijnZaken": a capitalized portal name (case-sensitive on purpose).
  { kind: 'portal', re: phrases([String.raw`Mijn ?\p{Lu}\p{Ll}+`, String.raw`My ?(?:Account|Portal|Gov)`], 'gu') },
  {
    kind: 'paper-form',
    re: phrases([String.raw`formulier(?:en)?${S}(?:(?:dat|die)${S})?(?:bij|in)${S}(?:deze|de)${S}(?:brief|envelop)`]),
    extendBack: true,
  },
  {
    kind: 'paper-form',
    re: phrases([
      String.raw`in${S}de${S}bijlage`,
      String.raw`als${S}bijlage`,
      String.raw`(?:bijgevoegde?|ingesloten|bijgesloten|meegestuurde|meegezonden)${S}(?:${W}${S})?${FORM}`,
      String.raw`antwoord(?:formulier|kaart|strook)(?:en)?`,
      String.raw`retour(?:envelop(?:pe)?|formulier)(?:en)?`,
      String.raw`antwoordenvelop(?:pe)?`,
      // en
      String.raw`(?:enclosed|attached)${S}(?:${W}${S})?forms?`,
      String.raw`forms?${S}(?:enclosed|attached)${S}(?:with|to)${S}this${S}letter`,
      String.raw`reply${S}(?:form|card|slip)`,
      String.raw`(?:return|reply|prepaid|freepost)${S}envelope`,
      String.raw`in${S}the${S}(?:attachment|appendix|enclosure)`,
    ]),
  },
];

/** Mentions of online forms, online applications, websites, portals and paper forms, in order. */
export function findFormMentions(text: string): FormMentionMatch[] {
  const out: FormMentionMatch[] = [];
  for (const { kind, re, extendBack } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let start = m.index;
      const end = start + m[0].length;
      if (extendBack) {
        while (start > 0 && LETTER_OR_DIGIT.test(text[start - 1])) start--;
        const a = ARTICLE_BEFORE_RE.exec(text.slice(Math.max(0, start - 12), start));
        if (a) start -= a[0].length;
      }
      if (!wordStart(text, start)) {
        re.lastIndex = m.index + 1;
        continue;
      }
      if (out.some((o) => o.kind === kind && o.start < end && start < o.end)) continue;
      out.push({ start, end, kind, text: text.slice(start, end) });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

const LOGIN_RE = /(?:(digid(?:[ -]?app)?)|(e-?herkenning)|(eidas))(?![\p{L}\p{N}@]|\.[\p{L}])/giu;

/** DigiD (any case, "DigiD-app"), eHerkenning and eIDAS, in order; not inside a host (digid.nl). */
export function findLogins(text: string): LoginMatch[] {
  const out: LoginMatch[] = [];
  LOGIN_RE.lastIndex = 0;
  for (let m = LOGIN_RE.exec(text); m; m = LOGIN_RE.exec(text)) {
    if (m.index > 0 && /[\p{L}\p{N}./@-]/u.test(text[m.index - 1])) {
      LOGIN_RE.lastIndex = m.index + 1;
      continue;
    }
    const kind = m[1] !== undefined ? 'digid' : m[2] !== undefined ? 'eherkenning' : 'eidas';
    out.push({ start: m.index, end: m.index + m[0].length, kind, text: m[0] });
  }
  return out;
}
