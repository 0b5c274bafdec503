/**
 * Where `serve` marks a reference or a finding: the report's line:column (and part) mapped back
 * to the block and offset in the letter's text, for letters read by the real readers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Document, ExternalHyperlink, Footer, FootnoteReferenceRun, Header, Packer, Paragraph, TextRun } from 'docx';
import { allRules } from '../../rules/index.js';
import { checkLoaded } from '../../src/check.js';
import { toJsonReport } from '../../src/report/json.js';
import { findPassages, lengthAt, locateOffset } from '../../src/serve/passages.js';
import type { Letter } from '../../src/types.js';
import { config } from '../helpers.js';

async function checked(name: string, data: Buffer) {
  const run = await checkLoaded([[{ absolute: `/tmp/${name}`, display: name }, { data }]], {
    cwd: '/tmp',
    config: config({ rules: { 'kcc-briefing-missing': 'off', 'kcc-briefing-outdated': 'off', 'kcc-briefing-mismatch': 'off' } }),
    rules: allRules,
    lang: 'nl',
    offline: true,
    today: '2027-01-10',
    keepText: true,
  });
  const letter = run.files[0].letter as Letter;
  expect(letter, String(run.files[0].error?.en)).toBeDefined();
  return { letter, file: toJsonReport(run, '0.0.0', 'nl').files[0] };
}

/** The text of each mark of a kind, as it stands in the letter. */
function marked(letter: Letter, file: Parameters<typeof findPassages>[1], kind: string): string[] {
  const p = findPassages(letter.blocks, file);
  return p.marks.flatMap((list, b) => list.filter((m) => m.kind === kind).map((m) => letter.blocks[b].text.slice(m.start, m.end)));
}

describe('passages', () => {
  it('marks a Markdown letter: addresses, a call over a line break, a phone number, each finding at its address', async () => {
    const { letter, file } = await checked('parkeervergunning-2027.md', readFileSync(new URL('../../fixtures/demo/brieven/parkeervergunning-2027.md', import.meta.url)));
    expect(marked(letter, file, 'url')).toEqual(['www.voorbeeldstad.example/parkeren', 'http://www.voorbeeldstad.example/Parkeren/Tarieven_2027.aspx?zone=3']);
    expect(marked(letter, file, 'call').map((s) => s.replace(/\s+/g, ' '))).toContain('Verleng uw vergunning digitaal via');
    expect(marked(letter, file, 'phone')).toEqual(['(0123) 45 67 89']);
    const p = findPassages(letter.blocks, file);
    const pretty = file.findings.findIndex((f) => f.rule === 'pretty-url');
    const placed = p.placed.find((x) => x.finding === pretty)!;
    expect(letter.blocks[placed.block].text.slice(placed.offset)).toMatch(/^http:\/\/www\.voorbeeldstad\.example\/Parkeren/);
    expect(p.whole).toEqual([]);
  });

  it('marks a call over a long sentence, and a call quoted with an ellipsis word group by word group ("Vraag … aan via")', async () => {
    const text = 'Beste inwoner,\n\nVraag de vergunning voor uw dakkapel uiterlijk 1 maart aan via voorbeeldstad.example/dakkapel.\n';
    const { letter, file } = await checked('dakkapel.md', Buffer.from(text));
    expect(marked(letter, file, 'call')).toEqual([file.references.forms[0].text]);
    expect(marked(letter, file, 'url')).toEqual(['voorbeeldstad.example/dakkapel']);

    const block = letter.blocks[1];
    const quoted = { ...file, references: { ...file.references, urls: [], forms: [{ ...file.references.forms[0], text: 'Vraag … aan via' }] } };
    const marks = findPassages(letter.blocks, quoted).marks[1];
    expect(marks.map((m) => block.text.slice(m.start, m.end))).toEqual(['Vraag', 'aan via']);
  });

  it('marks a Word letter part by part: body, header, footer and footnote, by paragraph and character', async () => {
    const doc = new Document({
      footnotes: { 1: { children: [new Paragraph('Zie ook voorbeeldstad.example/regels.')] } },
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph('Gemeente Voorbeeldstad — www.voorbeeldstad.example')] }) },
          footers: { default: new Footer({ children: [new Paragraph('Vragen? Bel 14 0123.')] }) },
          children: [
            new Paragraph('Beste inwoner,'),
            new Paragraph({
              children: [
                new TextRun('Vul het formulier in op '),
                new ExternalHyperlink({ link: 'https://voorbeeldstad.example/Formulieren/Aanvraag_Pas.aspx', children: [new TextRun('voorbeeldstad.example/Formulieren/Aanvraag_Pas.aspx')] }),
                new TextRun('.'),
                new FootnoteReferenceRun(1),
              ],
            }),
            new Paragraph('Ga naar {{ link }} voor de status.'),
          ],
        },
      ],
    });
    const { letter, file } = await checked('pas.docx', Buffer.from(await Packer.toBuffer(doc)));
    const p = findPassages(letter.blocks, file);
    const partOf = (kind: string, text: string) => {
      const b = p.marks.findIndex((list, i) => list.some((m) => m.kind === kind && letter.blocks[i].text.slice(m.start, m.end) === text));
      return b === -1 ? undefined : letter.blocks[b].part;
    };
    expect(partOf('url', 'voorbeeldstad.example/Formulieren/Aanvraag_Pas.aspx')).toBe('body');
    expect(partOf('url', 'www.voorbeeldstad.example')).toBe('header');
    expect(partOf('phone', '14 0123')).toBe('footer');
    expect(partOf('url', 'voorbeeldstad.example/regels')).toBe('footnote');
    expect(partOf('placeholder', '{{ link }}')).toBe('body');
    // Each finding at the passage its line:column names.
    for (const placed of p.placed) {
      const f = file.findings[placed.finding];
      const block = letter.blocks[placed.block];
      expect(block.part).toBe(f.part ?? 'body');
      if (f.rule === 'pretty-url') expect(block.text.slice(placed.offset)).toMatch(/^voorbeeldstad\.example\/Formulieren/);
      if (f.rule === 'placeholder-url') expect(block.text.slice(placed.offset)).toMatch(/^\{\{ link \}\}/);
    }
    expect(file.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['pretty-url', 'placeholder-url']));
  });

  it('finds nothing where no block is, and matches a passage across other whitespace and case', () => {
    const blocks = [{ text: 'Bel ons op\n14 0123.', part: 'body' as const, segments: [{ offset: 0, line: 3, column: 1 }, { offset: 11, line: 4, column: 1 }] }];
    expect(locateOffset(blocks, { line: 4, column: 1 })).toEqual({ block: 0, offset: 11 });
    expect(locateOffset(blocks, { line: 3, column: 5 })).toEqual({ block: 0, offset: 4 });
    expect(locateOffset(blocks, { line: 9, column: 1 })).toBeUndefined();
    expect(locateOffset(blocks, { line: 4, column: 1, part: 'footer' })).toBeUndefined();
    expect(lengthAt(blocks[0].text, 4, 'ONS op 14')).toBe('ons op\n14'.length);
    expect(lengthAt(blocks[0].text, 4, 'niet')).toBe(0);
  });
});
