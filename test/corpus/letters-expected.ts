/**
 * What a human reader sees in each real-world letter of ../shared/corpus/letters (decided by
 * reading the files): shared by the extractor test (raw text) and the reader test (real readers).
 */
import { expect } from 'vitest';
import type { References } from '../../src/types.js';

export type Seen = Array<{ printed: string; href: string; linked: boolean; visible: boolean; line: number }>;
export const seen = (refs: References): Seen =>
  refs.urls.map((u) => ({ printed: u.printed, href: u.href, linked: u.linked, visible: u.visible, line: u.location.line }));
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
      expect(r.forms.map((f) => [f.kind, f.text])).toEqual([['online-form', 'online meldformulier']]);
    },
  },
  'amsterdam-signalen_signal_created.txt': {
    urls: [bare('meldingen.amsterdam.nl', 'https://meldingen.amsterdam.nl', 22)],
    check: (r) => expect(r.phones.map((p) => p.normalized)).toEqual(['14020', '0294491391']),
  },
  'amsterdam-signalen_status_afgehandeld.txt': {
    urls: [],
    check: (r) =>
      expect(r.placeholders.filter((p) => p.inUrl).map((p) => p.printed)).toEqual(['{{ positive_feedback_url }}', '{{ negative_feedback_url }}']),
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
      expect(r.forms.map((f) => f.kind)).toEqual(['paper-form', 'online-application']);
    },
  },
  'lazarsfeld_dakkapel_C1_origineel.txt': {
    urls: [],
    check: (r) => {
      expect(r.forms.map((f) => [f.kind, f.text])).toEqual([['website', 'gemeentelijke website'], ['online-application', 'op digitale wijze']]);
      expect(r.phones).toEqual([]);
    },
  },
  'signalen-docs_voorbeeld-e-mail-collega.md': {
    urls: [linked('docs.signalen.org', 'https://docs.signalen.org/', 25), linked('docs.signalen.org', 'https://docs.signalen.org/', 60)],
    check: (r) =>
      expect(r.placeholders.map((p) => [p.printed, p.inUrl])).toEqual([
        ['[URL PROD omgeving]', true],
        ['[Naam]', false],
        ['[deze handleiding]', false],
        ['[URL ACC omgeving]', true],
      ]),
  },
  'signalen-docs_voorbeelden-e-mail-templates.md': {
    // Only links to template variables; the two image sources (one with [gemeentenaam] in its host)
    // are not something the reader sees.
    urls: [
      linked('{{ positive_feedback_url }}', '{{ positive_feedback_url }}', 82, false),
      linked('{{ negative_feedback_url }}', '{{ negative_feedback_url }}', 83, false),
      linked('{{ verification_url }}', '{{ verification_url }}', 282, false),
      linked('{{ my_signals_url }}', '{{ my_signals_url }}', 334, false),
      linked('{{ reaction_url }}', '{{ reaction_url }}', 465, false),
    ],
    check: (r) => expect(r.phones).toEqual([]),
  },
  'vng-burgerpeiling_uitnodigingsbrief.md': {
    urls: [bare('Waarstaatjegemeente.nl', 'https://waarstaatjegemeente.nl', 38)],
    check: (r) => {
      expect(r.placeholders.filter((p) => p.inUrl).map((p) => p.printed)).toEqual(['<URL VRAGENLIJST>']);
      expect(r.placeholders.map((p) => p.printed)).toContain('<TELEFOON>');
      expect(r.forms.map((f) => [f.kind, f.text])).toEqual([
        ['website', 'onderstaande website'],
        ['website', 'op de gemeentelijke website'],
        ['website', 'op de website'],
      ]);
    },
  },
  'zac_mail-template-defaults.md': {
    urls: [],
    check: (r) => {
      expect(r.forms.map((f) => [f.kind, f.text])).toEqual([
        ['portal', 'Mijn Loket'],
        ['portal', 'Mijn Loket'],
        ['portal', 'Mijn Loket'],
      ]);
      expect(r.placeholders.map((p) => p.printed)).toContain('[Vul email in]');
      expect(r.emails).toEqual([]);
    },
  },
};

