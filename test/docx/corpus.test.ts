/**
 * Real Word files with the edge cases a letter reader meets, from the corpus of real public
 * letters (CORPUS: a read-only folder beside the repository, with a README on each file). A clone
 * has no copy: then these tests skip.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/letters/docx.js';
import { locate } from '../../src/model/locate.js';
import type { Letter } from '../../src/types.js';

const CORPUS = new URL('../../../shared/corpus/docx/', import.meta.url);
const here = existsSync(CORPUS);

const read = (name: string) => readDocx(`corpus/${name}`, readFileSync(new URL(name, CORPUS)));
const links = (l: Letter) => l.links.map((k) => ({ text: k.text, href: k.href }));
const allText = (l: Letter) => l.blocks.map((b) => b.text).join('\n');
const texts = (l: Letter, part: string) => l.blocks.filter((b) => b.part === part).map((b) => b.text);
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

describe.skipIf(!here)('readDocx on the real-world corpus', () => {
  const files = here ? readdirSync(CORPUS).filter((f) => f.endsWith('.docx')) : [];

  it.each(files)('%s: reads, and every link points at its text', async (name) => {
    const letter = await read(name);
    expect(letter.format).toBe('docx');
    expect(letter.blocks.length).toBeGreaterThan(0);
    for (const link of letter.links) {
      const block = letter.blocks[link.block!];
      expect(block.text.slice(link.start, link.end)).toBe(link.text);
      expect(link.location).toEqual(locate(block, link.start!));
      expect(link.href).not.toMatch(/^#/);
    }
  });

  it('mammoth_footnote-hyperlink: a footnote link whose text differs from its target', async () => {
    const letter = await read('mammoth_footnote-hyperlink.docx');
    expect(letter.links).toMatchObject([
      { text: 'Example', href: 'http://www.example.com', source: 'hyperlink', location: { part: 'footnote', line: 1, column: 2 } },
    ]);
  });

  it('mammoth_strict-format: Strict OOXML namespaces', async () => {
    const letter = await read('mammoth_strict-format.docx');
    expect(letter.blocks).toEqual([{ text: 'Test', part: 'body', kind: 'paragraph', segments: [{ offset: 0, line: 1, column: 1 }] }]);
  });

  it('pandoc_image_with_textbox_caption: the text-box URL once, as part textbox', async () => {
    const letter = await read('pandoc_image_with_textbox_caption.docx');
    const url = 'https://www2.informatik.hu-berlin.de/~kossahl/Uni/Ma1/Cantor.pdf';
    expect(occurrences(allText(letter), url)).toBe(1);
    expect(letter.blocks.find((b) => b.text.includes(url))).toMatchObject({ part: 'textbox', segments: [{ line: 1 }] });
    expect(letter.blocks.find((b) => b.text.includes(url))?.text).toMatch(/^1 Daniel Schliebner: Cantor'sches Diagonalverfahren/);
  });

  it('pandoc_instrText_hyperlink: w:anchor and a HYPERLINK field with \\l both give target#fragment', async () => {
    const letter = await read('pandoc_instrText_hyperlink.docx');
    expect(letter.links.map((k) => ({ text: k.text, href: k.href, source: k.source }))).toEqual([
      {
        text: 'Foundations of Analysis, 2nd Edition',
        href: 'https://books.google.com/books?id=sp_Zcb9ot90C&lpg=PR4&hl=zh-CN&pg=PA19#v=onepage&q&f=true',
        source: 'field',
      },
      {
        text: 'Classic Set Theory: For Guided Independent Study',
        href: 'https://books.google.ae/books?id=dlc0DwAAQBAJ&lpg=PT29&hl=zh-CN&pg=PT26#v=onepage&q&f=true',
        source: 'hyperlink',
      },
    ]);
    expect(allText(letter)).not.toContain('HYPERLINK');
  });

  it('pandoc_nested_instrText: a field nested in a hyperlink field shows its result inside the link text', async () => {
    const letter = await read('pandoc_nested_instrText.docx');
    expect(links(letter)[0]).toEqual({
      text: 'Foundations of Analysis, 1/16/18 8:40:00 AM, 2nd Edition',
      href: 'https://books.google.com/books?id=sp_Zcb9ot90C&lpg=PR4&hl=zh-CN&pg=PA19#v=onepage&q&f=true',
    });
    expect(letter.links).toHaveLength(2);
    expect(allText(letter)).not.toMatch(/CREATEDATE|MERGEFORMAT|HYPERLINK/);
  });

  it('pandoc_links: external links with and without anchor; internal bookmark links are no links', async () => {
    const letter = await read('pandoc_links.docx');
    expect(links(letter)).toEqual([
      { text: 'external link', href: 'http://google.com' },
      { text: 'external link', href: 'http://pandoc.org/README.html#synopsis' },
    ]);
    expect(texts(letter, 'body')).toContain('An internal link to a bookmark.');
  });

  it('pandoc_link_in_notes: a footnote hyperlink resolved through the footnotes relationships', async () => {
    const letter = await read('pandoc_link_in_notes.docx');
    expect(texts(letter, 'body')).toEqual(['This is a test.']);
    expect(letter.links).toMatchObject([
      { text: 'http://wikipedia.org/', href: 'http://wikipedia.org/', location: { part: 'footnote', line: 1 } },
    ]);
  });

  it('pandoc_zotero_citations: visible bibliography URLs are text; URLs in ADDIN field codes are not', async () => {
    const letter = await read('pandoc_zotero_citations.docx');
    const text = allText(letter);
    expect(text).toContain('https://doi.org/10.1002/2016GL069961');
    expect(text).toContain('This is a citation (Smith et al., 2013)');
    expect(text).not.toMatch(/zotero\.org|ZOTERO|CSL_CITATION|citation-style-language/);
    expect(letter.links).toEqual([]);
  });

  it('python-docx_par-hlink-frags: link text that differs from the target, fragments, a relative target', async () => {
    const letter = await read('python-docx_par-hlink-frags.docx');
    expect(links(letter)).toEqual([
      { text: 'https://foo.com', href: 'https://foo.com' },
      { text: 'https://foo.com?q=bar', href: 'https://foo.com?q=bar' },
      { text: 'http://foo.com#introduction', href: 'http://foo.com/#intro' },
      { text: 'https://foo.com?q=bar#the-bar', href: 'https://foo.com?q=bar#baz' },
      { text: 'link to file', href: 'court-exif.jpg' },
    ]);
    expect(texts(letter, 'body')).toContain('Three with link to https://foo.com.');
  });

  it('python-docx_par-rendered-page-breaks: a hyperlink split by a rendered page break is one link', async () => {
    const letter = await read('python-docx_par-rendered-page-breaks.docx');
    expect(letter.links).toMatchObject([
      { text: 'Page break in>><<this hyperlink', href: 'http://google.com/', location: { part: 'body', line: 3, column: 1 } },
    ]);
  });

  it('python-docx_comments-rich-para: a hyperlink in a review comment is not letter content', async () => {
    const letter = await read('python-docx_comments-rich-para.docx');
    expect(letter.links).toEqual([]);
    expect(allText(letter)).not.toMatch(/google|Text with hyperlink/);
    expect(texts(letter, 'body')).toEqual([
      'Document text',
      'Some text worthy of note.',
      'Other document text.',
      'Other text worthy of note.',
      'Paragraph 5',
      'Paragraph 6',
      'Paragraph 7',
    ]);
  });

  it('vng-huwelijksplanner_Stap0: pasted-text and relative targets kept as written; comments left out', async () => {
    const letter = await read('vng-huwelijksplanner_Stap0.docx');
    expect(letter.links).toHaveLength(12);
    expect(letter.links).toContainEqual(
      expect.objectContaining({
        text: 'de site van de Rijksoverheid',
        href: 'https://www.rijksoverheid.nl/onderwerpen/trouwen-samenlevingscontract-en-geregistreerd-partnerschap/vraag-en-antwoord/wat-is-het-verschil-tussen-een-huwelijk-geregistreerd-partnerschap-en-samenlevingscontract',
      }),
    );
    expect(letter.links).toContainEqual(
      expect.objectContaining({ text: '> Maak keuze voor type huwelijk', href: 'keuze%20type%20huwelijk', source: 'field' }),
    );
    expect(links(letter)).toContainEqual({ text: '> Vul partnerinfo in', href: '%3e%20Vul%20partnerinfo%20in' });
    expect(links(letter)).toContainEqual({ text: 'checklist-pagina', href: 'checklist-pagina' });
    expect(allText(letter)).toContain('Er zijn maximaal <X> getuigen toegestaan bij <Gemeente>.');
    expect(allText(letter)).not.toContain('Utrecgt');
  });

  it('vng-huwelijksplanner_Aanvraag-eigen-locatie-behandelen-info: UUID URLs in table cells, hyperlinks', async () => {
    const letter = await read('vng-huwelijksplanner_Aanvraag-eigen-locatie-behandelen-info.docx');
    const cell = letter.blocks.find((b) => b.text.includes('b58eb4af-95a0-4148-907b-3732def8c751'));
    expect(cell).toMatchObject({
      kind: 'table-cell',
      part: 'body',
      text: 'https://selectielijst.openzaak.nl/api/v1/resultaten/b58eb4af-95a0-4148-907b-3732def8c751',
    });
    expect(links(letter)).toEqual([
      { text: 'https://camunda.utrechtproeftuin.nl/engine-rest', href: 'https://camunda.utrechtproeftuin.nl/engine-rest' },
      { text: 'https://bptl.utrechtproeftuin.nl/taskmappings/', href: 'https://bptl.utrechtproeftuin.nl/taskmappings/' },
      { text: 'https://open-zaak.readthedocs.io/en/latest/', href: 'https://open-zaak.readthedocs.io/en/latest/' },
    ]);
    expect(texts(letter, 'body')).toContain('docs.camunda.org');
  });

  it('vng-huwelijksplanner_Verslag-17jul: links in table cells, the same link twice, no cid: image link', async () => {
    const letter = await read('vng-huwelijksplanner_Verslag-17jul.docx');
    const trello = 'https://trello.com/b/IS5kRF4A/convenant-gemeenten';
    expect(links(letter)).toEqual([
      { text: 'https://github.com/VNG-Realisatie/convenant-gemeenten', href: 'https://github.com/VNG-Realisatie/convenant-gemeenten' },
      { text: 'https://github.com/convenantgemeenten', href: 'https://github.com/convenantgemeenten' },
      { text: 'Trello Scrumboard Convenant gemeente - Trouwproces', href: trello },
      { text: 'Trello Scrumboard Convenant gemeente - Trouwproces', href: trello },
    ]);
    expect(letter.links.map((k) => letter.blocks[k.block!].kind)).toEqual(['table-cell', 'table-cell', 'table-cell', 'table-cell']);
    expect(letter.links[2].block).not.toBe(letter.links[3].block);
  });

  it('vng-burgerpeiling_WSJG-protocol-2020: footers, footnotes, mailto, TOC links dropped, the model letter', async () => {
    const letter = await read('vng-burgerpeiling_WSJG-protocol-2020.docx');
    expect(letter.meta.title).toBe('Burgerpeiling Waar staat je gemeente');
    expect(letter.meta.extra).toMatchObject({ keywords: 'sjabloon; presentatie; publicatie; rapport; format' });
    expect(texts(letter, 'footer').filter((t) => t === 'VNG Realisatie')).toHaveLength(4);
    expect(allText(letter)).not.toMatch(/\bPAGE\b|_Toc/);
    expect(texts(letter, 'footnote')).toHaveLength(19);
    expect(links(letter)).toContainEqual({ text: 'Waarstaatjemeente.nl', href: 'http://www.kinggemeenten.nl/' });
    expect(links(letter)).toContainEqual({ text: 'databeheer@vng.nl', href: 'mailto:databeheer@vng.nl' });
    expect(links(letter)).toContainEqual({ text: 'https://vng.nl/projecten/burgerpeiling', href: 'https://vng.nl/projecten/burgerpeiling' });
    expect(letter.links).toHaveLength(13);
    expect(texts(letter, 'body')).toContain('<URL VRAGENLIJST>');
    expect(texts(letter, 'body')).toContainEqual(expect.stringMatching(/^Als u vragen heeft over het onderzoek dan kunt u contact opnemen met ons via <TELEFOON>/));
  });
});
