// Builds the .docx test fixtures of the Word reader (test/docx/).
//
// Regenerate (from the repository root):   node scripts/make-docx-fixtures.mjs
//
// fixtures/docx/kwijtschelding.docx    a Dutch municipal letter written with the `docx` package (a real
//                                      Word writer): header and footer with URL and phone number, links
//                                      whose text differs from the target, a linked pretty URL, a bare URL,
//                                      a table, a footnote and an endnote with links, a comment and a
//                                      tracked deletion (not letter text), core and custom properties.
//                                      (No text box: docx 9.6's Textbox writes runs straight into
//                                      w:txbxContent, which Word does not accept.)
// fixtures/docx/handmade-fields.docx   a package written here by hand, for what `docx` cannot write:
//                                      complex and nested HYPERLINK fields (with \l and \o) in body and
//                                      header, a Zotero-style ADDIN field with a URL in its instruction, a
//                                      text box stored twice via mc:AlternateContent, w:anchor, relative
//                                      and cid: targets, a vt:filetime and vt:i4 custom property.
// fixtures/bad/*                       bytes that are not a readable .docx, built here:
//   empty.docx          0 bytes
//   not-a-zip.docx      an RTF file renamed to .docx
//   truncated.docx      the first half of kwijtschelding.docx
//   bomb-entry.docx     one entry that declares 1 GB uncompressed (tiny file)
//   bomb-total.docx     five entries of 45 MB each declared: 225 MB in all (tiny file)
//   bomb-lying.docx     word/document.xml declares 1 KB but inflates to 10 MB (≈10 KB file)
//   encrypted.docx      an OLE compound file with an EncryptedPackage stream: a password-protected .docx
//   old-word-97.docx    an OLE compound file with a WordDocument stream: a binary .doc renamed
//   not-word.docx       a zip without word/document.xml (an .xlsx layout)
//   broken-xml.docx     a Word package whose word/document.xml is not well-formed XML
//
// The `docx` package stamps the current time into docProps/core.xml and the zip, so the bytes of
// kwijtschelding.docx (and truncated.docx) change on every run; their content does not.
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import {
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  EndnoteReferenceRun,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  InternalHyperlink,
  LastRenderedPageBreak,
  Packer,
  PageNumber,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

const ROOT = new URL('../fixtures/', import.meta.url);
const SITE = 'https://www.voorbeeldstad.example';

function out(relative, bytes) {
  const url = new URL(relative, ROOT);
  mkdirSync(new URL('.', url), { recursive: true });
  writeFileSync(url, bytes);
  console.log(`wrote fixtures/${relative} (${bytes.length} bytes)`);
}

// ---------------------------------------------------------------------------------------------
// kwijtschelding.docx — written by the `docx` package.

const link = (text, href) =>
  new ExternalHyperlink({ link: href, children: [new TextRun({ text, style: 'Hyperlink' })] });

function kwijtscheldingLetter() {
  return new Document({
    creator: 'Team Belastingen',
    title: 'Kwijtschelding gemeentelijke belastingen 2025',
    subject: 'Kwijtschelding',
    keywords: 'kwijtschelding; belastingen',
    customProperties: [
      { name: 'BriefID', value: 'kwijtschelding-2025' },
      { name: 'Kenmerk', value: 'BEL/2025/0142' },
      { name: 'Verzenddatum', value: '2025-03-14' },
      { name: 'Oplage', value: '1.250' },
      { name: 'Eigenaar', value: 'Team Belastingen' },
      { name: 'Afdeling', value: 'Belastingen' },
    ],
    footnotes: {
      1: {
        children: [
          new Paragraph({
            children: [
              new TextRun('Zie de '),
              link('landelijke regels', 'https://www.rijksoverheid.example/kwijtschelding'),
              new TextRun('.'),
            ],
          }),
        ],
      },
    },
    endnotes: {
      1: {
        children: [
          new Paragraph({
            children: [
              new TextRun('Bron: '),
              link('belastingdienst.example/kwijtschelding', 'https://www.belastingdienst.example/kwijtschelding'),
            ],
          }),
        ],
      },
    },
    comments: {
      children: [
        {
          id: 0,
          author: 'Redactie',
          date: new Date('2025-02-01T10:00:00Z'),
          children: [
            new Paragraph({ children: [new TextRun('Check '), link('het intranet', 'https://intranet.voorbeeldstad.example/huisstijl')] }),
          ],
        },
      ],
    },
    sections: [{ headers: { default: letterHeader() }, footers: { default: letterFooter() }, children: letterBody() }],
  });
}

function letterHeader() {
  return new Header({
    children: [
      new Paragraph('Gemeente Voorbeeldstad'),
      new Paragraph('Postbus 100, 1000 AA Voorbeeldstad | www.voorbeeldstad.example | 14 0123'),
    ],
  });
}

function letterFooter() {
  return new Footer({
    children: [
      new Paragraph({
        children: [new TextRun('Vragen? Bel 14 0123 of kijk op '), link('voorbeeldstad.example/contact', `${SITE}/contact`)],
      }),
      new Paragraph({ children: [new TextRun({ children: ['Pagina ', PageNumber.CURRENT] })] }),
    ],
  });
}

function letterBody() {
  const kwijtschelding = () => link('voorbeeldstad.example/kwijtschelding', `${SITE}/kwijtschelding`);
  return [
    new Paragraph({ text: 'Kwijtschelding gemeentelijke belastingen 2025', heading: HeadingLevel.HEADING_1 }),
    new Paragraph('Geachte heer, mevrouw,'),
    new Paragraph({ children: [new TextRun('U kunt kwijtschelding aanvragen op '), kwijtschelding(), new TextRun('.')] }),
    new Paragraph({
      children: [
        new TextRun('Meer informatie over de voorwaarden vindt u op '),
        link('onze website', `${SITE}/belastingen/kwijtschelding?bron=brief`),
        new TextRun('.'),
        new EndnoteReferenceRun(1),
      ],
    }),
    new Paragraph({
      children: [
        new TextRun(
          'Liever op papier? Download het formulier op voorbeeldstad.example/kwijtschelding en stuur het ingevuld terug.',
        ),
        new FootnoteReferenceRun(1),
      ],
    }),
    new Table({
      rows: [
        new TableRow({ children: [cell(new TextRun('Telefoon')), cell(new TextRun('14 0123'))] }),
        new TableRow({
          children: [cell(new TextRun('Website')), cell(link('www.voorbeeldstad.example/belastingen', `${SITE}/belastingen`))],
        }),
      ],
    }),
    new Paragraph({
      children: [
        new TextRun('Maak een afspraak via '),
        new SimpleField(`HYPERLINK "${SITE}/afspraak" \\l "balie"`, 'voorbeeldstad.example/afspraak'),
        new TextRun('.'),
      ],
    }),
    new Paragraph({
      children: [new TextRun('Nogmaals: '), kwijtschelding(), new TextRun(' en nog eens '), kwijtschelding(), new TextRun('.')],
    }),
    new Paragraph({
      children: [
        new TextRun('Bezwaar maken kan op '),
        new ExternalHyperlink({
          link: `${SITE}/bezwaar`,
          children: [
            new TextRun({ text: 'voorbeeldstad.example/', style: 'Hyperlink' }),
            new TextRun({ children: [new LastRenderedPageBreak(), 'bezwaar'], style: 'Hyperlink' }),
          ],
        }),
        new TextRun('.'),
      ],
    }),
    new Paragraph({
      children: [new TextRun('Lees eerst de '), new InternalHyperlink({ anchor: 'voorwaarden', children: [new TextRun('voorwaarden')] }), new TextRun(' hieronder.')],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new Bookmark({ id: 'voorwaarden', children: [new TextRun('Voorwaarden')] })] }),
    new Paragraph({
      children: [
        new CommentRangeStart(0),
        new TextRun('U woont in Voorbeeldstad en uw inkomen is laag.'),
        new CommentRangeEnd(0),
        new TextRun({ children: [new CommentReference(0)] }),
        new DeletedTextRun({ text: ' Zie www.oud.example/kwijtschelding.', id: 1, author: 'Redactie', date: '2025-02-01T10:00:00Z' }),
      ],
    }),
    new Paragraph('Met vriendelijke groet,'),
    new Paragraph('Team Belastingen'),
  ];
}

function cell(child) {
  return new TableCell({ children: [new Paragraph({ children: [child] })] });
}

// ---------------------------------------------------------------------------------------------
// A minimal zip writer, so that the bad inputs can lie about sizes.

/** entries: { name, data: Buffer, store?: boolean, declaredSize?: number } */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data, store = false, declaredSize } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const body = store ? data : deflateRawSync(data, { level: 9 });
    const fields = {
      method: store ? 0 : 8,
      crc: crc32(data),
      compressed: body.length,
      uncompressed: declaredSize ?? data.length,
    };
    const local = header(0x04034b50, fields, nameBytes);
    locals.push(local, nameBytes, body);
    centrals.push(centralHeader(fields, nameBytes, offset), nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

function header(signature, { method, crc, compressed, uncompressed }, nameBytes) {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(signature, 0);
  b.writeUInt16LE(20, 4); // version needed
  b.writeUInt16LE(0x0800, 6); // UTF-8 names
  b.writeUInt16LE(method, 8);
  b.writeUInt16LE(0, 10); // time
  b.writeUInt16LE(0x5a21, 12); // date 2025-01-01
  b.writeUInt32LE(crc, 14);
  b.writeUInt32LE(compressed, 18);
  b.writeUInt32LE(uncompressed, 22);
  b.writeUInt16LE(nameBytes.length, 26);
  return b;
}

function centralHeader({ method, crc, compressed, uncompressed }, nameBytes, offset) {
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(20, 4); // version made by
  b.writeUInt16LE(20, 6); // version needed
  b.writeUInt16LE(0x0800, 8);
  b.writeUInt16LE(method, 10);
  b.writeUInt16LE(0, 12);
  b.writeUInt16LE(0x5a21, 14);
  b.writeUInt32LE(crc, 16);
  b.writeUInt32LE(compressed, 20);
  b.writeUInt32LE(uncompressed, 24);
  b.writeUInt16LE(nameBytes.length, 28);
  b.writeUInt32LE(offset, 42);
  return b;
}

// ---------------------------------------------------------------------------------------------
// A minimal OLE compound file (MS-CFB, version 3): header, one FAT sector, one directory sector
// holding the root entry and empty streams with the given names.

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;

function oleFile(streamNames) {
  const head = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head, 0);
  head.writeUInt16LE(0x003e, 24); // minor version
  head.writeUInt16LE(0x0003, 26); // major version 3
  head.writeUInt16LE(0xfffe, 28); // byte order
  head.writeUInt16LE(9, 30); // sector shift: 512-byte sectors
  head.writeUInt16LE(6, 32); // mini sector shift
  head.writeUInt32LE(1, 44); // number of FAT sectors
  head.writeUInt32LE(1, 48); // first directory sector
  head.writeUInt32LE(4096, 56); // mini stream cutoff
  head.writeUInt32LE(ENDOFCHAIN, 60); // first mini FAT sector
  head.writeUInt32LE(ENDOFCHAIN, 68); // first DIFAT sector
  head.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 80; i < 512; i += 4) head.writeUInt32LE(FREESECT, i);

  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT
  fat.writeUInt32LE(ENDOFCHAIN, 4); // sector 1: directory

  const dir = Buffer.alloc(512, 0);
  const names = ['Root Entry', ...streamNames];
  names.forEach((name, i) => dirEntry(name, i === 0 ? 5 : 2, i === 0 ? 1 : i + 1 < names.length ? i + 1 : NOSTREAM).copy(dir, i * 128));
  return Buffer.concat([head, fat, dir]);
}

/** type 5 = root storage (its child is `next`), 2 = stream (its right sibling is `next`). */
function dirEntry(name, type, next) {
  const e = Buffer.alloc(128, 0);
  const utf16 = Buffer.from(`${name}\0`, 'utf16le');
  utf16.copy(e, 0);
  e.writeUInt16LE(utf16.length, 64);
  e.writeUInt8(type, 66);
  e.writeUInt8(1, 67); // black
  e.writeUInt32LE(NOSTREAM, 68); // left sibling
  e.writeUInt32LE(type === 5 ? NOSTREAM : next, 72); // right sibling
  e.writeUInt32LE(type === 5 ? next : NOSTREAM, 76); // child
  e.writeUInt32LE(ENDOFCHAIN, 116); // start sector: empty stream
  return e;
}

// ---------------------------------------------------------------------------------------------
// handmade-fields.docx — package parts written by hand.

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS = `xmlns:w="${W}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"`;
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const xml = (s) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`, 'utf8');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const run = (text) => `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const p = (...content) => `<w:p>${content.join('')}</w:p>`;
const fldChar = (type) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
const instr = (text) => `<w:r><w:instrText xml:space="preserve">${esc(text)}</w:instrText></w:r>`;
const field = (instruction, ...result) => fldChar('begin') + instr(instruction) + fldChar('separate') + result.join('') + fldChar('end');
const simpleField = (instruction, ...result) => `<w:fldSimple w:instr="${esc(instruction)}">${result.join('')}</w:fldSimple>`;

/** A text box the way Word stores it: a DrawingML choice and a VML fallback, same paragraphs. */
function textbox(...paragraphs) {
  const content = `<w:txbxContent>${paragraphs.join('')}</w:txbxContent>`;
  return (
    '<w:r><mc:AlternateContent>' +
    `<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${content}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
    `<mc:Fallback><w:pict><v:shape><v:textbox>${content}</v:textbox></v:shape></w:pict></mc:Fallback>` +
    '</mc:AlternateContent></w:r>'
  );
}

function handmadeDocument() {
  return xml(
    `<w:document ${NS}><w:body>` +
      p(run('Maak een afspraak op '), simpleField(` HYPERLINK "${SITE}/afspraak" `, run('voorbeeldstad.example/afspraak')), run('.')) +
      p(
        run('Zoals eerder onderzocht '),
        field(' ADDIN ZOTERO_ITEM CSL_CITATION {"citationItems":[{"itemData":{"URL":"https://zotero.example/onderzoek"}}]} ', run('(Jansen, 2024)')),
        run('.'),
      ) +
      p(run('Zie het kader.'), textbox(p(run('Bel 14 0123 of kijk op voorbeeldstad.example/contact')))) +
      p(
        run('Vraag een '),
        field(` HYPERLINK "${SITE}/parkeren" \\l "vergunning" \\o "Parkeren in Voorbeeldstad" `, run('parkeer'), run('vergunning aan')),
        run('.'),
      ) +
      p(run('Zie '), '<w:hyperlink w:anchor="bijlage">' + run('de bijlage') + '</w:hyperlink>', run('.')) +
      p(run('Afval: '), '<w:hyperlink r:id="rIdAfval" w:anchor="ophaaldagen">' + run('ophaaldagen') + '</w:hyperlink>') +
      p(run('Formulier: '), '<w:hyperlink r:id="rIdRelatief">' + run('aanvraagformulier') + '</w:hyperlink>') +
      p(run('Bijlage: '), '<w:hyperlink r:id="rIdCid">' + run('plattegrond') + '</w:hyperlink>') +
      p(
        run('Meer op '),
        '<w:del w:id="1" w:author="Redactie" w:date="2025-02-01T10:00:00Z"><w:r><w:delText>www.oud.example</w:delText></w:r></w:del>',
        '<w:ins w:id="2" w:author="Redactie" w:date="2025-02-01T10:00:00Z">' + run('voorbeeldstad.example/afval') + '</w:ins>',
        run('.'),
      ) +
      `<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/></w:sectPr>` +
      `</w:body></w:document>`,
  );
}

function handmadeHeader() {
  return xml(
    `<w:hdr ${NS}>` +
      p(
        run('Gemeente Voorbeeldstad | '),
        field(` HYPERLINK "${SITE}/jaarverslag-2025" `, run('jaarverslag '), field(' QUOTE "2025" ', run('2025'))),
      ) +
      p(run('Bel 14 0123 of ga naar '), simpleField(`HYPERLINK "${SITE}/contact"`, run('voorbeeldstad.example/contact'))) +
      p('<w:hyperlink r:id="rIdSite">' + run('www.voorbeeldstad.example') + '</w:hyperlink>') +
      p(run('Bronnen '), field(' ADDIN ZOTERO_BIBL {"uri":"https://zotero.example/bibliografie"} CSL_BIBLIOGRAPHY ', run('[1]'))) +
      p(textbox(p(run('Postbus 100, 1000 AA Voorbeeldstad')))) +
      `</w:hdr>`,
  );
}

function rels(list) {
  return xml(
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      list
        .map(([id, type, target, external]) => `<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`)
        .join('') +
      '</Relationships>',
  );
}

function handmadeFields() {
  const hyperlink = `${REL_TYPE}/hyperlink`;
  return zip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
          '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: rels([
        ['rId1', `${REL_TYPE}/officeDocument`, 'word/document.xml'],
        ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
        ['rId3', `${REL_TYPE}/custom-properties`, 'docProps/custom.xml'],
      ]),
    },
    { name: 'word/document.xml', data: handmadeDocument() },
    {
      name: 'word/_rels/document.xml.rels',
      data: rels([
        ['rIdHeader', `${REL_TYPE}/header`, 'header1.xml'],
        ['rIdAfval', hyperlink, `${SITE}/afval`, true],
        ['rIdRelatief', hyperlink, 'formulieren/aanvraag.pdf', true],
        ['rIdCid', hyperlink, 'cid:plattegrond@voorbeeldstad.example', true],
      ]),
    },
    { name: 'word/header1.xml', data: handmadeHeader() },
    { name: 'word/_rels/header1.xml.rels', data: rels([['rIdSite', hyperlink, `${SITE}/`, true]]) },
    {
      name: 'docProps/core.xml',
      data: xml(
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
          '<dc:title>Afspraak maken</dc:title></cp:coreProperties>',
      ),
    },
    {
      name: 'docProps/custom.xml',
      data: xml(
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="mailing-date"><vt:filetime>2025-03-13T23:00:00Z</vt:filetime></property>' +
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Aantal-ontvangers"><vt:i4>830</vt:i4></property>' +
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="Reference"><vt:lpwstr>PAR/2025/7</vt:lpwstr></property>' +
          '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="Concept"><vt:bool>true</vt:bool></property>' +
          '</Properties>',
      ),
    },
  ]);
}

// ---------------------------------------------------------------------------------------------

const MB = 1024 * 1024;
const tinyXml = xml(`<w:document xmlns:w="${W}"><w:body/></w:document>`);
const contentTypes = xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

const letter = await Packer.toBuffer(kwijtscheldingLetter());
out('docx/kwijtschelding.docx', letter);
out('docx/handmade-fields.docx', handmadeFields());

out('bad/empty.docx', Buffer.alloc(0));
out('bad/not-a-zip.docx', Buffer.from('{\\rtf1\\ansi Dit is een RTF-bestand dat als .docx is opgeslagen.}\n', 'latin1'));
out('bad/truncated.docx', letter.subarray(0, Math.floor(letter.length / 2)));
out('bad/bomb-entry.docx', zip([{ name: '[Content_Types].xml', data: contentTypes }, { name: 'word/document.xml', data: tinyXml, declaredSize: 1024 * MB }]));
out(
  'bad/bomb-total.docx',
  zip([1, 2, 3, 4, 5].map((i) => ({ name: `word/media/image${i}.png`, data: Buffer.alloc(64), declaredSize: 45 * MB }))),
);
out(
  'bad/bomb-lying.docx',
  zip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: rels([['rId1', `${REL_TYPE}/officeDocument`, 'word/document.xml']]) },
    { name: 'word/document.xml', data: Buffer.alloc(10 * MB, 0x20), declaredSize: 1024 },
  ]),
);
out('bad/encrypted.docx', oleFile(['EncryptionInfo', 'EncryptedPackage']));
out('bad/old-word-97.docx', oleFile(['WordDocument', '1Table', '\u0005SummaryInformation']));
out('bad/not-word.docx', zip([{ name: '[Content_Types].xml', data: contentTypes }, { name: 'xl/workbook.xml', data: xml('<workbook/>') }]));
out(
  'bad/broken-xml.docx',
  zip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: 'word/document.xml', data: Buffer.from(`<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>Kapot</w:r></w:body>`) },
  ]),
);
