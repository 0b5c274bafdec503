/**
 * Calls to action: how a letter sends its reader somewhere — to a web page, an online form, a
 * portal, a phone number, a counter, a paper form — in the words Dutch letters use (and their
 * common English equivalents).
 *
 * The text of one block (a paragraph, list item, table cell) is cut into sentences. In each
 * sentence the finder looks for three things:
 *  - **what** the reader is asked to do: a verb from a vocabulary of kinds (apply, fill in, look
 *    up, report, make an appointment, log in, scan, call, come by, send back), in the forms a
 *    letter uses — imperative ("Vraag … aan"), second person ("u vraagt … aan"), infinitive and
 *    modal constructions ("u kunt … aanvragen", "aan te vragen"), separable verbs split over the
 *    sentence ("Vraag de vergunning voor uw dakkapel uiterlijk 1 maart aan via …"), and nouns that
 *    name the act ("een melding doen", "een afspraak maken", "bezwaar maken");
 *  - **where**: an address printed in the sentence, a placeholder where the address belongs, a
 *    hyperlink, a colon that ends the sentence (the address follows), or words that name an online
 *    channel (online, digitaal, website, internet, app, portaal, "Mijn …", e-formulier, link, QR);
 *  - what **cancels** it: a negation in the same clause ("u hoeft niets te doen", "u kunt dit niet
 *    online regelen"), or a clause that reports what happened ("u heeft … aangevraagd").
 *
 * A sentence without a "what" of its own that only says where ("Dat kan via …", "Dit is ook
 * mogelijk op …") continues the call of the sentence before it. The result is one mention per
 * kind per sentence, each saying whether it sends the reader online.
 *
 * Pure string work; linear in the text (every pattern is anchored on a literal word and bounded).
 */
import type { FormMentionKind } from '../types.js';

export interface Range {
  start: number;
  end: number;
}

export interface CallMatch {
  start: number;
  end: number;
  kind: FormMentionKind;
  /** Whether the call sends the reader online. */
  online: boolean;
  /** The words that matched, as printed (white space collapsed). */
  text: string;
  /** The sentence the call is in (offsets in the text). */
  sentence: Range;
}

export interface CallContext {
  /** Addresses the reader sees (bare URLs, link text that is itself an address). */
  addresses?: readonly Range[];
  /** Hyperlinks whose text is no address ("klik hier"): they send an e-mail reader online. */
  links?: readonly Range[];
  /** Placeholders that may stand where an address belongs (not a name, date or phone number). */
  placeholders?: readonly Range[];
  /** Indexes into `placeholders` of links and buttons (`{TAAK_LINK}`, `{{ reset_url }}`, not a site name): a line of their own is a call. */
  linkPlaceholders?: readonly number[];
  /** E-mail addresses and phone numbers: not online destinations, never words. */
  others?: readonly Range[];
}

export interface CallsFound {
  calls: CallMatch[];
  /** Indexes into context.placeholders that a call points at ("Ga naar {{ url }}"). */
  placeholderTargets: number[];
}

// Masks: one private-use character per kind of token, repeated over its length, so offsets stay.
const ADDRESS = '\uE000';
const PLACEHOLDER = '\uE001';
const OTHER = '\uE003';
const MASKED_RE = /[\uE000\uE001\uE003]/;

type Cue =
  | 'apply'
  | 'fill'
  | 'look'
  | 'find'
  | 'info'
  | 'click'
  | 'report'
  | 'report-weak'
  | 'appointment'
  | 'login'
  | 'login-means'
  | 'qr'
  | 'phone'
  | 'visit'
  | 'paper'
  | 'form'
  | 'online'
  | 'portal'
  | 'continue';

interface CueMatch {
  cue: Cue;
  start: number;
  end: number;
}

const B = String.raw`\b`;
/** Up to n words between two parts of one expression (a split separable verb). */
const GAP = (n: number) => String.raw`(?:\s+[^\s.!?;]+){0,${n}}?\s+`;

/**
 * A separable verb: the finite forms with the particle later in the sentence ("vraag … aan",
 * "vraagt u … aan"), the infinitive ("aanvragen") and the te-infinitive ("aan te vragen").
 */
function separable(finite: string, particle: string, infinitive: string, stem: string): string[] {
  const out = [String.raw`${B}(?:${finite})${B}${GAP(16)}(?:${particle})${B}(?!\s+te\s)`];
  if (infinitive) {
    out.push(String.raw`${B}${particle}${infinitive}${B}`, String.raw`${B}${particle}\s+te\s+${stem}${B}`);
    // In a subordinate clause the particle sticks to the verb: "als u uw verhuizing online doorgeeft".
    out.push(String.raw`${B}${particle}(?:${finite})${B}`);
  }
  return out;
}

/** A verb that does not split: its finite forms, infinitive and te-infinitive. */
function plain(forms: string): string[] {
  return [String.raw`${B}(?:${forms})${B}`];
}

const APPLY = [
  ...separable('vraag|vraagt', 'aan', 'vragen', 'vragen'),
  ...separable('dien|dient', 'in', 'dienen', 'dienen'),
  ...separable('meld|meldt', 'aan', 'melden', 'melden'),
  ...separable('meld|meldt', 'af', 'melden', 'melden'),
  ...separable('schrijf|schrijft', 'in', 'schrijven', 'schrijven'),
  ...separable('geef|geeft', 'door', 'geven', 'geven'),
  ...separable('pas|past', 'aan', 'passen', 'passen'),
  ...separable('zeg|zegt', 'op', 'zeggen', 'zeggen'),
  ...separable('lever|levert', 'aan', 'leveren', 'leveren'),
  ...separable('neem|neemt', 'deel', 'nemen', 'nemen'),
  ...separable('stuur|stuurt', 'in', 'sturen', 'sturen'),
  ...separable('vul|vult', 'aan', 'vullen', 'vullen'),
  ...separable('doe|doet', 'mee', 'doen', 'doen'),
  ...separable('vraag|vraagt', 'op', 'vragen', 'vragen'),
  ...separable('geef|geeft', 'aan', 'geven', 'geven'), // "de geboorte aangeven"
  String.raw`${B}aangifte\s+(?:doen|te\s+doen)${B}`,
  String.raw`${B}(?:doe|doet)\s+(?:u\s+)?(?:\S+\s+){0,2}?aangifte${B}`,
  String.raw`${B}(?:laat|laten)${B}${GAP(6)}weten${B}`,
  String.raw`${B}(?:neem|neemt|nemen|te\s+nemen)${B}${GAP(6)}contact${B}`,
  String.raw`${B}contact\s+(?:\S+\s+){0,4}?(?:op\s+te\s+nemen|opnemen)${B}`,
  // The passive: "De vergunning wordt aangevraagd via …", "kan worden ingediend via …".
  String.raw`${B}(?:wordt|worden)\s+(?:\S+\s+){0,3}?(?:aangevraagd|ingediend|ingevuld|aangemeld|afgemeld|doorgegeven|betaald|geregeld|gemeld|aangegeven|verlengd|gewijzigd)${B}`,
  String.raw`${B}(?:aangevraagd|ingediend|ingevuld|aangemeld|afgemeld|doorgegeven|betaald|geregeld|gemeld|aangegeven|verlengd|gewijzigd)\s+(?:te\s+)?worden${B}`,
  String.raw`${B}(?:bezwaar|beroep)\s+(?:maken|indienen|aantekenen|instellen|te\s+maken|in\s+te\s+dienen)${B}`,
  String.raw`${B}(?:geef|geeft|geven|te\s+geven)${B}${GAP(3)}toestemming${B}`,
  String.raw`${B}(?:ga|gaat)\s+(?:u\s+)?(?:\S+\s+){0,2}?akkoord${B}`,
  String.raw`${B}(?:maak|maakt|dien|dient|teken|tekent)\s+(?:u\s+)?(?:dan\s+)?(?:\S+\s+){0,2}?(?:bezwaar|beroep)${B}`,
  // "een (vergunnings)aanvraag op digitale wijze te doen / in te dienen".
  String.raw`${B}[a-z\u00e0-\u00ff]*aanvra(?:ag|gen)\s+(?:\S+\s+){0,4}?(?:te\s+doen|doen|doet\s+u|indienen|in\s+te\s+dienen)${B}`,
  // "Doe uw aanvraag online", "Dit doet u via …" (not any "doen": "Wat doen we met uw melding?").
  String.raw`${B}(?:doe|doet)\s+(?:u\s+)?(?:uw|een|de|het|dit|dat)\s+\S*aanvra(?:ag|gen)${B}`,
  String.raw`${B}(?:dit|dat|het|alles)\s+doet\s+u${B}`,
  ...plain(
    [
      'wijzig|wijzigt|wijzigen',
      'annuleer|annuleert|annuleren',

      'teken|tekent|ondertekenen|onderteken|ondertekent',
      'regel|regelt|regelen',
      'betaal|betaalt|betalen',
      'bestel|bestelt|bestellen',
      'reserveer|reserveert|reserveren',
      'upload|uploadt|uploaden',
      'verleng|verlengt|verlengen',
      'reageer|reageert|reageren',

      'machtig|machtigt|machtigen',
      'boek|boekt|boeken',
      'koop|koopt|kopen',
      'declareer|declareert|declareren',
      'verstuur|verstuurt|versturen',
      'registreer|registreert|registreren',
      'kies|kiest|kiezen',
      'stem|stemt|stemmen',
      'beantwoord|beantwoordt|beantwoorden',
      'aanvragen',
      'bezwaar|beroep',
      // en
      'apply|applies|applying|register|request|renew|pay|book|submit|update|change|respond|order',
    ].join('|'),
  ),
];

const FILL = [...separable('vul|vult', 'in', 'vullen', 'vullen'), ...plain('fill\\s+(?:in|out)|complete')];

const LOOK = [
  ...separable('ga|gaat', 'naar', '', ''), // "ga naar", "gaat u naar" (no infinitive form: "naar gaan" is rare)
  String.raw`${B}(?:gaan|te\s+gaan)\s+naar${B}`,
  String.raw`${B}naar\s+(?:\S+\s+){0,3}?(?:te\s+gaan|gaan)${B}`,
  String.raw`${B}(?:kijk|kijkt)${B}${GAP(6)}(?:op|bij|via|naar|in)${B}`,
  String.raw`${B}(?:kijk|kijkt)\s+(?:op|bij|via|in)${B}`,
  String.raw`${B}(?:kijken|te\s+kijken)\s+(?:op|bij|via|in)${B}`,
  String.raw`${B}(?:lees|leest)(?:\s+(?:u\s+)?(?:er\s+)?(?:meer|alles|verder|hier|daar))?${B}`,
  String.raw`${B}(?:lezen|te\s+lezen|na\s+te\s+lezen|nalezen)${B}`,
  ...separable('zoek|zoekt', 'op', 'zoeken', 'zoeken'),
  String.raw`${B}(?:houd|houdt|hou|houden)${B}${GAP(4)}in\s+de\s+gaten${B}`,
  // "Met de QR-code komt u direct op de juiste pagina", "Je komt bij de taak via {TAAK_LINK}".
  String.raw`${B}(?:komt|kom)\s+(?:u|je)\s+(?:\S+\s+){0,3}?(?:op|bij|in|via)${B}`,
  String.raw`${B}(?:u|je)\s+komt\s+(?:\S+\s+){0,3}?(?:op|bij|in|via)${B}`,
  ...plain(
    [
      'bekijk|bekijkt|bekijken',
      'inzien|in\\s+te\\s+zien|zie\\s+(?:\\S+\\s+){0,4}?in',
      'raadpleeg|raadpleegt|raadplegen',
      'bezoek|bezoekt|bezoeken',
      'download|downloadt|downloaden',
      'surf|surft|surfen',
      'volg|volgt|volgen',
      'zie',
      'ziet\\s+u',
      'check|checkt|checken|controleer|controleert|controleren',
      // Account steps through a link: confirming, activating, resetting are following the link.
      'bevestig|bevestigt|bevestigen|activeer|activeert|activeren|herstel|herstelt|herstellen|reset|resetten',
      'gebruik|gebruikt|gebruiken|te\\s+gebruiken',
      'open\\s+(?:\\S+\\s+){0,2}?(?:link|links|pagina|app|website|site|url|knop|button|portaal|bijlage)',
      'opent\\s+u|openen',
      'print|print\\s+u|printen',
      // en
      'visit|go\\s+to|see|read|look|check|view|download|open',
    ].join('|'),
  ),
];

/** "U vindt het formulier op …", "De voorwaarden staan op …": finding something needs a place right after ("staat klaar in" is news, not a call). */
const FIND = [
  String.raw`${B}(?:vindt|vind|staat(?!\s+klaar)|staan(?!\s+klaar)|leest|is\s+te\s+vinden|zijn\s+te\s+vinden|is\s+beschikbaar|zijn\s+beschikbaar|is\s+te\s+zien|zijn\s+te\s+zien|find|is\s+available|are\s+available)${B}(?:\s+[^\s.!?;]+){0,8}?\s+(?:op|in|via|bij|on|at)${B}`,
  String.raw`${B}te\s+vinden\s+(?:op|in|via|bij)${B}`,
  String.raw`${B}(?:op|via|in)\s+[\uE000\uE001]+\s+(?:vindt|leest|ziet|kunt)${B}`,
];

const INFO = plain(
  [
    'meer\\s+(?:informatie|info|weten|uitleg|lezen)',
    'alle\\s+informatie',
    'informatie\\s+(?:over|vindt|staat|over\\s+\\S+\\s+vindt)',
    'de\\s+voorwaarden',
    'veelgestelde\\s+vragen',
    'antwoorden\\s+op',
    // en
    'more\\s+information|further\\s+information|more\\s+details',
  ].join('|'),
);

const CLICK = plain('klik|klikt|klikken|tik|tikt|druk\\s+op\\s+de\\s+(?:knop|link)|click|tap');

const REPORT = [
  String.raw`${B}(?:doe|doet|maak|maakt)\s+(?:\S+\s+){0,3}?melding${B}`,
  String.raw`${B}melding(?:en)?\s+(?:doen|maken|te\s+doen|te\s+maken|indienen|in\s+te\s+dienen)${B}`,
  String.raw`${B}(?:meld|meldt|melden|te\s+melden)\s+(?:\S+\s+){0,3}?(?:overlast|schade|storingen|storing|gebreken|gebrek|gevaar|afval|zwerfafval|problemen|probleem|klachten|klacht|een\s+verhuizing|uw\s+verhuizing|wijzigingen|veranderingen)${B}`,
  String.raw`${B}(?:report|reporting)${B}`,
];
/** "melden" also means "to tell" ("kan ik u het volgende melden"): a report only with a channel. */
const REPORT_WEAK = [
  String.raw`${B}(?:melden|te\s+melden)${B}`,
  String.raw`${B}(?:meld|meldt)${B}(?!\s+(?:u|zich|je|uzelf)\b|-)`,
];

const APPOINTMENT_VERBS = String.raw`(?:maak|maakt|maken|te\s+maken|plan|plant|plannen|in\s+te\s+plannen|inplannen|boek|boekt|boeken|reserveer|reserveert|reserveren|verzet|verzetten|wijzig|wijzigen|annuleer|annuleren|vraag|vraagt|aanvragen|book|make|schedule)`;
const APPOINTMENT = [
  String.raw`${B}${APPOINTMENT_VERBS}${B}${GAP(8)}(?:afspraak|afspraken|appointment)${B}`,
  String.raw`${B}(?:afspraak|afspraken|appointment)${B}${GAP(6)}${APPOINTMENT_VERBS}${B}`,
  String.raw`${B}(?:afspraak|afspraken)\s+(?:maken|plannen|inplannen)${B}`,
];

const LOGIN = [
  ...separable('log|logt', 'in', 'loggen', 'loggen'),
  String.raw`${B}(?:login|inlog|inlogt|inlogde)${B}`,
  String.raw`${B}(?:log|logs|logging)\s+(?:in|on)${B}`,
  String.raw`${B}sign\s+in${B}`,
];

/** The reader scans a code (not "laat uw QR-code scannen", not "die scant de medewerker"). */
/** The means to log in with: "met DigiD", "met eHerkenning" beside an online call is logging in too. */
const LOGIN_MEANS = [String.raw`${B}(?:digid|eherkenning|e-herkenning|eidas)${B}`];

const QR = [
  String.raw`${B}(?:scan|scannen|te\s+scannen)${B}`,
  String.raw`${B}(?:scant\s+u|u\s+scant)${B}`,
  String.raw`${B}richt${B}${GAP(6)}camera${B}`,
  String.raw`${B}(?:scan|scanning)\s+the${B}`,
];
const QR_NOUN_RE = /\b(?:qr[\s-]?codes?|code|codes)\b/iu;
const NOT_SCANNED_BY_READER_RE = /\b(?:laat|laten)\b|\bscant\s+(?:de|een|het)\b/iu;

const PHONE = [
  String.raw`${B}(?:bel|belt|bellen|te\s+bellen|opbellen)${B}`,
  String.raw`${B}telefonisch${B}`,
  String.raw`${B}(?:call|phone|ring)\s+(?:us|the|our)${B}`,
];

const VISIT = [
  ...separable('kom|komt', 'langs', 'komen', 'komen'),
  // Showing or bringing something in person: "Laat uw pas zien aan de beheerder", "Neem uw stempas mee".
  String.raw`${B}(?:laat|laten)${B}${GAP(8)}zien${B}`,
  String.raw`${B}(?:neem|neemt|nemen)${B}${GAP(8)}mee${B}`,
  String.raw`${B}(?:breng|brengt|brengen|te\s+brengen)${B}${GAP(6)}(?:naar|bij|langs)${B}`,
  String.raw`${B}(?:kom|komt|komen)\s+(?:dan\s+)?naar\s+(?:de|het)\s+(?:inloopavond|informatieavond|bijeenkomst|avond|markt|stembureau|milieustraat|balie|stadhuis|gemeentehuis)${B}`,
  String.raw`${B}(?:bij\s+binnenkomst|bij\s+de\s+ingang|aan\s+de\s+kassa|bij\s+de\s+kassa)${B}`,
  String.raw`${B}(?:milieustraat|stembureau|inloopavond|informatieavond|inloopbijeenkomst|bewonersavond|inzameldag)${B}`,
  String.raw`${B}(?:show\s+(?:it|this|your)\b[^.]{0,40}\b(?:entrance|desk|counter)|come\s+to)${B}`,
  String.raw`${B}(?:balie|publieksbalie|servicebalie|spreekuur|inloopspreekuur)${B}`,
  String.raw`${B}(?:op|in|naar|bij)\s+(?:het|ons|de)\s+(?:stadhuis|gemeentehuis|stadskantoor|gemeentekantoor|servicepunt|klantcontactcentrum|wijkkantoor|wijkpunt|dorpshuis|informatiepunt|bibliotheek)${B}`,
  String.raw`${B}(?:aan|bij)\s+het\s+loket${B}`,
  String.raw`${B}(?:visit\s+(?:us|our\s+office)|come\s+to\s+(?:the|our))${B}`,
];

const PAPER = [
  String.raw`${B}(?:bijgevoegde?|bijgesloten|ingesloten|meegestuurde|meegezonden|bijliggende?|bijgaande?)\s+(?:\S+\s+){0,2}?\S*(?:formulier|formulieren|kaart|strook|envelop|enveloppe|vragenlijst)${B}`,
  String.raw`${B}(?:(?:het|dit|de|dat|een)\s+)?\S*formulier(?:en)?\s+(?:(?:dat|die)\s+)?(?:bij|in)\s+(?:deze|de|dit)\s+(?:brief|envelop|enveloppe)${B}`,
  String.raw`${B}(?:in|als|met)\s+(?:de\s+)?bijlage${B}`,
  String.raw`${B}(?:antwoord|retour)(?:formulier|kaart|strook|envelop|enveloppe|nummer)(?:en)?${B}`,
  String.raw`${B}(?:stuur|stuurt|sturen|te\s+sturen)${B}${GAP(8)}terug${B}`,
  String.raw`${B}(?:terugsturen|terug\s+te\s+sturen|opsturen|op\s+te\s+sturen|per\s+post|postzegel|schriftelijk)${B}`,
  String.raw`${B}(?:stuur|stuurt|sturen|te\s+sturen|zend|zendt|verstuur|verstuurt)${B}${GAP(8)}(?:naar|aan)\s+(?:\S+\s+){0,3}?postbus${B}`,
  String.raw`${B}(?:enclosed|attached)\s+(?:\S+\s+)?forms?${B}`,
  String.raw`${B}(?:reply|return|prepaid|freepost)\s+(?:envelope|form|card)${B}`,
  String.raw`${B}by\s+post${B}`,
  String.raw`${B}(?:per\s+brief|papieren\s+(?:formulier|aanvraagformulier|versie)|ondertekende?|handtekening)${B}`,
  String.raw`${B}(?:stuur|stuurt|sturen|te\s+sturen)${B}${GAP(10)}naar\s+(?:de\s+gemeente|ons|het\s+college|de\s+burgemeester|de\s+afdeling)${B}`,
];

const FORM = [String.raw`${B}\S*(?:formulier|formulieren|vragenlijst|vragenlijsten|enquête|enquete)${B}`, String.raw`${B}(?:form|forms|questionnaire|survey)${B}`];

const ONLINE = [
  String.raw`${B}(?:online|digitaal|digitale|internet|website|websites|webpagina|webpage|internetpagina|internetsite|homepage|site|webshop|webwinkel|web|e-formulier|webformulier|internetformulier|link|links|hyperlink|digid|eherkenning|e-herkenning|inlogcode|e-mailadres\s+bevestigen)${B}`,
  String.raw`${B}(?:elektronisch|elektronische|knop|button|qr[\s-]?codes?)${B}`,
  String.raw`${B}(?:op\s+digitale\s+wijze|langs\s+digitale\s+weg|via\s+internet)${B}`,
  String.raw`${B}(?:de|onze|deze|die|het)\s+(?:\S+\s+)?pagina${B}(?!\s+\d)`,
  String.raw`${B}(?:website|webpagina|site)\s+van${B}`,
];

const PORTAL = [
  String.raw`${B}(?:[a-z\u00e0-\u00ff-]*app|apps|webshop|webwinkel|e-loket|omgevingsloket|ondernemersloket|\S*portaal|portal)${B}`,
  String.raw`${B}[a-z0-9]+-loket${B}`,
  String.raw`${B}(?:digitale?|online|elektronische?)\s+(?:loket|balie|omgeving|dossier|kluis|postbus|brievenbus)${B}`,
  String.raw`${B}mijn\s?(?:overheid|loket|gemeente|zaken|omgeving|dossier|aanvragen|belastingen|toeslagen|uwv|duo|cak|svb|rvo|pgb|\S+\.\S+)${B}`,
  String.raw`${B}(?:my\s+account|customer\s+portal|resident\s+portal)${B}`,
];

/** "Dat kan via …", "Dit is ook mogelijk op …": the call of the sentence before, with a channel. */
const CONTINUE = [
  String.raw`${B}(?:u\s+kunt|kunt\s+u|kan\s+u|u\s+kan)\s+(?:dat|dit|het|deze|die)\s+(?:\S+\s+){0,3}?doen${B}`,
  String.raw`${B}(?:dat|dit|het)\s+doet\s+u${B}`,
  String.raw`${B}(?:dat|dit|het|u|dat\s+doet\s+u|dit\s+doet\s+u)\s+(?:kan|kunt|is|doet\s+u)\s+(?:u\s+)?(?:ook\s+|alleen\s+|eenvoudig\s+|gewoon\s+|snel\s+|voortaan\s+|vanaf\s+nu\s+|makkelijk\s+|gemakkelijk\s+)*(?:mogelijk\s+)?(?:online|digitaal|via|op|met|in)${B}`,
  String.raw`${B}(?:kan|kunt)\s+(?:dat|dit|het)\s+(?:ook\s+|alleen\s+)?(?:online|digitaal|via|op|in)${B}`,
  String.raw`${B}(?:dat|dit|het)\s+kan\s+(?:[^\s.!?;]+\s+){0,12}?(?:online|digitaal|via|op)${B}`,
  String.raw`${B}(?:is|zijn)\s+(?:ook\s+|alleen\s+)?mogelijk\s+(?:via|op|met|in)${B}`,
  String.raw`${B}(?:can|may)\s+(?:also\s+)?(?:be\s+done\s+)?(?:online|via|at)${B}`,
];

function compile(patterns: string[]): RegExp {
  return new RegExp(patterns.join('|'), 'giu');
}

// The "Mijn …" portal names are capitalized; the lower-case possessive ("mijn") is not a portal.
const MIJN_RE = /\bMijn\s?(?:\p{Lu}[\p{L}\p{N}-]*|[a-z][\p{L}\p{N}-]*\.[a-z])/gu;

/**
 * The words a pattern can start with ("vraag", "vraagt" for `\b(?:vraag|vraagt)\b…`), or null when
 * it starts with something else (`\S*formulier`). Patterns are matched only where a sentence has
 * one of their first words (a map lookup per word): trying a hundred alternatives at every
 * character of every letter was most of brieflint's offline time.
 */
export function anchorsOf(pattern: string): string[] | null {
  const p = pattern.startsWith('\\b') ? pattern.slice(2) : pattern;
  // A first word that the pattern continues without a boundary ("door(?:geef|geeft)", "qr[\s-]?")
  // is a prefix of the sentence's word: marked with a trailing "*".
  const leading = (alt: string): string | null => {
    const m = /^([a-z\u00e0-\u00ff]+)(?=$|\\[sbS]|[(\[?\-|]|\s)/.exec(alt);
    if (!m) return null;
    const next = alt[m[1].length] ?? '';
    return next === '(' || next === '[' || next === '?' ? `${m[1]}*` : m[1];
  };
  if (!p.startsWith('(?:')) {
    const w = leading(p);
    return w ? [w] : null;
  }
  // The top-level alternatives of the leading group.
  let depth = 0;
  let end = -1;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) {
      end = i;
      break;
    }
  }
  if (end === -1) return null;
  const inner = p.slice(3, end);
  const alts: string[] = [];
  depth = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      alts.push(inner.slice(from, i));
      from = i + 1;
    }
  }
  alts.push(inner.slice(from));
  const words = alts.map(leading);
  if (!words.every((w): w is string => w !== null)) return null;
  // "(?:antwoord|retour)(?:formulier|kaart)": the group's words are prefixes of the sentence's word.
  const glued = /^[(\[a-z]/.test(p.slice(end + 1));
  return [...new Set(words.map((w) => (glued && !w.endsWith('*') ? `${w}*` : w)))];
}

interface CompiledCue {
  cue: Cue;
  /** All anchored patterns of the cue, tried only at a word start (sticky). */
  anchored?: RegExp;
  /** Patterns without a first word, scanned the usual way. */
  scan?: RegExp;
}

const CUE_PATTERNS: ReadonlyArray<[Cue, string[]]> = [
  ['apply', APPLY],
  ['fill', FILL],
  ['look', LOOK],
  ['find', FIND],
  ['info', INFO],
  ['click', CLICK],
  ['report', REPORT],
  ['report-weak', REPORT_WEAK],
  ['appointment', APPOINTMENT],
  ['login', LOGIN],
  ['login-means', LOGIN_MEANS],
  ['qr', QR],
  ['phone', PHONE],
  ['visit', VISIT],
  ['paper', PAPER],
  ['form', FORM],
  ['online', ONLINE],
  ['portal', PORTAL],
  ['continue', CONTINUE],
];

/** For each first word, the cues whose anchored patterns may start there; and the same for word prefixes. */
const BY_WORD = new Map<string, CompiledCue[]>();
const BY_PREFIX = new Map<string, CompiledCue[]>();
const SCANNED: CompiledCue[] = [];
for (const [cue, patterns] of CUE_PATTERNS) {
  const anchored: string[] = [];
  const scan: string[] = [];
  const words = new Set<string>();
  for (const p of patterns) {
    const a = anchorsOf(p);
    if (a) {
      anchored.push(p);
      for (const w of a) words.add(w);
    } else scan.push(p);
  }
  const compiled: CompiledCue = {
    cue,
    ...(anchored.length ? { anchored: new RegExp(anchored.join('|'), 'iuy') } : {}),
    ...(scan.length ? { scan: compile(scan) } : {}),
  };
  for (const w of words) {
    const map = w.endsWith('*') ? BY_PREFIX : BY_WORD;
    const key = w.replace(/\*$/, '');
    if (!(map.get(key) ?? []).includes(compiled)) map.set(key, [...(map.get(key) ?? []), compiled]);
  }
  if (compiled.scan) SCANNED.push(compiled);
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
/** BY_PREFIX by the prefix's first character (in BY_PREFIX's order): a word is tried against its own few. */
const PREFIXES_BY_FIRST = new Map<string, Array<[string, CompiledCue[]]>>();
for (const [prefix, cues] of BY_PREFIX) {
  const first = prefix.charAt(0);
  PREFIXES_BY_FIRST.set(first, [...(PREFIXES_BY_FIRST.get(first) ?? []), [prefix, cues]]);
}

/** What a sentence must contain before the scanned patterns of a cue are tried (a test checks each has one). */
export const SCAN_NEEDLES: Partial<Record<Cue, readonly string[]>> = {
  apply: ['aanvra'],
  paper: ['formulier'],
  form: ['formulier', 'vragenlijst', 'enquête', 'enquete'],
  portal: ['app', 'portaal', 'portal', 'loket', 'webshop', 'webwinkel'],
};

/** The patterns that have no first word and are scanned (for the tests: keep them few). */
export const SCANNED_PATTERNS: ReadonlyArray<[Cue, string]> = CUE_PATTERNS.flatMap(([cue, ps]) => ps.filter((p) => !anchorsOf(p)).map((p): [Cue, string] => [cue, p]));

/** Negations that cancel a call in their clause; idioms that only look like one are left out first. */
const NOT_NEGATION_RE =
  /\b(?:vergeet\s+(?:dan\s+)?niet|niet\s+vergeten|niet\s+later\s+dan|niet\s+eerder\s+dan|niet\s+meer\s+dan|niet\s+alleen|of\s+niet|niet\s+eens|niet\s+zeker|don'?t\s+forget|not\s+later\s+than)\b/giu;
const NEGATION_RE = /\b(?:niet|geen|niets|nergens|nooit|hoeft|hoeven|hoef|not|no|never|cannot|can'?t|won'?t|don'?t|doesn'?t|need\s+not|needn'?t)\b/iu;
/** Thanks for what the reader did, or what the gemeente does itself, asks nothing of the reader. */
const NOT_ASKED_RE = /\b(?:bedankt\s+voor|dank\s+(?:u|je)\s+(?:wel\s+)?voor|thank\s+you\s+for|thanks\s+for)\b|^\s*(?:\S+\s+){0,4}?(?:wij|we|de\s+gemeente|het\s+college|onze\s+medewerkers?)\s+(?!\S*\s*(?:u|je)\b)(?:verstuurt|versturen|stuurt|sturen|plaatst|plaatsen|publiceert|publiceren|maakt|maken|zet|zetten|betaalt|betalen)\b/iu;

/** A clause that tells what happened ("u heeft … aangevraagd", "is ontvangen"), not what to do. */
const AUXILIARY_RE = /\b(?:heeft|hebt|hebben|had|hadden|was|waren|werd|werden|is|zijn|has|have|had|was|were)\b/iu;
const PARTICIPLE_RE =
  /\b(?:aangevraagd|ingediend|ingevuld|aangemeld|afgemeld|ingeschreven|doorgegeven|opgegeven|aangepast|gewijzigd|geregeld|betaald|besteld|gereserveerd|ge[uü]pload|verlengd|gereageerd|bevestigd|gemeld|gedaan|gemaakt|ingelogd|gescand|bekeken|gelezen|gedownload|bezocht|gekeken|ontvangen|verstuurd|verzonden|gestuurd|opgestuurd|ingestuurd|gekozen|geplaatst|gepubliceerd|geopend|gebeld|aangeleverd|geboekt|gekocht|teruggestuurd|applied|submitted|received|registered|paid|reported|sent|made|booked)\b/iu;
/** A modal or an imperative keeps a clause a call even with a participle in it ("u kunt zien of … is ontvangen"). */
const MODAL_RE = /\b(?:kunt|kan|kunnen|moet|moeten|wilt|wil|mag|graag|can|must|should|please)\b/iu;

// Sentence ends: . ! ? ; or … followed by white space or the end; a line that starts a list item.
const SENTENCE_END_RE = /[.!?;…]+(?=\s|$)|\n(?=[ \t]*(?:[-*•·▪–]|\d{1,2}[.)])\s)|\s\|\s/g;
/** A short line without end punctuation, followed by a capital, is a heading or a label: a sentence of its own. */
const SHORT_LINE = 50;
const CLAUSE_BREAK_RE = /,\s|\s(?:maar|want|omdat|terwijl|tenzij|but|because|unless)\s/giu;

function mask(text: string, context: CallContext): string {
  let out = text;
  const put = (ranges: readonly Range[] | undefined, ch: string) => {
    if (!ranges) return;
    for (const r of ranges) {
      if (r.end <= r.start) continue;
      out = out.slice(0, r.start) + ch.repeat(r.end - r.start) + out.slice(r.end);
    }
  };
  put(context.others, OTHER);
  put(context.placeholders, PLACEHOLDER);
  put(context.addresses, ADDRESS);
  return out;
}

function sentences(masked: string): Range[] {
  const out: Range[] = [];
  const push = (start: number, end: number) => {
    // Inside a sentence, a short line without end punctuation before a capital is a heading or label.
    let from = start;
    for (let nl = masked.indexOf('\n', start); nl !== -1 && nl < end; nl = masked.indexOf('\n', nl + 1)) {
      const line = masked.slice(masked.lastIndexOf('\n', nl - 1) + 1, nl).trim();
      const next = masked.slice(nl + 1, end).trimStart();
      if (line !== '' && line.length < SHORT_LINE && !/[,:;(\-–]$/.test(line) && /^[\p{Lu}\d]/u.test(next)) {
        if (masked.slice(from, nl).trim() !== '') out.push({ start: from, end: nl });
        from = nl + 1;
      }
    }
    if (masked.slice(from, end).trim() !== '') out.push({ start: from, end });
  };
  let start = 0;
  SENTENCE_END_RE.lastIndex = 0;
  for (let m = SENTENCE_END_RE.exec(masked); m; m = SENTENCE_END_RE.exec(masked)) {
    const split = m[0].startsWith('\n') || m[0].includes('|');
    const end = split ? m.index : m.index + m[0].length;
    push(start, end);
    start = split ? m.index + m[0].length : end;
  }
  push(start, masked.length);
  return out;
}

function clauses(sentence: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  CLAUSE_BREAK_RE.lastIndex = 0;
  for (let m = CLAUSE_BREAK_RE.exec(sentence); m; m = CLAUSE_BREAK_RE.exec(sentence)) {
    out.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  out.push({ start, end: sentence.length });
  return out;
}

function cuesIn(sentence: string): CueMatch[] {
  const out: CueMatch[] = [];
  // Anchored patterns, where the sentence has one of their first words.
  const reached = new Map<Cue, number>();
  WORD_RE.lastIndex = 0;
  for (let w = WORD_RE.exec(sentence); w; w = WORD_RE.exec(sentence)) {
    const word = w[0].toLowerCase();
    let cues = BY_WORD.get(word);
    for (const [prefix, more] of PREFIXES_BY_FIRST.get(word.charAt(0)) ?? []) if (word.startsWith(prefix)) cues = cues ? [...cues, ...more.filter((c) => !cues!.includes(c))] : more;
    if (!cues) continue;
    for (const c of cues) {
      if ((reached.get(c.cue) ?? -1) > w.index) continue; // inside this cue's previous match
      const re = c.anchored!;
      re.lastIndex = w.index;
      const m = re.exec(sentence);
      if (!m || m[0] === '') continue;
      out.push({ cue: c.cue, start: m.index, end: m.index + m[0].length });
      reached.set(c.cue, m.index + m[0].length);
    }
  }
  const lower = sentence.toLowerCase();
  for (const c of SCANNED) {
    if (!SCAN_NEEDLES[c.cue]?.some((n) => lower.includes(n))) continue;
    const re = c.scan!;
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      if (m[0] === '') {
        re.lastIndex++;
        continue;
      }
      out.push({ cue: c.cue, start: m.index, end: m.index + m[0].length });
    }
  }
  MIJN_RE.lastIndex = 0;
  for (let m = MIJN_RE.exec(sentence); m; m = MIJN_RE.exec(sentence)) out.push({ cue: 'portal', start: m.index, end: m.index + m[0].length });
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The clause (offsets in the sentence) holding offset `at`. */
function clauseAt(list: readonly Range[], at: number): Range {
  return list.find((c) => c.start <= at && at < c.end) ?? list[list.length - 1];
}

/** What is not possible yet asks nothing now: "Binnenkort kunt u dit ook online regelen". */
const FUTURE_RE = /\b(?:binnenkort|straks|in\s+de\s+toekomst|later\s+dit\s+jaar|vanaf\s+volgend\s+jaar|soon)\b/iu;
/** The simple past: "U gebruikte het online formulier op 18 april". */
const SIMPLE_PAST_RE =
  /\b(?:u|je|wij|we|jij)\s+(?:gebruikte|vulde|vroeg|diende|meldde|stuurde|deed|maakte|koos|bezocht|betaalde|ontving|gaf|logde|schreef|bestelde|reserveerde|registreerde|keek|las|ging|kwam|belde)\b/iu;

function cancelled(sentence: string, clause: Range): boolean {
  const text = sentence.slice(clause.start, clause.end).replace(NOT_NEGATION_RE, ' ');
  if (NEGATION_RE.test(text) || FUTURE_RE.test(text) || SIMPLE_PAST_RE.test(text) || NOT_ASKED_RE.test(text)) return true;
  return AUXILIARY_RE.test(text) && PARTICIPLE_RE.test(text) && !MODAL_RE.test(text) && !/^\s*(?:\S+\s+){0,1}?(?:ga|kijk|vul|vraag|dien|lees|bekijk)\b/iu.test(text);
}

/** Verbs used as a noun name an act, they ask nothing: "Het invullen van de vragenlijst kost 15 minuten". */
const NOMINAL_BEFORE_RE = /(?:^|[^\p{L}])het\s+$/iu;
const PRONOUN_CONTEXT_RE = /\b(?:kunt|kan|moet|moeten|wilt|wil|mag|gaat|kunnen|u|je|dan|ook|hier|dit|dat)\s+het\s+$/iu;
const NOMINAL_CUES: ReadonlySet<Cue> = new Set(['apply', 'fill', 'look', 'report', 'report-weak', 'login']);

function nominal(sentence: string, c: CueMatch): boolean {
  if (!NOMINAL_CUES.has(c.cue)) return false;
  const before = sentence.slice(Math.max(0, c.start - 24), c.start);
  return NOMINAL_BEFORE_RE.test(before) && !PRONOUN_CONTEXT_RE.test(before);
}

interface Found {
  kind: FormMentionKind;
  online: boolean;
  cues: CueMatch[];
  /** Every live cue of the sentence (for the words of the mention). */
  around: CueMatch[];
  /** Continues the call of the sentence before ("Dat kan via …"). */
  continued?: boolean;
  /** Asked as a question ("Wilt u een afspraak maken?"). */
  question?: boolean;
}

/** Calls to action in one block of text, in order. */
export function findCalls(text: string, context: CallContext = {}): CallsFound {
  const masked = mask(text, context);
  const calls: CallMatch[] = [];
  const placeholderTargets = new Set<number>();
  const parts = sentences(masked).map((s) => {
    const sentence = masked.slice(s.start, s.end);
    return { s, sentence, cues: cuesIn(sentence) };
  });
  // A paper form anywhere in the paragraph makes "vul het formulier in" there a paper form.
  const blockPaper = parts.some((p) => p.cues.some((c) => c.cue === 'paper'));
  let previous: Found[] = [];
  for (const { s, sentence, cues } of parts) {
    const linked = (context.links ?? []).some((l) => l.start < s.end && s.start < l.end);
    const found = classify(sentence, cues, blockPaper, previous, linked);
    if (/\?\s*$/.test(sentence)) for (const f of found) f.question = true;
    // "Wilt u een afspraak maken? Dat kan via …": the second sentence makes the first call online.
    for (const f of found) {
      if (!f.continued) continue;
      const i = calls.findIndex((c) => c.kind === f.kind && !c.online && c.sentence.end <= s.start);
      if (i !== -1) calls.splice(i, 1);
    }
    previous = found;
    if (found.length === 0) continue;
    for (const f of found) {
      const { start, end } = wordsOf(sentence, f.cues, f.around);
      calls.push({
        start: s.start + start,
        end: s.start + end,
        kind: f.kind,
        online: f.online,
        text: printed(text, masked, s.start + start, s.start + end),
        sentence: s,
      });
    }
    if (context.placeholders && found.some((f) => f.online)) {
      context.placeholders.forEach((p, i) => {
        if (p.start >= s.start && p.end <= s.end) placeholderTargets.add(i);
      });
    }
  }
  for (const c of implicitCalls(text, masked, context, calls)) calls.push(c);
  return { calls: calls.sort((a, b) => a.start - b.start || a.end - b.end), placeholderTargets: [...placeholderTargets].sort((a, b) => a - b) };
}

/** What may surround a link or address placeholder on a line of its own: bullets, a label ending in a colon. */
const LINE_REST_RE = /^[\s\-–•*·>#]*(?:[^\uE000-\uE003:?!]{0,40}[:?])?[\s.!)\]]*$/u;

/**
 * A link or an address placeholder on a line of its own is a call in an e-mail: the reader is to
 * click it ("{TAAK_LINK}", "Ja, ik ben tevreden: {{ positive_feedback_url }}"). A bare printed
 * address on its own line is not (a letterhead, a signature).
 */
function implicitCalls(text: string, masked: string, context: CallContext, calls: readonly CallMatch[]): CallMatch[] {
  const out: CallMatch[] = [];
  const targets = [...(context.links ?? []), ...(context.placeholders ?? []).filter((_, i) => context.linkPlaceholders?.includes(i))];
  if (targets.length === 0) return out;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    const on = targets.filter((t) => t.start >= lineStart && t.end <= lineEnd);
    if (on.length > 0 && !calls.some((c) => c.sentence.start < lineEnd && lineStart < c.sentence.end)) {
      let rest = masked.slice(lineStart, lineEnd);
      for (const t of on) rest = rest.slice(0, t.start - lineStart) + ' '.repeat(t.end - t.start) + rest.slice(t.end - lineStart);
      if (LINE_REST_RE.test(rest)) {
        const start = lineStart + (line.length - line.trimStart().length);
        out.push({ start, end: lineEnd, kind: 'website', online: true, text: line.trim().replace(/\s+/g, ' ').slice(0, 80), sentence: { start: lineStart, end: lineEnd } });
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

const NO_PREPOSITION: ReadonlySet<Cue> = new Set(['login-means', 'portal', 'online', 'paper']);

/** Prepositions that tie a call to where it sends the reader: part of the mention's words. */
const TRAILING_PREPOSITION_RE = /^\s+(?:u\s+|je\s+)?(?:op|via|bij|naar|in|on|at|to)\b(?!\s+te\b)/iu;

/**
 * The span of a call's words: its first cue, widened over cues that follow within two short words ("Dien uw aanvraag digitaal in", "Meer informatie vindt") and a preposition right after.
 */
function wordsOf(sentence: string, cues: readonly CueMatch[], around: readonly CueMatch[]): Range {
  const own = [...cues].sort((a, b) => a.start - b.start);
  const start = own[0].start;
  let end = own[0].end;
  // Widen over the call's own cues that follow closely, and over channel words between them
  // ("vergunningsaanvraag op digitale wijze te doen"), never past the call's last own cue.
  const bridges = around.filter((c) => c.start >= start && (c.cue === 'online' || c.cue === 'portal'));
  for (const c of own.slice(1)) {
    let reach = end;
    for (const b of bridges) if (b.start >= reach && b.start <= reach + 12 && b.end <= c.start) reach = Math.max(reach, b.end);
    if (c.start > reach + 12 || /[\uE000\uE001\uE003]/.test(sentence.slice(end, c.start))) break;
    end = Math.max(end, c.end);
  }
  // "Verleng uw vergunning digitaal via": a channel word right before the preposition belongs to the call.
  if (!NO_PREPOSITION.has(own[own.length - 1].cue)) {
    const channel = bridges.find(
      (b) =>
        b.start >= end &&
        b.start - end <= 20 &&
        /^(?:online|digita|internet|elektronisch)/iu.test(sentence.slice(b.start, b.end)) &&
        !/[\uE000\uE001\uE003,;:]/.test(sentence.slice(end, b.start)),
    );
    if (channel && TRAILING_PREPOSITION_RE.test(sentence.slice(channel.end))) end = channel.end;
  }
  // A verb takes the preposition that ties it to the place ("Vraag … aan via"); a noun does not ("DigiD").
  const prep = NO_PREPOSITION.has(own[own.length - 1].cue) ? null : TRAILING_PREPOSITION_RE.exec(sentence.slice(end));
  if (prep) end += prep[0].length;
  return { start, end };
}

/** The words of a mention as printed: white space collapsed, masked tokens left out at the ends. */
function printed(text: string, masked: string, start: number, end: number): string {
  let e = end;
  while (e > start && (MASKED_RE.test(masked[e - 1]) || /\s/.test(masked[e - 1]))) e--;
  return text.slice(start, e).replace(/\s+/g, ' ').trim();
}

/** The calls of one sentence. `previous`: the calls of the sentence before (for "Dat kan via …"). */
function classify(sentence: string, cues: readonly CueMatch[], blockPaper: boolean, previous: Found[], linked: boolean): Found[] {
  if (cues.length === 0) return [];
  const list = clauses(sentence);
  const live = cues.filter((c) => (c.cue === 'form' || !cancelled(sentence, clauseAt(list, c.start))) && !nominal(sentence, c));
  const has = (cue: Cue) => live.some((c) => c.cue === cue);
  const of = (cue: Cue) => live.filter((c) => c.cue === cue);
  const destination = linked || /[\uE000\uE001]/.test(sentence) || /:\s*$/.test(sentence);
  const onlineWords = has('online') || has('portal');
  const channel = destination || onlineWords;
  const paper = (has('paper') && !/\be-?mail\b/iu.test(sentence.slice(of('paper')[0]?.start ?? 0))) || (blockPaper && !channel);
  const out: Found[] = [];
  const add = (kind: FormMentionKind, online: boolean, used: CueMatch[]) => {
    if (used.length === 0 || out.some((f) => f.kind === kind)) return;
    out.push({ kind, online, cues: used, around: live });
  };

  if (has('qr') && QR_NOUN_RE.test(sentence) && !NOT_SCANNED_BY_READER_RE.test(sentence)) add('qr-code', true, of('qr'));
  if (has('login')) add('login', true, of('login'));
  if (has('appointment')) add('appointment', channel, of('appointment'));
  // "meld u aan" is applying, not a report; "melding" inside "aanmelding" is no report either.
  const applyCues = of('apply');
  const weak = channel || has('phone') ? of('report-weak') : [];
  // "Het melden van overlast wordt verbeterd" names the act; it asks nothing.
  const reports = [...of('report'), ...weak].filter(
    (r) =>
      !/\bhet\s+$/i.test(sentence.slice(Math.max(0, r.start - 4), r.start)) &&
      !applyCues.some((a) => a.start <= r.start && r.end <= a.end + 1 && a.start !== r.start),
  );
  if (reports.length > 0 && !has('appointment')) add('report', channel, reports);
  const formish = has('form') || has('fill');
  if (formish) {
    const own = [...of('fill'), ...of('form')].sort((a, b) => a.start - b.start);
    // "Ga naar het formulier", "Vraag … aan met het formulier": the verb right before belongs to the words.
    const lead = [...of('look'), ...applyCues].filter(
      (c) => c.end <= own[0].start && own[0].start - c.end <= 12 && !/[:;,]/.test(sentence.slice(c.end, own[0].start)),
    );
    const formCues = [...lead, ...own];
    if (paper && !(has('online') || destination)) add('paper-form', false, [...formCues, ...of('paper')]);
    else if (has('form') ? has('fill') || channel || has('apply') || has('find') || has('click') : channel) add('online-form', true, formCues);
  } else if (has('paper') && (applyCues.length > 0 || has('fill'))) {
    add('paper-form', false, of('paper'));
  }
  if (applyCues.length > 0 && channel && !out.some((f) => f.kind === 'online-form' || f.kind === 'report' || f.kind === 'appointment' || f.kind === 'login')) {
    add('online-application', true, applyCues);
  }
  const looks = [...of('look'), ...of('click'), ...(has('find') || has('info') ? [...of('find'), ...of('info')] : [])];
  // "Voor meer informatie gaat u naar Mijn Loket": looking something up in a portal is using the portal.
  if (looks.length > 0 && (channel || has('click')) && !out.some((f) => f.online) && !has('portal')) add('website', true, looks);
  if (has('portal') && (out.some((f) => f.online) || looks.length > 0 || live.some((c) => c.cue === 'apply' || c.cue === 'login'))) {
    add('portal', true, out.some((f) => f.online) ? of('portal') : [...looks, ...of('portal')]);
  }
  if (has('login-means') && out.some((f) => f.online) && !/\b(?:geen|niet|zonder|not|without)\s+(?:\S+\s+)?(?:digid|eherkenning)\b/iu.test(sentence)) add('login', true, of('login-means'));
  if (has('phone')) add('phone', false, of('phone'));
  if (has('visit')) add('visit', false, of('visit'));
  if (has('paper') && !out.some((f) => f.kind === 'paper-form') && (has('fill') || applyCues.length > 0 || /\bterug|stuur|envelop/iu.test(sentence))) {
    add('paper-form', false, of('paper'));
  }
  // "Wilt u de afspraak verzetten? Gebruik dan de link …": the question's call, made where this sentence says.
  if (out.length === 1 && out[0].kind === 'website' && previous.some((f) => !f.online && f.question) && /^\s*\S+\s+dan\b/iu.test(sentence)) {
    const asked = previous.find((f) => !f.online && f.question);
    if (asked && asked.kind !== 'phone' && asked.kind !== 'visit' && asked.kind !== 'paper-form') {
      out[0].kind = asked.kind;
      out[0].continued = true;
    }
  }
  // "Dat kan via …": no call of its own, a channel, and a call before it.
  if (out.length === 0 && has('continue') && channel) {
    const kind = previous.find((f) => f.kind !== 'phone' && f.kind !== 'visit' && f.kind !== 'paper-form')?.kind ?? previous[0]?.kind ?? 'online-application';
    add(kind === 'phone' || kind === 'visit' || kind === 'paper-form' ? 'online-application' : kind, true, of('continue'));
    if (out[0]) out[0].continued = true;
  }
  return out;
}
