/**
 * The real-world letters in ../shared/corpus/letters: for each file, the URLs a human reader of
 * it sees, decided by reading the file. Skipped when the corpus folder is absent.
 *
 * The files are fed as one block of their raw text. A reader of a .md or .html file does not see
 * markup, so the helper does the little a letter reader would (keeping every offset): it blanks the
 * provenance comment on line 1 (and other HTML comments), images (keeping their alt text) and HTML
 * tags, and turns Markdown links and <a href> into Letter.links over their text.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractReferences } from '../../src/extract/index.js';
import { locate, segmentsForLines } from '../../src/letters/locate.js';
import type { Letter, Link, References, TextBlock } from '../../src/types.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/letters/', import.meta.url));

const blank = (s: string): string => s.replace(/[^\n]/g, ' ');

function readLetter(name: string): Letter {
  let text = readFileSync(CORPUS + name, 'utf8');
  const markup = name.endsWith('.md') || name.endsWith('.html');
  const found: Array<{ href: string; text: string; start: number; end: number }> = [];
  text = text.replace(/<!--[\s\S]*?-->/g, blank);
  if (markup) {
    text = text.replace(/!\[([^\]\n]*)\]\(([^)\s]*)\)/g, (m, alt: string) => '  ' + alt + ' '.repeat(m.length - 2 - alt.length));
    text = text.replace(/\[([^[\]\n]*)\]\(([^)\n]*)\)/g, (m, label: string, href: string, at: number) => {
      found.push({ href: href.trim(), text: label, start: at + 1, end: at + 1 + label.length });
      return ' ' + label + ' '.repeat(m.length - 1 - label.length);
    });
    text = text.replace(/(<a\s[^>]*?href="([^"]*)"[^>]*>)([\s\S]*?)(<\/a>)/g, (_m, open: string, href: string, label: string, close: string, at: number) => {
      found.push({ href, text: label, start: at + open.length, end: at + open.length + label.length });
      return blank(open) + label + blank(close);
    });
  }
  text = text.replace(/<\/?(?:html|head|body|meta|title|p|br|h[1-6]|b|i|strong|em|pre|code|ul|ol|li|a)(?:\s[^<>]*)?\/?>|<!DOCTYPE[^>]*>/gi, blank);
  const block: TextBlock = { text, part: 'body', segments: segmentsForLines(text, 1, 1) };
  const links: Link[] = found.map((l) => ({
    href: l.href,
    text: l.text.replace(/\s+/g, ' ').trim(),
    location: locate(block, l.start),
    block: 0,
    start: l.start,
    end: l.end,
  }));
  return {
    path: name,
    format: name.endsWith('.md') ? 'markdown' : 'text',
    meta: { id: name },
    blocks: [block],
    links,
    directives: [],
  };
}

type Seen = Array<{ printed: string; href: string; linked: boolean; visible: boolean; line: number }>;
const seen = (refs: References): Seen =>
  refs.urls.map((u) => ({ printed: u.printed, href: u.href, linked: u.linked, visible: u.visible, line: u.location.line }));
const bare = (printed: string, href: string, line: number) => ({ printed, href, linked: false, visible: true, line });
const linked = (printed: string, href: string, line: number, visible = true) => ({ printed, href, linked: true, visible, line });

/** Per file: the URLs a reader sees (in order), and a few other references worth pinning down. */
const EXPECTED: Record<string, { urls: Seen; check?: (refs: References) => void }> = {
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

describe.skipIf(!existsSync(CORPUS))('corpus: ../shared/corpus/letters', () => {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => /\.(txt|md|html)$/.test(f) && f !== 'README.md') : [];

  it('has an expectation for every letter', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', (name) => {
    const refs = extractReferences(readLetter(name));
    const expected = EXPECTED[name];
    expect(seen(refs)).toEqual(expected.urls);
    expected.check?.(refs);
  });
});
