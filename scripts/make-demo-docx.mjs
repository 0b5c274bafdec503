// Builds fixtures/demo/brieven/afvalpas-2027.docx with the `docx` package (a real Word writer).
// Regenerate: node scripts/make-demo-docx.mjs
import { writeFileSync } from 'node:fs';
import { Document, ExternalHyperlink, Footer, Header, Packer, Paragraph, TextRun } from 'docx';

const cms = 'https://www.voorbeeldstad.example/Content/Afval/Afvalpas_Aanvragen.aspx?id=4711';
const doc = new Document({
  creator: 'Team Afval',
  title: 'Uw nieuwe afvalpas',
  subject: 'Afvalpas 2027',
  sections: [
    {
      headers: { default: new Header({ children: [new Paragraph('Gemeente Voorbeeldstad')] }) },
      footers: {
        default: new Footer({
          children: [new Paragraph('voorbeeldstad.example · telefoon 14 0123 · Postbus 1, 1234 AB Voorbeeldstad')],
        }),
      },
      children: [
        new Paragraph('Beste inwoner,'),
        new Paragraph(
          'Vanaf 1 maart 2027 opent u de ondergrondse containers met een nieuwe afvalpas. Uw oude pas werkt dan niet meer.',
        ),
        new Paragraph({
          children: [
            new TextRun('Vraag uw nieuwe pas aan op '),
            new ExternalHyperlink({ link: cms, children: [new TextRun({ text: cms, style: 'Hyperlink' })] }),
            new TextRun('.'),
          ],
        }),
        new Paragraph({
          children: [
            new TextRun('Wilt u weten waar de containers staan? Kijk op '),
            new ExternalHyperlink({
              link: 'https://www.voorbeeldstad.example/afvalcontainers-kaart',
              children: [new TextRun({ text: 'voorbeeldstad.example/containers', style: 'Hyperlink' })],
            }),
            new TextRun('.'),
          ],
        }),
        new Paragraph('Heeft u vragen? Bel 14 0123.'),
        new Paragraph('Met vriendelijke groet,'),
        new Paragraph('Team Afval'),
      ],
    },
  ],
});

const target = new URL('../fixtures/demo/brieven/afvalpas-2027.docx', import.meta.url);
writeFileSync(target, await Packer.toBuffer(doc));
console.log(`wrote ${target.pathname}`);
