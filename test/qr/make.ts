/**
 * QR fixtures made at test time: real QR codes drawn by the `qrcode` encoder, saved as
 * PNG, JPEG, GIF or BMP with the same decoders' encoders, and Word letters written with the `docx`
 * package (a real Word writer) that place them as pictures in the body and in a footer. An EMF
 * picture is a part with a minimal EMF header, put in the package the way Word stores one.
 */
import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { GifWriter } from 'omggif';
import { encode as encodeBmp } from 'bmp-ts';
import JSZip from 'jszip';
import { Document, Footer, ImageRun, Packer, Paragraph, TextRun } from 'docx';

export type RasterType = 'png' | 'jpg' | 'gif' | 'bmp';

/** A QR code for `payload` as a PNG (4 modules of quiet zone, `scale` pixels per module). */
export async function qrPng(payload: string, scale = 6): Promise<Buffer> {
  return QRCode.toBuffer(payload, { margin: 4, scale, errorCorrectionLevel: 'M' });
}

/** The same code in another raster format. */
export async function qrImage(payload: string, type: RasterType, scale = 6): Promise<Buffer> {
  const png = await qrPng(payload, scale);
  if (type === 'png') return png;
  const { width, height, data } = PNG.sync.read(png);
  if (type === 'jpg') return jpeg.encode({ width, height, data }, 85).data;
  if (type === 'bmp') {
    // bmp-ts writes ABGR order.
    const abgr = Buffer.alloc(data.length);
    for (let i = 0; i < data.length; i += 4) {
      abgr[i] = 255;
      abgr[i + 1] = data[i + 2];
      abgr[i + 2] = data[i + 1];
      abgr[i + 3] = data[i];
    }
    return encodeBmp({ width, height, data: abgr, bitPP: 24 }).data;
  }
  const indexed = new Array<number>(width * height);
  for (let i = 0; i < width * height; i++) indexed[i] = data[i * 4] < 128 ? 0 : 1;
  const out = Buffer.alloc(width * height + 1024);
  const writer = new GifWriter(out, width, height, { palette: [0x000000, 0xffffff] });
  writer.addFrame(0, 0, width, height, indexed);
  return out.subarray(0, writer.end());
}

/** A PNG without a code: a grey photo-like gradient, or a wide letterhead banner. */
export function plainPng(width: number, height: number, pixel: (x: number, y: number) => number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const v = pixel(x, y);
      png.data[i] = png.data[i + 1] = png.data[i + 2] = v;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** The first 88 bytes of an EMF file: an EMR_HEADER record with the " EMF" signature. */
export function emfHeader(): Buffer {
  const b = Buffer.alloc(88);
  b.writeUInt32LE(1, 0); // EMR_HEADER
  b.writeUInt32LE(88, 4); // record size
  b.writeInt32LE(100, 16); // bounds right
  b.writeInt32LE(100, 20); // bounds bottom
  b.writeUInt32LE(0x464d4520, 40); // " EMF"
  b.writeUInt32LE(0x10000, 44); // version
  b.writeUInt32LE(88, 48); // bytes
  b.writeUInt32LE(1, 52); // records
  return b;
}

/** An EPC (SEPA credit transfer) payload, as a "betaal met uw bank-app" code holds it. */
export const EPC_PAYLOAD = ['BCD', '002', '1', 'SCT', 'BNGHNL2G', 'Gemeente Voorbeeldstad', 'NL91ABNA0417164300', 'EUR56.40', '', '', 'Aanslag 2027-004711', ''].join('\n');

/** A piece of a Word paragraph: text, a QR picture, or an EMF picture. */
export type Piece = string | { image: Buffer; type?: RasterType; size?: number; alt?: string } | { emf: true; alt?: string };

export interface WordLetter {
  /** Body paragraphs, each a string or a list of pieces. */
  body: Array<string | Piece[]>;
  footer?: Array<string | Piece[]>;
  /** Store the footer's pictures as VML (`w:pict` / `v:imagedata r:id`), as older Word versions did. */
  vml?: boolean;
}

const EMF_MARK = Buffer.from('brieflint-emf-placeholder');

function run(piece: Piece) {
  if (typeof piece === 'string') return new TextRun(piece);
  if ('emf' in piece) {
    // docx writes no EMF; a PNG stand-in is renamed to .emf and given EMF bytes below.
    return new ImageRun({ type: 'png', data: Buffer.concat([plainPng(30, 30, () => 255), EMF_MARK]), transformation: { width: 60, height: 60 }, altText: { name: 'logo', description: piece.alt ?? '', title: '' } });
  }
  const size = piece.size ?? 110;
  return new ImageRun({
    type: piece.type ?? 'png',
    data: piece.image,
    transformation: { width: size, height: size },
    ...(piece.alt ? { altText: { name: 'QR', description: piece.alt, title: '' } } : {}),
  });
}

function paragraphs(list: Array<string | Piece[]>): Paragraph[] {
  return list.map((p) => new Paragraph({ children: (typeof p === 'string' ? [p] : p).map(run) }));
}

/** A Word letter with pictures in the body and footer (see the file comment). */
export async function wordLetter(letter: WordLetter): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        ...(letter.footer ? { footers: { default: new Footer({ children: paragraphs(letter.footer) }) } } : {}),
        children: paragraphs(letter.body),
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  return withEmf(bytes, letter.vml ?? false);
}

/** Rename every EMF stand-in to `.emf` with EMF bytes, as Word stores a metafile picture. */
async function withEmf(bytes: Buffer, vml: boolean): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  if (vml) {
    for (const name of Object.keys(zip.files)) {
      if (!/^word\/footer\d*\.xml$/.test(name)) continue;
      const xml = await zip.file(name)!.async('string');
      zip.file(
        name,
        xml.replace(/<w:drawing>[\s\S]*?r:embed="([^"]+)"[\s\S]*?<\/w:drawing>/g, (_m, id: string) =>
          `<w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" style="width:80pt;height:80pt"><v:imagedata r:id="${id}" o:title="QR-code"/></v:shape></w:pict>`,
        ),
      );
    }
  }
  const renamed = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (!name.startsWith('word/media/') || zip.files[name].dir) continue;
    const data = await zip.file(name)!.async('nodebuffer');
    if (!data.subarray(data.length - EMF_MARK.length).equals(EMF_MARK)) continue;
    const emf = name.replace(/\.png$/, '.emf');
    zip.remove(name);
    zip.file(emf, emfHeader());
    renamed.set(name.slice('word/'.length), emf.slice('word/'.length));
  }
  if (renamed.size === 0) return vml ? zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) : bytes;
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith('.rels') || zip.files[name].dir) continue;
    let xml = await zip.file(name)!.async('string');
    for (const [from, to] of renamed) xml = xml.split(from).join(to);
    zip.file(name, xml);
  }
  const types = await zip.file('[Content_Types].xml')!.async('string');
  if (!types.includes('Extension="emf"')) {
    zip.file('[Content_Types].xml', types.replace('<Default ', '<Default Extension="emf" ContentType="image/x-emf"/><Default '));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
