/**
 * Inline disabling in Word letters: a Word comment holding a brieflint directive. The letters are
 * written with the `docx` package (comments.xml, commentRangeStart/End, commentReference) and read
 * by the real reader and the CLI.
 */
import { CommentRangeEnd, CommentRangeStart, CommentReference, Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import type { ICommentOptions } from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/letters/docx.js';
import type { JsonReport } from '../../src/report/types.js';
import { cli, NO_KCC, project } from '../cli/run.js';

const CONFIG = JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC });
const DATE = new Date('2027-01-05T10:00:00Z');
const url = (n: number) => `http://voorbeeldstad.example/Oud_Beleid_${n}.aspx`;
const comment = (id: number, ...lines: string[]): ICommentOptions => ({ id, author: 'Webredactie', initials: 'WR', date: DATE, children: lines.map((l) => new Paragraph(l)) });
/** The commented text between its range marks, then the comment's mark (as Word writes it). */
const commented = (id: number, text: string) => [new CommentRangeStart(id), new TextRun(text), new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];

async function letter(): Promise<Buffer> {
  const doc = new Document({
    comments: {
      children: [
        comment(0, 'brieflint-disable pretty-url'),
        comment(1, 'brieflint-disable-next-line pretty-url', 'De oude link staat al in de brief van 2026.'),
        comment(2, 'Graag nog even nakijken: brieflint-disable pretty-url'),
        comment(3, 'brieflint-disable'),
        comment(4, 'brieflint-disable-line pretty-url -- in de voetnoot mag het'),
      ],
    },
    footnotes: { 1: { children: [new Paragraph({ children: [new CommentRangeStart(4), new TextRun(`Bron: ${url(10)}`), new CommentRangeEnd(4), new TextRun({ children: [new CommentReference(4)] })] })] } },
    sections: [
      {
        children: [
          // 1: pretty-url silenced by comment 0; the placeholder is still reported.
          new Paragraph({ children: [new TextRun('Vraag de pas aan op '), ...commented(0, url(1)), new TextRun(' of op {{ aanvraag_url }}.')] }),
          // 2: reported.
          new Paragraph(`Zie ook ${url(2)}.`),
          // 3: comment 1 says "next line": the next paragraph with text (5), not this one, not the empty 4.
          new Paragraph({ children: [...commented(1, `Uitleg bij ${url(3)}`)] }),
          new Paragraph(''),
          new Paragraph(url(5)),
          // 6: a comment that only mentions the directive disables nothing.
          new Paragraph({ children: [...commented(2, url(6))] }),
          // 7–8: one comment over two paragraphs, every rule.
          new Paragraph({ children: [new CommentRangeStart(3), new TextRun(url(7))] }),
          new Paragraph({ children: [new TextRun(url(8)), new CommentRangeEnd(3), new TextRun({ children: [new CommentReference(3)] })] }),
          // 9: reported; its footnote's address is silenced by comment 4 (part footnote).
          new Paragraph({ children: [new TextRun(`Tot slot ${url(9)}.`), new FootnoteReferenceRun(1)] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('inline disabling in .docx letters: a Word comment', () => {
  it('disables the commented paragraphs (disable, disable-line) or the next paragraph with text (disable-next-line)', async () => {
    const dir = project({ 'brieflint.config.json': CONFIG, 'brief.docx': await letter() });
    const { stdout } = await cli(['check', 'brief.docx', '--offline', '--format', 'json'], dir);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.files[0].error).toBeUndefined();
    expect(report.files[0].findings.map((f) => `${f.rule} ${f.part ?? 'body'} ${f.line}`)).toEqual([
      'placeholder-url body 1',
      'pretty-url body 2',
      'pretty-url body 3',
      'pretty-url body 6',
      'pretty-url body 9',
    ]);
    // Comments are not letter text: nothing in them is read as an address.
    expect(report.files[0].references.urls.map((u) => u.printed)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10].map(url));
  });

  it('reads each directive comment as a closed range of paragraphs in its part', async () => {
    const l = await readDocx('brief.docx', await letter());
    expect(l.directives).toEqual([
      { kind: 'disable', rules: ['pretty-url'], line: 1, endLine: 1, part: 'body' },
      { kind: 'disable', rules: ['pretty-url'], line: 5, endLine: 5, part: 'body' },
      { kind: 'disable', rules: [], line: 7, endLine: 8, part: 'body' },
      { kind: 'disable', rules: ['pretty-url'], line: 1, endLine: 1, part: 'footnote' },
    ]);
  });
});

describe('comment range marks before mammoth parses a part', () => {
  it('become bookmarks named for the comment, whatever the prefix and form of the element', async () => {
    const { prepareXml } = await import('../../src/letters/docx-mammoth.js');
    expect(prepareXml('<w:p><w:commentRangeStart w:id="3"/><w:r><w:t>x</w:t></w:r><w:commentRangeEnd w:id="3"></w:commentRangeEnd></w:p>')).toBe(
      '<w:p><w:bookmarkStart w:id="0" w:name="brieflint-comment-start-3"/><w:r><w:t>x</w:t></w:r><w:bookmarkStart w:id="0" w:name="brieflint-comment-end-3"/></w:p>',
    );
    expect(prepareXml("<x:commentRangeStart x:displacedByCustomXml='next' x:id='12' />")).toBe('<x:bookmarkStart x:id="0" x:name="brieflint-comment-start-12"/>');
  });
});
