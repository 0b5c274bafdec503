/**
 * What a human reader sees in each real-world letter of the corpus of public letters (the
 * optional folder beside the repository that readers.test.ts reads; decided by reading the files): shared by the extractor test (raw text) and the reader test (real readers).
 */
import { expect } from 'vitest';
import type { References } from '../../src/types.js';

export type Seen = Array<{ printed: string; href: string; linked: boolean; visible: boolean; line: number }>;
export const seen = (refs: References): Seen =>
  refs.urls.map((u) => ({ printed: u.printed, href: u.href, linked: u.linked, visible: u.visible, line: u.location.line }));
/** The kinds of call the letter makes ("+": online), each once, sorted. */
const calls = (r: References) => [...new Set(r.forms.map((f) => `${f.kind}${f.online ? '+' : ''}`))].sort();
const bare = (printed: string, href: string, line: number) => ({ printed, href, linked: false, visible: true, line });
const linked = (printed: string, href: string, line: number, visible = true) => ({ printed, href, linked: true, visible, line });

/** Per file: the URLs a reader sees (in order), and a few other references worth pinning down. */
export const EXPECTED: Record<string, { urls: Seen; check?: (refs: References) => void }> = {
  'amsterdam-signalen_melding_bevestiging_old.txt': {
    urls: [],
    check: (r) => {
      expect(r.phones.map((p) => p.normalized)).toEqual(['14020']);
      expect(r.placeholders.some((p) => p.printed === '{{ email  }}' && !p.inUrl)).toBe(true);
    },
  },
  'amsterdam-signalen_signal_created.html': {
    urls: [linked('meldingen.amsterdam.nl', 'https://meldingen.amsterdam.nl', 37)],
    check: (r) => {
      expect(r.phones.map((p) => [p.printed, p.normalized])).toEqual([['14020', '14020'], ['(0294) 491 391', '0294491391']]);
      // "Het melden van overlast … wordt verbeterd" names the act; "Losse meld-apps" are no call either.
      expect(r.forms.map((f) => [f.kind, f.text, f.online])).toEqual([
        ['phone', 'bellen', false],
        ['online-form', 'meldformulier op', true],
      ]);
      expect(r.urls[r.forms[1].url ?? -1]?.printed).toBe('meldingen.amsterdam.nl');
    },
  },
  'amsterdam-signalen_signal_created.txt': {
    urls: [bare('meldingen.amsterdam.nl', 'https://meldingen.amsterdam.nl', 22)],
    check: (r) => expect(r.phones.map((p) => p.normalized)).toEqual(['14020', '0294491391']),
  },
  'amsterdam-signalen_status_afgehandeld.txt': {
    urls: [],
    check: (r) => {
      expect(r.placeholders.filter((p) => p.inUrl).map((p) => p.printed)).toEqual(['{{ positive_feedback_url }}', '{{ negative_feedback_url }}']);
      // "Ja, ik ben tevreden: {{ positive_feedback_url }}" on a line of its own: the reader is to click it.
      expect(r.forms.map((f) => [f.kind, f.online])).toEqual([
        ['website', true],
        ['website', true],
        ['phone', false],
      ]);
    },
  },
  'forus_fund_expires.tpl.txt': {
    urls: [],
    check: (r) => {
      expect(r.placeholders.filter((p) => p.inUrl).map((p) => p.printed)).toEqual(['{{shop_implementation_url}}']);
      expect(r.phones).toEqual([]);
      expect(r.emails).toEqual([]);
    },
  },
  'lazarsfeld_dakkapel_B1_herschreven.txt': {
    urls: [bare('www.woonloket.nl', 'https://www.woonloket.nl', 10)],
    check: (r) => {
      expect(r.phones.map((p) => [p.printed, p.normalized])).toEqual([['0800-123987', '0800123987']]);
      expect(r.forms.map((f) => [f.kind, f.text])).toEqual([
        ['paper-form', 'het formulier dat bij deze brief'],
        ['online-application', 'het kan ook online via'],
        ['phone', 'Belt'],
      ]);
    },
  },
  'lazarsfeld_dakkapel_C1_origineel.txt': {
    urls: [],
    check: (r) => {
      // "kan ik u het volgende melden" tells, it asks no report; the website is only the channel.
      expect(r.forms.map((f) => [f.kind, f.online])).toEqual([['online-application', true]]);
      expect(r.forms[0].text).toMatch(/^vergunningsaanvraag op/);
      expect(r.phones).toEqual([]);
    },
  },
  'signalen-docs_voorbeeld-e-mail-collega.md': {
    urls: [linked('docs.signalen.org', 'https://docs.signalen.org/', 25), linked('docs.signalen.org', 'https://docs.signalen.org/', 60)],
    check: (r) => {
      expect(r.placeholders.map((p) => [p.printed, p.inUrl])).toEqual([
        ['[URL PROD omgeving]', true],
        ['[Naam]', false],
        ['[deze handleiding]', true], // "Volg hiervoor [deze handleiding]": the link to the manual
        ['[URL ACC omgeving]', true],
      ]);
      expect(r.forms.filter((f) => f.kind === 'login').length).toBeGreaterThanOrEqual(2);
    },
  },
  'signalen-docs_voorbeelden-e-mail-templates.md': {
    // Only links to template variables: each is a placeholder where the address belongs, not a URL;
    // the two image sources (one with [gemeentenaam] in its host) are not something the reader sees.
    urls: [],
    check: (r) => {
      expect(r.phones).toEqual([]);
      expect(r.placeholders.filter((p) => p.inUrl).map((p) => [p.printed, p.location.line])).toEqual([
        ['{{ positive_feedback_url }}', 82],
        ['{{ negative_feedback_url }}', 83],
        ['{{ verification_url }}', 282],
        ['{{ my_signals_url }}', 334],
        ['{{ signal_url }}', 442],
        ['{{ reaction_url }}', 465],
      ]);
    },
  },
  'vng-burgerpeiling_uitnodigingsbrief.md': {
    urls: [bare('Waarstaatjegemeente.nl', 'https://waarstaatjegemeente.nl', 38)],
    check: (r) => {
      expect(r.placeholders.filter((p) => p.inUrl).map((p) => p.printed)).toEqual(['<URL VRAGENLIJST>']);
      expect(r.placeholders.map((p) => p.printed)).toContain('<TELEFOON>');
      // "Wij zullen erover berichten … op de gemeentelijke website" asks nothing; "Het invullen van de
      // vragenlijst kost …" names the act.
      expect(calls(r)).toEqual(['online-form+', 'paper-form', 'phone', 'website+']);
      expect(r.forms.some((f) => f.kind === 'website' && f.text === 'bekijken op' && r.urls[f.url ?? -1]?.printed === 'Waarstaatjegemeente.nl')).toBe(true);
    },
  },
  'zac_mail-template-defaults.md': {
    urls: [],
    check: (r) => {
      expect(calls(r)).toEqual(['portal+']);
      expect(r.forms[0].text).toBe('meer informatie gaat u naar Mijn Loket');
      expect(r.placeholders.map((p) => p.printed)).toContain('[Vul email in]');
      expect(r.emails).toEqual([]);
    },
  },
};

