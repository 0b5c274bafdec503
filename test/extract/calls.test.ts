import { describe, expect, it } from 'vitest';
import { readText } from '../../src/letters/text.js';
import { readMarkdown } from '../../src/letters/markdown.js';
import { extractReferences } from '../../src/extract/index.js';
import { runRules } from '../../src/engine.js';
import { allRules } from '../../rules/index.js';
import { config, facts } from '../helpers.js';
import type { References } from '../../src/types.js';

function txt(text: string): References {
  return extractReferences(readText('brieven/brief.txt', Buffer.from(text)));
}

function md(text: string): References {
  return extractReferences(readMarkdown('brieven/brief.md', Buffer.from(text)));
}

/** Kind, online, and the address each call points at. */
const calls = (r: References) => r.forms.map((f) => [f.kind, f.online, f.url !== undefined ? r.urls[f.url].printed : f.placeholder !== undefined ? r.placeholders[f.placeholder].printed : undefined]);

function findings(text: string, format: 'txt' | 'md' = 'txt'): string[] {
  const letter = format === 'md' ? readMarkdown('brieven/brief.md', Buffer.from(text)) : readText('brieven/brief.txt', Buffer.from(text));
  const refs = extractReferences(letter);
  return runRules(letter, refs, facts(), config(), allRules, 'en').map((f) => f.rule);
}

describe('calls to action: the phrasings letters use, each followed by an address', () => {
  it.each<[string, string]>([
    ['Ga naar lindendal.nl/afval.', 'website'],
    ['Kijk op lindendal.nl/afval voor de ophaaldagen.', 'website'],
    ['U kunt de vergunning aanvragen op lindendal.nl/vergunning.', 'online-application'],
    ['Dien uw aanvraag in via lindendal.nl/aanvraag.', 'online-application'],
    ['Maak een afspraak via lindendal.nl/afspraak.', 'appointment'],
    ['Doe een melding op lindendal.nl/melding.', 'report'],
    ['Bezwaar maken kan via lindendal.nl/bezwaar.', 'online-application'],
    ['Schrijf u in via lindendal.nl/inschrijven.', 'online-application'],
    ['Meld u aan via het aanmeldformulier op lindendal.nl/aanmelden.', 'online-form'],
    ['Dien uw aanvraag digitaal in op lindendal.nl/aanvraag.', 'online-application'],
    ['Log in op Mijn Loket: lindendal.nl/mijnloket.', 'login'],
    ['Scan de QR-code of ga naar lindendal.nl/afvalpas.', 'qr-code'],
    ['Vul het formulier in op lindendal.nl/formulier.', 'online-form'],
  ])('%s → %s, pointing at the address', (text, kind) => {
    const r = txt(text);
    const call = r.forms.find((f) => f.kind === kind);
    expect(call).toBeDefined();
    expect(call?.online).toBe(true);
    expect(call?.url).toBeDefined();
    expect(r.urls[call?.url ?? -1].printed).toMatch(/^lindendal\.nl\//);
  });

  it('a separable verb split over a long sentence', () => {
    const r = txt('Vraag de vergunning voor uw dakkapel uiterlijk 1 maart 2027 aan via lindendal.nl/dakkapel.');
    expect(calls(r)).toEqual([['online-application', true, 'lindendal.nl/dakkapel']]);
    expect(r.forms[0].text).toBe('Vraag de vergunning voor uw dakkapel uiterlijk 1 maart 2027 aan via');
  });

  it('"Wilt u …? Dat kan via …" is one online call, pointing at the address', () => {
    expect(calls(txt('Wilt u een afspraak maken? Dat kan via lindendal.nl/afspraak.'))).toEqual([['appointment', true, 'lindendal.nl/afspraak']]);
  });

  it('"Ga naar:" and the address on the next line', () => {
    expect(calls(txt('Ga naar:\n\nlindendal.nl/afval'))).toEqual([['website', true, 'lindendal.nl/afval']]);
  });

  it('destinations other than a website: a webshop, an app, a portal', () => {
    expect(calls(txt('Bestel uw afvalzakken in de webshop.'))).toEqual([
      ['online-application', true, undefined],
      ['portal', true, undefined],
    ]);
    expect(calls(txt('Download de app MijnAfval.')).map((c) => c[0])).toEqual(['portal']);
    expect(calls(txt('Voor meer informatie gaat u naar Mijn Loket.'))).toEqual([['portal', true, undefined]]);
    expect(calls(txt('Geef uw nieuwe adres door via het digitale loket.')).map((c) => c[0])).toEqual(['online-application', 'portal']);
  });
});

describe('calls to action that are not online, and sentences that are no call', () => {
  it.each<[string, Array<[string, boolean]>]>([
    ['U hoeft niets te doen.', []],
    ['Vul het bijgevoegde formulier in en stuur het terug in de antwoordenvelop.', [['paper-form', false]]],
    ['Bel ons op 14 020.', [['phone', false]]],
    ['Kom langs op het stadhuis.', [['visit', false]]],
    ['Wij hebben uw aanvraag via onze website ontvangen.', []],
    ['U kunt deze vergunning niet online aanvragen; kom naar het stadhuis.', [['visit', false]]],
    ['De website van het project is vernieuwd.', []],
    ['Binnenkort kunt u dit ook online regelen.', []],
    ['Het invullen van de vragenlijst kost u ongeveer 15 minuten.', []],
    ['Naar aanleiding van uw brief kan ik u het volgende melden.', []],
    ['Laat uw QR-code bij de ingang scannen.', [['visit', false]]], // shown in person, not scanned by the reader
    ['U gebruikte het online formulier op 18 april.', []],
    ['Maak een afspraak door te bellen met 14 020.', [['appointment', false], ['phone', false]]],
  ])('%s', (text, expected) => {
    expect(txt(text).forms.map((f) => [f.kind, f.online])).toEqual(expected);
  });

  it('"vergeet niet … online" is still a call; "als u het niet eens bent, kunt u online bezwaar maken" too', () => {
    expect(txt('Vergeet niet uw aanvraag online in te dienen.').forms.map((f) => f.online)).toEqual([true]);
    expect(txt('Als u het niet eens bent met dit besluit, kunt u online bezwaar maken.').forms.map((f) => [f.kind, f.online])).toEqual([['online-application', true]]);
  });
});

describe('missing-url on letters that send readers online without an address', () => {
  it.each([
    'Vul het formulier in op onze website.',
    'U kunt kwijtschelding digitaal aanvragen.',
    'Log in op Mijn Loket om uw aanslag te bekijken.',
    'Scan de QR-code om het formulier te openen.',
    'Maak online een afspraak.',
    'Doe een melding in de app.',
    'Dien uw aanvraag digitaal in.',
    'Schrijf u online in voor de cursus.',
    'Geef uw verhuizing online door.',
    'Bestel de afvalpas in onze webshop.',
  ])('%s', (text) => {
    expect(findings(`Beste bewoner,\n\n${text}\n\nMet vriendelijke groet,\nGemeente Lindendal`)).toContain('missing-url');
  });

  it('not when the address is printed, when only paper or phone is asked, or when a placeholder holds the place', () => {
    expect(findings('Vul het formulier in op lindendal.nl/formulier.')).not.toContain('missing-url');
    expect(findings('Vul het bijgevoegde formulier in. Vragen? Bel 14 020.')).not.toContain('missing-url');
    expect(findings('Ga naar {{ url }} om uw aanvraag te bekijken.')).toEqual(['placeholder-url']);
  });

  it('a bare home page does not serve a form (the seed case), but does serve "kijk op onze website"', () => {
    expect(findings('www.lindendal.nl\n\nVul het formulier in op onze website.')).toContain('missing-url');
    expect(findings('Kijk op onze website.\n\nlindendal.nl')).not.toContain('missing-url');
  });
});

describe('links in Markdown and HTML', () => {
  it('a call-to-action link whose <a href> spans lines, or whose target is broken over a line', () => {
    for (const text of [
      'Vul het formulier in via <a\nhref="https://www.lindendal.nl/formulier">deze link</a>.',
      '<p>Ga naar\n<a\n  href="https://www.lindendal.nl/formulier"\n  class="btn"\n>het formulier</a>\n</p>',
      'Ga naar <a href="https://www.lindendal.nl/formu\nlier">het formulier</a>.',
    ]) {
      const r = md(text);
      expect(r.urls.map((u) => u.href)).toEqual(['https://www.lindendal.nl/formulier']);
      expect(r.forms[0]?.online).toBe(true);
      expect(r.forms[0]?.url).toBe(0);
    }
  });

  it('each <p> of an HTML e-mail is a paragraph of its own', () => {
    const r = md('<p>Bevestig eerst uw e-mailadres met de link hieronder:</p>\n<p><a href="{{ verification_link }}">Ik bevestig</a></p>\n<p>Lukt het niet? Neem contact op.</p>');
    // Without the split, "Lukt het niet?" would cancel the call as one long negated sentence.
    expect(r.forms.map((f) => [f.kind, f.online, f.location.line])).toEqual([
      ['website', true, 1],
      ['website', true, 2],
    ]);
    expect(r.placeholders.map((p) => [p.printed, p.inUrl])).toEqual([['{{ verification_link }}', true]]);
  });
});

describe('placeholders where an address belongs, and only there', () => {
  it('a placeholder a call points at is an address placeholder; the same name in a signature is not', () => {
    expect(txt('Kijk voor meer informatie op {{ site_name }}.').placeholders.map((p) => [p.printed, p.inUrl])).toEqual([['{{ site_name }}', true]]);
    expect(txt('Met vriendelijke groet,\n{{ site_name }}').placeholders.map((p) => [p.printed, p.inUrl])).toEqual([['{{ site_name }}', false]]);
    expect(txt('Gemeld op: {{ created_at }}. Kijk op onze website.').placeholders.map((p) => p.inUrl)).toEqual([false]);
  });

  it('a link or address placeholder on a line of its own is a call in an e-mail', () => {
    const r = txt('Er staat een taak voor u klaar.\n{TAAK_LINK}');
    expect(calls(r)).toEqual([['website', true, '{TAAK_LINK}']]);
    expect(txt('Gemeente Lindendal\nwww.lindendal.nl').forms).toEqual([]); // a letterhead address asks nothing
  });

  it('a placeholder link target is one placeholder-url finding, not also invalid-link-target', () => {
    expect(findings('Bevestig via [deze link]({{ verification_url }}).', 'md')).toEqual(['placeholder-url']);
    expect(findings('Bevestig via <a href="{{ url }}">deze link</a>.', 'md')).toEqual(['placeholder-url']);
    expect(findings('Meer weten? Kijk dan op onze website: [link-naam](URL)!', 'md')).toEqual(['placeholder-url']);
  });

  it('tel:{{ phone }} is a phone placeholder, not a phone with an empty number', () => {
    const r = md('Bel <a href="tel:{{ phone }}">ons</a>.');
    expect(r.phones).toEqual([]);
    expect(r.placeholders.map((p) => [p.printed, p.inUrl, p.role])).toEqual([['{{ phone }}', false, 'phone']]);
    expect(findings('Bel <a href="tel:{{ phone }}">ons</a>.', 'md')).toEqual([]);
  });

  it('a stand-in host (www.xxx.nl) is printed, and a placeholder', () => {
    const r = txt('Uw afvalpas kunt u aanvragen op https://www.xxx.nl/afvalpas.');
    expect(r.urls.map((u) => u.printed)).toEqual(['https://www.xxx.nl/afvalpas']);
    expect(r.placeholders.map((p) => [p.printed, p.inUrl])).toEqual([['https://www.xxx.nl/afvalpas', true]]);
  });
});

describe('the call finder tries a pattern only where a sentence has its first word', () => {
  it('every pattern has first words, or its cue has needles that gate the scan', async () => {
    const { SCANNED_PATTERNS, SCAN_NEEDLES, anchorsOf } = await import('../../src/extract/calls.js');
    expect(SCANNED_PATTERNS.length).toBeLessThanOrEqual(6);
    for (const [cue] of SCANNED_PATTERNS) expect(SCAN_NEEDLES[cue]?.length ?? 0, cue).toBeGreaterThan(0);
    expect(anchorsOf(String.raw`\b(?:vraag|vraagt)\b(?:\s+\S+){0,4}?\s+aan\b`)).toEqual(['vraag', 'vraagt']);
    expect(anchorsOf(String.raw`\bdoor(?:geef|geeft)\b`)).toEqual(['door*']);
    expect(anchorsOf(String.raw`\b(?:antwoord|retour)(?:formulier|kaart)\b`)).toEqual(['antwoord*', 'retour*']);
    expect(anchorsOf(String.raw`\b\S*formulier\b`)).toBeNull();
  });

  it('finds calls whose first word is glued to more ("doorgeeft", "antwoordkaart")', () => {
    expect(txt('Als u uw verhuizing online doorgeeft, vragen wij om uw contract.').forms.map((f) => f.kind)).toContain('online-application');
    expect(txt('Vul de antwoordkaart bij deze brief in.').forms.map((f) => [f.kind, f.online])).toEqual([['paper-form', false]]);
  });
});
