/**
 * Word's hidden corners: hidden text, soft and non-breaking hyphens, tracked changes,
 * merge fields, phone numbers in a footer, a hyperlink whose address is not printed. The letters are
 * written here with the `docx` package, a real Word writer, and read by the real reader.
 */
import {
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  Footer,
  InsertedTextRun,
  NoBreakHyphen,
  Packer,
  Paragraph,
  SimpleField,
  SoftHyphen,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/letters/docx.js';
import { extractReferences } from '../../src/extract/index.js';
import { runRules } from '../../src/engine.js';
import { allRules } from '../../rules/index.js';
import type { JsonReport } from '../../src/report/types.js';
import { config, facts } from '../helpers.js';
import { cli, project } from '../cli/run.js';

const LONG = 'https://www.voorbeeldstad.example/Content/Afval/Afvalpas_Aanvragen.aspx?id=4711';
const DATE = '2027-01-05T10:00:00Z';

async function letter(children: Paragraph[], options: { footer?: Paragraph[]; hiddenStyle?: boolean } = {}): Promise<Buffer> {
  const doc = new Document({
    styles: options.hiddenStyle ? { characterStyles: [{ id: 'Verborgen', name: 'Verborgen', run: { vanish: true } }] } : undefined,
    sections: [{ ...(options.footer ? { footers: { default: new Footer({ children: options.footer }) } } : {}), children }],
  });
  return Packer.toBuffer(doc);
}

async function read(buffer: Buffer) {
  const l = await readDocx('brieven/brief.docx', buffer);
  const refs = extractReferences(l);
  return { letter: l, refs, findings: runRules(l, refs, facts(), config(), allRules, 'en') };
}

const NO_KCC = { 'kcc-briefing-missing': 'off', 'kcc-briefing-outdated': 'off', 'kcc-briefing-mismatch': 'off' };

describe('Word letters: what is printed, as a reader types it', () => {
  it('hidden text (direct or through a character style) is not printed: its long address gets no pretty-url', async () => {
    const { letter: l, refs, findings } = await read(
      await letter(
        [
          new Paragraph({ children: [new TextRun('Vraag de pas aan op voorbeeldstad.example/afvalpas.'), new TextRun({ text: ` ${LONG}`, vanish: true })] }),
          new Paragraph({ children: [new TextRun('Lees meer op voorbeeldstad.example/afval.'), new TextRun({ text: ` ${LONG}&x=2`, style: 'Verborgen' })] }),
        ],
        { hiddenStyle: true },
      ),
    );
    expect(l.blocks.map((b) => b.text)).toEqual(['Vraag de pas aan op voorbeeldstad.example/afvalpas.', 'Lees meer op voorbeeldstad.example/afval.']);
    expect(refs.urls.map((u) => u.printed)).toEqual(['voorbeeldstad.example/afvalpas', 'voorbeeldstad.example/afval']);
    expect(findings.map((f) => f.rule)).not.toContain('pretty-url');
  });

  it('a soft hyphen is dropped and a non-breaking hyphen is a hyphen, inside an address too', async () => {
    const { letter: l, refs } = await read(
      await letter([
        new Paragraph({
          children: [new TextRun('Kijk op voorbeeldstad.example/afval'), new SoftHyphen(), new TextRun('scheiden of via het e'), new NoBreakHyphen(), new TextRun('loket.')],
        }),
      ]),
    );
    expect(refs.urls.map((u) => [u.printed, u.href])).toEqual([['voorbeeldstad.example/afvalscheiden', 'https://voorbeeldstad.example/afvalscheiden']]);
    expect(l.blocks[0].text).toBe('Kijk op voorbeeldstad.example/afvalscheiden of via het e-loket.');
  });

  it('unaccepted tracked changes: the text as if accepted, and a tracked-changes warning', async () => {
    const { letter: l, refs, findings } = await read(
      await letter([
        new Paragraph({
          children: [
            new TextRun('Ga naar '),
            new DeletedTextRun({ text: 'voorbeeldstad.example/oud', id: 1, author: 'Redactie', date: DATE }),
            new InsertedTextRun({ text: 'voorbeeldstad.example/nieuw', id: 2, author: 'Redactie', date: DATE }),
            new TextRun('.'),
          ],
        }),
      ]),
    );
    expect(l.trackedChanges).toEqual({ insertions: 1, deletions: 1 });
    expect(refs.urls.map((u) => u.printed)).toEqual(['voorbeeldstad.example/nieuw']);
    const tracked = findings.filter((f) => f.rule === 'tracked-changes');
    expect(tracked).toHaveLength(1);
    expect(tracked[0]).toMatchObject({ severity: 'warning' });
    expect(tracked[0].message).toContain('2 tracked changes (1 inserted, 1 deleted)');
  });

  it('a clean draft gets no tracked-changes warning', async () => {
    const { letter: l, findings } = await read(await letter([new Paragraph({ children: [new TextRun('Ga naar voorbeeldstad.example/afval.')] })]));
    expect(l.trackedChanges).toBeUndefined();
    expect(findings.map((f) => f.rule)).not.toContain('tracked-changes');
  });

  it('a merge field where the address belongs is an address placeholder', async () => {
    const { refs, findings } = await read(
      await letter([new Paragraph({ children: [new TextRun('Bekijk uw zaak op '), new SimpleField('MERGEFIELD ZaakURL', '«ZaakURL»'), new TextRun('.')] })]),
    );
    expect(refs.placeholders.map((p) => [p.printed, p.inUrl])).toEqual([['«ZaakURL»', true]]);
    expect(findings.map((f) => f.rule)).toEqual(['placeholder-url']);
  });
});

describe('Word letters in the JSON report and the terminal', () => {
  it('phones keep their part; a hyperlink whose address is not printed has no printed field, and hidden: true', async () => {
    const docx = await letter(
      [
        new Paragraph({ children: [new TextRun('Vraag de pas aan op voorbeeldstad.example/afvalpas.')] }),
        new Paragraph({
          children: [new TextRun('Meer weten? '), new ExternalHyperlink({ link: 'https://voorbeeldstad.example/afval', children: [new TextRun('Klik hier')] }), new TextRun('.')],
        }),
      ],
      { footer: [new Paragraph({ children: [new TextRun('Telefoon 14 0123')] })] },
    );
    const dir = project({
      'brieflint.config.json': JSON.stringify({ domains: ['voorbeeldstad.example'], rules: NO_KCC }),
      'brieven/afvalpas.docx': docx,
    });
    const { stdout } = await cli(['check', 'brieven', '--offline', '--format', 'json'], dir);
    const report = JSON.parse(stdout) as JsonReport;
    const refs = report.files[0].references;
    expect(refs.phones).toEqual([{ printed: '14 0123', normalized: '140123', line: 1, column: 10, part: 'footer' }]);
    expect(refs.urls[1]).toMatchObject({ href: 'https://voorbeeldstad.example/afval', hidden: true, linkText: 'Klik hier' });
    expect(refs.urls[1]).not.toHaveProperty('printed');
    expect(refs.urls[0]).toMatchObject({ printed: 'voorbeeldstad.example/afvalpas' });
    const stylish = await cli(['check', 'brieven', '--offline'], dir);
    expect(stylish.stdout).toContain('14 0123 voettekst 1:10');
    expect(stylish.stdout).toContain('“Klik hier” → https://voorbeeldstad.example/afval');
  });
});
