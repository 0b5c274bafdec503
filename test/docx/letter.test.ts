import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/letters/docx.js';
import { locate } from '../../src/model/locate.js';
import type { Letter } from '../../src/types.js';

const FIXTURES = new URL('../../fixtures/docx/', import.meta.url);
const read = (name: string) => readDocx(`fixtures/docx/${name}`, readFileSync(new URL(name, FIXTURES)));

const links = (l: Letter) =>
  l.links.map((k) => ({ text: k.text, href: k.href, source: k.source, at: `${k.location.part}:${k.location.line}:${k.location.column}` }));
const texts = (l: Letter, part: string) => l.blocks.filter((b) => b.part === part).map((b) => b.text);

/** Every link points at its own text in its block, and its location is that text's start. */
function expectConsistentLinks(l: Letter): void {
  for (const link of l.links) {
    const block = l.blocks[link.block!];
    expect(block.text.slice(link.start, link.end)).toBe(link.text);
    expect(link.location).toEqual(locate(block, link.start!));
  }
  for (const block of l.blocks) expect(block.segments).toEqual([{ offset: 0, line: block.segments[0].line, column: 1 }]);
}

describe('readDocx: a municipal letter written with the docx package', async () => {
  const letter = await read('kwijtschelding.docx');

  it('reads the letter with its path, format and no directives', () => {
    expect(letter.path).toBe('fixtures/docx/kwijtschelding.docx');
    expect(letter.format).toBe('docx');
    expect(letter.directives).toEqual([]);
  });

  it('takes meta from core and custom properties', () => {
    expect(letter.meta).toEqual({
      id: 'kwijtschelding-2025',
      title: 'Kwijtschelding gemeentelijke belastingen 2025',
      kenmerk: 'BEL/2025/0142',
      mailingDate: '2025-03-14',
      recipients: 1250,
      owner: 'Team Belastingen',
      extra: { subject: 'Kwijtschelding', keywords: 'kwijtschelding; belastingen', Afdeling: 'Belastingen' },
    });
  });

  it('reads the header, with its URL and phone number in plain text', () => {
    expect(texts(letter, 'header')).toEqual([
      'Gemeente Voorbeeldstad',
      'Postbus 100, 1000 AA Voorbeeldstad | www.voorbeeldstad.example | 14 0123',
    ]);
    expect(letter.blocks.slice(0, 2).map((b) => b.segments[0].line)).toEqual([1, 2]);
  });

  it('reads the footer with its hyperlink and shows a PAGE field only by its result', () => {
    expect(texts(letter, 'footer')).toEqual(['Vragen? Bel 14 0123 of kijk op voorbeeldstad.example/contact', 'Pagina ']);
    expect(links(letter)).toContainEqual({
      text: 'voorbeeldstad.example/contact',
      href: 'https://www.voorbeeldstad.example/contact',
      source: 'hyperlink',
      at: 'footer:1:32',
    });
  });

  it('gives one block per body paragraph, numbered within the body, with heading and table-cell kinds', () => {
    const body = letter.blocks.filter((b) => b.part === 'body');
    expect(body.map((b) => [b.segments[0].line, b.kind, b.text])).toEqual([
      [1, 'heading', 'Kwijtschelding gemeentelijke belastingen 2025'],
      [2, 'paragraph', 'Geachte heer, mevrouw,'],
      [3, 'paragraph', 'U kunt kwijtschelding aanvragen op voorbeeldstad.example/kwijtschelding.'],
      [4, 'paragraph', 'Meer informatie over de voorwaarden vindt u op onze website.'],
      [5, 'paragraph', 'Liever op papier? Download het formulier op voorbeeldstad.example/kwijtschelding en stuur het ingevuld terug.'],
      [6, 'table-cell', 'Telefoon'],
      [7, 'table-cell', '14 0123'],
      [8, 'table-cell', 'Website'],
      [9, 'table-cell', 'www.voorbeeldstad.example/belastingen'],
      [10, 'paragraph', 'Maak een afspraak via voorbeeldstad.example/afspraak.'],
      [11, 'paragraph', 'Nogmaals: voorbeeldstad.example/kwijtschelding en nog eens voorbeeldstad.example/kwijtschelding.'],
      [12, 'paragraph', 'Bezwaar maken kan op voorbeeldstad.example/bezwaar.'],
      [13, 'paragraph', 'Lees eerst de voorwaarden hieronder.'],
      [14, 'heading', 'Voorwaarden'],
      [15, 'paragraph', 'U woont in Voorbeeldstad en uw inkomen is laag.'],
      [16, 'paragraph', 'Met vriendelijke groet,'],
      [17, 'paragraph', 'Team Belastingen'],
    ]);
  });

  it('reports every hyperlink with its visible text, target and location', () => {
    const kwijtschelding = 'https://www.voorbeeldstad.example/kwijtschelding';
    expect(links(letter).filter((k) => k.at.startsWith('body'))).toEqual([
      { text: 'voorbeeldstad.example/kwijtschelding', href: kwijtschelding, source: 'hyperlink', at: 'body:3:36' },
      {
        text: 'onze website',
        href: 'https://www.voorbeeldstad.example/belastingen/kwijtschelding?bron=brief',
        source: 'hyperlink',
        at: 'body:4:48',
      },
      { text: 'www.voorbeeldstad.example/belastingen', href: 'https://www.voorbeeldstad.example/belastingen', source: 'hyperlink', at: 'body:9:1' },
      { text: 'voorbeeldstad.example/afspraak', href: 'https://www.voorbeeldstad.example/afspraak#balie', source: 'field', at: 'body:10:23' },
      { text: 'voorbeeldstad.example/kwijtschelding', href: kwijtschelding, source: 'hyperlink', at: 'body:11:11' },
      { text: 'voorbeeldstad.example/kwijtschelding', href: kwijtschelding, source: 'hyperlink', at: 'body:11:60' },
      { text: 'voorbeeldstad.example/bezwaar', href: 'https://www.voorbeeldstad.example/bezwaar', source: 'hyperlink', at: 'body:12:22' },
    ]);
    expectConsistentLinks(letter);
  });

  it('leaves a bare URL in the text without making it a link', () => {
    const block = letter.blocks.findIndex((b) => b.text.startsWith('Liever op papier?'));
    expect(letter.links.filter((k) => k.block === block)).toEqual([]);
  });

  it('drops a link to a bookmark in the document: it is not a URL', () => {
    expect(letter.links.find((k) => k.text === 'voorwaarden')).toBeUndefined();
  });

  it('reads footnotes and endnotes with their own hyperlinks', () => {
    expect(texts(letter, 'footnote')).toEqual(['Zie de landelijke regels.']);
    expect(texts(letter, 'endnote')).toEqual(['Bron: belastingdienst.example/kwijtschelding']);
    expect(links(letter)).toContainEqual({
      text: 'landelijke regels',
      href: 'https://www.rijksoverheid.example/kwijtschelding',
      source: 'hyperlink',
      at: 'footnote:1:8',
    });
    expect(links(letter)).toContainEqual({
      text: 'belastingdienst.example/kwijtschelding',
      href: 'https://www.belastingdienst.example/kwijtschelding',
      source: 'hyperlink',
      at: 'endnote:1:7',
    });
  });

  it('leaves out review comments and deleted text', () => {
    const all = letter.blocks.map((b) => b.text).join('\n');
    expect(all).not.toContain('intranet');
    expect(all).not.toContain('www.oud.example');
    expect(letter.links.map((k) => k.href)).not.toContain('https://intranet.voorbeeldstad.example/huisstijl');
  });
});

describe('readDocx: fields, text boxes and targets Word writes (hand-made package)', async () => {
  const letter = await read('handmade-fields.docx');

  it('falls back to the file name as id and reads custom properties by their aliases', () => {
    expect(letter.meta).toEqual({
      id: 'handmade-fields',
      title: 'Afspraak maken',
      mailingDate: '2025-03-14',
      recipients: 830,
      kenmerk: 'PAR/2025/7',
      extra: { Concept: true },
    });
  });

  it('reads HYPERLINK fields in a header: complex, nested, simple; and a w:hyperlink via the header rels', () => {
    expect(texts(letter, 'header')).toEqual([
      'Gemeente Voorbeeldstad | jaarverslag 2025',
      'Bel 14 0123 of ga naar voorbeeldstad.example/contact',
      'www.voorbeeldstad.example',
      'Bronnen [1]',
      'Postbus 100, 1000 AA Voorbeeldstad',
    ]);
    expect(links(letter).filter((k) => k.at.startsWith('header'))).toEqual([
      { text: 'jaarverslag 2025', href: 'https://www.voorbeeldstad.example/jaarverslag-2025', source: 'field', at: 'header:1:26' },
      { text: 'voorbeeldstad.example/contact', href: 'https://www.voorbeeldstad.example/contact', source: 'field', at: 'header:2:24' },
      { text: 'www.voorbeeldstad.example', href: 'https://www.voorbeeldstad.example/', source: 'hyperlink', at: 'header:3:1' },
    ]);
  });

  it('never reads field instructions as text, nor their URLs as links', () => {
    const all = letter.blocks.map((b) => b.text).join('\n');
    expect(all).not.toMatch(/zotero|HYPERLINK|ADDIN|QUOTE/);
    expect(letter.links.some((k) => k.href.includes('zotero'))).toBe(false);
    expect(texts(letter, 'body')).toContain('Zoals eerder onderzocht (Jansen, 2024).');
  });

  it('reads a text box stored twice (mc:AlternateContent) once, as part textbox', () => {
    const matching = letter.blocks.filter((b) => b.text.includes('voorbeeldstad.example/contact'));
    expect(matching.map((b) => [b.part, b.segments[0].line])).toEqual([
      ['header', 2],
      ['textbox', 1],
    ]);
    expect(texts(letter, 'header').filter((t) => t.includes('Postbus 100'))).toHaveLength(1);
  });

  it('reads simple fields, \\l and \\o switches, w:anchor, and keeps relative and cid: targets as written', () => {
    expect(links(letter).filter((k) => k.at.startsWith('body'))).toEqual([
      { text: 'voorbeeldstad.example/afspraak', href: 'https://www.voorbeeldstad.example/afspraak', source: 'field', at: 'body:1:22' },
      { text: 'parkeervergunning aan', href: 'https://www.voorbeeldstad.example/parkeren#vergunning', source: 'field', at: 'body:4:11' },
      { text: 'ophaaldagen', href: 'https://www.voorbeeldstad.example/afval#ophaaldagen', source: 'hyperlink', at: 'body:6:8' },
      { text: 'aanvraagformulier', href: 'formulieren/aanvraag.pdf', source: 'hyperlink', at: 'body:7:12' },
      { text: 'plattegrond', href: 'cid:plattegrond@voorbeeldstad.example', source: 'hyperlink', at: 'body:8:10' },
    ]);
    expectConsistentLinks(letter);
  });

  it('reads inserted text and leaves out deleted text of tracked changes', () => {
    expect(texts(letter, 'body')).toContain('Meer op voorbeeldstad.example/afval.');
  });
});
